using System.Text.Json;
using Negotiation.Core.Common;
using Negotiation.Reporting.Tables;

namespace Negotiation.Reporting.Trace;

/// <summary>
/// A trace for scripts: JSON (the whole structure, ids instead of names) and CSV (one row per event: offer,
/// answer, event, walk-out, outcome; then every compliance entry).
/// </summary>
public static class TraceExport
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static readonly string[] CsvColumns =
        ["phase", "step", "actor", "kind", "subject", "utility", "aspiration", "batna", "gain", "cost", "amount", "detail"];

    public static string Json(RunTrace trace)
    {
        Guard.NotNull(trace);
        var s = trace.Scenario;
        Dictionary<string, object> Terms(IReadOnlyList<double> package) =>
            s.Issues.Select((issue, j) => (issue.Id, Value: issue.Kind == Core.Model.IssueKind.Discrete ? (object)issue.Options[(int)package[j]].Id : package[j]))
                .ToDictionary(x => x.Id, x => x.Value);
        Dictionary<string, double> PerActor(IReadOnlyList<double> values) =>
            s.Actors.Select((a, i) => (a.Id, values[i])).ToDictionary(x => x.Id, x => x.Item2);

        var n = trace.Negotiation;
        var document = new
        {
            scenario = s.Metadata.Id,
            variant = trace.Variant.Id,
            seed = trace.Seed,
            run = trace.Run,
            outcome = trace.Outcome.ToString().ToLowerInvariant(),
            negotiation = new
            {
                agreed = n.Agreed,
                round = n.Round,
                breakdown = n.Agreed ? null : n.Cause.ToString().ToLowerInvariant(),
                walkedOut = n.WalkedOut >= 0 ? s.Actors[n.WalkedOut].Id : null,
                package = n.Agreed ? Terms(trace.Package) : null,
                utilities = PerActor(trace.Utilities),
                batna = PerActor(trace.Reservations),
                rounds = trace.Rounds.Select(r => new
                {
                    round = r.Round,
                    events = r.EventsFired.Select(e => s.Events[e].Id).ToArray(),
                    batna = PerActor(r.Reservations),
                    aspiration = PerActor(r.Aspirations),
                    offer = r.Offer is null ? null : new
                    {
                        proposer = r.Offer.Proposer < 0 ? null : s.Actors[r.Offer.Proposer].Id,
                        package = Terms(r.Offer.Package),
                        utilities = PerActor(r.Offer.Utilities),
                    },
                    responses = r.Responses.Select(x => new
                    {
                        actor = s.Actors[x.Actor].Id,
                        bloc = x.Bloc < 0 ? null : s.Actors[x.Bloc].Id,
                        accepted = x.Accepted,
                        reason = TraceWords.ReasonId(x.Reason),
                        utility = x.Utility,
                        aspiration = x.Aspiration,
                        batna = x.Reservation,
                    }).ToArray(),
                    walkOut = r.WalkOut is null ? null : new
                    {
                        actor = s.Actors[r.WalkOut.Actor].Id,
                        batna = r.WalkOut.Reservation,
                        bestObtainable = double.IsFinite(r.WalkOut.BestObtainable) ? r.WalkOut.BestObtainable : (double?)null,
                    },
                }).ToArray(),
            },
            compliance = trace.Compliance is not { } c ? null : new
            {
                horizon = c.Horizon,
                periodDays = c.PeriodDays,
                periodsHeld = c.Result.PeriodsHeld,
                cause = c.Result.Cause.ToString().ToLowerInvariant(),
                firstViolator = TraceWords.PartyId(trace, c.Result.FirstViolator) is { Length: > 0 } v ? v : null,
                stagesReached = (s.Compliance?.Stages ?? []).Where((_, k) => c.Result.Reached(k)).Select(x => x.Id).ToArray(),
                events = Rows(trace).Where(r => r.Phase == "compliance").Select(r => new
                {
                    period = r.Step,
                    kind = r.Kind,
                    party = r.Actor,
                    subject = r.Subject,
                    gain = r.Gain,
                    cost = r.Cost,
                    amount = r.Amount,
                    text = r.Detail,
                }).ToArray(),
            },
        };
        return JsonSerializer.Serialize(document, Options) + "\n";
    }

    public static string Csv(RunTrace trace)
    {
        Guard.NotNull(trace);
        var table = new CsvTable("trace.csv", CsvColumns);
        foreach (var r in Rows(trace))
        {
            table.Add(r.Phase, r.Step, r.Actor, r.Kind, r.Subject, r.Utility, r.Aspiration, r.Batna, r.Gain, r.Cost, r.Amount, r.Detail);
        }

        return table.ToCsv();
    }

    /// <summary>One event of the trace as a table row; numbers not relevant to the kind are null.</summary>
    internal sealed record Row(string Phase, int Step, string Actor, string Kind, string Subject,
        double? Utility = null, double? Aspiration = null, double? Batna = null, double? Gain = null, double? Cost = null, double? Amount = null, string Detail = "");

    internal static IEnumerable<Row> Rows(RunTrace trace)
    {
        var s = trace.Scenario;
        const string N = "negotiation";
        foreach (var round in trace.Rounds)
        {
            foreach (var e in round.EventsFired)
            {
                yield return new Row(N, round.Round, "", "event", s.Events[e].Id, Detail: s.Events[e].Name);
            }

            if (round.WalkOut is { } w)
            {
                yield return new Row(N, round.Round, s.Actors[w.Actor].Id, "walk-out", "", Batna: w.Reservation,
                    Utility: double.IsFinite(w.BestObtainable) ? w.BestObtainable : null, Detail: "best obtainable below BATNA");
                continue;
            }

            if (round.Offer is not { } offer)
            {
                yield return new Row(N, round.Round, "", "pass", "", Detail: "the proposer has no package within its red lines");
                continue;
            }

            var terms = string.Join(";", s.Issues.Select((issue, j) => $"{issue.Id}={TraceWords.TermId(s, j, offer.Package[j])}"));
            yield return new Row(N, round.Round, TraceWords.ActorId(trace, offer.Proposer), "offer", offer.Proposer < 0 ? "opening" : "", Detail: terms);
            foreach (var x in round.Responses)
            {
                yield return new Row(N, round.Round, s.Actors[x.Actor].Id, x.Accepted ? "accept" : "reject", TraceWords.ReasonId(x.Reason),
                    x.Utility, x.Aspiration, x.Reservation, Detail: x.Bloc < 0 ? "" : "member of " + s.Actors[x.Bloc].Id);
            }
        }

        var n = trace.Negotiation;
        yield return new Row(N, n.Round, n.WalkedOut >= 0 ? s.Actors[n.WalkedOut].Id : "", n.Agreed ? "agreement" : "breakdown",
            n.Agreed ? "" : n.Cause.ToString().ToLowerInvariant(),
            Detail: n.Agreed ? string.Join(";", s.Issues.Select((issue, j) => $"{issue.Id}={TraceWords.TermId(s, j, trace.Package[j])}")) : "");

        if (trace.Compliance is not { } c)
        {
            yield break;
        }

        const string C = "compliance";
        for (var k = 0; k < c.Entries.Count; k++)
        {
            var e = c.Entries[k];
            var text = TraceWords.Entry(trace, c.Entries, k) ?? "";
            var design = s.Compliance!;
            yield return e switch
            {
                StageEntry x => new Row(C, x.Period, "", "stage", design.Stages[x.Stage].Id, Detail: text),
                ViolationEntry x => new Row(C, x.Period, TraceWords.PartyId(trace, x.Party), "violation", design.Provisions[x.Provision].Id, Gain: x.Gain, Cost: x.ExpectedCost, Detail: text),
                DetectionEntry x => new Row(C, x.Period, TraceWords.PartyId(trace, x.Party), TraceWords.Kind(x), "", Detail: text),
                PenaltyEntry x => new Row(C, x.Period, TraceWords.PartyId(trace, x.Party), "penalty", x.AsGuarantor ? "as-guarantor" : "", Amount: x.Amount, Detail: text),
                SpoilerEntry x => new Row(C, x.Period, TraceWords.PartyId(trace, s.Actors.Count + x.Spoiler), "spoiler-attack", x.Misattributed ? "misattributed" : "attributed", Detail: text),
                ResponseEntry x => new Row(C, x.Period, TraceWords.PartyId(trace, x.Responder), TraceWords.Kind(x), TraceWords.PartyId(trace, x.Offender), Detail: text),
                WithdrawalEntry x => new Row(C, x.Period, "", "withdrawal-notice", x.EffectivePeriod.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail: text),
                PartyWithdrawalEntry x => new Row(C, x.Period, TraceWords.PartyId(trace, x.Party), TraceWords.Kind(x), x.EffectivePeriod.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail: text),
                _ => throw new InvalidOperationException("unknown compliance entry " + e.GetType().Name),
            };
        }

        yield return new Row(C, TraceWords.LastPeriod(c), TraceWords.PartyId(trace, c.Result.FirstViolator), "end", c.Result.Cause.ToString().ToLowerInvariant(),
            Detail: TraceWords.ComplianceOutcome(trace, c));
    }
}
