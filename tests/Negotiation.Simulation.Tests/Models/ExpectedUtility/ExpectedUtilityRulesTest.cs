using Negotiation.Simulation.Models.ExpectedUtility;

namespace Negotiation.Simulation.Tests.Models.ExpectedUtility;

/// <summary>Each equation of docs/model-expected-utility.md against a value worked out by hand (the working is in the comments).</summary>
public class ExpectedUtilityRulesTest
{
    private const double Tol = 1e-12;

    [Fact]
    public void Vote_IsCapabilityTimesSalienceTimesDistanceAdvantage()
    {
        // c·s·(|3 − 8| − |3 − 4|)/10 = 2·0.5·(5 − 1)/10 = 0.4
        Assert.Equal(0.4, ExpectedUtilityRules.Vote(2, 0.5, 3, 4, 8, 10), Tol);
        // the other way round it is −0.4
        Assert.Equal(-0.4, ExpectedUtilityRules.Vote(2, 0.5, 3, 8, 4, 10), Tol);
    }

    [Fact]
    public void Vote_WithRiskExponent_RaisesScaledDistancesToIt()
    {
        // 2·0.5·((5/10)² − (1/10)²) = 0.25 − 0.01 = 0.24
        Assert.Equal(0.24, ExpectedUtilityRules.Vote(2, 0.5, 3, 4, 8, 10, 2), Tol);
    }

    [Fact]
    public void WinProbability_IsSupportingVotesOverAllAbsoluteVotes()
    {
        // A (c1 s1 x0) votes +1 for 0 over 10, B (c1 s1 x10) −1, C (c2 s.5 x4) 1·(6 − 4)/10 = +0.2: P = 1.2 / 2.2 = 6/11
        double[] c = [1, 1, 2], s = [1, 1, 0.5], x = [0, 10, 4];
        Assert.Equal(6.0 / 11, ExpectedUtilityRules.WinProbability(c, s, x, 0, 10, 10), Tol);
        Assert.Equal(5.0 / 11, ExpectedUtilityRules.WinProbability(c, s, x, 10, 0, 10), Tol);
        Assert.Equal(1.2, ExpectedUtilityRules.VotesFor(c, s, x, 0, 10, 10), Tol);
    }

    [Fact]
    public void Utilities_AtHalfTheRange_MatchTheirFormulas()
    {
        // |x − x_j|/range = 0.5: U^s = 2 − 4(0.25)^r, U^f = 2 − 4(0.75)^r, U^sq = 2 − 4(0.5)^r
        Assert.Equal(1, ExpectedUtilityRules.Success(0, 5, 10, 1), Tol);
        Assert.Equal(1.75, ExpectedUtilityRules.Success(0, 5, 10, 2), Tol);
        Assert.Equal(-1, ExpectedUtilityRules.Failure(0, 5, 10, 1), Tol);
        Assert.Equal(2 - 4 * 0.5625, ExpectedUtilityRules.Failure(0, 5, 10, 2), Tol);
        Assert.Equal(0, ExpectedUtilityRules.StatusQuo(1), Tol);
        Assert.Equal(1, ExpectedUtilityRules.StatusQuo(2), Tol);
        Assert.Equal(2 - 4 * Math.Sqrt(0.5), ExpectedUtilityRules.StatusQuo(0.5), Tol);
        // U^b, U^w with |x − μ| = 5, |x − x_j| = 5: 2 − 4(0.5 ∓ 0.25)
        Assert.Equal(1, ExpectedUtilityRules.Better(0, 5, 5, 10, 1), Tol);
        Assert.Equal(-1, ExpectedUtilityRules.Worse(0, 5, 5, 10, 1), Tol);
    }

    [Fact]
    public void ChallengeValue_WithStatusQuoCertain_IsContestMinusStatusQuo()
    {
        // s_j = 0.5, P = 0.6, r = 1: 0.5·(0.6·1 + 0.4·(−1)) + 0.5·1 − 1·0 = 0.6
        Assert.Equal(0.6, ExpectedUtilityRules.ChallengeValue(0, 5, 0.5, 0.6, 5, 10, 1, 1, 1), Tol);
    }

