using System.Text;
using Negotiation.Core.Common;

namespace Negotiation.Reporting.Charts;

/// <summary>
/// Keeps scenario names from crowding a chart: long category labels are wrapped onto a few lines (OxyPlot draws
/// "\n" as a line break in PNG and SVG) and cut with an ellipsis beyond that. Full names stay in the tables.
/// </summary>
public static class ChartLabels
{
    /// <summary>Cuts <paramref name="text"/> to <paramref name="width"/> characters, ending with "…" when cut.</summary>
    public static string Shorten(string text, int width)
    {
        Guard.NotNull(text);
        Guard.Positive(width);
        string oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= width ? oneLine : oneLine[..Math.Max(0, width - 1)].TrimEnd() + "…";
    }

    /// <summary>
    /// Wraps <paramref name="text"/> onto at most <paramref name="maxLines"/> lines of about
    /// <paramref name="width"/> characters, breaking after spaces, dots, slashes and dashes (so parameter paths
    /// such as actors.russia.reservation wrap too); the last line is shortened with "…" if text remains.
    /// </summary>
    public static string Wrap(string text, int width, int maxLines = 2)
    {
        Guard.NotNull(text);
        Guard.Positive(width);
        Guard.Positive(maxLines);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string token in Tokens(text.ReplaceLineEndings(" ")))
        {
            if (line.Length > 0 && line.Length + token.TrimEnd().Length > width)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
            }

            line.Append(token);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString().TrimEnd());
        }

        if (lines.Count > maxLines)
        {
            string rest = string.Join(" ", lines.Skip(maxLines - 1));
            lines = [.. lines.Take(maxLines - 1), Shorten(rest, width)];
        }

        return string.Join("\n", lines.Select(l => Shorten(l, width)));
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
