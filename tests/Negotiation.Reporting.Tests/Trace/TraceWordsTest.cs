using Negotiation.Reporting.Trace;
using Negotiation.Scenarios;
using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.Negotiation;

namespace Negotiation.Reporting.Tests.Trace;

public sealed class TraceWordsTest
{
    [Fact]
    public void Reason_ForEachKindOfAnswer_GivesTheNumbers()
    {
        var trace = TraceFixture.RiverTrace(3);
        // Package: equal shares (option 2), 0 years; across Upstream's red line.
        var round = new TraceRound(1, [], [0.3, 0.5], [0.9, 0.8], new TraceOffer(1, [2, 0], [0, 1]), [], null);
        Assert.Equal("rejects: the package crosses its red line on Water share",
            TraceWords.Reason(trace, round, new TraceResponse(0, -1, ResponseReason.RedLine, 0, 0.9, 0.3)));
        Assert.Equal("accepts: 1.000 ≥ its aspiration 0.800 and its BATNA 0.500",
            TraceWords.Reason(trace, round, new TraceResponse(1, -1, ResponseReason.Accepted, 1, 0.8, 0.5)));
        Assert.Equal("rejects: 0.600 is below its aspiration 0.800 (BATNA 0.500)",
            TraceWords.Reason(trace, round, new TraceResponse(1, -1, ResponseReason.BelowAspiration, 0.6, 0.8, 0.5)));
        Assert.Equal("rejects: 0.400 is below its BATNA 0.500: no deal is better",
            TraceWords.Reason(trace, round, new TraceResponse(1, -1, ResponseReason.BelowReservation, 0.4, 0.8, 0.5)));
    }

    [Fact]
    public void Reason_NoBlocConsent_CountsTheMembersWhoConsented()
    {
        var yaml = TraceFixture.Yaml
            .Replace("signatories: [up, down]", "signatories: [up, down]\n  proposers: [up]", StringComparison.Ordinal)
            .Replace("    strategy: conceder\n", "    strategy: conceder\n    members: [m1, m2, m3]\n    consent: majority\n"
                + "  m1: {name: M1, interests: {share: {weight: 1, values: {equal: 1}}}}\n"
                + "  m2: {name: M2, interests: {share: {weight: 1, values: {equal: 1}}}}\n"
                + "  m3: {name: M3, interests: {share: {weight: 1, values: {equal: 1}}}}\n", StringComparison.Ordinal);
        var variant = ScenarioLoader.LoadText(yaml, "river.yaml").Baseline;
        var trace = TraceFixture.RiverTrace(3) with { Variant = variant };
        var round = new TraceRound(1, [], [0.3, 0.5, 0, 0, 0], [0.9, 0.8, 1, 1, 1], new TraceOffer(0, [1, 5], [0.6, 0.7, 0, 0, 0]),
        [
            new TraceResponse(2, 1, ResponseReason.Accepted, 1, 1, 0),
            new TraceResponse(3, 1, ResponseReason.BelowAspiration, 0, 1, 0),
            new TraceResponse(4, 1, ResponseReason.BelowAspiration, 0, 1, 0),
            new TraceResponse(1, -1, ResponseReason.NoBlocConsent, 0.7, 0.6, 0.5),
        ], null);
        // Majority of three members: 3/2 + 1 = 2 needed; one consented.
        Assert.Equal("rejects: it would accept (0.700), but only 1 of its 3 members consent (2 needed)",
            TraceWords.Reason(trace, round, round.Responses[3]));
    }

    [Fact]
    public void NegotiationOutcome_OfAWalkOut_ComparesTheBatnaWithTheBestObtainable()
    {
        var trace = TraceFixture.RiverTrace(3) with
        {
            Rounds = [new TraceRound(1, [], [0.3, 0.5], [1, 1], null, [], new TraceWalkOut(1, 0.5, double.NegativeInfinity))],
            Negotiation = new NegotiationResult(false, 1, -1, BreakdownCause.WalkOut, 1),
        };
        Assert.Equal("No agreement: Downstream walked out in round 1: its BATNA 0.500 beat the best it could still obtain, −∞.",
            TraceWords.NegotiationOutcome(trace));
    }

    [Fact]
    public void Term_ShowsTheOptionLabel_OrTheValueWithItsUnit()
    {
        var scenario = TraceFixture.River().Baseline.Scenario;
        Assert.Equal("proportional", TraceWords.Term(scenario, 0, 1));
        Assert.Equal("7.5 years", TraceWords.Term(scenario, 1, 7.5));
        Assert.Equal("7.5", TraceWords.TermId(scenario, 1, 7.5));
    }

    [Fact]
    public void Term_OfALargeValue_IsGroupedNotInExponentForm()
    {
        var scenario = TraceFixture.River().Baseline.Scenario;
        Assert.Equal("11,000 years", TraceWords.Term(scenario, 1, 11000));
    }

    [Fact]
    public void ComplianceOutcome_FalseAlarmAfterACaughtViolation_DoesNotSayNobodyHadViolated()
    {
        // Downstream violates and is caught in period 3 (Upstream tolerates it); in period 9 Upstream is reported
        // violating although it complied, and Downstream abandons the agreement.
        var trace = TraceFixture.RiverTrace(3) with
        {
            Compliance = new TraceCompliance(52, 7,
            [
                new ViolationEntry(3, 0, 1, 0.2, 0.1),
                new DetectionEntry(3, 1, CollapseCause.Violation),
                new ResponseEntry(3, 0, 1, ResponseAction.Tolerate),
                new DetectionEntry(9, 0, CollapseCause.FalseAlarm),
                new ResponseEntry(9, 1, 0, ResponseAction.Collapse),
            ], new ComplianceResult(8, CollapseCause.FalseAlarm, 1, 0)),
        };
        var sentence = TraceWords.ComplianceOutcome(trace, trace.Compliance!);
        Assert.DoesNotContain("nobody had violated", sentence, StringComparison.Ordinal);
        Assert.StartsWith("The agreement collapsed in period 9 after a false alarm (Upstream was reported violating in a period in which it had complied)", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void ComplianceOutcome_Expiry_SaysTheAgreementRanItsCourse_NotThatItWasWithdrawn()
    {
        // Every provision lapsed at its sunset after period 26: the run ended with cause Expiry, PeriodsHeld 26.
        var trace = TraceFixture.RiverTrace(3) with
        {
            Compliance = new TraceCompliance(52, 7, [], new ComplianceResult(26, CollapseCause.Expiry, -1, 0)),
        };

        var sentence = TraceWords.ComplianceOutcome(trace, trace.Compliance!);

        Assert.DoesNotContain("withdrawal", sentence, StringComparison.Ordinal);
        Assert.StartsWith("The agreement ran its course: every provision lapsed at its sunset after period 26", sentence, StringComparison.Ordinal);
        Assert.Equal(26, TraceWords.LastPeriod(trace.Compliance!));
    }

    [Fact]
    public void Entry_PartyWithdrawalNotice_NamesTheParty_AndSaysTheOthersGoOn()
    {
        var trace = TraceFixture.RiverTrace(3);
        ComplianceEntry[] entries = [new PartyWithdrawalEntry(4, 0, 8)];

        Assert.Equal("Upstream gives notice under the withdrawal clause: it leaves after period 8, and the others go on while two parties remain",
            TraceWords.Entry(trace, entries, 0));
        Assert.Equal("party-withdrawal-notice", TraceWords.Kind(entries[0]));
    }
}
