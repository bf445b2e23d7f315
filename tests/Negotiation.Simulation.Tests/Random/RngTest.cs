using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Tests.Random;

public class RngTest
{
    [Fact]
    public void SameSeedRunAndStream_GiveTheSameSequence()
    {
        var a = Rng.For(42, 7, Streams.Negotiation);
        var b = Rng.For(42, 7, Streams.Negotiation);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Theory]
    [InlineData(43UL, 7L, Streams.Negotiation)]
    [InlineData(42UL, 8L, Streams.Negotiation)]
    [InlineData(42UL, 7L, Streams.Compliance)]
    public void AnyDifferentKey_GivesADifferentSequence(ulong seed, long run, ulong stream)
    {
        var reference = Rng.For(42, 7, Streams.Negotiation);
        var other = Rng.For(seed, run, stream);
        Assert.NotEqual(reference.NextUInt64(), other.NextUInt64());
    }

    [Fact]
    public void NextDouble_IsUniformOnTheUnitInterval()
    {
        var rng = Rng.For(1, 0, 0);
        const int n = 200_000;
        double sum = 0, sumSq = 0;
        for (var i = 0; i < n; i++)
        {
            var x = rng.NextDouble();
            Assert.InRange(x, 0, 1 - double.Epsilon);
            sum += x;
            sumSq += x * x;
        }

        // U(0,1): mean 1/2, variance 1/12; standard errors ~ 0.00065 and ~ 0.0002: allow about 5 of them.
        var mean = sum / n;
        Assert.InRange(mean, 0.5 - 0.003, 0.5 + 0.003);
        Assert.InRange(sumSq / n - mean * mean, 1 / 12.0 - 0.001, 1 / 12.0 + 0.001);
    }

    [Fact]
    public void NextInt_StaysInRangeAndHitsEveryValue()
    {
        var rng = Rng.For(3, 0, 0);
        var seen = new int[7];
        for (var i = 0; i < 7_000; i++)
        {
            seen[rng.NextInt(7)]++;
        }

        Assert.All(seen, count => Assert.InRange(count, 850, 1150));
    }

    [Fact]
    public void ParameterStreams_DependOnlyOnThePath()
    {
        Assert.Equal(Streams.ForParameter("actors.russia.reservation"), Streams.ForParameter("actors.russia.reservation"));
        Assert.NotEqual(Streams.ForParameter("actors.russia.reservation"), Streams.ForParameter("actors.usa.reservation"));
        Assert.NotEqual(Streams.Negotiation, Streams.ForParameter(""));
    }
}
