using Negotiation.Scenarios.Genius;

namespace Negotiation.Scenarios.Tests.Genius;

public class GeniusUtilityTest
{
    private const int Digits = 12;

    private static double Laptop(GeniusProfile profile, string laptop, string disk, string monitor) =>
        GeniusUtility.Utility(Fixture.LaptopDomain(), profile, [GeniusValue.Of(laptop), GeniusValue.Of(disk), GeniusValue.Of(monitor)]);

    [Fact]
    public void Discrete_BestOfEveryIssue_IsTheWeightSum()
    {
        var buyer = Fixture.LaptopBuyer(Fixture.LaptopDomain());

        // 0.4452·30/30 + 0.3781·30/30 + 0.1768·30/30 = 1.0001 (the weights, as given, sum to 1.0001)
        Assert.Equal(1.0001, Laptop(buyer, "HP", "60 Gb", "19''"), Digits);
    }

    [Fact]
    public void Discrete_DividesEachEvaluationByTheIssuesLargest()
    {
        var buyer = Fixture.LaptopBuyer(Fixture.LaptopDomain());

        // 0.4452·12/30 + 0.3781·9/30 + 0.1768·10/30 = 0.17808 + 0.11343 + 0.0589333.. = 0.3504433..
        Assert.Equal(0.17808 + 0.11343 + 0.1768 / 3, Laptop(buyer, "Dell", "120 Gb", "20''"), Digits);

        // 0.4452·20/30 + 0.3781·20/30 + 0.1768·20/30 = 1.0001·2/3 = 0.6667333..
        Assert.Equal(1.0001 * 2 / 3, Laptop(buyer, "Macintosh", "80 Gb", "23''"), Digits);
    }

    [Fact]
    public void Discrete_SecondProfile_UsesItsOwnMaxima()
    {
        var seller = Fixture.LaptopSeller(Fixture.LaptopDomain());

        // 0.3781·30/30 + 0.1768·30/30 + 0.4452·3/3 = 1.0001
        Assert.Equal(1.0001, Laptop(seller, "Macintosh", "80 Gb", "19''"), Digits);

        // 0.3781·20/30 + 0.1768·20/30 + 0.4452·3/3 = 0.2520666.. + 0.1178666.. + 0.4452 = 0.8151333..
        Assert.Equal(0.3781 * 2 / 3 + 0.1768 * 2 / 3 + 0.4452, Laptop(seller, "HP", "60 Gb", "19''"), Digits);

        // 0.3781·12/30 + 0.1768·9/30 + 0.4452·1/3 = 0.15124 + 0.05304 + 0.1484 = 0.35268
        Assert.Equal(0.35268, Laptop(seller, "Dell", "120 Gb", "23''"), Digits);
    }

    [Fact]
    public void Discrete_EvaluationsAtMostOne_AreUsedAsGiven()
    {
        // GENIUS's EvaluatorDiscrete divides only when the largest evaluation exceeds 1.
        var evaluator = new GeniusDiscreteEvaluator(new Dictionary<string, double> { ["a"] = 0.2, ["b"] = 0.5 });

        Assert.Equal(0.2, GeniusUtility.Discrete(evaluator, "a"));
        Assert.Equal(0.5, GeniusUtility.Discrete(evaluator, "b"));
    }

    [Theory]
    [InlineData(-5, 0.0)] // 0.1·(−5 − (−5)) + 0 = 0
    [InlineData(0, 0.5)] // 0.1·(0 + 5) = 0.5
    [InlineData(3, 0.8)] // 0.1·8 = 0.8
    [InlineData(5, 1.0)] // 0.1·10 = 1
    public void Integer_IsSlopeTimesDistanceFromLowerBoundPlusOffset(int price, double expected)
    {
        var domain = Fixture.NumericDomain();
        var profile = Fixture.NumericProfile(domain);
        var issue = domain.IssueByIndex(1)!;

        Assert.Equal(expected, GeniusUtility.Evaluate(issue, profile.Evaluators[1], GeniusValue.Of(price)), Digits);
    }

