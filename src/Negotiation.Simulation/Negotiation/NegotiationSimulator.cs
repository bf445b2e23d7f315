using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Negotiation;

/// <summary>
/// Simulates one negotiation round by round (docs/model.md, "Protocol"): events fire, reservation values and
/// aspirations move, outside-option actors may walk out, a package is put on the table (by the proposer whose
/// turn it is, or by the mediator), and every signatory accepts or rejects it.
/// </summary>
public static class NegotiationSimulator
{
    /// <summary>Tolerance of every utility comparison, so that rounding never flips an acceptance.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// Deterministic function of (model, p, seed, run). Event firings draw from
    /// Rng.For(seed, run, Streams.ForParameter("events." + id + ".fires")); nothing else is random. Allocates nothing.
    /// </summary>
    public static NegotiationResult Run(NegotiationModel model, ReadOnlySpan<double> p, ulong seed, long run,
        NegotiationWorkspace workspace, INegotiationObserver? observer = null) =>
        Run(model, p, seed, run, workspace, observer, rounds: null);

    /// <summary>
    /// As <see cref="Run(NegotiationModel, ReadOnlySpan{double}, ulong, long, NegotiationWorkspace, INegotiationObserver?)"/>,
    /// recording the run's round states for followers (a leader) or taking the leader's ending once the run repeats
    /// it (a follower; <paramref name="rounds"/>). The result and outputs are those of the run without it.
    /// </summary>
    internal static NegotiationResult Run(NegotiationModel model, ReadOnlySpan<double> p, ulong seed, long run,
        NegotiationWorkspace workspace, INegotiationObserver? observer, RoundStates? rounds)
    {
        Guard.NotNull(model);
        var ws = Guard.NotNull(workspace);
        if (!ReferenceEquals(ws.Model, model))
        {
            throw new ArgumentException("The workspace was made for another model.", nameof(workspace));
        }

        if (p.Length < model.ParameterCount)
        {
            throw new ArgumentException($"Expected at least {model.ParameterCount} parameters, got {p.Length}.", nameof(p));
        }

        if (rounds is not null && rounds.RepeatsFromTheStart(seed, run))
        {
            return rounds.Follow(ws);
        }

        Reset(ws, p, seed, run);
        var deadline = model.Deadline;
        var n = model.ActorCount;
        for (var round = 1; round <= deadline; round++)
        {
            if (round > 1 && rounds is not null && rounds.Repeats(ws, round))
            {
                return rounds.Follow(ws);
            }

            ApplyEvents(ws, p, round, observer);
            for (var a = 0; a < n; a++)
            {
                ws.Reservation[a] = ws.ReservationBase[a] + ws.Trend[a] * round + ws.Shift[a];
            }

            UpdateAspirations(ws, round);
            observer?.RoundStarted(round, ws.Reservation, ws.Aspiration);

            foreach (var s in model.Signatories)
            {
                if (model.Strategy[s] != StrategyKind.OutsideOption)
                {
                    continue;
                }

                if (!ws.Obtainable.CanObtain(ws, s, ws.Reservation[s] - Tolerance))
                {
                    observer?.WalkedOut(round, s, ws.Reservation[s], ws.Obtainable.BestObtainable(ws, s));
                    return Finish(ws, new NegotiationResult(false, round, -1, BreakdownCause.WalkOut, s), observer, rounds);
                }
            }

            if (!PutOffer(ws, round, out var proposer))
            {
                continue; // the proposer has no package within its red lines: it passes
            }

            ws.Evaluate(ws.Offer, ws.OfferUtil, ws.OfferCross);
            RecordOffer(ws, proposer);
            if (observer is not null)
            {
                ws.Describe(ws.Offer, ws.OfferValues);
                observer.OfferMade(round, proposer, ws.OfferValues, ws.OfferUtil);
            }

            var signatures = 0;
            foreach (var s in model.Signatories)
            {
                if (Signs(ws, s, round, observer))
                {
                    signatures++;
                }
            }

            if (signatures >= model.RequiredSignatures)
            {
                return Finish(ws, new NegotiationResult(true, round, proposer, BreakdownCause.None, -1), observer, rounds);
            }
        }

        return Finish(ws, new NegotiationResult(false, deadline, -1, BreakdownCause.Deadline, -1), observer, rounds);
    }

