namespace Negotiation.Cli.Infrastructure;

/// <summary>
/// What a command may touch of the outside world: its output streams, whether they are an interactive terminal,
/// the environment and the cancellation signal. Injected so that end-to-end tests run commands in-process.
/// </summary>
public sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    bool Interactive,
    Func<string, string?> Environment,
    CancellationToken Cancellation)
{
    /// <summary>Colour on stdout only for a terminal, and never when NO_COLOR is set (no-color.org) or TERM is dumb.</summary>
    public bool Color => Interactive && !DumbTerminal && string.IsNullOrEmpty(Environment("NO_COLOR"));

    /// <summary>TERM=dumb: a terminal that understands no escape codes (Emacs shells, some CI logs): no colour, no live bar.</summary>
    public bool DumbTerminal => Environment("TERM") == "dumb";

    /// <summary>The terminal's width in columns when stdout is one (set by <see cref="ForConsole"/>); null otherwise.</summary>
    public int? TerminalWidth { get; init; }

    /// <summary>
    /// Columns the console tables are laid out for: COLUMNS when set to a number, else the terminal's width, else (a
    /// file, a pipe, a test) a fixed <see cref="Negotiation.Reporting.ConsoleTable.DefaultWidth"/>, so redirected output is
    /// the same on every machine.
    /// </summary>
    public int Width =>
        int.TryParse(Environment("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns is > 0 and <= 10_000
            ? columns
            : Interactive && TerminalWidth is > 0 and var width ? width : Negotiation.Reporting.ConsoleTable.DefaultWidth;

    /// <summary>CI systems set CI; progress then prints plain periodic lines instead of a bar.</summary>
    public bool IsCi => !string.IsNullOrEmpty(Environment("CI"));

    public static CliContext ForConsole(CancellationToken cancellation) => new(
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected && !Console.IsErrorRedirected,
        System.Environment.GetEnvironmentVariable,
        cancellation)
    {
        TerminalWidth = Console.IsOutputRedirected ? null : ConsoleWidth(),
    };

    private static int? ConsoleWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
