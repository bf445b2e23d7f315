using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;
using Xunit.Abstractions;

namespace Negotiation.Simulation.Tests.Compliance;

/// <summary>Violations are decisions with consequences; more monitors never mean more false alarms; terms in time.</summary>
public sealed class ComplianceDecisionsTest(ITestOutputHelper output)
{
    private static Dictionary<CollapseCause, int> Causes(ComplianceRig rig, int runs)
    {
        var causes = new Dictionary<CollapseCause, int>();
        for (var r = 0; r < runs; r++)
        {
            var cause = rig.Run(r).Cause;
            causes[cause] = causes.GetValueOrDefault(cause) + 1;
        }

        return causes;
    }

    /// <summary>
    /// Rebels tempted by 0.5 a week against an expected response of at most 1 · (0.1 + 1.95) · 0.5 ≈ 1.0 (grim
    /// government, δ 0.95, surplus 0.1, baseline detection 0.5) violate at about a third of their opportunities; a
    /// spoiler blamed on the government and the baseline rumour rate also threaten it. The government, barely
    /// tempted (0.01), keeps the truce. Detected violations must be the leading cause of collapse, and the rebels
    /// the usual first violator.
    /// </summary>
    [Fact]
    public void TemptationAboveExpectedEnforcement_DetectedViolationsAreTheLeadingCauseOfCollapse()
    {
        var scenario = Ceasefire.Scenario(
            Ceasefire.Design(
                [Ceasefire.Provision("truce", 0.5, 0.1, "rebels"), Ceasefire.Provision("no-shelling", 0.01, 0.1, "government")],
                spoilers: [new Spoiler("militia", "militia", 0.1, 0.3, ["government"])]),
            Ceasefire.Party("government", Ceasefire.Traits(ResponseKind.Proportional, tolerance: 2)),
            Ceasefire.Party("rebels", Ceasefire.Traits(ResponseKind.Proportional, tolerance: 2)));
        var rig = new ComplianceRig(scenario);

        var causes = Causes(rig, 4000);
        output.WriteLine(string.Join(", ", causes.Select(c => $"{c.Key} {c.Value}")));

        var collapses = causes.Where(c => c.Key != CollapseCause.None).ToArray();
        Assert.Equal(CollapseCause.Violation, collapses.MaxBy(c => c.Value).Key);
        Assert.True(causes[CollapseCause.Violation] > collapses.Sum(c => c.Value) / 2);
    }

    /// <summary>
    /// The record (Fortna 2003: stronger agreements, with more mechanisms, last longer) says adding a monitor
    /// should not shorten the peace. With corroborating monitors adding an independent commission to joint
    /// monitoring raises detection and never adds false alarms: survival does not fall (paired runs, same seeds;
    /// allowance 3 standard errors of a difference, 3 · √2 · 0.003 = 0.013).
    /// </summary>
    [Fact]
    public void AddingAMonitoringCommission_DoesNotLowerSurvival()
    {
        var one = new ComplianceRig(Ceasefire.Generic(Ceasefire.Mechanism("jmc", MechanismKind.JointMonitoring)), sample: true).Holding(20_000, 52);
        var two = new ComplianceRig(Ceasefire.Generic(
            Ceasefire.Mechanism("jmc", MechanismKind.JointMonitoring),
            Ceasefire.Mechanism("commission", MechanismKind.Verification, detection: 0.3, falseAlarm: 0.004)), sample: true).Holding(20_000, 52);
        output.WriteLine($"one monitor {one:F4}, two {two:F4}");

        Assert.True(two >= one - 0.013, $"one monitor {one:F4}, two {two:F4}");
    }

    private static Scenario SnapbackCeasefire(bool snapback) =>
        Ceasefire.Scenario(
            Ceasefire.Design(
                [Ceasefire.Provision("enrichment-cap", 0.3, 0, "iran")],
                snapback ? [Ceasefire.Mechanism("snapback", MechanismKind.SanctionsSnapback, penalty: 1.0, when: new TermCondition("monitoring", ["joint"]))] : []),
            Ceasefire.Party("iran", Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1e9)),
            Ceasefire.Party("p5", Ceasefire.Traits(ResponseKind.ForgivingTitForTat, forgiveness: 0.3)));

    /// <summary>
    /// Snap-back (penalty 1 on a detected violation) written into the deal only when the package includes joint
    /// monitoring: when the agreed package has it, removing snap-back lowers survival (the party tempted by 0.3 a
    /// week is deterred less); when the package does not select it, removing it changes nothing, run for run.
    /// </summary>
    [Fact]
    public void RemovingSnapback_LowersSurvival_OnlyWhenItsConditionArises()
    {
        double[] joint = [1];
        double[] none = [0];

        var withIt = new ComplianceRig(SnapbackCeasefire(true), package: joint).Holding(20_000, 52);
        var without = new ComplianceRig(SnapbackCeasefire(false), package: joint).Holding(20_000, 52);
        var notSelectedWith = Enumerable.Range(0, 2000).Select(r => new ComplianceRig(SnapbackCeasefire(true), package: none).Run(r)).ToArray();
        var notSelectedWithout = Enumerable.Range(0, 2000).Select(r => new ComplianceRig(SnapbackCeasefire(false), package: none).Run(r)).ToArray();
        output.WriteLine($"selected: with snap-back {withIt:F4}, without {without:F4}");

        // Standard error of each ≈ √(0.25 / 20000) = 0.0035; a drop of 0.03 is over 6 standard errors of the difference.
        Assert.True(withIt - without > 0.03, $"with {withIt:F4}, without {without:F4}");
        Assert.Equal(notSelectedWith, notSelectedWithout);
    }

    [Fact]
    public void SunsetProvision_LapsesAndTheAgreementExpires_AfterItsDays()
    {
        // Never tempted, patient government: the only provision lapses after 70 days = 10 weekly periods.
        var provision = Ceasefire.Provision("truce", 0, 0, "rebels") with { UntilDays = 70 };
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([provision]),
            Ceasefire.Party("government", Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1e9)),
            Ceasefire.Party("rebels")));

        Assert.Equal(new ComplianceResult(10, CollapseCause.Expiry, -1, 0), rig.Run(0));
    }

    [Fact]
    public void ProvisionStartingAtAStage_IsNotViolatedBeforeTheStage()
    {
        // The rebels take every opportunity to violate a provision that starts once the implementation day
        // (afterDays 28: 4 weekly periods) is reached: no violation before period 5.
        var provision = Ceasefire.Provision("disarm", 1e6, 0, "rebels") with { Stage = "implementation-day" };
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([provision], stages: [new Stage("implementation-day", "Implementation day", 28, 0)], horizon: 10),
            Ceasefire.Party("government", Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1e9)),
            Ceasefire.Party("rebels")));
        var periods = new List<int>();
        for (var r = 0; r < 50; r++)
        {
            var observer = new RecordingObserver();
            rig.Run(r, observer: observer);
            periods.AddRange(observer.Violations.Select(v => v.Period));
        }

        Assert.NotEmpty(periods);
        Assert.True(periods.Min() >= 5, $"first violation in period {periods.Min()}");
    }
}
