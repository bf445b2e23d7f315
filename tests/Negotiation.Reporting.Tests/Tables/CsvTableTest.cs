using System.Text;
using CsCheck;
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

    [Fact]
    public void AnyCells_ParseBackUnchangedWithAnRfc4180Reader()
    {
        Gen.String[Gen.Char["a,\"\n\r x;é=+-@\t1"], 0, 12].Array[3].Sample(cells =>
        {
            var table = new CsvTable("t.csv", "a", "b", "c");
            table.Add(cells[0], cells[1], cells[2]);
            List<List<string>> rows = Parse(table.ToCsv());
            Assert.Equal(2, rows.Count);
            // Every cell comes back as written, but for the apostrophe that keeps a spreadsheet from running it.
            Assert.Equal(cells.Select(Negotiation.Core.Common.CsvText.NeutraliseFormula), rows[1]);
            Assert.All(rows[1], (cell, k) => Assert.Equal(cells[k], cell.Length > cells[k].Length ? cell[1..] : cell));
        });
    }

    // A minimal RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes) to check the writer against.
    private static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}

/// <summary>CSV cells that a spreadsheet would run as formulas (issue 18); numbers stay numbers.</summary>
public class CsvFormulaInjectionTest
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("plain", "plain")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("-1e5", "-1e5")]
    [InlineData("", "")]
    public void Cell_NeutralisesFormulasAndKeepsNumbers(string text, string written)
    {
        Assert.Equal(written, Negotiation.Reporting.Tables.CsvTable.Cell(text));
    }

    [Fact]
    public void Table_NeutralisesTextCellsButWritesNegativeNumbersAsNumbers()
    {
        var table = new Negotiation.Reporting.Tables.CsvTable("t.csv", "name", "value");
        table.Add("=1+1", -0.5);
        table.Add("@me", -3L);
        Assert.Equal("name,value\n'=1+1,-0.5\n'@me,-3\n", table.ToCsv());
    }
}
