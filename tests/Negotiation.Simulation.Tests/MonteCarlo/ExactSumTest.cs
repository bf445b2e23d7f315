using CsCheck;
using Negotiation.Simulation.MonteCarlo.Accumulators;

namespace Negotiation.Simulation.Tests.MonteCarlo;

public class ExactSumTest
{
    [Fact]
    public void Sum_IsIndependentOfOrderAndGrouping()
    {
        Gen.Double[-1e6, 1e6].Array[1, 200].Sample(values =>
        {
            var forward = new ExactSum();
            foreach (var v in values)
            {
                forward.Add(v);
            }

            // Reverse order, split into two halves summed separately and merged: the way threads and shards combine.
            var left = new ExactSum();
            var right = new ExactSum();
            for (var i = values.Length - 1; i >= 0; i--)
            {
                if (i % 2 == 0)
                {
                    left.Add(values[i]);
                }
                else
                {
                    right.Add(values[i]);
                }
            }

            left.Add(right);
            return forward.Raw == left.Raw;
        });
    }

    [Fact]
    public void Value_IsTheSumToFixedPointPrecision()
    {
        var sum = new ExactSum();
        sum.Add(0.1);
        sum.Add(0.2);
        sum.Add(-0.05);
        Assert.Equal(0.25, sum.Value, 9);
    }

    [Fact]
    public void Moments_GiveMeanAndSampleVariance()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squared deviations 32, sample variance 32/7.
        var m = new Moments();
        foreach (var x in new double[] { 2, 4, 4, 4, 5, 5, 7, 9 })
        {
            m.Add(x);
        }

        Assert.Equal(8, m.Count);
        Assert.Equal(5, m.Mean, 9);
        Assert.Equal(32 / 7.0, m.Variance, 9);
    }
}