    [Fact]
    public void ChallengeValue_WithStatusQuoUncertain_SubtractsBetterAndWorse()
    {
        // Q = 0.5, T = 1: 0.6 − [0.5·0 + 0.5·U^b] with U^b = 1 (|x − μ| = |x − x_j| = 5): 0.1
        Assert.Equal(0.1, ExpectedUtilityRules.ChallengeValue(0, 5, 0.5, 0.6, 5, 10, 1, 0.5, 1), Tol);
        // T = 0: U^w = −1 instead: 0.6 − 0.5·(−1) = 1.1
        Assert.Equal(1.1, ExpectedUtilityRules.ChallengeValue(0, 5, 0.5, 0.6, 5, 10, 1, 0.5, 0), Tol);
    }

    [Theory]
    [InlineData(5, 10, 0, 1)]       // R = (10 − 10 − 0)/10 = 0 → r = 1
    [InlineData(10, 10, 0, 0.5)]    // R = 1 → (2/3)/(4/3)
    [InlineData(0, 10, 0, 2)]       // R = −1 → (4/3)/(2/3)
    [InlineData(2.5, 10, 0, 1.4)]   // R = −0.5 → (7/6)/(5/6)
    [InlineData(3, 3, 3, 1)]        // everyone equally exposed: risk neutral
    public void RiskExponent_FromExposure_FollowsTheFormula(double exposure, double max, double min, double expected)
    {
        Assert.Equal(expected, ExpectedUtilityRules.RiskExponent(exposure, max, min), Tol);
    }

    [Fact]
    public void Classify_BothGainAndRivalMore_IsConflictLostToRival()
    {
        Assert.Equal(OfferKind.Conflict, ExpectedUtilityRules.Classify(0.2, 0.5, 0, 10, out var to));
        Assert.Equal(10, to);
    }

    [Fact]
    public void Classify_BothGainButActorMore_IsStatusQuo()
    {
        Assert.Equal(OfferKind.StatusQuo, ExpectedUtilityRules.Classify(0.5, 0.2, 0, 10, out var to));
        Assert.Equal(0, to);
    }

    [Fact]
    public void Classify_ActorLosesLessThanRivalGains_CompromisesByTheRatio()
    {
        // moves |−0.1 / 0.4| = 1/4 of the way from 0 to 10
        Assert.Equal(OfferKind.Compromise, ExpectedUtilityRules.Classify(-0.1, 0.4, 0, 10, out var to));
        Assert.Equal(2.5, to, Tol);
    }

    [Fact]
    public void Classify_ActorLosesMoreThanRivalGains_Capitulates()
    {
        Assert.Equal(OfferKind.Capitulation, ExpectedUtilityRules.Classify(-0.5, 0.4, 0, 10, out var to));
        Assert.Equal(10, to);
    }

    [Fact]
    public void Classify_RivalExpectsNothing_IsStatusQuo()
    {
        Assert.Equal(OfferKind.StatusQuo, ExpectedUtilityRules.Classify(-0.5, -0.1, 0, 10, out _));
        Assert.Equal(OfferKind.StatusQuo, ExpectedUtilityRules.Classify(-0.5, 0.4, 3, 3, out _));
    }

    [Fact]
    public void Median_IsTheWeightedMedianOfHeldPositions()
    {
        // weights 1, 1, 1 at 0, 10, 4: 4 beats both; with A's weight 3 (half the total) 0 wins
        Assert.Equal(4, ExpectedUtilityRules.Median([1, 1, 1], [1, 1, 1], [0, 10, 4]));
        Assert.Equal(0, ExpectedUtilityRules.Median([3, 1, 1], [1, 1, 1], [0, 10, 4]));
    }

    [Fact]
    public void WeightedMean_IsCapabilityTimesSalienceWeighted()
    {
        // (2·0 + 1·10 + 1·4) / 4 = 3.5
        Assert.Equal(3.5, ExpectedUtilityRules.WeightedMean([2, 1, 1], [1, 1, 1], [0, 10, 4]), Tol);
    }
}
