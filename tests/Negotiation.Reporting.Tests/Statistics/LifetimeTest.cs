using Negotiation.Reporting.Statistics;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Tests.Statistics;

public sealed class LifetimeTest
{
    private static ComplianceSummary Curve(params double[] holding) =>
        new(holding.Length - 1, 30, holding, 0, new Interval(0, 1), [], [], []);

    [Fact]
    public void Median_IsTheFirstPeriodAtOrBelowHalf_InDays()
    {
        // 100 agreements; 80, 55, 50, 30 still holding after periods 1–4 of 30 days: S(3) = 0.5 → day 90.
        MedianLifetime life = Lifetime.Median(Curve(1, 0.8, 0.55, 0.5, 0.3), 100)!;
        Assert.Equal(90, life.Days);
        // Wilson(55, 100) = [0.452, 0.643]: its low bound is ≤ ½, so the interval starts at period 2 (day 60).
        // Wilson(50, 100) = [0.404, 0.596] and Wilson(30, 100) = [0.219, 0.396]: the high bound first ≤ ½ at period 4.
        Assert.Equal(60, life.LowDays);
        Assert.Equal(120, life.HighDays);
        Assert.Equal("90 days (95% interval 60–120 days)", Lifetime.Describe(life));
    }

    [Fact]
    public void Median_BeyondTheHorizon_IsSaidSo()
    {
        MedianLifetime life = Lifetime.Median(Curve(1, 0.9, 0.8), 1000)!;
        Assert.Null(life.Days);
        Assert.Equal("more than 60 days (the horizon)", Lifetime.Describe(life));
    }

    [Fact]
    public void Median_WithoutAgreementsOrCompliance_IsNull()
    {
        Assert.Null(Lifetime.Median(Curve(1, 0.5), 0));
        Assert.Null(Lifetime.Median(null, 10));
    }
}
