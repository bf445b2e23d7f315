using Negotiation.Cli.Infrastructure;
using Negotiation.Reporting;

namespace Negotiation.Cli.Tests.Commands;

/// <summary>Console tables are laid out for the terminal's width, COLUMNS when set, and a fixed width for a pipe.</summary>
public class ConsoleWidthTest
{
    private static CliContext Context(bool interactive, int? terminal, string? columns) =>
        new(TextWriter.Null, TextWriter.Null, interactive, name => name == "COLUMNS" ? columns : null, CancellationToken.None) { TerminalWidth = terminal };

    [Fact]
    public void Width_IsTheTerminals_ThenColumns_ElseFixed()
    {
        Assert.Equal(200, Context(interactive: true, terminal: 200, columns: null).Width);
        Assert.Equal(132, Context(interactive: true, terminal: 200, columns: "132").Width);
        Assert.Equal(132, Context(interactive: false, terminal: null, columns: "132").Width);
        Assert.Equal(ConsoleTable.DefaultWidth, Context(interactive: false, terminal: 200, columns: null).Width);
        Assert.Equal(ConsoleTable.DefaultWidth, Context(interactive: false, terminal: null, columns: "wide").Width);
    }

    [Fact]
    public void RunSummary_OnAWideTerminal_PrintsLongVariantNamesWhole()
    {
        using var dir = new TempDirectory();
        var output = new StringWriter();
        var wide = new CliContext(output, TextWriter.Null, Interactive: false, name => name == "COLUMNS" ? "200" : null, CancellationToken.None);
        Assert.Equal(0, CliApp.Run(["run", TestCli.Scenario("syria-coh-2016"), "--runs", "100", "--out", dir.Combine("r")], wide));
        // 73 characters: cut to "Counterfactual without spoil…" before.
        Assert.Contains("Counterfactual without spoilers (al-Nusra separated, militias restrained)", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("…", output.ToString(), StringComparison.Ordinal);
    }
}