    [Theory]
    [InlineData(1.0, 0.5, 0, 1, 1.0)] // 1·(1 − 0) + 0.5 = 1.5, clamped to 1
    [InlineData(-1.0, 0.5, 0, 3, 0.0)] // −1·(3 − 0) + 0.5 = −2.5, clamped to 0
    [InlineData(0.25, 0.1, 10, 12, 0.6)] // 0.25·(12 − 10) + 0.1 = 0.6
    public void Integer_IsClampedToTheUnitInterval(double slope, double offset, double lower, double x, double expected)
    {
        Assert.Equal(expected, GeniusUtility.Integer(new GeniusIntegerEvaluator(slope, offset), lower, x), Digits);
    }

    [Theory]
    [InlineData(0, 1.0)] // 1.5 − 0.25·0 = 1.5, clamped to 1
    [InlineData(2, 1.0)] // 1.5 − 0.5 = 1
    [InlineData(4, 0.5)] // 1.5 − 1 = 0.5
    [InlineData(6, 0.0)] // 1.5 − 1.5 = 0
    [InlineData(10, 0.0)] // 1.5 − 2.5 = −1, clamped to 0
    public void RealLinear_IsParameter1TimesXPlusParameter0_Clamped(double delivery, double expected)
    {
        var domain = Fixture.NumericDomain();
        var profile = Fixture.NumericProfile(domain);

        Assert.Equal(expected, GeniusUtility.Evaluate(domain.IssueByIndex(3)!, profile.Evaluators[3], GeniusValue.Of(delivery)), Digits);
    }

    [Theory]
    [InlineData(12, 0.0)] // below parameter0 = 15
    [InlineData(17.5, 0.5)] // (17.5 − 15)/(20 − 15) = 0.5
    [InlineData(20, 1.0)] // the peak, parameter2
    [InlineData(22.5, 0.5)] // 1 − (22.5 − 20)/(25 − 20) = 0.5
    [InlineData(25, 0.0)] // parameter1 and beyond
    [InlineData(27, 0.0)]
    public void RealTriangular_PeaksAtParameter2BetweenParameter0AndParameter1(double temperature, double expected)
    {
        var domain = Fixture.NumericDomain();
        var profile = Fixture.NumericProfile(domain);

        Assert.Equal(expected, GeniusUtility.Evaluate(domain.IssueByIndex(5)!, profile.Evaluators[5], GeniusValue.Of(temperature)), Digits);
    }

    [Fact]
    public void RealConstant_IsParameter0Everywhere()
    {
        var evaluator = new GeniusRealEvaluator(GeniusRealFunction.Constant, 0.3, 0);

        Assert.Equal(0.3, GeniusUtility.Real(evaluator, -100));
        Assert.Equal(0.3, GeniusUtility.Real(evaluator, 42));
    }

    [Fact]
    public void Utility_MixedIssues_IsTheWeightedSum()
    {
        var domain = Fixture.NumericDomain();
        var profile = Fixture.NumericProfile(domain);

        // price 0 → 0.5, delivery 4 → 0.5, quantity 320 → 0.0015625·320 = 0.5, temperature 20 → 1
        // 0.25·0.5 + 0.25·0.5 + 0.25·0.5 + 0.25·1 = 0.625
        var utility = GeniusUtility.Utility(domain, profile, [GeniusValue.Of(0), GeniusValue.Of(4), GeniusValue.Of(320), GeniusValue.Of(20)]);

        Assert.Equal(0.625, utility, Digits);
    }

    [Theory]
    [InlineData(0.5, 0.0, 0.8)] // t = 0: 0.8·0.5⁰ = 0.8
    [InlineData(0.5, 1.0, 0.4)] // t = 1: 0.8·0.5 = 0.4
    [InlineData(0.25, 0.5, 0.4)] // 0.8·0.25^0.5 = 0.8·0.5 = 0.4
    [InlineData(0.0, 1.0, 0.8)] // d ≤ 0: no discounting
    [InlineData(1.5, 1.0, 0.8)] // d > 1: no discounting
    [InlineData(1.0, 1.0, 0.8)] // d = 1: no discounting
    public void Discounted_IsUtilityTimesFactorToTheTime(double factor, double time, double expected)
    {
        Assert.Equal(expected, GeniusUtility.Discounted(0.8, factor, time), Digits);
    }
}
