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
    public void Add_EqualsTheRounded128BitTerm_OnBothSidesOfTheLongRange()
    {
        // Terms below 2^31 in magnitude take the 64-bit conversion, larger ones the 128-bit one; either way each
        // term adds round(x · 2^32) exactly. 3e9 · 2^32 ≈ 1.3e19 > 2^63.
        Gen.Double[-1e12, 1e12].Array[1, 50].Sample(values =>
        {
            var sum = new ExactSum();
            Int128 expected = 0;
            foreach (var v in values.Append(3e9).Append(-2147483647.75).Append(0.1))
            {
                sum.Add(v);
                expected += (Int128)Math.Round(v * 4294967296.0);
            }

            return sum.Raw == expected;
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
