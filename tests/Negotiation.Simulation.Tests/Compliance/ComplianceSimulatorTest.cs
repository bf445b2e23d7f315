using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;

namespace Negotiation.Simulation.Tests.Compliance;

/// <summary>
/// Shared set-ups. "Certain" monitoring detects every violation and never raises a false alarm of its own;
/// a temptation of 1e6 makes an actor violate every period (the noisy gain 1e6·exp(z − 0.5) exceeds any cost
/// below 1 unless z &lt; −13); a temptation of 0 makes it never violate.
/// </summary>
public sealed partial class ComplianceSimulatorTest
{
    private const double Always = 1e6;

    private static Mechanism Certain() => Ceasefire.Mechanism("certain", MechanismKind.Verification, detection: 1, falseAlarm: 0, penalty: 0);

    /// <summary>Government answers by <paramref name="government"/>; the rebels are bound by one provision.</summary>
    private static ComplianceRig RebelsBound(ComplianceTraits government, double temptation, int horizon = 52, params Mechanism[] mechanisms) =>
        new(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", temptation, 0, "rebels")], mechanisms, horizon: horizon),
            Ceasefire.Party("government", government),
            Ceasefire.Party("rebels")));

    private static ComplianceTraits Patient() => Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1e9);

    [Fact]
    public void NoTemptation_NoResponder_HoldsToTheHorizon_Censored()
    {
        var result = RebelsBound(Patient(), 0).Run(0);

        Assert.Equal(new ComplianceResult(52, CollapseCause.None, -1, 0), result);
    }

    [Fact]
    public void Violation_ChosenWhenNoisyGainExceedsExpectedCost_ReportsBoth()
    {
        var observer = new RecordingObserver();

        RebelsBound(Ceasefire.Traits(ResponseKind.ForgivingTitForTat, forgiveness: 1), Always, horizon: 2).Run(0, observer: observer);

        Assert.All(observer.Violations, v => Assert.True(v.Gain > v.Cost));
        Assert.Equal([1, 2], observer.Violations.Select(v => v.Period));
    }

    [Fact]
    public void ExpectedCost_UsesBaselineDetection_AndEveryRespondersCollapseChance()
    {
        // Rebels bound; two governments, each forgiving tit-for-tat with forgiveness 0.5. No mechanism: D = 0.5.
        // P(collapse | detected) = 1 − (1 − 0.5)(1 − 0.5) = 0.75; δ/(1−δ)·surplus = 19 · (0.6 − 0.5) = 1.9
        // cost = 0.5 · (0 + 0.75 · 1.9) = 0.5 · 1.425 = 0.7125
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", Always, 0, "rebels")], horizon: 1),
            Ceasefire.Party("north"), Ceasefire.Party("south"), Ceasefire.Party("rebels")));
        var observer = new RecordingObserver();

        rig.Run(0, observer: observer);

        Assert.Equal(0.7125, Assert.Single(observer.Violations).Cost, 1e-9);
    }

    [Fact]
    public void ExpectedCost_AddsProvisionAndMechanismPenalties_TimesCombinedDetection()
    {
        // Joint monitoring over the baseline: D = 1 − (1 − 0.5)(1 − 0.6) = 0.8;
        // penalty = provision 0.1 + mechanism 0.31 = 0.41; government grim: P(collapse | detected) = 1;
        // cost = 0.8 · (0.41 + 1 · 19 · 0.1) = 0.8 · 2.31 = 1.848
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", Always, 0.1, "rebels")], [Ceasefire.Mechanism("jmc", MechanismKind.JointMonitoring, detection: 0.6, penalty: 0.31)], horizon: 1),
            Ceasefire.Party("government", Ceasefire.Traits(ResponseKind.GrimTrigger)), Ceasefire.Party("rebels")));
        var observer = new RecordingObserver();

        rig.Run(0, observer: observer);

        Assert.Equal(1.848, Assert.Single(observer.Violations).Cost, 1e-9);
    }

    [Fact]
    public void ExpectedCost_AgreementWorthLessThanNoDeal_OnlyThePenaltyDeters()
    {
        // Utility 0.4 < reservation 0.5: surplus 0, nothing to lose. D = 1 (certain monitoring), penalty 0.2:
        // cost = 1 · (0.2 + 1 · 19 · 0) = 0.2
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", Always, 0.2, "rebels")], [Certain()], horizon: 1),
            Ceasefire.Party("government", Ceasefire.Traits(ResponseKind.GrimTrigger)), Ceasefire.Party("rebels")), utility: 0.4);
        var observer = new RecordingObserver();

        rig.Run(0, observer: observer);

        Assert.Equal(0.2, Assert.Single(observer.Violations).Cost, 1e-9);
    }

    [Fact]
    public void HighTemptation_ViolatesMoreOften_ThanLowTemptation()
    {
        static int Violations(double temptation)
        {
            // Forgiving government: expected cost 0.5 · 0.5 · 19 · 0.1 = 0.475 in period 1.
            var rig = RebelsBound(ComplianceTraits.Default, temptation);
            var observer = new RecordingObserver();
            for (var r = 0; r < 200; r++)
            {
                rig.Run(r, observer: observer);
            }

            return observer.Violations.Count(v => v.Period == 1);
        }

        Assert.True(Violations(0.5) > Violations(0.05));
    }

    [Fact]
    public void SimulatedViolationRate_MatchesTheClosedForm()
    {
        // Rebels tempted by T = 0.3, grim government, no mechanism: c = 0.5 · (0 + 1 · 19 · 0.1) = 0.95;
        // v = 1 − Φ(ln(0.95 / 0.3) + 0.5) = 1 − Φ(1.15268 + 0.5) = 1 − Φ(1.65268) = 0.04920.
        // Over 20,000 first periods the standard error is √(0.0492 · 0.9508 / 20000) = 0.0015; allow 4 of them.
        var rig = RebelsBound(Ceasefire.Traits(ResponseKind.GrimTrigger), 0.3, horizon: 1);
        var observer = new RecordingObserver();
        for (var r = 0; r < 20_000; r++)
        {
            rig.Run(r, observer: observer);
        }

        var rate = observer.Violations.Count / 20_000.0;

        Assert.Equal(0.04920, ComplianceRules.ViolationProbability(0.3, 0.95, MechanismDefaults.TemptationNoise), 1e-4);
        Assert.InRange(rate, 0.0492 - 0.006, 0.0492 + 0.006);
    }
}