    private static void Reset(NegotiationWorkspace ws, ReadOnlySpan<double> p, ulong seed, long run)
    {
        var model = ws.Model;
        ws.Load(p);
        for (var e = 0; e < ws.Fires.Length; e++)
        {
            var rng = Rng.For(seed, run, model.Events.Stream[e]);
            ws.Fires[e] = rng.Chance(p[model.Events.ProbabilitySlot[e]]);
        }

        ws.HasOffer = false;
        Array.Clear(ws.HasLastOffer);
        Array.Fill(ws.LastFrom, double.NaN);
        Array.Clear(ws.PendingSum);
        Array.Clear(ws.PendingCount);
        Array.Clear(ws.Aspiration);
    }

    private static void ApplyEvents(NegotiationWorkspace ws, ReadOnlySpan<double> p, int round, INegotiationObserver? observer)
    {
        var events = ws.Model.Events;
        var valuesChanged = false;
        for (var e = 0; e < events.Count; e++)
        {
            if (events.Round[e] != round || !ws.Fires[e])
            {
                continue;
            }

            for (var k = events.EffectStart[e]; k < events.EffectStart[e + 1]; k++)
            {
                var delta = p[events.EffectSlot[k]];
                if (events.EffectKinds[k] == EffectKind.Reservation)
                {
                    ws.Shift[events.EffectActor[k]] += delta;
                }
                else
                {
                    ws.ShiftValue(events.EffectActor[k], events.EffectIssue[k], events.EffectCandidate[k], delta);
                    valuesChanged = true;
                }
            }

            observer?.EventFired(round, e);
        }

        if (valuesChanged)
        {
            ws.RefreshUtilities();
        }
    }

    /// <summary>Every actor's aspiration for this round (docs/model.md, "Strategies").</summary>
    private static void UpdateAspirations(NegotiationWorkspace ws, int round)
    {
        var model = ws.Model;
        var t = (double)round / model.Deadline;
        for (var a = 0; a < model.ActorCount; a++)
        {
            var pMin = Math.Max(ws.Floor[a], ws.Reservation[a]);
            var pMax = Math.Max(ws.Start[a] * ws.BestUtility[a], pMin);
            ws.PreviousAspiration[a] = round > 1 ? ws.Aspiration[a]
                : model.Strategy[a] == StrategyKind.Hardliner ? ws.Level[a] : pMax;
            switch (model.Strategy[a])
            {
                case StrategyKind.Hardliner:
                    ws.Aspiration[a] = ws.Level[a];
                    break;
                case StrategyKind.TitForTat:
                    if (round == 1)
                    {
                        ws.Aspiration[a] = pMax;
                    }
                    else
                    {
                        var concession = ws.PendingCount[a] > 0 ? ws.PendingSum[a] / ws.PendingCount[a] : 0;
                        ws.Aspiration[a] = Aspiration.TitForTat(ws.Aspiration[a], concession, ws.Reciprocity[a], pMin, pMax);
                    }

                    ws.PendingSum[a] = 0;
                    ws.PendingCount[a] = 0;
                    break;
                default:
                    ws.Aspiration[a] = Aspiration.TimeDependent(t, ws.Exponent[a], pMin, pMax);
                    break;
            }
        }
    }

    /// <summary>Puts this round's package in <c>workspace.Offer</c>; false when the proposer has nothing to offer.</summary>
    private static bool PutOffer(NegotiationWorkspace ws, int round, out int proposer)
    {
        var model = ws.Model;
        var hasOpening = model.Opening is not null;
        if (round == 1 && hasOpening)
        {
            model.Opening.AsSpan().CopyTo(ws.Offer);
            proposer = -1;
            ws.HasOffer = true;
            return true;
        }

        bool found;
        if (model.Kind == ProtocolKind.SingleText)
        {
            // The mediator hears every signatory's critique of the text, so it knows their current aspirations.
            proposer = model.Mediator;
            ws.Aspiration.AsSpan().CopyTo(ws.Tau);
            found = PackageSearch.Find(ws, proposer, double.NegativeInfinity, SearchGoal.Mediation, out _);
        }
        else
        {
            var turn = round - 1 - (hasOpening ? 1 : 0);
            proposer = model.Proposers[turn % model.Proposers.Length];
            EstimateThresholds(ws, proposer);
            found = PackageSearch.Find(ws, proposer, ws.Aspiration[proposer], SearchGoal.OwnUtility, out _);
        }

        if (found)
        {
            ws.Best.AsSpan().CopyTo(ws.Offer);
            ws.HasOffer = true;
        }

        return found;
    }

