using Negotiation.Core.Model;

namespace Negotiation.Core.Tests.Model;

public class UncertainTest
{
    [Fact]
    public void Pert_MeanIsWeightedFourTimesTowardsTheMode() =>
        // (0 + 4·0.3 + 1) / 6 = 2.2 / 6
        Assert.Equal(2.2 / 6, new PertDist(0, 0.3, 1).Mean, 12);

    [Fact]
    public void Triangular_MeanIsTheAverageOfItsCorners() =>
        Assert.Equal(0.4, new TriangularDist(0, 0.2, 1).Mean, 12);

    [Fact]
    public void Beta_MeanIsScaledOntoItsRange() =>
        // 10 + 10 · 2 / (2 + 5)
        Assert.Equal(10 + 20 / 7.0, new BetaDist(2, 5, 10, 20).Mean, 12);

    [Fact]
    public void LogNormal_MeanIsExpOfMuPlusHalfSigmaSquared() =>
        Assert.Equal(Math.Exp(-1 + 0.125), new LogNormalDist(-1, 0.5).Mean, 12);

    [Fact]
    public void ANumber_ConvertsToAFixedParameter()
    {
        Uncertain u = 0.35;
        Assert.True(u.IsFixed);
        Assert.Equal(0.35, u.Mean);
        Assert.Equal(0.35, u.Lower);
        Assert.Equal(0.35, u.Upper);
    }

    [Fact]
    public void Normal_IsTruncatedOnlyWithABound()
    {
        Assert.False(new NormalDist(0, 1).IsTruncated);
        Assert.True(new NormalDist(0, 1, 0).IsTruncated);
    }
}
