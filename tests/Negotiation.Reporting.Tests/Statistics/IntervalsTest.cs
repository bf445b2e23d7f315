using CsCheck;
using Negotiation.Reporting.Statistics;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Tests.Statistics;

public sealed class IntervalsTest
{
    [Fact]
    public void Wilson_SevenOfTen_MatchesHandComputation()
    {
        // p = 0.7, n = 10, z² = 3.841459; z²/n = 0.384146; denominator = 1.384146
        // centre = (0.7 + z²/20) / 1.384146 = (0.7 + 0.192073) / 1.384146 = 0.644493
        // half   = z / 1.384146 · √(0.7·0.3/10 + z²/400) = 1.415999 · √(0.021 + 0.009604) = 1.415999 · 0.174939 = 0.247713
        // interval = [0.396780, 0.892206]
        Interval ci = Intervals.Wilson(7, 10);
        Assert.Equal(0.3968, ci.Low, 4);
        Assert.Equal(0.8922, ci.High, 4);
    }

    [Fact]
    public void Mean_FourValues_MatchesHandComputation()
    {
        // x = 0.2, 0.4, 0.6, 0.8: n = 4, Σx = 2, Σx² = 0.04 + 0.16 + 0.36 + 0.64 = 1.2, mean = 0.5
        // s² = (1.2 − 4·0.25) / 3 = 0.066667, s/√n = 0.258199 / 2 = 0.129099, half = 1.959964 · 0.129099 = 0.253030
        Interval ci = Intervals.Mean(4, 2, 1.2);
        Assert.Equal(0.246970, ci.Low, 5);
        Assert.Equal(0.753030, ci.High, 5);
    }

    [Fact]
    public void Wilson_ZeroSuccesses_StartsAtZeroAndDoesNotCollapse()
    {
        // centre = 0.192073 / 1.384146 = 0.138766; half = 1.415999 · √(0.009604) = 1.415999 · 0.097998 = 0.138765
        // so low = 0 and high = 0.27753 (where the Wald interval would give [0, 0]).
        Interval ci = Intervals.Wilson(0, 10);
        Assert.Equal(0, ci.Low, 6);
        Assert.Equal(0.2775, ci.High, 4);
    }

    [Fact]
    public void Wilson_NoTrials_IsTheWholeUnitInterval()
    {
        Assert.Equal(new Interval(0, 1), Intervals.Wilson(0, 0));
    }

