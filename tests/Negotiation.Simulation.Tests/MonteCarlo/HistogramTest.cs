using Negotiation.Simulation.MonteCarlo.Accumulators;

namespace Negotiation.Simulation.Tests.MonteCarlo;

public class HistogramTest
{
    [Fact]
    public void Quantile_OneValuePerBin_IsThatValue()
    {
        // Ten bins of width 0.1 on [0, 1]; values 0.05, 0.15, ..., 0.95 put one value in each bin. (Before bins kept
        // their extremes the median was interpolated to the bin's edge, 0.5, a value no run produced.)
        var h = new Histogram(0, 1, 10);
        for (var i = 0; i < 10; i++)
        {
            h.Add(0.05 + i * 0.1);
        }

        // The median target is 5 values: the 5th bin's only value, 0.45.
        Assert.Equal(0.45, h.Quantile(0.5), 9);
        // q = 0.25 needs 2.5 values: the 3rd bin's only value.
        Assert.Equal(0.25, h.Quantile(0.25), 9);
    }

    [Fact]
    public void Quantiles_OfAPointMass_AreThePointItself()
    {
        // A continuous issue on [0, 8000] in 400 bins of 20: 970 agreements at exactly 300 and 30 spread above it.
        // Interpolating across the bin [300, 320) gave a median of 310 and a 95th percentile of 319.5, which no run
        // produced.
        var h = new Histogram(0, 8000, 400);
        for (var i = 0; i < 970; i++)
        {
            h.Add(300);
        }

        for (var i = 0; i < 30; i++)
        {
            h.Add(305 + i * 200);
        }

        Assert.Equal(300, h.Quantile(0.5));
        Assert.Equal(300, h.Quantile(0.95));
        Assert.Equal(300, h.Quantile(0.25));
        Assert.Equal(300, h.Quantile(0));
    }

    [Fact]
    public void Quantiles_WithTwoValuesInABin_AreExactAndMergeInAnyOrder()
    {
        // Bin [300, 320) holds 300 (6 times) and 310 (4 times): the 60th percentile is 300, the 70th 310.
        double[] values = [300, 310, 300, 300, 310, 300, 310, 300, 300, 310];
        var whole = new Histogram(0, 8000, 400);
        var first = new Histogram(0, 8000, 400);
        var second = new Histogram(0, 8000, 400);
        for (var i = 0; i < values.Length; i++)
        {
            whole.Add(values[i]);
            (i < 3 ? first : second).Add(values[i]);
        }

        var ab = new Histogram(0, 8000, 400);
        ab.Add(first);
        ab.Add(second);
        var ba = new Histogram(0, 8000, 400);
        ba.Add(second);
        ba.Add(first);
        foreach (var h in new[] { whole, ab, ba })
        {
            Assert.Equal(300, h.Quantile(0.6));
            Assert.Equal(310, h.Quantile(0.7));
            Assert.Equal(whole.BinMin.ToArray(), h.BinMin.ToArray());
            Assert.Equal(whole.AtMax.ToArray(), h.AtMax.ToArray());
        }
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
