using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;

namespace Negotiation.Simulation.Tests.Compliance;

/// <summary>
/// The closed form the defaults are fitted with (docs/model-compliance.md, section 10). These tests check the
/// formula by hand and that each fitted constant is still the solution of its fit; whether the model reproduces
/// figures it was not fitted to is checked by simulation in <see cref="MechanismDefaultsTest"/>.
/// </summary>
public sealed class ComplianceCalibrationTest
{
    [Fact]
    public void GenericHazard_WithoutMechanism_ByHand()
    {
        // D = 0.5; φ = −ln(1 − 0.002) / 7 = 0.00028600 per day; PV = 0.1 / −ln 0.95 = 1.949573;
        // c = 0.5 · (0 + 0.5 · 1.949573) = 0.487393; v = 1 − Φ(ln(0.487393 / 0.0729) + 0.5) = 1 − Φ(2.399982) = 0.0081979;
        // h = 2 · 0.5 · (0.5 · 0.0081979 / 7 + 0.00028600) = 0.00087157 per day.
        Assert.Equal(0.00087157, ComplianceCalibration.GenericHazard(0.0729, null), 1e-7);
    }

    [Fact]
    public void Survival_WithoutSpreadOrEarlyExcess_IsTheConstantHazardCurveAfterTheResponseWeek()
    {
        // A violation seen on day s ends the ceasefire when the week of retaliation is over: exposed 364 − 7 = 357 days.
        var h = ComplianceCalibration.GenericHazard(0.0729, null);

        Assert.Equal(Math.Exp(-h * 357), ComplianceCalibration.Survival(364, 0.0729, null, spread: 0, earlyExcess: 0), 1e-9);
    }

    [Fact]
    public void EarlyTemptationFactor_ByHand()
    {
        // 1 + 5.23 · e^(−7/7) = 1 + 5.23 · 0.36787944 = 2.9240095.
        Assert.Equal(2.9240095, ComplianceRules.EarlyTemptationFactor(7, 5.23, 7), 1e-6);
        Assert.Equal(1.0, ComplianceRules.EarlyTemptationFactor(7, 0, 7));
    }

    [Fact]
    public void PeriodViolationProbability_ADay_IsTheProbabilityAtItsMidpoint()
    {
        // One part for a day: the midpoint 0.5 days, factor 1 + 5.23 · e^(−0.5/7) = 5.8694583;
        // P = 1 − Φ(ln(0.5 / (0.1 · 5.8694583)) + 0.5) = 1 − Φ(0.3396886) = 0.3670504.
        Assert.Equal(0.3670504, ComplianceRules.PeriodViolationProbability(0.1, 0.5, 1, 0, 1, 5.23, 7), 1e-6);
    }

    [Fact]
    public void PeriodViolationProbability_TheSecondWeek_AveragesTheProbabilityOverTwoParts()
    {
        // ⌈2 · 7 / 7⌉ = 2 parts with midpoints 8.75 and 12.25 days: factors 1 + 5.23 e^(−1.25) and 1 + 5.23 e^(−1.75);
        // probabilities 0.1162821 and 0.0717414, mean 0.0940118 (the probability at the mean factor would differ).
        Assert.Equal(0.0940118, ComplianceRules.PeriodViolationProbability(0.1, 0.5, 1, 7, 7, 5.23, 7), 1e-6);
    }

    [Fact]
    public void EarlyExcess_IsTheSolvedValue_ThirtyDayFailureAndOneYearSurvival()
    {
        // The constants solve both targets of the closed form at once (the nested solve is slow; check the solution).
        var firstMonth = 1 - ComplianceCalibration.Survival(30, MechanismDefaults.GenericTemptation, null);
        var year = ComplianceCalibration.Survival(ComplianceCalibration.YearDays, MechanismDefaults.GenericTemptation, null);

        Assert.Equal(ComplianceCalibration.EarlyFailure, firstMonth, 0.003);
        Assert.Equal(ComplianceCalibration.SurvivalWithoutMechanism, year, 0.003);
    }

    [Fact]
    public void GenericTemptation_IsTheSolvedValue()
    {
        Assert.Equal(MechanismDefaults.GenericTemptation, ComplianceCalibration.SolveTemptation(ComplianceCalibration.SurvivalWithoutMechanism), 0.0005);
    }

    [Theory]
    [InlineData(MechanismKind.JointMonitoring)]
    [InlineData(MechanismKind.Verification)]
    public void DefaultDetection_IsTheSolvedDetectionFor81Percent(MechanismKind kind)
    {
        var defaults = MechanismDefaults.For(kind);

        var solved = ComplianceCalibration.SolveDetection(defaults.FalseAlarm, defaults.Penalty, ComplianceCalibration.SurvivalWithMechanism);

        Assert.Equal(solved, defaults.Detection, 0.003);
    }

    [Theory]
    [InlineData(MechanismKind.DemilitarisedZone)]
    [InlineData(MechanismKind.SanctionsSnapback)]
    public void DefaultPenalty_IsTheSolvedPenaltyFor81Percent(MechanismKind kind)
    {
        var defaults = MechanismDefaults.For(kind);

        var solved = ComplianceCalibration.SolvePenalty(defaults.Detection, defaults.FalseAlarm, ComplianceCalibration.SurvivalWithMechanism);

        Assert.Equal(solved, defaults.Penalty, 0.003);
    }

    [Fact]
    public void MechanismDefaults_RestateTheWeeklyFalseAlarmPerRateUnit()
    {
        // 0.001 per week is 1 − 0.999^(1/7) = 0.00014291 per day and 1 − 0.999^(30/7) = 0.0042787 per 30 days.
        Assert.Equal(0.00014291, MechanismDefaults.For(MechanismKind.JointMonitoring, 1).FalseAlarm, 1e-8);
        Assert.Equal(0.0042787, MechanismDefaults.For(MechanismKind.JointMonitoring, 30).FalseAlarm, 1e-7);
    }

    [Fact]
    public void AddingAMonitor_NeverAddsFalseAlarms()
    {
        var baseline = MechanismDefaults.HazardPerDay(MechanismDefaults.BaselineFalseAlarm, 7);

        var careless = ComplianceRules.FalseAlarmHazard(true, bestMonitor: 10 * baseline, others: 0, baseline);
        var careful = ComplianceRules.FalseAlarmHazard(true, bestMonitor: baseline / 2, others: 0, baseline);

        Assert.Equal(baseline, careless, 1e-15);
        Assert.Equal(baseline / 2, careful, 1e-15);
    }

    [Fact]
    public void Mechanism_WithMoreDetection_NeedsLessPenalty()
    {
        var seesLess = ComplianceCalibration.SolvePenalty(0.4, 0.001, 0.81);
        var seesMore = ComplianceCalibration.SolvePenalty(0.8, 0.001, 0.81);

        Assert.True(seesMore < seesLess);
    }
}
