using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;
using Xunit.Abstractions;

namespace Negotiation.Simulation.Tests.Compliance;

/// <summary>
/// Calibration and validation of the defaults against published figures (docs/model-compliance.md, section 10).
/// The simulation (not the closed form it was fitted with) runs the generic two-party ceasefire, rates per week,
/// temptation log-normal across agreements, one year of 364 days in weekly periods, 20,000 runs.
/// Calibration (fitted): ETH/PRIO one-year survival 66% without a mechanism (median temptation) and 81% with one
/// (joint-monitoring detection; DMZ and snap-back penalties). Tolerance ±0.02: six Monte Carlo standard errors
/// (√(0.66·0.34/20000) = 0.0034) to cover the closed form's approximation (it ignores the tit-for-tat week's delay).
/// Validation (not fitted): the peacekeeper effect (Fortna 2004). The first month is compared with the record in
/// docs/model-compliance.md (not met: the model's early hazard is not higher than its later one).
/// </summary>
public sealed partial class MechanismDefaultsTest(ITestOutputHelper output)
{
    private const int Runs = 20_000;

    private double Measure(string label, Scenario scenario, int periods = 52)
    {
        var survival = new ComplianceRig(scenario, sample: true).Holding(Runs, periods);
        output.WriteLine($"{label}: holding after {periods} weeks {survival:F4} over {Runs} runs");
        return survival;
    }

    [Fact]
    public void Calibration_GenericCeasefireWithoutMechanism_HoldsOneYearInAbout66Percent()
    {
        var survival = Measure("none", Ceasefire.Generic());

        Assert.InRange(survival, 0.64, 0.68);
    }

    [Theory]
    [InlineData(MechanismKind.JointMonitoring)]
    [InlineData(MechanismKind.Verification)]
    [InlineData(MechanismKind.DemilitarisedZone)]
    [InlineData(MechanismKind.SanctionsSnapback)]
    public void Calibration_GenericCeasefireWithAComplianceMechanism_HoldsOneYearInAbout81Percent(MechanismKind kind)
    {
        var survival = Measure(kind.ToString(), Ceasefire.Generic(Ceasefire.Mechanism("m", kind)));

        Assert.InRange(survival, 0.79, 0.83);
    }

    /// <summary>
    /// Validation: Fortna (2004) estimates that peacekeepers cut the hazard of renewed war to about 0.47 of its level
    /// without them. Peacekeepers' defaults are judgements, not fitted. The simulated ratio is the cumulative hazard
    /// ratio at one year, ln S_pk / ln S_none. Band [0.35, 0.63]: the published estimate within ×/÷ 1.35 (a standard
    /// error of 0.3 on ln HR, typical of a Cox model on a few dozen peacekeeping cases; the paper's own standard
    /// error is NOT verified here) widened by three Monte Carlo standard errors of the simulated ratio (≈ 0.01 each).
    /// </summary>
    [Fact]
    public void Validation_PeacekeepersHazardRatio_WithinThePublishedEstimatesUncertainty()
    {
        var without = Measure("none", Ceasefire.Generic());
        var with = Measure("peacekeepers", Ceasefire.Generic(Ceasefire.Mechanism("pko", MechanismKind.Peacekeepers)));

        var hazardRatio = Math.Log(with) / Math.Log(without);

        output.WriteLine($"hazard ratio {hazardRatio:F3} (Fortna 2004: {ComplianceCalibration.PeacekeepingHazardRatio})");
        Assert.InRange(hazardRatio, 0.35, 0.63);
    }
}
