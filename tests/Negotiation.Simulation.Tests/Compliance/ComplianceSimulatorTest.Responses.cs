using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;

namespace Negotiation.Simulation.Tests.Compliance;

public sealed partial class ComplianceSimulatorTest
{
    [Fact]
    public void GrimTrigger_CollapsesOnTheFirstDetectedViolation()
    {
        var observer = new RecordingObserver();

        var result = RebelsBound(Ceasefire.Traits(ResponseKind.GrimTrigger), Always, 52, Certain()).Run(0, observer: observer);

        // Seen in the period of the first violation: the periods before it were held; rebels (party 1) violated first.
        var first = observer.Violations[0].Period;
        Assert.Equal(new ComplianceResult(first - 1, CollapseCause.Violation, 1, 0), result);
        Assert.Single(observer.Detections);
    }

    [Fact]
    public void ForgivingTitForTat_Unforgiving_RetaliatesOnePeriodThenCollapses()
    {
        var observer = new RecordingObserver();

        var result = RebelsBound(Ceasefire.Traits(ResponseKind.ForgivingTitForTat, forgiveness: 0), Always, 52, Certain()).Run(0, observer: observer);

        // Seen in period s, retaliation for a week (through period s + 1), not forgiven at its end: collapsed during s + 1, held s.
        var s = observer.Detections[0].Period;
        Assert.Equal(new ComplianceResult(s, CollapseCause.Violation, 1, 0), result);
        Assert.Equal((s, 0, 1, ResponseAction.Retaliate), observer.Responses[0]);
        Assert.Equal((s + 1, 0, -1, ResponseAction.Collapse), observer.Responses[^1]);
    }

    [Fact]
    public void ForgivingTitForTat_AlwaysForgiving_Recovers_AndHoldsToTheHorizon()
    {
        var observer = new RecordingObserver();

        var result = RebelsBound(Ceasefire.Traits(ResponseKind.ForgivingTitForTat, forgiveness: 1), Always, 6, Certain()).Run(0, observer: observer);

        Assert.Equal(new ComplianceResult(6, CollapseCause.None, 1, 0), result);
        // Each retaliation lasts through the next period and ends forgiven; one still running at the horizon is not yet forgiven.
        var forgiven = observer.Responses.Count(r => r.Action == ResponseAction.Forgive);
        Assert.True(forgiven >= 1);
        Assert.InRange(observer.Responses.Count(r => r.Action == ResponseAction.Retaliate) - forgiven, 0, 1);
    }

    [Fact]
    public void ForgivingTitForTat_HalfForgiving_CollapsesAfterAboutTwoRetaliations()
    {
        // Each retaliation ends in collapse with probability 0.5, so the number of retaliations until collapse is
        // geometric with mean 2: over 4000 runs the mean is 2 within ±0.1 (standard error √2 / √4000 = 0.022).
        var rig = RebelsBound(Ceasefire.Traits(ResponseKind.ForgivingTitForTat, forgiveness: 0.5), Always, 520, Certain());
        var retaliations = 0;
        for (var r = 0; r < 4000; r++)
        {
            var observer = new RecordingObserver();
            rig.Run(r, observer: observer);
            retaliations += observer.Responses.Count(x => x.Action == ResponseAction.Retaliate);
        }

        Assert.InRange(retaliations / 4000.0, 1.9, 2.1);
    }

    [Fact]
    public void Proportional_ToleratesUpToTolerance_CollapsesOnTheNextViolation()
    {
        var observer = new RecordingObserver();

        var result = RebelsBound(Ceasefire.Traits(ResponseKind.Proportional, tolerance: 2), Always, 52, Certain()).Run(0, observer: observer);

        // The first two violations seen are tolerated (1 ≤ 2, 2 ≤ 2); the third (3 > 2) ends it in the period it is seen.
        Assert.Equal(new ComplianceResult(observer.Detections[2].Period - 1, CollapseCause.Violation, 1, 0), result);
        Assert.Equal([ResponseAction.Tolerate, ResponseAction.Tolerate, ResponseAction.Collapse], observer.Responses.Select(r => r.Action));
    }

    [Fact]
    public void Proportional_ExpectedCost_CountsTheLastStrawOnly()
    {
        // Tolerance 1, certain detection, surplus 0.1, δ 0.95. First violation: count after = 1, not over 1:
        // P(collapse) = 0, cost = 1 · (0 + 0) = 0. Once one is seen: count after = 2 > 1: cost = 1 · (0 + 1 · 1.9495726).
        // (Costs are those of the period's start: a second violation in the period of the first still shows 0.)
        var (observer, _) = FirstRunWhere(
            RebelsBound(Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1), Always, 52, Certain()),
            o => o.Violations.Select(v => v.Period).Distinct().Count() > 1);

        Assert.Equal([0.0, 1.9495726], observer.Violations.Select(v => Math.Round(v.Cost, 7)).Distinct());
    }

    [Fact]
    public void FalseAlarm_EndsAnAgreementNobodyBroke()
    {
        var alarm = Ceasefire.Mechanism("alarmist", MechanismKind.Verification, detection: 0, falseAlarm: 1, penalty: 0);

        var result = RebelsBound(Ceasefire.Traits(ResponseKind.GrimTrigger), 0, 52, alarm).Run(0);

        // No violation, so no first violator; the false alarm of period 1 triggers the grim trigger.
        Assert.Equal(new ComplianceResult(0, CollapseCause.FalseAlarm, -1, 0), result);
    }

    [Fact]
    public void FalseAlarms_UnderGrimTrigger_EndAboutAsManyAgreementsAsTheBaselineRatePredicts()
    {
        // Never tempted; baseline false alarm 0.002 per week on the rebels' one obligation, grim government:
        // P(hold 52 weeks) = exp(−52 · −ln 0.998) = (1 − 0.002)^52 = 0.9011
        var rig = RebelsBound(Ceasefire.Traits(ResponseKind.GrimTrigger), 0);
        var held = Enumerable.Range(0, 20_000).Count(r => rig.Run(r).Cause == CollapseCause.None) / 20_000.0;

        Assert.InRange(held, 0.893, 0.909);
    }

    [Fact]
    public void Detection_MechanismRaisesCostEnoughToDeter()
    {
        // Same temptation, grim government: certain detection makes violating cost 1 · 1.9496 = 1.95
        // against 0.5 · 1.9496 = 0.97 with baseline detection alone, so fewer violations are chosen.
        static int Violations(params Mechanism[] mechanisms)
        {
            var rig = RebelsBound(Ceasefire.Traits(ResponseKind.GrimTrigger), 0.3, 52, mechanisms);
            var observer = new RecordingObserver();
            for (var r = 0; r < 2000; r++)
            {
                rig.Run(r, observer: observer);
            }

            return observer.Violations.Count(v => v.Period == 1);
        }

        Assert.True(Violations(Certain()) < Violations());
    }
}
