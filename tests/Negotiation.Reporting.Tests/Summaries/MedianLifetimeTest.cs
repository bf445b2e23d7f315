using Negotiation.Reporting.Summaries;

namespace Negotiation.Reporting.Tests.Summaries;

public sealed class MedianLifetimeTest
{
    [Fact]
    public void MedianLifetime_IsTheFirstPeriodWithHalfOrLessHolding_WithTheWilsonCrossingInterval()
    {
        // 100 agreements holding 100, 80, 55, 45, 20 after 0..4 weekly periods. Median: 45/100 ≤ 0.5 at t = 3: 21 days.
        // Wilson 95%: 55/100 → [0.452, 0.644] reaches 0.5 at t = 2 (14 days); 45/100 → [0.356, 0.548] does not lie
        // below it; 20/100 → [0.133, 0.289] does, at t = 4 (28 days).
        var (median, low, high) = SummaryBuilder.MedianLifetime([100, 80, 55, 45, 20], 100, 7);

        Assert.Equal((21.0, 14.0, 28.0), (median!.Value, low!.Value, high!.Value));
    }

    [Fact]
    public void MedianLifetime_MoreThanHalfHoldToTheHorizon_IsNull()
    {
        var (median, _, high) = SummaryBuilder.MedianLifetime([100, 90, 80], 100, 1);

        Assert.Null(median);
        Assert.Null(high);
    }
}
