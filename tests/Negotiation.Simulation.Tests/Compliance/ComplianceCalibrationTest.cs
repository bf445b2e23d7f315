using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;

namespace Negotiation.Simulation.Tests.Compliance;

/// <summary>The constants in <see cref="MechanismDefaults"/> are what the closed-form calibration gives, rounded.</summary>
public sealed class ComplianceCalibrationTest
{
    [Fact]
    public void HazardFor_66PercentOneYearSurvival_IsAbout08PercentPerWeek()
    {
        // 1 − 0.66^(1/52) = 1 − exp(ln 0.66 / 52) = 1 − exp(−0.415515 / 52) = 1 − exp(−0.0079907) = 0.0079589
        Assert.Equal(0.0079589, ComplianceCalibration.HazardFor(0.66), 1e-6);
    }

    [Fact]
    public void SurvivalWithPeacekeepers_IsBaselineToTheHazardRatio()
    {
        // 0.66^0.47 = exp(0.47 · ln 0.66) = exp(0.47 · −0.415515) = exp(−0.195292) = 0.82259
        Assert.Equal(0.82259, ComplianceCalibration.SurvivalWithPeacekeepers, 1e-5);
    }

    [Fact]
    public void GenericHazard_WithoutMechanism_ByHand()
    {
        // D = 0.5, F = 0.002, c = 0.5 · (0 + 0.5 · 19 · 0.1) = 0.475, T = 0.0819:
        // v = 1 − Φ(ln(0.475 / 0.0819) + 0.5) = 1 − Φ(2.25781) = 0.011980
        // h = 2 · 0.5 · (0.5 · 0.011980 + 0.988020 · 0.002) = 0.0059900 + 0.0019760 = 0.0079660
        Assert.Equal(0.007966, ComplianceCalibration.GenericHazard(MechanismDefaults.GenericTemptation, null), 1e-5);
    }

    [Fact]
    public void GenericTemptation_IsTheSolvedValue()
    {
        Assert.Equal(MechanismDefaults.GenericTemptation, ComplianceCalibration.SolveTemptation(ComplianceCalibration.SurvivalWithoutMechanism), 0.0005);
    }

    [Theory]
    [InlineData(MechanismKind.JointMonitoring, ComplianceCalibration.SurvivalWithMechanism)]
    [InlineData(MechanismKind.Verification, ComplianceCalibration.SurvivalWithMechanism)]
    [InlineData(MechanismKind.Peacekeepers, 0.8226)]
    [InlineData(MechanismKind.DemilitarisedZone, 0.8226)]
    public void DefaultDetection_IsTheSolvedDetectionForItsTarget(MechanismKind kind, double target)
    {
        var defaults = MechanismDefaults.For(kind);

        var solved = ComplianceCalibration.SolveDetection(defaults.FalseAlarm, defaults.Penalty, target);

        Assert.Equal(solved, defaults.Detection, 0.006);
    }

    [Fact]
    public void SanctionsSnapback_DefaultPenalty_IsTheSolvedPenaltyFor81Percent()
    {
        var defaults = MechanismDefaults.For(MechanismKind.SanctionsSnapback);

        Assert.Equal(ComplianceCalibration.SolvePenalty(0, 0, ComplianceCalibration.SurvivalWithMechanism), defaults.Penalty, 0.006);
    }

    [Fact]
    public void MonitoringMechanism_ReplacesRumourFalseAlarms_WithItsOwn()
    {
        // A monitor that sees nothing extra (detection 1e-9) but reports false alarms at 0.001 instead of the
        // 0.002 rumour rate: h falls by 2 · 0.5 · (1 − v) · (0.002 − 0.001) ≈ 0.001 · (1 − 0.012) = 0.000988.
        var rumour = ComplianceCalibration.GenericHazard(MechanismDefaults.GenericTemptation, null);
        var verified = ComplianceCalibration.GenericHazard(MechanismDefaults.GenericTemptation, new MechanismStrength(1e-9, 0.001, 0));

        Assert.Equal(0.000988, rumour - verified, 1e-5);
    }

    [Fact]
    public void Mechanism_WithMoreDetection_NeedsLessPenalty()
    {
        var seesLess = ComplianceCalibration.SolvePenalty(0.4, 0.001, 0.81);
        var seesMore = ComplianceCalibration.SolvePenalty(0.8, 0.001, 0.81);

        Assert.True(seesMore < seesLess);
    }
}
