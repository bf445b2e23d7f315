using MathNet.Numerics.Distributions;
using Negotiation.Core.Model;
using Negotiation.Simulation.Parameters;
using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Tests.Parameters;

public class ParameterSamplerTest
{
    private const int Draws = 100_000;

    public static TheoryData<string, Uncertain, double, double> Distributions() => new()
    {
        // name, distribution, analytic mean, analytic variance (from MathNet where it has the distribution)
        { "uniform", new UniformDist(2, 5), new ContinuousUniform(2, 5).Mean, new ContinuousUniform(2, 5).Variance },
        { "triangular", new TriangularDist(0, 0.2, 1), new Triangular(0, 1, 0.2).Mean, new Triangular(0, 1, 0.2).Variance },
        // PERT(min 0, mode 0.3, max 1) = Beta(α = 1 + 4·0.3 = 2.2, β = 1 + 4·0.7 = 3.8) on [0, 1].
        { "pert", new PertDist(0, 0.3, 1), new Beta(2.2, 3.8).Mean, new Beta(2.2, 3.8).Variance },
        { "normal", new NormalDist(1.5, 0.4), new Normal(1.5, 0.4).Mean, new Normal(1.5, 0.4).Variance },
        { "lognormal", new LogNormalDist(-1, 0.5), new LogNormal(-1, 0.5).Mean, new LogNormal(-1, 0.5).Variance },
        // Beta(2, 5) scaled onto [10, 20]: mean 10 + 10·2/7, variance 100·Var(Beta(2,5)).
        { "beta", new BetaDist(2, 5, 10, 20), 10 + 10 * new Beta(2, 5).Mean, 100 * new Beta(2, 5).Variance },
        // Normal(0, 1) truncated to [0, ∞): half-normal, mean √(2/π), variance 1 − 2/π.
        { "truncated normal", new NormalDist(0, 1, 0, double.PositiveInfinity), Math.Sqrt(2 / Math.PI), 1 - 2 / Math.PI },
    };

    [Theory]
    [MemberData(nameof(Distributions))]
    public void SampleMeanAndVariance_MatchTheAnalyticValues(string name, Uncertain distribution, double mean, double variance)
    {
        var samples = Sample(distribution, Draws);
        var sampleMean = samples.Average();
        var sampleVariance = samples.Select(x => (x - sampleMean) * (x - sampleMean)).Sum() / (Draws - 1);

        // Five standard errors of the mean; 5% relative for the variance (its standard error is ~0.5–1% here).
        var se = Math.Sqrt(variance / Draws);
        Assert.True(Math.Abs(sampleMean - mean) < 5 * se, $"{name}: mean {sampleMean} vs {mean} (se {se})");
        Assert.True(Math.Abs(sampleVariance - variance) < 0.05 * variance, $"{name}: variance {sampleVariance} vs {variance}");
    }

    [Fact]
    public void Triangular_PassesKolmogorovSmirnovAgainstMathNetsCdf()
    {
        var reference = new Triangular(0, 1, 0.2);
        var samples = Sample(new TriangularDist(0, 0.2, 1), 20_000).OrderBy(x => x).ToArray();
        var d = 0.0;
        for (var i = 0; i < samples.Length; i++)
        {
            var cdf = reference.CumulativeDistribution(samples[i]);
            d = Math.Max(d, Math.Max((i + 1.0) / samples.Length - cdf, cdf - (double)i / samples.Length));
        }

        // Critical value at α = 0.01: 1.628 / √n = 0.0115 for n = 20,000.
        Assert.True(d < 1.628 / Math.Sqrt(samples.Length), $"KS statistic {d}");
    }

    [Theory]
    [InlineData(0.0, 0.3, 1.0)]    // Beta(2.2, 3.8)
    [InlineData(0.0, 0.0, 1.0)]    // Beta(1, 5): mode at the minimum, the smallest shape the sampler takes
    [InlineData(0.2, 0.8, 0.95)]   // Beta(4.2, 1.8) on [0.2, 0.95]
    public void Pert_PassesKolmogorovSmirnovAgainstMathNetsBetaCdf(double min, double mode, double max)
    {
        // PERT(min, mode, max) = min + (max − min)·Beta(1 + 4(mode − min)/(max − min), 1 + 4(max − mode)/(max − min)).
        var range = max - min;
        var reference = new Beta(1 + 4 * (mode - min) / range, 1 + 4 * (max - mode) / range);
        var samples = Sample(new PertDist(min, mode, max), 20_000).Select(x => (x - min) / range).OrderBy(x => x).ToArray();
        var d = 0.0;
        for (var i = 0; i < samples.Length; i++)
        {
            var cdf = reference.CumulativeDistribution(samples[i]);
            d = Math.Max(d, Math.Max((i + 1.0) / samples.Length - cdf, cdf - (double)i / samples.Length));
        }

        // Critical value at α = 0.01: 1.628 / √n = 0.0115 for n = 20,000.
        Assert.True(d < 1.628 / Math.Sqrt(samples.Length), $"KS statistic {d}");
    }

