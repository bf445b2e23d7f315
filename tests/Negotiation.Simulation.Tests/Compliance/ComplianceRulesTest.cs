using CsCheck;
using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;

namespace Negotiation.Simulation.Tests.Compliance;

public sealed class ComplianceRulesTest
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void DeterrentDetection_IsGainOverGainPlusLoss()
    {
        // d / (d + b) = 0.08 / (0.08 + 0.32) = 0.08 / 0.40 = 0.2
        Assert.Equal(0.2, ComplianceRules.DeterrentDetection(0.08, 0.32), Tolerance);
    }

    [Fact]
    public void DeterrentDetection_NothingToGain_NeedsNoDetection()
    {
        Assert.Equal(0, ComplianceRules.DeterrentDetection(0, 0.3));
    }

    [Fact]
    public void Violates_AtTheInspectionThreshold_IsDeterred_AndJustBelowIsNot()
    {
        // Gain d = 0.08 kept even when caught; caught, the violator loses b = 0.32 more than its gain, so the
        // loss on detection is K = d + b = 0.40 and the rule "violate iff d > D·K" deters iff D >= d/(d+b) = 0.2.
        const double gain = 0.08, b = 0.32;
        var threshold = ComplianceRules.DeterrentDetection(gain, b);

        // D = 0.2: cost 0.2 · 0.40 = 0.08, not below the gain: deterred.
        Assert.False(ComplianceRules.Violates(gain, ComplianceRules.ExpectedViolationCost(threshold, gain + b, 0, 0.95, 0)));

        // D = 0.19: cost 0.19 · 0.40 = 0.076 < 0.08: violates.
        Assert.True(ComplianceRules.Violates(gain, ComplianceRules.ExpectedViolationCost(0.19, gain + b, 0, 0.95, 0)));
    }

    [Fact]
    public void FutureValue_IsTheContinuousPerpetuity_SurplusOverMinusLnDelta()
    {
        Assert.Equal(1.9495726, ComplianceRules.FutureValue(0.1, 0.95), 1e-6); // 0.1 / 0.0512933
    }

    [Fact]
    public void FutureValue_AgreementWorthLessThanNoDeal_IsNothingToLose()
    {
        Assert.Equal(0, ComplianceRules.FutureValue(-0.2, 0.95));
    }

    [Fact]
    public void ExpectedViolationCost_IsDetectionTimesPenaltyPlusRiskedFuture()
    {
        // A mechanism over the generic ceasefire: D = 0.8, penalty 0.31, P(collapse | detected) 0.5,
        // δ 0.95, surplus 0.1: 0.8 · (0.31 + 0.5 · 0.1 / −ln 0.95) = 0.8 · (0.31 + 0.974786) = 1.027829
        Assert.Equal(1.027829, ComplianceRules.ExpectedViolationCost(0.8, 0.31, 0.5, 0.95, 0.1), 1e-6);
    }

    [Fact]
    public void NoisyTemptation_ShockOfHalfSigmaSquared_LeavesTemptationUnchanged()
    {
        // T · exp(σz − σ²/2) with σ = 1, z = 0.5: 0.08 · exp(0.5 − 0.5) = 0.08
        Assert.Equal(0.08, ComplianceRules.NoisyTemptation(0.08, 1, 0.5), Tolerance);

        // z = 0: 0.08 · exp(−0.5) = 0.08 · 0.60653066 = 0.04852245
        Assert.Equal(0.0485224531, ComplianceRules.NoisyTemptation(0.08, 1, 0), 1e-9);
    }

    [Fact]
    public void ViolationProbability_CostEqualToTemptation_IsUpperTailAtHalfSigma()
    {
        // 1 − Φ((ln(c/T) + σ²/2)/σ) with c = T, σ = 1: 1 − Φ(0.5) = 1 − 0.69146246 = 0.30853754
        Assert.Equal(0.30853754, ComplianceRules.ViolationProbability(0.08, 0.08, 1), 1e-7);
    }

    [Fact]
    public void ViolationProbability_GenericCeasefireWithoutMechanism_IsAboutOnePercent()
    {
        // c = D · P(collapse) · δ/(1−δ) · surplus = 0.5 · 0.5 · 19 · 0.1 = 0.475; T = 0.0819:
        // z* = ln(0.475/0.0819) + 0.5 = ln(5.7998) + 0.5 = 1.7578 + 0.5 = 2.2578; 1 − Φ(2.2578) = 0.01198
        Assert.Equal(0.01198, ComplianceRules.ViolationProbability(0.0819, 0.475, 1), 1e-4);
    }

    [Theory]
    [InlineData(0.1, 0.05, 1.0)]
    [InlineData(0.05, 0.1, 0.0)]
    public void ViolationProbability_WithoutNoise_IsTheThresholdRule(double temptation, double cost, double expected)
    {
        Assert.Equal(expected, ComplianceRules.ViolationProbability(temptation, cost, 0));
    }

    [Fact]
    public void ViolationProbability_NoTemptation_IsZero_AndNoCost_IsOne()
    {
        Assert.Equal(0, ComplianceRules.ViolationProbability(0, 0.5, 1));
        Assert.Equal(1, ComplianceRules.ViolationProbability(0.1, 0, 1));
    }

    [Fact]
    public void CollapseIfDetected_GrimTrigger_IsCertain()
    {
        Assert.Equal(1, ComplianceRules.CollapseIfDetected(ResponseKind.GrimTrigger, 0.9, 5, 1));
    }

    [Fact]
    public void CollapseIfDetected_ForgivingTitForTat_IsOneMinusForgiveness()
    {
        // 1 − 0.3 = 0.7
        Assert.Equal(0.7, ComplianceRules.CollapseIfDetected(ResponseKind.ForgivingTitForTat, 0.3, 5, 1), Tolerance);
    }

    [Theory]
    [InlineData(2, 0.0)] // second violation, tolerance 2: 2 > 2 is false
    [InlineData(3, 1.0)] // third: 3 > 2
    public void CollapseIfDetected_Proportional_OnlyOverTolerance(double countAfter, double expected)
    {
        Assert.Equal(expected, ComplianceRules.CollapseIfDetected(ResponseKind.Proportional, 0.5, 2, countAfter));
    }

    [Fact]
    public void EitherOf_CombinesIndependentMonitors()
    {
        // 1 − (1 − 0.5)(1 − 0.6) = 1 − 0.5 · 0.4 = 0.8
        Assert.Equal(0.8, ComplianceRules.EitherOf(0.5, 0.6), Tolerance);
    }

    [Fact]
    public void ExpectedViolationCost_NeverFallsAsDetectionRises()
    {
        Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[0, 0.99], Gen.Double[-1, 1])
            .Sample((d1, d2, collapse, delta, surplus) =>
            {
                var (low, high) = d1 <= d2 ? (d1, d2) : (d2, d1);
                return ComplianceRules.ExpectedViolationCost(low, 0.3, collapse, delta, surplus)
                    <= ComplianceRules.ExpectedViolationCost(high, 0.3, collapse, delta, surplus) + 1e-12;
            });
    }

    [Fact]
    public void GainWhenViolating_IsTheLogNormalPartialExpectation_AboveTheCost()
    {
        // T = 0.3, c = 0.974786, σ = 1: z* = ln(0.974786 / 0.3) + 0.5 = 1.678435; 1 − Φ(z*) = 0.0466311,
        // 1 − Φ(z* − 1) = 0.2487478: E[g | g > c] = 0.3 · 0.2487478 / 0.0466311 = 1.600314.
        Assert.Equal(1.600314, ComplianceRules.GainWhenViolating(0.3, 0.974786, 1), 1e-5);
        Assert.Equal(0.3, ComplianceRules.GainWhenViolating(0.3, 0, 1));
    }
}
