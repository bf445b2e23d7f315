using System.Globalization;
using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.Negotiation;

namespace Negotiation.Reporting.Trace;

/// <summary>Names, terms and reasons in words, shared by the text, markdown, JSON and CSV renderings of a trace.</summary>
internal static class TraceWords
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A utility or other figure with three decimals; "−∞" for nothing obtainable.</summary>
    public static string U(double value) =>
        double.IsNegativeInfinity(value) ? "−∞" : double.IsFinite(value) ? value.ToString("F3", Inv) : Text.NotAvailable;

    public static string Actor(RunTrace trace, int actor) =>
        actor < 0 ? "the opening proposal" : trace.Scenario.Actors[actor].Name;

    public static string ActorId(RunTrace trace, int actor) => actor < 0 ? "" : trace.Scenario.Actors[actor].Id;

    public static string Party(RunTrace trace, int party) => party < 0 ? "" : trace.Parties[party].Name;

    public static string PartyId(RunTrace trace, int party) => party < 0 ? "" : trace.Parties[party].Id;

    /// <summary>The term of issue <paramref name="issue"/>: the option's label, or the value with its unit.</summary>
    public static string Term(Scenario scenario, int issue, double value)
    {
        var i = scenario.Issues[issue];
        return i.Kind == IssueKind.Discrete
            ? i.Options[(int)value].Label
            : Text.Quantity(value) + (i.Unit is null ? "" : " " + i.Unit);
    }

    /// <summary>The term as a script reads it: the option id, or the value in round-trip form.</summary>
    public static string TermId(Scenario scenario, int issue, double value)
    {
        var i = scenario.Issues[issue];
        return i.Kind == IssueKind.Discrete ? i.Options[(int)value].Id : value.ToString("R", Inv);
    }

    /// <summary>Issues whose term differs from the previous offer (all of them for the first offer).</summary>
    public static bool[] Changed(TraceOffer offer, TraceOffer? previous) =>
        offer.Package.Select((v, j) => previous is null || previous.Package[j] != v).ToArray();

    /// <summary>The names of the issues on which <paramref name="package"/> crosses the actor's red lines.</summary>
    public static IReadOnlyList<string> RedLinesCrossed(Scenario scenario, int actor, IReadOnlyList<double> package)
    {
        var crossed = new List<string>();
        foreach (var line in scenario.Actors[actor].RedLines)
        {
            var j = scenario.IssueIndex(line.IssueId);
            if (j < 0)
            {
                continue;
            }

            var issue = scenario.Issues[j];
            var x = package[j];
            var crosses = issue.Kind == IssueKind.Discrete
                ? line.ExcludedOptions.Contains(issue.Options[(int)x].Id)
                : (line.Min is { } min && x < min) || (line.Max is { } max && x > max);
            if (crosses)
            {
                crossed.Add(issue.Name);
            }
        }

        return crossed;
    }

    /// <summary>Why an actor answered as it did, with the numbers.</summary>
    public static string Reason(RunTrace trace, TraceRound round, TraceResponse r)
    {
        var u = U(r.Utility);
        return r.Reason switch
        {
            ResponseReason.Accepted => $"accepts: {u} ≥ its aspiration {U(r.Aspiration)} and its BATNA {U(r.Reservation)}",
            ResponseReason.BelowAspiration => $"rejects: {u} is below its aspiration {U(r.Aspiration)} (BATNA {U(r.Reservation)})",
            ResponseReason.BelowReservation => $"rejects: {u} is below its BATNA {U(r.Reservation)}: no deal is better",
            ResponseReason.RedLine => $"rejects: the package crosses its red line on {RedLineList(trace, round, r.Actor)}",
            _ => $"rejects: it would accept ({u}), but {BlocConsent(trace, round, r.Actor)}",
        };
    }

    public static string ReasonId(ResponseReason reason) => reason switch
    {
        ResponseReason.Accepted => "accepted",
        ResponseReason.BelowAspiration => "below-aspiration",
        ResponseReason.BelowReservation => "below-batna",
        ResponseReason.RedLine => "red-line",
        _ => "no-bloc-consent",
    };

    private static string RedLineList(RunTrace trace, TraceRound round, int actor)
    {
        var issues = round.Offer is null ? [] : RedLinesCrossed(trace.Scenario, actor, round.Offer.Package);
        return issues.Count == 0 ? "an issue" : string.Join(", ", issues);
    }

    private static string BlocConsent(RunTrace trace, TraceRound round, int bloc)
    {
        var spec = trace.Scenario.Actors[bloc].Bloc;
        var answers = round.Responses.Where(m => m.Bloc == bloc).ToArray();
        var required = spec?.Consent.Required(answers.Length) ?? answers.Length;
        return $"only {answers.Count(a => a.Accepted)} of its {answers.Length} members consent ({required} needed)";
    }

    /// <summary>How the negotiation ended, in one sentence.</summary>
    public static string NegotiationOutcome(RunTrace trace)
    {
        var n = trace.Negotiation;
        if (n.Agreed)
        {
            var by = trace.AgreedRound?.Offer?.Proposer ?? n.Proposer;
            return $"Agreement in round {n.Round} on the package {(by < 0 ? "opened with" : "proposed by " + Actor(trace, by))}.";
        }

        if (n.Cause == BreakdownCause.WalkOut)
        {
            var last = trace.Rounds.LastOrDefault(r => r.WalkOut is not null);
            var walk = last?.WalkOut;
            var weighed = last?.Stays.FirstOrDefault(st => st.Left);
            return walk is null
                ? $"No agreement: {Actor(trace, n.WalkedOut)} walked out in round {n.Round}."
                : weighed is not null
                    ? $"No agreement: {Actor(trace, walk.Actor)} walked out in round {n.Round}: {WalkOutReason(trace, weighed)}"
                    : $"No agreement: {Actor(trace, walk.Actor)} walked out in round {n.Round}: its BATNA {U(walk.Reservation)} beat the best it could still obtain, {U(walk.BestObtainable)}.";
        }

        if (n.Cause == BreakdownCause.Hazard)
        {
            return $"No agreement: the talks broke down in round {n.Round} for reasons outside the table (the per-round hazard).";
        }

        return $"No agreement: the deadline passed after round {n.Round}.";
    }

    /// <summary>
    /// One line per observed actor: what the others believe about its BATNA (mean and 80% band), grouping the observers
    /// that share a belief (docs/model.md §3.3). After the first round only beliefs that moved (by 0.0005 or more) since
    /// <paramref name="before"/> are given.
    /// </summary>
    public static IEnumerable<string> Beliefs(RunTrace trace, TraceRound round, TraceRound? before)
    {
        foreach (var about in round.Beliefs.GroupBy(b => b.Observed))
        {
            if (before is not null && about.All(b => before.Beliefs.Any(p =>
                p.Observer == b.Observer && p.Observed == b.Observed && Math.Abs(p.Mean - b.Mean) < 0.0005
                && Math.Abs(p.Low - b.Low) < 0.0005 && Math.Abs(p.High - b.High) < 0.0005)))
            {
                continue;
            }

            var groups = about.GroupBy(b => (b.Mean, b.Low, b.High)).ToList();
            var parts = groups.Select(g =>
            {
                var who = groups.Count == 1 ? "the others" : string.Join(", ", g.Select(b => Actor(trace, b.Observer)));
                var band = g.Key.Low == g.Key.High ? "known" : $"80% between {U(g.Key.Low)} and {U(g.Key.High)}";
                return $"{who}: {U(g.Key.Mean)} ({band})";
            });
            yield return $"Belief about {Actor(trace, about.Key)}'s BATNA — {string.Join("; ", parts)}";
        }
    }

    /// <summary>An outside-option signatory that weighed staying and stayed.</summary>
    public static string Stays(RunTrace trace, TraceStay stay) =>
        $"{Actor(trace, stay.Actor)} stays: by its beliefs a deal it prefers to its BATNA exists with chance {Percent(stay.ChanceOfDeal)}"
        + (stay.ValueOfStaying > 0 ? $", and staying is worth {U(stay.ValueOfStaying)} more than leaving" : "") + ".";

    /// <summary>An outside-option signatory that left, with the reason by its beliefs.</summary>
    public static string WalksOut(RunTrace trace, TraceStay stay, TraceWalkOut walk) =>
        $"{Actor(trace, walk.Actor)} walks out (BATNA {U(walk.Reservation)}): {WalkOutReason(trace, stay)}";

    private static string WalkOutReason(RunTrace trace, TraceStay stay) =>
        stay.ChanceOfDeal <= 0
            ? "by its beliefs no deal it prefers to its BATNA is possible even if the others are as soft as it thinks they might be."
            : $"by its beliefs a deal it prefers exists with chance {Percent(stay.ChanceOfDeal)}, which does not pay for another round of delay "
              + $"(staying is worth {U(stay.ValueOfStaying)} against leaving).";

    private static string Percent(double share) => (share * 100).ToString("0", Inv) + "%";

    public static string Days(double days) => days == 1 ? "1 day" : days.ToString("0.#", Inv) + " days";

    /// <summary>The last period the compliance phase simulated.</summary>
    public static int LastPeriod(TraceCompliance c) => c.Result.Cause switch
    {
        CollapseCause.None => c.Horizon,
        CollapseCause.Withdrawal or CollapseCause.Expiry => c.Result.PeriodsHeld,
        _ => c.Result.PeriodsHeld + 1,
    };

    /// <summary>How the agreement's life ended, in one sentence.</summary>
    public static string ComplianceOutcome(RunTrace trace, TraceCompliance c)
    {
        var r = c.Result;
        var held = $"it held {r.PeriodsHeld} full period{(r.PeriodsHeld == 1 ? "" : "s")} ({Days(r.PeriodsHeld * c.PeriodDays)})";
        var sentence = r.Cause switch
        {
            CollapseCause.None => $"The agreement held to the horizon, all {c.Horizon} periods ({Days(c.Horizon * c.PeriodDays)}).",
            CollapseCause.Violation => $"The agreement collapsed in period {r.PeriodsHeld + 1} after a detected violation; {held}.",
            CollapseCause.FalseAlarm => $"The agreement collapsed in period {r.PeriodsHeld + 1} after a false alarm ({FalseAlarmParty(trace, c)} was reported violating in a period in which it had complied); {held}.",
            CollapseCause.Spoiler => $"The agreement collapsed in period {r.PeriodsHeld + 1} after a spoiler's attack was blamed on a party; {held}.",
            CollapseCause.Expiry => $"The agreement ran its course: every provision lapsed at its sunset after period {r.PeriodsHeld}; {held}.",
            _ => $"The agreement ended by withdrawal after period {r.PeriodsHeld}; {held}.",
        };
        if (r.FirstViolator >= 0)
        {
            sentence += $" First violator: {Party(trace, r.FirstViolator)}.";
        }

        var stages = trace.Scenario.Compliance?.Stages ?? [];
        var reached = stages.Where((s, k) => r.Reached(k)).Select(s => s.Name).ToArray();
        if (stages.Count > 0)
        {
            sentence += reached.Length == 0 ? " No stage was reached." : $" Stages reached: {string.Join(", ", reached)}.";
        }

        return sentence;
    }

    // Who the collapsing false alarm accused: the last false-alarm detection of the life ("a party" if none is recorded).
    // Earlier periods may have had real, caught violations, so the sentence speaks of that period only.
    private static string FalseAlarmParty(RunTrace trace, TraceCompliance c) =>
        c.Entries.OfType<DetectionEntry>().LastOrDefault(d => d.Kind == CollapseCause.FalseAlarm) is { Party: >= 0 } d ? Party(trace, d.Party) : "a party";

    /// <summary>One compliance entry as a sentence; null for entries told together with the one before.</summary>
    public static string? Entry(RunTrace trace, IReadOnlyList<ComplianceEntry> entries, int k)
    {
        var design = trace.Scenario.Compliance!;
        var e = entries[k];
        var previous = k > 0 ? entries[k - 1] : null;
        switch (e)
        {
            case StageEntry s:
                return s.Period == 1 ? $"stage “{design.Stages[s.Stage].Name}” in force from signature" : $"stage “{design.Stages[s.Stage].Name}” begins, the agreement having held {s.Period - 1} period{(s.Period == 2 ? "" : "s")}";
            case ViolationEntry v:
                var detected = k + 1 < entries.Count && entries[k + 1] is DetectionEntry { Kind: CollapseCause.Violation } seen && seen.Party == v.Party;
                return $"{Party(trace, v.Party)} violates “{design.Provisions[v.Provision].Name}”: gain {U(v.Gain)} > expected cost {U(v.ExpectedCost)}; {(detected ? "detected" : "not detected")}";
            case DetectionEntry { Kind: CollapseCause.Violation } when previous is ViolationEntry:
                return null;
            case DetectionEntry d:
                return d.Kind switch
                {
                    CollapseCause.FalseAlarm => $"false alarm: {Party(trace, d.Party)} is reported violating although it complied",
                    CollapseCause.Spoiler => $"{Party(trace, d.Party)} is blamed for the attack",
                    _ => $"{Party(trace, d.Party)} is seen violating",
                };
            case PenaltyEntry p:
                return p.Amount == 0 ? null : $"{Party(trace, p.Party)} pays a penalty of {U(p.Amount)}{(p.AsGuarantor ? " as guarantor" : "")}";
            case SpoilerEntry s:
                return $"attack by {Party(trace, trace.Scenario.Actors.Count + s.Spoiler)}; {(s.Misattributed ? "the attack is taken for a violation" : "correctly attributed, no consequence for the agreement")}";
            case ResponseEntry r:
                return r.Action switch
                {
                    ResponseAction.Collapse => $"{Party(trace, r.Responder)} abandons the agreement",
                    ResponseAction.Retaliate => $"{Party(trace, r.Responder)} retaliates: suspends its own obligations through the next period",
                    ResponseAction.Forgive => $"{Party(trace, r.Responder)} forgives and returns to compliance",
                    _ => $"{Party(trace, r.Responder)} tolerates it (within its tolerance)",
                };
            case WithdrawalEntry w:
                return $"notice of withdrawal given at the renewal date: the agreement ends after period {w.EffectivePeriod}";
            case PartyWithdrawalEntry p:
                return $"{Party(trace, p.Party)} gives notice under the withdrawal clause: it leaves after period {p.EffectivePeriod}, and the others go on while two parties remain";
            default:
                return null;
        }
    }

    public static string Kind(ComplianceEntry entry) => entry switch
    {
        StageEntry => "stage",
        ViolationEntry => "violation",
        DetectionEntry { Kind: CollapseCause.FalseAlarm } => "false-alarm",
        DetectionEntry { Kind: CollapseCause.Spoiler } => "blamed",
        DetectionEntry => "detected",
        PenaltyEntry => "penalty",
        SpoilerEntry => "spoiler-attack",
        ResponseEntry r => r.Action.ToString().ToLowerInvariant(),
        PartyWithdrawalEntry => "party-withdrawal-notice",
        _ => "withdrawal-notice",
    };
}
