using Negotiation.Reporting.Tables;

namespace Negotiation.Reporting.Tests.Tables;

public sealed class CsvTableTest
{
    [Fact]
    public void Cell_WithCommaQuoteOrNewline_IsQuotedWithDoubledQuotes()
    {
        var table = new CsvTable("t.csv", "a", "b", "c");
        table.Add("x, y", "say \"no\"", "line\nbreak");
        Assert.Equal("a,b,c\n\"x, y\",\"say \"\"no\"\"\",\"line\nbreak\"\n", table.ToCsv());
    }

    [Fact]
    public void Numbers_RoundTripAndMissingValuesAreEmpty()
    {
        var table = new CsvTable("t.csv", "d", "n", "b", "missing", "nan");
        table.Add(0.1 + 0.2, 1234567L, true, null, double.NaN);
        Assert.Equal("d,n,b,missing,nan\n0.30000000000000004,1234567,true,,\n", table.ToCsv());
    }

    [Fact]
    public void Row_WithWrongCellCount_Throws()
    {
        var table = new CsvTable("t.csv", "a", "b");
        Assert.Throws<ArgumentException>(() => table.Add("only one"));
    }
}
