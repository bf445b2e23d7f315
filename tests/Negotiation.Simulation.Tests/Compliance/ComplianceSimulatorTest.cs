using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;

namespace Negotiation.Simulation.Tests.Compliance;

/// <summary>
/// Shared set-ups. "Certain" monitoring detects every violation and never raises a false alarm of its own;
/// a temptation of 1e6 makes an actor take every opportunity to violate (the noisy gain 1e6·exp(z − 0.5) exceeds
/// any cost below 1 unless z &lt; −13): opportunities come once a week on average, so a weekly period holds a
/// Poisson(1) number of violations; a temptation of 0 makes it never violate.
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

    /// <summary>The first run (from 0) whose events satisfy <paramref name="wanted"/>: its observer and result.</summary>
    private static (RecordingObserver Observer, ComplianceResult Result) FirstRunWhere(ComplianceRig rig, Func<RecordingObserver, bool> wanted)
    {
        for (var r = 0; r < 10_000; r++)
        {
            var observer = new RecordingObserver();
            var result = rig.Run(r, observer: observer);
            if (wanted(observer))
            {
                return (observer, result);
            }
        }

        throw new InvalidOperationException("no run shows the wanted events");
    }

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

        Assert.NotEmpty(observer.Violations);
        Assert.All(observer.Violations, v => Assert.True(v.Gain > v.Cost));
    }

    [Fact]
    public void ExpectedCost_UsesBaselineDetection_AndEveryRespondersCollapseChance()
    {
        // Rebels bound; two governments, each forgiving tit-for-tat with forgiveness 0.5. No mechanism: D = 0.5.
        // P(collapse | detected) = 1 − (1 − 0.5)(1 − 0.5) = 0.75; surplus / −ln δ = 0.1 / 0.0512933 = 1.9495726
        // cost = 0.5 · (0 + 0.75 · 1.9495726) = 0.7310897
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", Always, 0, "rebels")], horizon: 1),
            Ceasefire.Party("north"), Ceasefire.Party("south"), Ceasefire.Party("rebels")));
        var (observer, _) = FirstRunWhere(rig, o => o.Violations.Count > 0);

        Assert.Equal(0.7310897, observer.Violations[0].Cost, 1e-6);
    }

    [Fact]
    public void ExpectedCost_AddsProvisionAndMechanismPenalties_TimesCombinedDetection()
    {
        // Joint monitoring over the baseline: D = 1 − (1 − 0.5)(1 − 0.6) = 0.8;
        // penalty = provision 0.1 + mechanism 0.31 = 0.41; government grim: P(collapse | detected) = 1;
        // cost = 0.8 · (0.41 + 1 · 1.9495726) = 1.8876581
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", Always, 0.1, "rebels")], [Ceasefire.Mechanism("jmc", MechanismKind.JointMonitoring, detection: 0.6, penalty: 0.31)], horizon: 1),
            Ceasefire.Party("government", Ceasefire.Traits(ResponseKind.GrimTrigger)), Ceasefire.Party("rebels")));
        var (observer, _) = FirstRunWhere(rig, o => o.Violations.Count > 0);

        Assert.Equal(1.8876581, observer.Violations[0].Cost, 1e-6);
    }

    [Fact]
    public void ExpectedCost_AgreementWorthLessThanNoDeal_OnlyThePenaltyDeters()
    {
        // Utility 0.4 < reservation 0.5: surplus 0, nothing to lose. D = 1 (certain monitoring), penalty 0.2:
        // cost = 1 · (0.2 + 1 · 0) = 0.2
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", Always, 0.2, "rebels")], [Certain()], horizon: 1),
            Ceasefire.Party("government", Ceasefire.Traits(ResponseKind.GrimTrigger)), Ceasefire.Party("rebels")), utility: 0.4);
        var (observer, _) = FirstRunWhere(rig, o => o.Violations.Count > 0);

        Assert.Equal(0.2, observer.Violations[0].Cost, 1e-9);
    }

    [Fact]
    public void HighTemptation_ViolatesMoreOften_ThanLowTemptation()
    {
        static int Violations(double temptation)
        {
            // Forgiving government: expected cost 0.5 · 0.5 · 1.9495726 = 0.4874 in period 1.
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
        // Rebels tempted by T = 0.3 per week, grim government, no mechanism: c = 0.5 · (0 + 1 · 1.9495726) = 0.974786.
        // The first week carries the early excess of temptation: two parts with midpoints 1.75 and 5.25 days,
        // v = (1 − Φ(ln(c / (0.3 · (1 + 5.23 e^(−0.25)))) + 0.5) + 1 − Φ(ln(c / (0.3 · (1 + 5.23 e^(−0.75)))) + 0.5)) / 2
        //   = (0.478277 + 0.332092) / 2 = 0.405185 per weekly opportunity: the week holds N ~ Poisson(0.405185)
        // violations, each detected with probability 0.5, and the first detected one ends it at once. The violations
        // recorded are min(N, G) with G geometric(0.5): E = Σ_k P(N ≥ k) 0.5^(k − 1) = 0.366778, variance 0.30405, so over
        // 20,000 runs the standard error is 0.0039; allow 4 of them.
        var rig = RebelsBound(Ceasefire.Traits(ResponseKind.GrimTrigger), 0.3, horizon: 1);
        var observer = new RecordingObserver();
        for (var r = 0; r < 20_000; r++)
        {
            rig.Run(r, observer: observer);
        }

        var rate = observer.Violations.Count / 20_000.0;

        Assert.Equal(0.405185, ComplianceRules.PeriodViolationProbability(0.3, 0.974786, MechanismDefaults.TemptationNoise, 0, 7,
            MechanismDefaults.EarlyTemptationExcess, MechanismDefaults.EarlyTemptationDays), 1e-5);
        Assert.InRange(rate, 0.366778 - 0.016, 0.366778 + 0.016);
    }
}
