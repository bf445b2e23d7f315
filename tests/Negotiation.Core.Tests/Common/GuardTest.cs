using Negotiation.Core.Common;

namespace Negotiation.Core.Tests.Common;

public class GuardTest
{
    [Fact]
    public void Probability_RejectsValuesOutsideTheUnitInterval()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Probability(1.5, "detection"));
        Assert.Equal("detection", e.ParamName);
        Assert.Equal(0.25, Guard.Probability(0.25));
    }

    [Fact]
    public void Finite_RejectsNaNAndInfinity()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Finite(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Finite(double.PositiveInfinity));
        Assert.Equal(2.5, Guard.Finite(2.5));
    }

    [Fact]
    public void NotNull_NamesTheArgument()
    {
        string? missing = null;
        var e = Assert.Throws<ArgumentNullException>(() => Guard.NotNull(missing));
        Assert.Equal("missing", e.ParamName);
    }
}