    [Fact]
    public void Wilson_MoreSuccessesThanTrials_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Intervals.Wilson(11, 10));
    }

    [Fact]
    public void Wilson_AnyCount_ContainsTheObservedShareAndStaysInUnitInterval()
    {
        Gen.Long[1, 100_000].SelectMany(n => Gen.Long[0, n].Select(k => (k, n))).Sample(t =>
        {
            Interval ci = Intervals.Wilson(t.k, t.n);
            double p = (double)t.k / t.n;
            Assert.InRange(ci.Low, 0, p + 1e-12);
            Assert.InRange(ci.High, p - 1e-12, 1);
        });
    }

    [Fact]
    public void PairedMean_OneToFour_MatchesHandComputation()
    {
        // d = 1, 2, 3, 4: n = 4, Σd = 10, Σd² = 30, mean = 2.5
        // s² = (30 − 4·2.5²)/3 = 5/3 = 1.666667; se = √(1.666667/4) = 0.645497
        // half = 1.959964 · 0.645497 = 1.265151 → [1.234849, 3.765151]
        Interval ci = Intervals.PairedMean(4, 10, 30);
        Assert.Equal(1.234849, ci.Low, 6);
        Assert.Equal(3.765151, ci.High, 6);
    }

    [Fact]
    public void PairedMean_AllDifferencesEqual_HasZeroWidthDespiteRounding()
    {
        // d = 0.1 three times: Σd² − n·mean² is 0 up to cancellation; the variance must not go negative (NaN).
        Interval ci = Intervals.PairedMean(3, 0.1 + 0.1 + 0.1, 0.01 + 0.01 + 0.01);
        Assert.False(double.IsNaN(ci.Low));
        Assert.Equal(0.1, ci.Low, 9);
        Assert.Equal(0.1, ci.High, 9);
    }

    [Fact]
    public void PairedMean_NoPairs_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Intervals.PairedMean(0, 0, 0));
    }

    [Fact]
    public void PairedDifference_IntervalContainsZero_SaysNotDistinguishable()
    {
        // d = +1, −1, +1, −1, +1 (agreement indicators): n = 5, Σd = 1, Σd² = 5, mean = 0.2
        // s² = (5 − 5·0.04)/4 = 1.2; se = √(1.2/5) = 0.489898; half = 0.960182 → [−0.760182, 1.160182]
        Difference d = Intervals.PairedDifference("Agreement rate", 5, 1, 5, DifferenceScale.Probability);
        Assert.False(d.Distinguishable);
        Assert.Equal(0.2, d.Estimate, 12);
        Assert.Equal(
            "Agreement rate: +20.0 percentage points (95% CI −76.0 to +116.0), not distinguishable from zero at 95%.",
            d.Statement);
    }

    [Fact]
    public void Describe_IntervalAboveZero_SaysHigherWithMagnitude()
    {
        Difference d = Intervals.Describe("Agreement rate", 0.123, new Interval(0.081, 0.165), DifferenceScale.Probability);
        Assert.True(d.Distinguishable);
        Assert.Equal("Agreement rate is 12.3 percentage points higher (95% CI +8.1 to +16.5).", d.Statement);
    }

    [Fact]
    public void Describe_UtilityBelowZero_SaysLowerWithThreeDecimals()
    {
        Difference d = Intervals.Describe("Russia's expected utility", -0.0421, new Interval(-0.06, -0.0242), DifferenceScale.Utility);
        Assert.True(d.Distinguishable);
        Assert.Equal("Russia's expected utility is 0.042 lower (95% CI −0.060 to −0.024).", d.Statement);
    }

    [Fact]
    public void Describe_IntervalTouchingZero_CountsAsNotDistinguishable()
    {
        Difference d = Intervals.Describe("x", 0.01, new Interval(0, 0.02), DifferenceScale.Utility);
        Assert.False(d.Distinguishable);
        Assert.Equal("x: +0.010 (95% CI 0.000 to +0.020), not distinguishable from zero at 95%.", d.Statement);
    }

    [Fact]
    public void Describe_UndefinedEstimate_IsNotDistinguishableAndSaysWhy()
    {
        Difference d = Intervals.Describe("Agreement rate", double.NaN, new Interval(double.NaN, double.NaN), DifferenceScale.Probability);
        Assert.False(d.Distinguishable);
        Assert.Equal("Agreement rate: no paired runs to compare, so no estimate.", d.Statement);
    }

    [Fact]
    public void PairedDifference_EveryPairEqual_SaysNoDifferenceInAnyRun()
    {
        // 2,000 paired runs with d = 0 in each: Σd = 0, Σd² = 0.
        Difference d = Intervals.PairedDifference("Russia's expected utility", 2000, 0, 0, DifferenceScale.Utility);
        Assert.False(d.Distinguishable);
        Assert.True(Intervals.IsExactlyZero(d));
        Assert.Equal("Russia's expected utility: no difference in any run.", d.Statement);
    }

    [Fact]
    public void Describe_TinyNonzeroDifference_PrintsEnoughDecimalsToShowIt()
    {
        // −0.0002 with [−0.0003, −0.0001]: three decimals printed "0.000 lower (95% CI 0.000 to 0.000)".
        Difference d = Intervals.Describe("Ukraine's expected utility", -0.0002, new Interval(-0.0003, -0.0001), DifferenceScale.Utility);
        Assert.True(d.Distinguishable);
        Assert.False(Intervals.IsExactlyZero(d));
        Assert.Equal("Ukraine's expected utility is 0.0002 lower (95% CI −0.0003 to −0.0001).", d.Statement);
    }
}
