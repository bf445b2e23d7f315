using Negotiation.Simulation.MonteCarlo.Accumulators;

namespace Negotiation.Simulation.Tests.MonteCarlo;

public class HistogramTest
{
    [Fact]
    public void Quantile_InterpolatesWithinTheBin()
    {
        // Ten bins of width 0.1 on [0, 1]; values 0.05, 0.15, ..., 0.95 put one value in each bin.
        var h = new Histogram(0, 1, 10);
        for (var i = 0; i < 10; i++)
        {
            h.Add(0.05 + i * 0.1);
        }

        // The median target is 5 values: the whole of the 5th bin [0.4, 0.5) is needed, so 0.5.
        Assert.Equal(0.5, h.Quantile(0.5), 9);
        // q = 0.25 needs 2.5 values: half-way through the 3rd bin [0.2, 0.3).
        Assert.Equal(0.25, h.Quantile(0.25), 9);
    }

    [Fact]
    public void Quantiles_AreClampedToTheExactMinAndMax()
    {
        var h = new Histogram(0, 1, 10);
        h.Add(0.42);
        Assert.Equal(0.42, h.Quantile(0), 12);
        Assert.Equal(0.42, h.Quantile(1), 12);
    }

    [Fact]
    public void OutOfRangeValues_AreCountedInOverflowBins()
    {
        var h = new Histogram(0, 1, 4);
        h.Add(-3);
        h.Add(1);
        h.Add(7);
        Assert.Equal([1L, 0, 0, 0, 1, 1], h.Counts.ToArray());
        Assert.Equal(-3, h.Min);
        Assert.Equal(7, h.Max);
        Assert.Equal(7, h.Quantile(1));
    }

    [Fact]
    public void Merge_AddsCountsAndKeepsExtremes()
    {
        var a = new Histogram(0, 1, 2);
        var b = new Histogram(0, 1, 2);
        a.Add(0.1);
        b.Add(0.9);
        b.Add(0.8);
        a.Add(b);
        Assert.Equal(3, a.Count);
        Assert.Equal([0L, 1, 2, 0], a.Counts.ToArray());
        Assert.Equal(0.1, a.Min);
        Assert.Equal(0.9, a.Max);
    }

    [Fact]
    public void Merge_RefusesDifferentBins()
    {
        Assert.Throws<ArgumentException>(() => new Histogram(0, 1, 2).Add(new Histogram(0, 1, 3)));
    }
}
