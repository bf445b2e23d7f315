using System.Globalization;

namespace Negotiation.Core.Common;

/// <summary>
/// Text cells for CSV files that spreadsheets open: a cell a spreadsheet would run as a formula is neutralised, and
/// a cell with a comma, quote or line break is quoted (RFC 4180). The one implementation: the reporting layer's
/// <c>CsvTable.Cell</c> and the per-run rows both call it.
/// </summary>
public static class CsvText
{
    /// <summary>
    /// <paramref name="text"/> made safe to open in a spreadsheet: a cell starting with '=', '+', '-', '@', a tab or
    /// a carriage return gets a leading apostrophe (OWASP's advice against CSV injection), unless the whole cell is a
    /// number such as -0.25, which stays a number. Returns <paramref name="text"/> itself when nothing changes.
    /// </summary>
    public static string NeutraliseFormula(string text)
    {
        Guard.NotNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(text) ? "'" + text : text;
    }

    /// <summary>A text cell ready to write: neutralised, then quoted when it needs quotes.</summary>
    public static string Field(string text) => Quote(NeutraliseFormula(text));

    /// <summary>Quotes a cell holding a comma, a double quote or a line break; returns it unchanged otherwise.</summary>
    public static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    private static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
