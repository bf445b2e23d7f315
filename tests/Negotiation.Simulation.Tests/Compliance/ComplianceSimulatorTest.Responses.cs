using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;

namespace Negotiation.Simulation.Tests.Compliance;

public sealed partial class ComplianceSimulatorTest
{
    [Fact]
    public void GrimTrigger_CollapsesOnTheFirstDetectedViolation()
    {
        var result = RebelsBound(Ceasefire.Traits(ResponseKind.GrimTrigger), Always, 52, Certain()).Run(0);

        // Violated and seen in period 1: no full period held; rebels (party 1) violated first.
        Assert.Equal(new ComplianceResult(0, CollapseCause.Violation, 1, 0), result);
    }

    [Fact]
    public void ForgivingTitForTat_Unforgiving_RetaliatesOnePeriodThenCollapses()
    {
        var observer = new RecordingObserver();

        var result = RebelsBound(Ceasefire.Traits(ResponseKind.ForgivingTitForTat, forgiveness: 0), Always, 52, Certain()).Run(0, observer: observer);

        // Seen in period 1, retaliation through period 2, not forgiven at its end: collapsed during period 2, held 1.
        Assert.Equal(new ComplianceResult(1, CollapseCause.Violation, 1, 0), result);
        Assert.Equal([(1, 0, 1, ResponseAction.Retaliate), (2, 0, -1, ResponseAction.Collapse)], observer.Responses);
    }

    [Fact]
    public void ForgivingTitForTat_AlwaysForgiving_Recovers_AndHoldsToTheHorizon()
    {
        var observer = new RecordingObserver();

        var result = RebelsBound(Ceasefire.Traits(ResponseKind.ForgivingTitForTat, forgiveness: 1), Always, 6, Certain()).Run(0, observer: observer);

        Assert.Equal(new ComplianceResult(6, CollapseCause.None, 1, 0), result);
        // Retaliate in 1, forgive at the end of 2; the violation of period 2 falls inside the retaliation; again in 3/4 and 5/6.
        Assert.Equal(3, observer.Responses.Count(r => r.Action == ResponseAction.Forgive));
        Assert.Equal(3, observer.Responses.Count(r => r.Action == ResponseAction.Retaliate));
    }

    [Fact]
    public void ForgivingTitForTat_HalfForgiving_CollapsesAfterAboutTwoRetaliations()
    {
        // Each retaliation ends in collapse with probability 0.5, and one starts every other period, so the
        // number of periods held is 1, 3, 5, ... with probability 0.5, 0.25, 0.125, ...: mean 1 + 2·(1/0.5 − 1) = 3.
        var rig = RebelsBound(Ceasefire.Traits(ResponseKind.ForgivingTitForTat, forgiveness: 0.5), Always, 52, Certain());
        var mean = Enumerable.Range(0, 4000).Average(r => rig.Run(r).PeriodsHeld);

        Assert.InRange(mean, 2.8, 3.2);
    }

    [Fact]
    public void Proportional_ToleratesUpToTolerance_CollapsesOnTheNextViolation()
    {
        var observer = new RecordingObserver();

        var result = RebelsBound(Ceasefire.Traits(ResponseKind.Proportional, tolerance: 2), Always, 52, Certain()).Run(0, observer: observer);

        // Violations seen in periods 1 and 2 are tolerated (1 ≤ 2, 2 ≤ 2); the third (3 > 2) ends it in period 3.
        Assert.Equal(new ComplianceResult(2, CollapseCause.Violation, 1, 0), result);
        Assert.Equal([ResponseAction.Tolerate, ResponseAction.Tolerate, ResponseAction.Collapse], observer.Responses.Select(r => r.Action));
    }

    [Fact]
    public void Proportional_ExpectedCost_CountsTheLastStrawOnly()
    {
        // Tolerance 1, certain detection, surplus 0.1, δ 0.95. First violation: count after = 1, not over 1:
        // P(collapse) = 0, cost = 1 · (0 + 0) = 0. Second: count after = 2 > 1: cost = 1 · (0 + 1 · 19 · 0.1) = 1.9.
        var observer = new RecordingObserver();

        RebelsBound(Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1), Always, 52, Certain()).Run(0, observer: observer);

        Assert.Equal([0.0, 1.9], observer.Violations.Select(v => Math.Round(v.Cost, 9)));
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
        // Never tempted; baseline false alarm 0.002 per period on the rebels' one obligation, grim government:
        // P(hold 52) = (1 − 0.002)^52 = exp(52 · ln 0.998) = exp(−0.10410) = 0.9011
        var rig = RebelsBound(Ceasefire.Traits(ResponseKind.GrimTrigger), 0);
        var held = Enumerable.Range(0, 20_000).Count(r => rig.Run(r).Cause == CollapseCause.None) / 20_000.0;

        Assert.InRange(held, 0.893, 0.909);
    }

    [Fact]
    public void Detection_MechanismRaisesCostEnoughToDeter()
    {
        // Same temptation, grim government: certain detection makes violating cost 1 · 19 · 0.1 = 1.9 per period
        // against 0.5 · 1.9 = 0.95 with baseline detection alone, so fewer violations are chosen.
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
