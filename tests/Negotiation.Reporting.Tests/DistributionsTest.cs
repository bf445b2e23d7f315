using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Tests;

public sealed class DistributionsTest
{
    private static readonly DistributionSummary Some = new(0.5, 0.1, 0, 0.3, 0.4, 0.5, 0.6, 0.7, 1);

    [Fact]
    public void OrUndefined_Null_IsAllNaN()
    {
        DistributionSummary d = ((DistributionSummary?)null).OrUndefined();
        Assert.True(double.IsNaN(d.Mean) && double.IsNaN(d.Median) && double.IsNaN(d.Max));
        Assert.Same(Some, Some.OrUndefined());
    }

    [Fact]
    public void IsDefined_NeedsAFiniteMedian()
    {
        Assert.True(Some.IsDefined());
        Assert.False(((DistributionSummary?)null).IsDefined());
        Assert.False((Some with { Median = double.NaN }).IsDefined());
    }
}
