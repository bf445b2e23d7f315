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

    [Theory]
    [InlineData(1.0, 1.0, "100%–100%")] // no trials can give this, but exact bounds print exactly
    [InlineData(0.99996158, 1.0, "99.996%–100%")] // Wilson(100,000 of 100,000): was "100.0%–100.0%"
    [InlineData(0.0, 0.0000384, "0%–0.004%")] // Wilson(0 of 100,000): was "0.0%–0.0%"
    [InlineData(0.998, 1.0, "99.8%–100%")]
    [InlineData(0.99991, 0.99999, "99.991%–99.999%")]
    public void PercentRange_NeverPrintsANonzeroWidthIntervalAsAPoint(double low, double high, string expected)
    {
        Assert.Equal(expected, Text.PercentRange(low, high));
    }

    [Theory]
    [InlineData(11000, "11,000")] // was "1.1E+04" in the trace
    [InlineData(12345.6, "12,350")]
    [InlineData(1234.5, "1,235")] // four significant figures, halves away from zero
    [InlineData(300, "300")]
    [InlineData(7.5, "7.5")]
    [InlineData(0.0125, "0.0125")]
    [InlineData(-2500000, "-2,500,000")]
    [InlineData(0, "0")]
    public void Quantity_FourSignificantFiguresWithoutExponent(double value, string expected)
    {
        Assert.Equal(expected, Text.Quantity(value));
    }

    [Fact]
    public void Integer_GroupsThousandsInvariantly()
    {
        Assert.Equal("10,000", Text.Integer(10_000));
    }
}
