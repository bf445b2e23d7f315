namespace Negotiation.Reporting.Tests;

public sealed class TextTest
{
    [Theory]
    [InlineData(0.6, "60.0%")]
    [InlineData(0.12345, "12.3%")]
    [InlineData(1.0, "100.0%")]
    [InlineData(double.NaN, "n/a")]
    public void Percent_OneDecimalOrNotAvailable(double share, string expected)
    {
        Assert.Equal(expected, Text.Percent(share));
    }

    [Fact]
    public void PercentRange_UsesAnEnDash()
    {
        Assert.Equal("53.1%–66.5%", Text.PercentRange(0.53083672039262, 0.6653942143319266));
        Assert.Equal("n/a", Text.PercentRange(double.NaN, 0.5));
    }

    [Fact]
    public void Integer_GroupsThousandsInvariantly()
    {
        Assert.Equal("10,000", Text.Integer(10_000));
    }
}
