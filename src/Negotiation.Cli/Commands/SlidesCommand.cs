using System.CommandLine;
using Negotiation.Core.Common;
using Negotiation.Cli.Infrastructure;
using Negotiation.Reporting;
using Negotiation.Reporting.Charts;
using Negotiation.Reporting.Html;
using Negotiation.Reporting.Summaries;

namespace Negotiation.Cli.Commands;

/// <summary>
/// <c>negotiate slides</c>: the instructor's 16:9 deck (slides.html) from the results a run or merge already wrote, read
/// from its state.json — nothing is simulated again, so the deck shows exactly the report's numbers.
/// </summary>
public static class SlidesCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var dir = new Argument<string>("dir") { Description = "A report directory written by 'negotiate run' or 'negotiate merge' (it holds state.json)." };
        var output = CommonOptions.Out($"Write the deck to this file (default: {ReportWriter.SlidesFile} in the report directory). An existing file is replaced atomically.");
        var command = new Command("slides", $"""
            Write the instructor's slide deck from existing results: 6–8 slides at 16:9 in the projector theme
            (headline, agreement, differences, terms, survival, sensitivity, method), self-contained, one printed page
            per slide (a browser's Print to PDF). Nothing is simulated again. 'negotiate run' writes the same deck as
            {ReportWriter.SlidesFile} with every report; this writes it alone, e.g. after a merge or to another file.

            Examples:
              negotiate slides out/nato-russia-2022
              negotiate slides out/nato-russia-2022 --out lecture-7.html
            """)
        {
            dir, output,
        };
        command.SetAction(parse => Execute(context(), parse.GetValue(dir)!, parse.GetValue(output)));
        return command;
    }

    public static int Execute(CliContext context, string dir, string? output)
    {
        var statePath = Path.Combine(dir, ReportOutput.StateFileName);
        if (FileKinds.Of(statePath) != FileKind.Regular)
        {
            context.Error.WriteLine($"{dir}: error: no {ReportOutput.StateFileName} here; expected a report directory written by 'negotiate run' or 'negotiate merge'");
            return ExitCodes.BadInput;
        }

        Simulation.MonteCarlo.MonteCarloResult result;
        try
        {
            var bytes = BoundedFile.Read(statePath, ResultStateFile.MaxBytes)
                ?? throw new FormatException($"the file is over {ResultStateFile.MaxBytes} bytes; expected a state file written by negotiate");
            result = ResultStateFile.Read(new System.Text.UTF8Encoding(false).GetString(bytes)).Result;
        }
        catch (FormatException e)
        {
            context.Error.WriteLine($"{statePath}: error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"{statePath}: error: cannot read it ({e.Message})");
            return ExitCodes.Failure;
        }

        var target = output ?? Path.Combine(dir, ReportWriter.SlidesFile);
        if (FileKinds.Of(target) is FileKind.Directory or FileKind.Special)
        {
            return Diagnostics.BadOption(context, $"--out {target} is {(FileKinds.Of(target) == FileKind.Directory ? "a directory" : "a device, FIFO or socket")}; expected the path of the deck, e.g. slides.html");
        }

        var summary = SummaryBuilder.Build(result);
        var deck = SlideDeck.Render(summary, SummaryCharts.All(summary, ChartTheme.Projector));
        if (!AtomicFile.TryWriteAllText(context, target, deck))
        {
            return ExitCodes.Failure;
        }

        context.Error.WriteLine($"Slides written to {target}");
        return ExitCodes.Ok;
    }
}
