using System.Text;
using Negotiation.Core.Common;
using Spectre.Console;

namespace Negotiation.Reporting;

/// <summary>
/// A table for the terminal drawn by Spectre.Console: columns share the given width, a cell too long for its column
/// wraps onto more lines (never cut), and each header stays above its own cells. Escape codes only when
/// <c>color</c> is true; otherwise plain text, the same for the same width on any machine (for redirected output,
/// TERM=dumb and golden tests).
/// </summary>
public static class ConsoleTable
{
    /// <summary>The width used when the output is not a terminal (a file, a pipe, a test): fixed, so output is reproducible.</summary>
    public const int DefaultWidth = 100;

    /// <summary>
    /// The narrowest width tables are laid out for, however narrow the terminal says it is: below it the name columns
    /// would be a few letters wide; a narrower terminal folds the lines itself.
    /// </summary>
    public const int MinWidth = 80;

    // The room a text column should keep before the headers of the fixed columns wrap to make it.
    private const int TextRoom = 20;

    /// <summary>The table as text, each line ending with '\n' and without trailing spaces.</summary>
    /// <param name="rightAligned">Per column: numbers are right-aligned and never wrapped, text left-aligned.</param>
    /// <param name="width">Columns available, e.g. the terminal's width; below <see cref="MinWidth"/> that is used.</param>
    /// <param name="wraps">Per column, whether its cells may wrap; default: the left-aligned (text) columns. A column
    /// that does not wrap is as wide as its widest cell (its header may wrap at spaces: "Median / rounds"), so the room
    /// that is left goes to the names.</param>
    public static string Render(IReadOnlyList<string> headers, IReadOnlyList<bool> rightAligned, IEnumerable<IReadOnlyList<string>> rows, bool color, int width,
        IReadOnlyList<bool>? wraps = null)
    {
        Guard.NotNull(headers);
        Guard.NotNull(rightAligned);
        Guard.NotNull(rows);
        var table = new Table { Border = TableBorder.Simple, ShowHeaders = true };
        for (int i = 0; i < headers.Count; i++)
        {
            var header = new Spectre.Console.Text(Clean(headers[i]), color ? new Style(decoration: Decoration.Bold) : Style.Plain);
            table.AddColumn(new TableColumn(header)
            {
                Alignment = rightAligned[i] ? Justify.Right : Justify.Left,
                // Marks the columns that get a fixed width below.
                NoWrap = !(wraps?[i] ?? !rightAligned[i]),
            });
        }

        List<IReadOnlyList<string>> body = rows.ToList();
        int available = Math.Max(MinWidth, width);
        var fixedColumns = Enumerable.Range(0, headers.Count).Where(i => table.Columns[i].NoWrap).ToList();
        int Widest(int i, bool wholeHeader) => body.Select(r => Clean(r[i]).Length)
            .Append(wholeHeader ? Clean(headers[i]).Length : Clean(headers[i]).Split(' ').Max(w => w.Length)).Max();
        // Headers on one line when that leaves the text columns room enough; else they wrap at their spaces.
        int textColumns = headers.Count - fixedColumns.Count;
        bool wholeHeaders = fixedColumns.Sum(i => Widest(i, true)) + textColumns * TextRoom + 3 * headers.Count + 1 <= available;
        foreach (int i in fixedColumns)
        {
            table.Columns[i].NoWrap = false;
            table.Columns[i].Width = Widest(i, wholeHeaders);
        }

        foreach (IReadOnlyList<string> row in body)
        {
            table.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Spectre.Console.Text(Clean(cell))).ToArray());
        }

        var buffer = new StringWriter { NewLine = "\n" };
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(buffer),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        console.Profile.Width = Math.Max(MinWidth, width);
        console.Profile.Height = 1000;
        console.Profile.Capabilities.Unicode = true;
        console.Write(table);
        return TrimLines(buffer.ToString());
    }

    /// <summary>
    /// Control characters from a scenario never reach the terminal (they could move the cursor or recolour it); a
    /// tab or line break becomes a space.
    /// </summary>
    public static string Clean(string text) => new(Guard.NotNull(text).Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    private static string TrimLines(string text)
    {
        // Spectre frames a table with an empty line above and below; the report spaces its own sections.
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd(' ')).ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var result = new StringBuilder();
        lines.ForEach(l => result.Append(l).Append('\n'));
        return result.ToString();
    }
}
