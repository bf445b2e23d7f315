using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;
using Xunit.Abstractions;

namespace Negotiation.Simulation.Tests.Compliance;

/// <summary>
/// The generic two-party weekly ceasefire (52 periods) must reproduce the empirical one-year survival figures
/// the defaults were calibrated to (docs/model-compliance.md, "Calibration"):
/// ETH/PRIO CF data (Clayton et al. 2022): 66% without an agreed compliance mechanism, 81% with one;
/// Fortna (2004): peacekeepers, hazard ratio 0.47 → 0.66^0.47 = exp(0.47 · ln 0.66) = exp(−0.1953) = 0.823.
/// Tolerance ±0.02: inside the empirical figures' own uncertainty (a binomial 95% interval over the few hundred
/// ceasefires per group is ±3–5 points) and about 6 Monte Carlo standard errors (√(0.66·0.34/20000) = 0.0033).
/// </summary>
public sealed partial class MechanismDefaultsTest(ITestOutputHelper output)
{
    private const int Runs = 20_000;

    private double Measure(string label, Scenario scenario)
    {
        var survival = new ComplianceRig(scenario).Survival(Runs);
        output.WriteLine($"{label}: one-year survival {survival:F4} over {Runs} runs");
        return survival;
    }

    [Fact]
    public void GenericCeasefire_WithoutMechanism_HoldsOneYearInAbout66Percent()
    {
        var survival = Measure("none", Ceasefire.Generic());

        Assert.InRange(survival, 0.64, 0.68);
    }

    [Fact]
    public void GenericCeasefire_WithJointMonitoring_HoldsOneYearInAbout81Percent()
    {
        var survival = Measure("joint-monitoring", Ceasefire.Generic(Ceasefire.Mechanism("jmc", MechanismKind.JointMonitoring)));

        Assert.InRange(survival, 0.79, 0.83);
    }

    [Fact]
    public void GenericCeasefire_WithPeacekeepers_HoldsOneYearInAbout82Percent()
    {
        var survival = Measure("peacekeepers", Ceasefire.Generic(Ceasefire.Mechanism("pko", MechanismKind.Peacekeepers)));

        Assert.InRange(survival, 0.803, 0.843);
    }

    [Theory]
    [InlineData(MechanismKind.Verification, 0.81)]
    [InlineData(MechanismKind.DemilitarisedZone, 0.823)]
    [InlineData(MechanismKind.SanctionsSnapback, 0.81)]
    public void GenericCeasefire_WithJudgedKinds_HoldsOneYearAtTheirTargets(MechanismKind kind, double target)
    {
        var survival = Measure(kind.ToString(), Ceasefire.Generic(Ceasefire.Mechanism("m", kind)));

        Assert.InRange(survival, target - 0.02, target + 0.02);
    }

    [Fact]
    public void GenericCeasefire_JointMonitoring_HazardRatioNearTheEmpirical054()
    {
        // Proportional hazards: HR = ln S_with / ln S_without; ETH/PRIO reports about 0.54 (ln 0.81 / ln 0.66 = 0.51).
        var without = Measure("none", Ceasefire.Generic());
        var with = Measure("joint-monitoring", Ceasefire.Generic(Ceasefire.Mechanism("jmc", MechanismKind.JointMonitoring)));

        var hazardRatio = Math.Log(with) / Math.Log(without);

        output.WriteLine($"hazard ratio {hazardRatio:F3}");
        Assert.InRange(hazardRatio, 0.40, 0.65);
    }
}
