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
        if (maxLines == 1)
        {
            return Shorten(text, width);
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        List<string> tokens = Tokens(text.ReplaceLineEndings(" ")).ToList();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (line.Length > 0 && line.Length + tokens[i].TrimEnd().Length > width)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                if (lines.Count == maxLines - 1)
                {
                    // The last line takes all the rest, shortened if it does not fit.
                    lines.Add(Shorten(string.Concat(tokens.Skip(i)).Trim(), width));
                    return string.Join("\n", lines.Select(l => Shorten(l, width)));
                }
            }

            line.Append(tokens[i]);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString().TrimEnd());
        }

        return string.Join("\n", lines.Select(l => Shorten(l, width)));
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="width"/> characters from the left ("…tail"), for
    /// paths whose last segments say the most.</summary>
    public static string ShortenStart(string text, int width)
    {
        Guard.NotNull(text);
        Guard.Positive(width);
        string oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= width ? oneLine : "…" + oneLine[(oneLine.Length - width + 1)..].TrimStart();
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
