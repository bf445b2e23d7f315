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
    private static readonly ulong DeadlineStream = Streams.ForParameter("protocol.deadline");
    private static readonly ulong HazardStream = Streams.ForParameter("protocol.hazard");
    private static readonly ulong RecognitionStream = Streams.ForParameter("protocol.recognition");

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
        for (var round = 1; round <= ws.LastRound; round++)
        {
            if (round > 1 && rounds is not null && rounds.Repeats(ws, round))
            {
                return rounds.Follow(ws);
            }

            ApplyEvents(ws, p, round, observer);
            UpdateReservations(ws, round);
            UpdateAspirations(ws, round);
            if (round == 1 && model.OpeningAuthor >= 0)
            {
                ws.Beliefs.ObserveOpening(model.OpeningAuthor, ws.OpeningUtility);
            }

            if (observer is not null)
            {
                observer.RoundStarted(round, ws.Reservation, ws.Aspiration);
                ReportBeliefs(ws, round, observer);
            }

            ws.InLastPossibleRound = round == model.Deadline;
            var recognised = Recognise(ws);
            foreach (var s in model.Signatories)
            {
                if (model.Strategy[s] == StrategyKind.OutsideOption && WalksOut(ws, s, round, observer))
                {
                    return Finish(ws, new NegotiationResult(false, round, -1, BreakdownCause.WalkOut, s), observer, rounds);
                }
            }

            if (PutOffer(ws, round, recognised, out var proposer))
            {
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

            // No agreement this round (or the proposer passed): the talks may break down for reasons outside the table.
            if (round < ws.LastRound && ws.Hazard > 0 && ws.HazardStream.Chance(ws.Hazard))
            {
                return Finish(ws, new NegotiationResult(false, round, -1, BreakdownCause.Hazard, -1), observer, rounds);
            }
        }

        return Finish(ws, new NegotiationResult(false, ws.LastRound, -1, BreakdownCause.Deadline, -1), observer, rounds);
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

        // The end of the talks and the proposer draws (docs/model.md §3.3): each from its own stream.
        ws.LastRound = model.DeadlineMin < model.Deadline
            ? model.DeadlineMin + Rng.For(seed, run, DeadlineStream).NextInt(model.Deadline - model.DeadlineMin + 1)
            : model.Deadline;
        ws.ExpectedRounds = ExpectedRounds(model.DeadlineMin, model.Deadline, ws.Hazard);
        ws.HazardStream = Rng.For(seed, run, HazardStream);
        ws.RecognitionStream = Rng.For(seed, run, RecognitionStream);
        ws.Beliefs.Draw(ws.ReservationBase, seed, run);
        Array.Fill(ws.ChanceLevel, 1); // the walk-out test starts at the lowest level (§5.4)
        ws.ObtainabilityMemo.Clear();
        if (model.OpeningAuthor >= 0)
        {
            ws.Evaluate(model.Opening, ws.CandidateUtil, ws.CandidateCross);
            ws.OpeningUtility = ws.CandidateUtil[model.OpeningAuthor];
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

    /// <summary>
    /// The expected number of rounds the talks last, E[T] = Σ_{r=1}^{D} P(D_run ≥ r)·(1 − h)^(r−1) (docs/model.md §3.3):
    /// the time scale of the time-dependent tactics, t = r / E[T]. With a certain deadline and no hazard it is D exactly.
    /// </summary>
    internal static double ExpectedRounds(int deadlineMin, int deadline, double hazard)
    {
        var expected = 0.0;
        var survives = 1.0;
        for (var r = 1; r <= deadline; r++)
        {
            var deadlineNotYet = r <= deadlineMin ? 1.0 : (double)(deadline - r + 1) / (deadline - deadlineMin + 1);
            expected += deadlineNotYet * survives;
            survives *= 1 - hazard;
        }

        return expected;
    }

    /// <summary>
    /// Every actor's reservation value this round, r_a(r) = base + trend·r + shifts (§2), with the opening author's
    /// commitment (§3.3).
    /// </summary>
    private static void UpdateReservations(NegotiationWorkspace ws, int round)
    {
        for (var a = 0; a < ws.Model.ActorCount; a++)
        {
            ws.Reservation[a] = new StrategyRules(ws, a, round, ws.Model.Strategy[a]).Reservation(ws.ReservationBase[a]);
        }
    }

    /// <summary>The value of no deal to actor a in a round for a base value θ: θ + trend·r + shifts (§2).</summary>
    private static double Alternative(NegotiationWorkspace ws, int a, int round, double baseValue) =>
        Alternative(baseValue, ws.Trend[a], round, ws.Shift[a]);

    /// <summary>θ + trend·r + shifts (§2).</summary>
    private static double Alternative(double baseValue, double trend, int round, double shift) => baseValue + trend * round + shift;

    /// <summary>
    /// The audience cost's effect (docs/model.md §3.3; Fearon 1994): an author who loses κ·(U(x⁰) − U(x)) by settling
    /// for x below its opening x⁰ prefers x to no deal iff U(x) ≥ (r + κ·U(x⁰)) / (1 + κ) (when U(x⁰) &gt; r).
    /// </summary>
    internal static double Committed(double audienceCost, double openingUtility, double reservation) =>
        audienceCost > 0 && openingUtility > reservation
            ? (reservation + audienceCost * openingUtility) / (1 + audienceCost)
            : reservation;

    /// <summary>
    /// Every actor's aspiration for this round (docs/model.md §5), and that of each of its types in the others'
    /// beliefs (§3.3), by the same rules.
    /// </summary>
    private static void UpdateAspirations(NegotiationWorkspace ws, int round)
    {
        var model = ws.Model;
        var t = round / ws.ExpectedRounds;
        for (var a = 0; a < model.ActorCount; a++)
        {
            var strategy = model.Strategy[a];
            var rules = new StrategyRules(ws, a, round, strategy)
            {
                Share = strategy is StrategyKind.Hardliner or StrategyKind.TitForTat ? 0 : Aspiration.ConcededShare(t, ws.Exponent[a]),
                Concession = ws.PendingCount[a] > 0 ? ws.PendingSum[a] / ws.PendingCount[a] : 0,
            };
            ws.PreviousAspiration[a] = rules.PreviousAspiration(ws.Reservation[a], round > 1 ? ws.Aspiration[a] : double.NaN);
            ws.Aspiration[a] = rules.Aspiration(ws.Reservation[a], ws.Aspiration[a]);
            ws.Beliefs.AdvanceTypes(a, round == 1, ref rules);
            if (strategy == StrategyKind.TitForTat)
            {
                ws.PendingSum[a] = 0;
                ws.PendingCount[a] = 0;
            }
        }
    }

    /// <summary>One actor's strategy (§5) as a function of its reservation value: applied to the actor and to its types.</summary>
    private struct StrategyRules : ITypeRules
    {
        // The actor's numbers the rules read for every type, read once (the same values as reading them each time).
        private readonly int _round;
        private readonly StrategyKind _strategy;
        private readonly double _trend;
        private readonly double _shift;
        private readonly bool _committed;
        private readonly double _audienceCost;
        private readonly double _openingUtility;
        private readonly double _floor;
        private readonly double _startTimesBest;
        private readonly double _level;
        private readonly double _reciprocity;

        public StrategyRules(NegotiationWorkspace ws, int actor, int round, StrategyKind strategy)
        {
            _round = round;
            _strategy = strategy;
            _trend = ws.Trend[actor];
            _shift = ws.Shift[actor];
            _committed = actor == ws.Model.OpeningAuthor;
            _audienceCost = ws.AudienceCost[actor];
            _openingUtility = ws.OpeningUtility;
            _floor = ws.Floor[actor];
            _startTimesBest = ws.Start[actor] * ws.BestUtility[actor];
            _level = ws.Level[actor];
            _reciprocity = ws.Reciprocity[actor];
        }

        /// <summary>F(t) of the time-dependent tactic this round (one power for the actor and all its types).</summary>
        public double Share;

        /// <summary>The others' mean concession since the last round, for tit-for-tat.</summary>
        public double Concession;

        /// <summary>r_a(r) for a base value θ: its <see cref="Alternative(double, double, int, double)"/>, committed by the opening when the actor is its author (§3.3).</summary>
        public readonly double Reservation(double baseValue)
        {
            var reservation = Alternative(baseValue, _trend, _round, _shift);
            return _committed ? Committed(_audienceCost, _openingUtility, reservation) : reservation;
        }

        private readonly double PMin(double reservation) => Math.Max(_floor, reservation);

        private readonly double PMax(double reservation) => Math.Max(_startTimesBest, PMin(reservation));

        public readonly double PreviousAspiration(double reservation, double previous) =>
            !double.IsNaN(previous) ? previous
            : _strategy == StrategyKind.Hardliner ? _level : PMax(reservation);

        public readonly double Aspiration(double reservation, double previous) => _strategy switch
        {
            StrategyKind.Hardliner => _level,
            StrategyKind.TitForTat => _round == 1
                ? PMax(reservation)
                : Negotiation.Aspiration.TitForTat(previous, Concession, _reciprocity, PMin(reservation), PMax(reservation)),
            _ => Negotiation.Aspiration.TimeDependentFromShare(Share, PMin(reservation), PMax(reservation)),
        };
    }

    /// <summary>Each signatory's and proposer's beliefs about every actor it holds one about, for the trace.</summary>
    private static void ReportBeliefs(NegotiationWorkspace ws, int round, INegotiationObserver observer)
    {
        var model = ws.Model;
        var beliefs = ws.Beliefs;
        for (var o = 0; o < model.ActorCount; o++)
        {
            if (!model.IsSignatory[o] && Array.IndexOf(model.Proposers, o) < 0)
            {
                continue;
            }

            for (var b = 0; b < model.ActorCount; b++)
            {
                var set = model.Beliefs.SetFor(o, b);
                if (set >= 0)
                {
                    beliefs.Quantiles(set, Beliefs.Measure.Reservation, 0.1, 0.9, out var low, out var high);
                    observer.Believed(round, o, b, beliefs.Mean(set), low, high);
                }
            }
        }
    }

    /// <summary>
    /// This round's proposer when the protocol draws it (docs/model.md §3.3, Baron &amp; Ferejohn 1989): one draw per
    /// round, with probability power / Σ power over the proposers (equal chances when every power is 0); −1 under turns.
    /// </summary>
    private static int Recognise(NegotiationWorkspace ws)
    {
        var model = ws.Model;
        if (model.Recognition != RecognitionKind.Power || model.Kind != ProtocolKind.AlternatingOffers)
        {
            return -1;
        }

        var proposers = model.RecognitionOrder;
        var u = ws.RecognitionStream.NextDouble();
        var total = 0.0;
        foreach (var a in proposers)
        {
            total += ws.Power[a];
        }

        if (!(total > 0))
        {
            return proposers[Math.Min((int)(u * proposers.Length), proposers.Length - 1)];
        }

        var cumulative = 0.0;
        foreach (var a in proposers)
        {
            cumulative += ws.Power[a];
            if (u * total < cumulative)
            {
                return a;
            }
        }

        return proposers[^1];
    }

    /// <summary>
    /// The walk-out test on beliefs (docs/model.md §5.4): leave when no deal the actor prefers is possible even if every
    /// party is its softest type (P(0) = 0), or when the value of staying, (1 − h)·(G/2)·(P(0) + 2·P(G/2))/2 with
    /// G = U* − r, is below a round's delay cost. The value rises with both chances, so the levels are searched only
    /// until bounds on them settle the decision (<see cref="ChanceBounds"/>): the same decision as with the exact chances,
    /// usually from two searches that find a package. A trace gets the exact chances and value.
    /// </summary>
    private static bool WalksOut(NegotiationWorkspace ws, int s, int round, INegotiationObserver? observer)
    {
        var reservation = ws.Reservation[s];
        var levels = LevelsOf(ws);
        var delay = ws.DelayCost[s];
        var half = Math.Max(0, ws.BestUtility[s] - reservation) / 2;
        var weighsGain = delay > 0 && half > 0;
        var deal = new ChanceBounds(levels, ws.LastChanceLevel(s, DealSlot));
        var goodDeal = new ChanceBounds(levels, ws.LastChanceLevel(s, GoodDealSlot));
        bool leaves;
        while (true)
        {
            // Leaving is certain when even the upper bounds give nothing; staying when the lower bounds suffice.
            var leavesAtBest = deal.Highest == 0
                || (delay > 0 && ValueOfStaying(ws.Hazard, half, deal.Highest, Math.Min(goodDeal.Highest, deal.Highest), levels, weighsGain) < delay);
            var staysAtWorst = deal.Lowest > 0
                && !(delay > 0 && ValueOfStaying(ws.Hazard, half, deal.Lowest, goodDeal.Lowest, levels, weighsGain) < delay);
            // A trace reports the exact chances, so it tests on until they are known.
            var traceNeedsMore = observer is not null && !(deal.Known && (goodDeal.Known || !weighsGain || deal.Lowest == 0));
            if ((leavesAtBest || staysAtWorst) && !traceNeedsMore)
            {
                leaves = leavesAtBest;
                break;
            }

            if (!deal.Known)
            {
                deal.Learn(Obtainable(ws, s, reservation - Tolerance, deal.Next, DealSlot));
            }
            else
            {
                goodDeal.Learn(Obtainable(ws, s, reservation + half - Tolerance, goodDeal.Next, GoodDealSlot));
            }
        }

        deal.Remember(ref ws.LastChanceLevel(s, DealSlot));
        goodDeal.Remember(ref ws.LastChanceLevel(s, GoodDealSlot));
        if (observer is not null)
        {
            var chance = (double)deal.Lowest / levels;
            var value = chance <= 0 ? double.NegativeInfinity
                : delay > 0 ? ValueOfStaying(ws.Hazard, half, deal.Lowest, goodDeal.Lowest, levels, weighsGain) - delay
                : 0;
            observer.WeighedStaying(round, s, chance, value, leaves);
            if (leaves)
            {
                SetPartyThresholds(ws, s, 1);
                observer.WalkedOut(round, s, reservation, ws.Obtainable.BestObtainable(ws, s, ws.PartyThreshold));
            }
        }

        return leaves;
    }

    /// <summary>The walk-out test's two chances: of a deal the actor prefers to leaving, P(0), and of one worth half its best gain, P(G/2).</summary>
    private const int DealSlot = 0, GoodDealSlot = 1;

    /// <summary>
    /// (1 − h)·E[max(0, B − r)] of docs/model.md §5.4 by the layer-cake formula ∫ P(g) dg over [0, G], G = U* − r, with
    /// the trapezoid at 0, G/2 and G, where P(0) = <paramref name="deal"/>/L, P(G/2) = <paramref name="goodDeal"/>/L
    /// (0 unless <paramref name="weighsGain"/>) and P(G) is taken as 0 (the best package of all is rarely obtainable):
    /// (1 − h)·(G/2)·(P(0) + 2·P(G/2)) / 2. Non-decreasing in both chances.
    /// </summary>
    private static double ValueOfStaying(double hazard, double half, int deal, int goodDeal, int levels, bool weighsGain)
    {
        var chanceOfHalf = weighsGain ? (double)goodDeal / levels : 0;
        return (1 - hazard) * half * ((double)deal / levels + 2 * chanceOfHalf) / 2;
    }

    /// <summary>Quantile levels of the walk-out test (docs/model.md §5.4): one when beliefs are point masses.</summary>
    private static int LevelsOf(NegotiationWorkspace ws) => ws.Beliefs.TypeCount == 1 ? 1 : Beliefs.Levels;

    /// <summary>
    /// What a walk-out test knows of P_a(g) of docs/model.md §5.4, the largest share l/L of the levels (i − ½)/L,
    /// i = 1 … L, at which a package worth at least g is obtainable with every party at its belief's (l − ½)/L
    /// quantile. Obtainability falls as the level rises (every threshold rises with it), so each test narrows the level
    /// to between the highest known obtainable (<see cref="Lowest"/>) and just below the lowest known not
    /// (<see cref="Highest"/>). Tests go first to the level found last round and its neighbour — beliefs move little
    /// from one round to the next — then bisect. In round 1 they start at the lowest level: a package found there
    /// usually makes staying worth it, and finding none means leaving.
    /// </summary>
    private struct ChanceBounds
    {
        private readonly int _start;
        private int _lowestNot;
        private int _tests;

        public ChanceBounds(int levels, int last)
        {
            _start = Math.Clamp(last, 1, levels);
            _lowestNot = levels + 1;
            Lowest = 0;
        }

        /// <summary>The highest level known obtainable (0: none yet): P ≥ Lowest/L.</summary>
        public int Lowest { get; private set; }

        /// <summary>The highest level not yet known unobtainable: P ≤ Highest/L.</summary>
        public readonly int Highest => _lowestNot - 1;

        /// <summary>Whether P is known exactly.</summary>
        public readonly bool Known => Lowest == Highest;

        /// <summary>The level to test next.</summary>
        public readonly int Next => _tests switch
        {
            0 => _start,
            1 when Lowest == _start && _start < Highest => _start + 1,
            1 when _lowestNot == _start && _start > 1 => _start - 1,
            _ => (Lowest + _lowestNot) / 2,
        };

        /// <summary>Narrows the bounds by the answer at <see cref="Next"/>.</summary>
        public void Learn(bool obtainable)
        {
            var level = Next;
            _tests++;
            if (obtainable)
            {
                Lowest = level;
            }
            else
            {
                _lowestNot = level;
            }
        }

        /// <summary>Where next round's test starts: the highest level known obtainable, when this round tested any.</summary>
        public readonly void Remember(ref int last)
        {
            if (_tests > 0)
            {
                last = Lowest;
            }
        }
    }

    /// <summary>
    /// Whether a package worth <paramref name="minimum"/> to <paramref name="s"/> is obtainable with every party at level
    /// <paramref name="level"/> of its belief (chance <paramref name="slot"/>); answered from <see cref="ObtainabilityMemo"/>
    /// when an earlier exact answer decides it.
    /// </summary>
    private static bool Obtainable(NegotiationWorkspace ws, int s, double minimum, int level, int slot)
    {
        SetPartyThresholds(ws, s, level);
        var memo = ws.ObtainabilityMemo;
        if (memo.TryRecall(s, slot, level, minimum, ws.PartyThreshold, ws.UtilVersion, out var obtainable))
        {
            return obtainable;
        }

        obtainable = ws.Obtainable.CanObtain(ws, s, minimum, ws.PartyThreshold);
        if (ws.Obtainable.LastWasExact)
        {
            memo.Remember(s, slot, level, minimum, ws.PartyThreshold, ws.UtilVersion, obtainable);
        }

        return obtainable;
    }

    /// <summary>
    /// Each other actor's reservation value at level <paramref name="level"/> of <paramref name="s"/>'s belief about it
    /// (with point-mass beliefs, one level: every level of a single type is its value).
    /// </summary>
    private static void SetPartyThresholds(NegotiationWorkspace ws, int s, int level)
    {
        var model = ws.Model;
        for (var b = 0; b < model.ActorCount; b++)
        {
            var set = b == s ? -1 : model.Beliefs.SetFor(s, b);
            ws.PartyThreshold[b] = set < 0 ? ws.Reservation[b] : ws.Beliefs.ReservationAtLevel(set, level);
        }
    }

    /// <summary>Puts this round's package in <c>workspace.Offer</c>; false when the proposer has nothing to offer.</summary>
    private static bool PutOffer(NegotiationWorkspace ws, int round, int recognised, out int proposer)
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
            proposer = recognised >= 0 ? recognised : model.Proposers[turn % model.Proposers.Length];
            found = ProposeUnderBeliefs(ws, proposer);
        }

        if (found)
        {
            ws.Best.AsSpan().CopyTo(ws.Offer);
            ws.HasOffer = true;
        }

        return found;
    }

    /// <summary>Belief quantiles of the proposer's two candidate offers (docs/model.md §3.3): the median and a cautious one.</summary>
    private const double BoldQuantile = 0.5;
    private const double CautiousQuantile = 0.9;

    /// <summary>
    /// Offers under uncertainty (docs/model.md §3.3): a package searched with each party at the median of the
    /// proposer's belief, and one with each at its 90th percentile climbed from the first (it goes on giving the others
    /// more); the one with the larger expected gain
    /// P(accepted)·(U_p − r_p + c_p) goes in <c>workspace.Best</c>. One search when the two coincide.
    /// </summary>
    private static bool ProposeUnderBeliefs(NegotiationWorkspace ws, int proposer)
    {
        SetSearchThresholds(ws, proposer, bold: ws.Tau, cautious: ws.PartyThreshold);
        var found = PackageSearch.Find(ws, proposer, ws.Aspiration[proposer], SearchGoal.OwnUtility, out _);
        if (!found || ws.PartyThreshold.AsSpan().SequenceEqual(ws.Tau))
        {
            return found;
        }

        ws.Best.AsSpan().CopyTo(ws.FirstCandidate);
        var boldGain = ExpectedGain(ws, proposer, ws.FirstCandidate, out var boldChance);
        if (boldChance >= SureAcceptance)
        {
            return true; // the cautious offer gives the others more, so it cannot be worth more than a sure one
        }

        ws.PartyThreshold.AsSpan().CopyTo(ws.Tau);
        if (PackageSearch.FindFrom(ws, proposer, ws.Aspiration[proposer], ws.FirstCandidate)
            && ExpectedGain(ws, proposer, ws.Best, out _) > boldGain)
        {
            return true;
        }

        ws.FirstCandidate.AsSpan().CopyTo(ws.Best);
        return true;
    }

    /// <summary>
    /// The thresholds the proposer's two searches assume (§4 and §3.3): its own aspiration; for each actor it holds a
    /// belief about, the median (<paramref name="bold"/>) and the 90th percentile (<paramref name="cautious"/>) of the
    /// types' lagged thresholds max(A_{b,k}(r − 1), r_{b,k}(r)), from one sort; for others, the lagged threshold itself.
    /// </summary>
    private static void SetSearchThresholds(NegotiationWorkspace ws, int proposer, Span<double> bold, Span<double> cautious)
    {
        var model = ws.Model;
        var measure = ThresholdMeasure(ws);
        for (var b = 0; b < model.ActorCount; b++)
        {
            var set = b == proposer ? -1 : model.Beliefs.SetFor(proposer, b);
            if (set >= 0)
            {
                ws.Beliefs.Quantiles(set, measure, BoldQuantile, CautiousQuantile, out bold[b], out cautious[b]);
            }
            else
            {
                bold[b] = cautious[b] = b == proposer ? ws.Aspiration[b] : Threshold(ws, b);
            }
        }
    }

    /// <summary>
    /// Which threshold of the others a proposer reads (docs/model.md §4, "Opponent model"): their position at the end of
    /// the previous round, except in the last possible round, when no round follows and it reads where they stand now.
    /// </summary>
    private static Beliefs.Measure ThresholdMeasure(NegotiationWorkspace ws) =>
        ws.InLastPossibleRound ? Beliefs.Measure.Threshold : Beliefs.Measure.LaggedThreshold;

    /// <summary>The threshold of <see cref="ThresholdMeasure"/> of an actor the proposer holds no belief about.</summary>
    private static double Threshold(NegotiationWorkspace ws, int b) =>
        Math.Max(ws.InLastPossibleRound ? ws.Aspiration[b] : ws.PreviousAspiration[b], ws.Reservation[b]);

    /// <summary>A median-belief offer accepted with at least this chance is made without searching the cautious one (§3.3).</summary>
    private const double SureAcceptance = 0.999;

    /// <summary>EG_p(x) = P_p(x)·(U_p(x) − r_p + c_p) of docs/model.md §3.3, with P_p(x) in <paramref name="chance"/>.</summary>
    private static double ExpectedGain(NegotiationWorkspace ws, int proposer, ReadOnlySpan<int> package, out double chance)
    {
        ws.Evaluate(package, ws.CandidateUtil, ws.CandidateCross);
        var gain = ws.CandidateUtil[proposer] - ws.Reservation[proposer] + ws.DelayCost[proposer];
        chance = AcceptanceChance(ws, proposer, ws.CandidateUtil, ws.CandidateCross);
        return chance * gain;
    }

    /// <summary>
    /// P_p(x): under the proposer's beliefs, the probability that the signing rule is met — at least
    /// Required − [p ∈ S] of the other signatories accept (independently; the Poisson-binomial recursion), each bloc
    /// with the consent of enough members, and the proposer's own bloc consents.
    /// </summary>
    internal static double AcceptanceChance(NegotiationWorkspace ws, int proposer, ReadOnlySpan<double> utility, ReadOnlySpan<int> cross)
    {
        var model = ws.Model;
        var need = model.RequiredSignatures - (model.IsSignatory[proposer] ? 1 : 0);
        var count = ws.AcceptCount.AsSpan();
        count.Clear();
        count[0] = 1;
        var others = 0;
        foreach (var s in model.Signatories)
        {
            if (s != proposer)
            {
                AddTrial(count, ++others, PartyAccepts(ws, proposer, s, utility, cross));
            }
        }

        var chance = AtLeast(count, need, others);

        return model.BlocMembers[proposer].Length > 0 ? chance * ConsentChance(ws, proposer, proposer, utility, cross) : chance;
    }

    /// <summary>The probability, under the proposer's beliefs, that signatory <paramref name="s"/> accepts (with its bloc's consent).</summary>
    private static double PartyAccepts(NegotiationWorkspace ws, int proposer, int s, ReadOnlySpan<double> utility, ReadOnlySpan<int> cross)
    {
        var p = AnswerChance(ws, proposer, s, utility, cross);
        return p > 0 && ws.Model.BlocMembers[s].Length > 0 ? p * ConsentChance(ws, proposer, s, utility, cross) : p;
    }

    /// <summary>The probability that <paramref name="b"/>'s own answer is yes: 0 across a red line; else by the proposer's belief.</summary>
    private static double AnswerChance(NegotiationWorkspace ws, int proposer, int b, ReadOnlySpan<double> utility, ReadOnlySpan<int> cross)
    {
        if (cross[b] > 0)
        {
            return 0;
        }

        if (b == proposer)
        {
            return 1;
        }

        var set = ws.Model.Beliefs.SetFor(proposer, b);
        return set >= 0
            ? ws.Beliefs.AcceptanceProbability(set, utility[b], ThresholdMeasure(ws))
            : utility[b] >= Threshold(ws, b) - Tolerance ? 1 : 0;
    }

    /// <summary>The probability that at least the consent count of <paramref name="bloc"/>'s members accept.</summary>
    private static double ConsentChance(NegotiationWorkspace ws, int proposer, int bloc, ReadOnlySpan<double> utility, ReadOnlySpan<int> cross)
    {
        var members = ws.Model.BlocMembers[bloc];
        Span<double> count = stackalloc double[members.Length + 1];
        count.Clear();
        count[0] = 1;
        for (var i = 0; i < members.Length; i++)
        {
            AddTrial(count, i + 1, AnswerChance(ws, proposer, members[i], utility, cross));
        }

        return AtLeast(count, ws.Model.BlocRequired[bloc], members.Length);
    }

    /// <summary>
    /// One step of the Poisson-binomial recursion: <paramref name="count"/>[j] holds the probability of exactly j
    /// successes among the first <paramref name="trials"/> − 1 independent trials; it becomes that among
    /// <paramref name="trials"/>, the last succeeding with probability <paramref name="p"/>.
    /// </summary>
    private static void AddTrial(Span<double> count, int trials, double p)
    {
        for (var j = trials; j >= 1; j--)
        {
            count[j] = count[j] * (1 - p) + count[j - 1] * p;
        }

        count[0] *= 1 - p;
    }

    /// <summary>The probability of at least <paramref name="need"/> successes among <paramref name="trials"/>.</summary>
    private static double AtLeast(ReadOnlySpan<double> count, int need, int trials)
    {
        var chance = 0.0;
        for (var j = Math.Max(need, 0); j <= trials; j++)
        {
            chance += count[j];
        }

        return chance;
    }

    /// <summary>Tit-for-tat bookkeeping and the opponent model: how each actor sees each proposer's offers move.</summary>
    private static void RecordOffer(NegotiationWorkspace ws, int proposer)
    {
        if (proposer < 0)
        {
            return;
        }

        var model = ws.Model;
        if (model.Kind == ProtocolKind.AlternatingOffers && model.BlocMembers[proposer].Length == 0)
        {
            // A bloc's offer also weighs its members' consent, so it says nothing exact about its own threshold.
            ws.Beliefs.ObserveOffer(proposer, ws.OfferUtil[proposer], ws.BestUtility[proposer]);
        }

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
        Observe(ws, s, reason);
        var members = ws.Model.BlocMembers[s];
        if (reason == ResponseReason.Accepted && members.Length > 0)
        {
            var consent = 0;
            foreach (var member in members)
            {
                var answer = Respond(ws, member);
                Observe(ws, member, answer);
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

    /// <summary>Bayes' rule on an answer (docs/model.md §3.3); a red line is public, so rejecting across one tells nothing.</summary>
    private static void Observe(NegotiationWorkspace ws, int actor, ResponseReason reason)
    {
        if (reason is ResponseReason.Accepted or ResponseReason.BelowAspiration or ResponseReason.BelowReservation)
        {
            ws.Beliefs.ObserveAnswer(actor, ws.OfferUtil[actor], reason == ResponseReason.Accepted);
        }
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
            var author = ws.Model.OpeningAuthor;
            if (author >= 0 && ws.AudienceCost[author] > 0)
            {
                // Settling below one's public opening costs the author (docs/model.md §3.3).
                ws.UtilitiesOut[author] -= ws.AudienceCost[author] * Math.Max(0, ws.OpeningUtility - ws.OfferUtil[author]);
            }
        }
        else
        {
            Array.Fill(ws.PackageOut, double.NaN);
            ws.Reservation.AsSpan().CopyTo(ws.UtilitiesOut);
        }

        ws.Reservation.AsSpan().CopyTo(ws.ReservationsOut);
        if (ws.Model.OpeningAuthor is var opener and >= 0)
        {
            // The commitment only raises what the author accepts; no deal is still worth its alternative (§3.3).
            var alternative = Alternative(ws, opener, result.Round, ws.ReservationBase[opener]);
            ws.ReservationsOut[opener] = alternative;
            if (!result.Agreed)
            {
                ws.UtilitiesOut[opener] = alternative;
            }
        }
        observer?.Ended(result, ws.PackageOut, ws.UtilitiesOut, ws.ReservationsOut);
        return result;
    }
}
