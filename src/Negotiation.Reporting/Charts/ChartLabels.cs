using System.Text;
using Negotiation.Core.Common;

namespace Negotiation.Reporting.Charts;

/// <summary>
/// Keeps scenario names from crowding a chart: long labels, legends and titles are wrapped onto several lines (OxyPlot
/// draws "\n" as a line break in PNG and SVG), never cut. Scenarios give long names a short: label for charts.
/// </summary>
public static class ChartLabels
{
    /// <summary>
    /// Wraps <paramref name="text"/> onto lines of about <paramref name="width"/> characters, breaking after spaces, dots,
    /// slashes and dashes (so parameter paths such as actors.russia.reservation wrap too); a piece longer than a line
    /// is split. Nothing is cut: every character of the name is on the chart.
    /// </summary>
    public static string Wrap(string text, int width)
    {
        Guard.NotNull(text);
        Guard.Positive(width);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string piece in Tokens(text.ReplaceLineEndings(" ")).SelectMany(t => Split(t, width)))
        {
            if (line.Length > 0 && line.Length + piece.TrimEnd().Length > width)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
            }

            line.Append(piece);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString().TrimEnd());
        }

        return string.Join("\n", lines);
    }

    // A piece longer than a line, in line-sized parts.
    private static IEnumerable<string> Split(string piece, int width)
    {
        for (int i = 0; i < piece.Length; i += width)
        {
            yield return piece.Substring(i, Math.Min(width, piece.Length - i));
        }
    }

    // Pieces that end just after a break opportunity.
    private static IEnumerable<string> Tokens(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is ' ' or '.' or '/' or '-')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
