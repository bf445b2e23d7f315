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
/// The shape: the early excess of temptation is fitted (with the median temptation) to 12% failing within 30 days.
/// Validation (not fitted): the peacekeeper effect (Fortna 2004).
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

    /// <summary>
    /// Calibration of the shape: the early excess of temptation is fitted (with the median temptation) so that 12% of
    /// ceasefires without a mechanism fail within 30 days. Daily periods, so that "30 days" is exact. Tolerance ±0.015:
    /// the Monte Carlo standard error is √(0.12 · 0.88 / 20000) = 0.0023, and about four more are left for the closed
    /// form's approximation (it ignores sightings during a retaliation).
    /// </summary>
    [Fact]
    public void Calibration_GenericCeasefireWithoutMechanism_FailsWithin30DaysInAbout12Percent()
    {
        var holding = new ComplianceRig(Ceasefire.Generic(1), sample: true).Holding(Runs, 30);
        output.WriteLine($"none: holding after 30 days {holding:F4} over {Runs} runs (failed {1 - holding:F4})");

        Assert.InRange(1 - holding, 0.105, 0.135);
    }

    /// <summary>
    /// The population hazard falls with time: the ceasefires that fail, fail early. Hazard per day over the first 30
    /// days, −ln S(30) / 30, against that over days 30–364, −ln(S(364) / S(30)) / 334, in daily periods. The first is
    /// 4.7 times the second (0.00396 against 0.00085 per day); the test asks for at least twice, far outside Monte Carlo error (each ln S has a
    /// standard error below 0.004, so each hazard is known to within a few per cent).
    /// </summary>
    [Fact]
    public void GenericCeasefireWithoutMechanism_HazardInTheFirstMonth_IsAtLeastTwiceTheRestOfTheYears()
    {
        var rig = new ComplianceRig(Ceasefire.Generic(1), sample: true);
        var lives = Enumerable.Range(0, Runs).Select(r => rig.Run(r).PeriodsHeld).ToArray();
        var month = lives.Count(l => l >= 30) / (double)Runs;
        var year = lives.Count(l => l >= 364) / (double)Runs;

        var early = -Math.Log(month) / 30;
        var late = -Math.Log(year / month) / 334;
        output.WriteLine($"hazard per day: first 30 days {early:F5}, days 30-364 {late:F5}, ratio {early / late:F2}");

        Assert.True(early > 2 * late, $"early hazard {early:F5} is not twice the later {late:F5}");
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
