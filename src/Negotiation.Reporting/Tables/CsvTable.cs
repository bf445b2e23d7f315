using System.Globalization;
using System.Text;
using Negotiation.Core.Common;

namespace Negotiation.Reporting.Tables;

/// <summary>
/// A tidy table: a header row and one row per observation, written as RFC 4180 CSV with "\n" line ends in the
/// invariant culture. Text cells are neutralised against formula injection (<see cref="Cell"/>). Doubles are written in their shortest round-trip form; an undefined figure (NaN) is an
/// empty field so that R and pandas read it as missing.
/// </summary>
public sealed class CsvTable
{
    private readonly List<string[]> rows = [];

    public CsvTable(string fileName, params string[] columns)
    {
        FileName = Guard.NotNull(fileName);
        Columns = Guard.NotNull(columns);
    }

    /// <summary>File name inside the report directory, e.g. "agreement.csv".</summary>
    public string FileName { get; }

    public IReadOnlyList<string> Columns { get; }

    public int RowCount => rows.Count;

    /// <summary>Adds a row; each cell is a string, a number, a bool or null (empty).</summary>
    public void Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"{FileName}: a row has {cells.Length} cells for {Columns.Count} columns", nameof(cells));
        }

        rows.Add(cells.Select(Format).ToArray());
    }

    /// <summary>
    /// This table with <paramref name="columns"/> appended, holding the same <paramref name="values"/> on every row
    /// (the scenario, seed and completeness of the run the table came from, so a notebook can join and filter files).
    /// </summary>
    public CsvTable WithConstantColumns(IReadOnlyList<string> columns, IReadOnlyList<object?> values)
    {
        Guard.NotNull(columns);
        Guard.NotNull(values);
        if (columns.Count != values.Count)
        {
            throw new ArgumentException($"{FileName}: {values.Count} values for {columns.Count} columns", nameof(values));
        }

        var table = new CsvTable(FileName, [.. Columns, .. columns]);
        string[] constant = values.Select(Format).ToArray();
        table.rows.AddRange(rows.Select(r => (string[])[.. r, .. constant]));
        return table;
    }

    /// <summary>The table as CSV text.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder();
        AppendRow(text, Columns);
        foreach (string[] row in rows)
        {
            AppendRow(text, row);
        }

        return text.ToString();
    }

    internal static string Format(object? cell) => cell switch
    {
        null => string.Empty,
        string s => CsvText.NeutraliseFormula(s),
        bool b => b ? "true" : "false",
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : string.Empty,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Quote(cells[i]));
        }

        text.Append('\n');
    }

    private static string Quote(string cell) => CsvText.Quote(cell);

    /// <summary>
    /// One text cell as written in a CSV file: a leading '=', '+', '-', '@', tab or carriage return is neutralised
    /// with an apostrophe so that a spreadsheet shows it instead of running it (numbers such as -0.25 stay numbers),
    /// and the cell is quoted when it holds a comma, quote or line break. Every CSV writer calls this (or
    /// <see cref="Add"/>, which does).
    /// </summary>
    public static string Cell(string text) => CsvText.Field(text);
}