    /// <summary>
    /// The proposer's model of the others (docs/model.md, "Package building"): each party's position is known as it
    /// stood at the end of the previous round — its aspiration then, which its last offer and answers revealed (at
    /// round 1, its opening aspiration) — and never below its current reservation value.
    /// </summary>
    private static void EstimateThresholds(NegotiationWorkspace ws, int proposer)
    {
        for (var b = 0; b < ws.Model.ActorCount; b++)
        {
            ws.Tau[b] = b == proposer ? ws.Aspiration[b] : Math.Max(ws.PreviousAspiration[b], ws.Reservation[b]);
        }
    }

    /// <summary>Tit-for-tat bookkeeping and the opponent model: how each actor sees each proposer's offers move.</summary>
    private static void RecordOffer(NegotiationWorkspace ws, int proposer)
    {
        if (proposer < 0)
        {
            return;
        }

        var model = ws.Model;
        var n = model.ActorCount;
        var m = model.IssueCount;
        ws.Offer.AsSpan().CopyTo(ws.LastOffer.AsSpan(proposer * m, m));
        ws.HasLastOffer[proposer] = true;
        for (var a = 0; a < n; a++)
        {
            if (a == proposer)
            {
                continue;
            }

            var key = a * n + proposer;
            if (!double.IsNaN(ws.LastFrom[key]))
            {
                ws.PendingSum[a] += ws.OfferUtil[a] - ws.LastFrom[key];
                ws.PendingCount[a]++;
            }

            ws.LastFrom[key] = ws.OfferUtil[a];
        }
    }

    /// <summary>A signatory's answer, with its bloc members' consent when it is a bloc.</summary>
    private static bool Signs(NegotiationWorkspace ws, int s, int round, INegotiationObserver? observer)
    {
        var reason = Respond(ws, s);
        var members = ws.Model.BlocMembers[s];
        if (reason == ResponseReason.Accepted && members.Length > 0)
        {
            var consent = 0;
            foreach (var member in members)
            {
                var answer = Respond(ws, member);
                observer?.Responded(round, member, s, answer, ws.OfferUtil[member], ws.Aspiration[member], ws.Reservation[member]);
                consent += answer == ResponseReason.Accepted ? 1 : 0;
            }

            if (consent < ws.Model.BlocRequired[s])
            {
                reason = ResponseReason.NoBlocConsent;
            }
        }

        observer?.Responded(round, s, -1, reason, ws.OfferUtil[s], ws.Aspiration[s], ws.Reservation[s]);
        return reason == ResponseReason.Accepted;
    }

    /// <summary>
    /// The acceptance rule (docs/model.md, "Acceptance"): reject a package across a red line; otherwise accept iff
    /// U ≥ r(t) and U ≥ aspiration(t), both weakly (within <see cref="Tolerance"/>).
    /// </summary>
    private static ResponseReason Respond(NegotiationWorkspace ws, int a)
    {
        var u = ws.OfferUtil[a];
        if (ws.OfferCross[a] > 0)
        {
            return ResponseReason.RedLine;
        }

        if (u < ws.Reservation[a] - Tolerance)
        {
            return ResponseReason.BelowReservation;
        }

        return u < ws.Aspiration[a] - Tolerance ? ResponseReason.BelowAspiration : ResponseReason.Accepted;
    }

    private static NegotiationResult Finish(NegotiationWorkspace ws, NegotiationResult result, INegotiationObserver? observer, RoundStates? rounds)
    {
        rounds?.Ended(result);
        if (result.Agreed)
        {
            ws.Describe(ws.Offer, ws.PackageOut);
            ws.OfferUtil.AsSpan().CopyTo(ws.UtilitiesOut);
        }
        else
        {
            Array.Fill(ws.PackageOut, double.NaN);
            ws.Reservation.AsSpan().CopyTo(ws.UtilitiesOut);
        }

        ws.Reservation.AsSpan().CopyTo(ws.ReservationsOut);
        observer?.Ended(result, ws.PackageOut, ws.UtilitiesOut, ws.ReservationsOut);
        return result;
    }
}