    [Fact]
    public void Pert_SamplerAndDraw_AgreeForTheSameStream()
    {
        var table = new ParameterTable();
        table.Register("x", new PertDist(0.1, 0.25, 0.6));
        var sampler = new ParameterSampler(table);
        var values = new double[1];
        var random = new RngRandom(default);
        for (var run = 0; run < 100; run++)
        {
            sampler.Sample(3, run, values);
            var rng = Rng.For(3, run, Streams.ForParameter("x"));
            Assert.Equal(ParameterSampler.Draw(new PertDist(0.1, 0.25, 0.6), ref rng, random), values[0]);
        }
    }

    [Fact]
    public void Pert_FourAtATime_DrawsBitForBitWhatEachStreamDrawsAlone()
    {
        // Eleven PERTs (two blocks of four side by side, three alone) of every shape — mode at min (α = 1), at max
        // (β = 1), narrow, wide — among other distributions. Over 2,000 runs some lanes leave the common path (a
        // gamma's first try rejected) and are drawn again alone: every value must still be the stream's own.
        Uncertain[] distributions =
        [
            new PertDist(0, 0, 1), new PertDist(0, 1, 1), new UniformDist(2, 3), new PertDist(0.1, 0.25, 0.6),
            new PertDist(-0.08, -0.03, 0), new PertDist(0.49, 0.5, 0.51), new Fixed(4), new PertDist(0, 0.5, 100),
            new PertDist(0.05, 0.3, 0.55), new PertDist(1, 1.2, 9), new PertDist(0, 0.002, 0.01), new PertDist(0.2, 0.7, 0.8),
            new PertDist(3, 3, 3), new PertDist(0.3, 0.55, 0.8),
        ];
        var table = new ParameterTable();
        for (var i = 0; i < distributions.Length; i++)
        {
            table.Register("p" + i, distributions[i]);
        }

        var sampler = new ParameterSampler(table);
        var values = new double[distributions.Length];
        var random = new RngRandom(default);
        for (var run = 0; run < 2_000; run++)
        {
            sampler.Sample(9, run, values);
            for (var i = 0; i < distributions.Length; i++)
            {
                var rng = Rng.For(9, run, Streams.ForParameter("p" + i));
                Assert.Equal(BitConverter.DoubleToInt64Bits(ParameterSampler.Draw(distributions[i], ref rng, random)), BitConverter.DoubleToInt64Bits(values[i]));
            }
        }
    }

    [Fact]
    public void TruncatedNormal_NeverLeavesItsBounds()
    {
        var samples = Sample(new NormalDist(0.5, 2, 0, 1), 10_000);
        Assert.All(samples, x => Assert.InRange(x, 0, 1));
    }

    [Fact]
    public void FixedSlots_AreCopiedAndUncertainSlotsDrawn()
    {
        var table = new ParameterTable();
        table.Register("a", 3.0);
        table.Register("b", new UniformDist(0, 1));
        var sampler = new ParameterSampler(table);
        var values = new double[2];
        sampler.Sample(1, 0, values);
        Assert.Equal(3.0, values[0]);
        Assert.InRange(values[1], 0, 1);
        Assert.Equal([1], sampler.UncertainSlots.ToArray());
    }

    [Fact]
    public void SameParameterPath_DrawsTheSameValueInAnotherTable_CommonRandomNumbers()
    {
        // The variant's table has an extra parameter registered first; the shared one must still match.
        var baseline = new ParameterTable();
        baseline.Register("actors.russia.reservation", new UniformDist(0, 1));
        var variant = new ParameterTable();
        variant.Register("actors.nato.reservation", new UniformDist(0, 1));
        variant.Register("actors.russia.reservation", new UniformDist(0, 1));
        var a = new double[1];
        var b = new double[2];
        for (var run = 0; run < 50; run++)
        {
            new ParameterSampler(baseline).Sample(9, run, a);
            new ParameterSampler(variant).Sample(9, run, b);
            Assert.Equal(a[0], b[1]);
        }
    }

    [Fact]
    public void Sample_IsAPureFunctionOfSeedAndRun()
    {
        var table = new ParameterTable();
        table.Register("x", new PertDist(0, 0.5, 1));
        var sampler = new ParameterSampler(table);
        var first = new double[1];
        var second = new double[1];
        sampler.Sample(5, 123, first);
        sampler.Sample(5, 124, second);
        sampler.Sample(5, 123, second);
        Assert.Equal(first[0], second[0]);
    }

    private static double[] Sample(Uncertain distribution, int count)
    {
        var random = new RngRandom(default);
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            var rng = Rng.For(2026, i, 77);
            result[i] = ParameterSampler.Draw(distribution, ref rng, random);
        }

        return result;
    }
}
