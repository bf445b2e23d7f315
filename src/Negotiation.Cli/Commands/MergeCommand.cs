using Negotiation.Core.Common;
using System.CommandLine;
using Negotiation.Cli.Infrastructure;
using Negotiation.Reporting;
using Negotiation.Reporting.Summaries;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Cli.Commands;

/// <summary>
/// <c>negotiate merge</c>: combine the result directories of shards (<c>run --shard K/N</c>) into exactly the
/// result one machine would have produced with the same seed and run count.
/// </summary>
public static class MergeCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var dirs = new Argument<string[]>("dirs") { Description = "Result directories of the shards (each holds state.json).", Arity = ArgumentArity.OneOrMore };
        var output = CommonOptions.Out("Directory for the merged report (default out/<scenario>/).");
        var theme = CommonOptions.Theme();
        var quiet = CommonOptions.Quiet();
        var json = CommonOptions.Json();
        var partial = new Option<bool>("--allow-partial") { Description = "Merge even when some shards are missing (the report is marked incomplete)." };
        var command = new Command("merge", """
            Merge shard results into one report, identical to a single-machine run with the same seed and runs.

            Examples:
              negotiate merge shards/1 shards/2 shards/3 shards/4 --out out/nato
              negotiate merge shards/* --allow-partial
            """)
        {
            dirs, output, theme, quiet, json, partial,
        };
        command.SetAction(parse => Execute(
            context(),
            parse.GetValue(dirs) ?? [],
            parse.GetValue(output),
            parse.GetValue(theme) ?? "print",
            parse.GetValue(quiet),
            parse.GetValue(json),
            parse.GetValue(partial)));
        return command;
    }

    private static string Show(string version) => version.Length == 0 ? "(unknown)" : version;

    public static int Execute(CliContext context, IReadOnlyList<string> dirs, string? output, string theme, bool quiet, bool json, bool allowPartial)
    {
        var parts = new List<MonteCarloResult>();
        foreach (var dir in dirs)
        {
            var statePath = Path.Combine(dir, ReportOutput.StateFileName);
            if (FileKinds.Of(statePath) != FileKind.Regular)
            {
                context.Error.WriteLine($"{dir}: error: no {ReportOutput.StateFileName} here; expected a directory written by 'negotiate run --shard K/N'");
                return ExitCodes.BadInput;
            }

            try
            {
                var bytes = BoundedFile.Read(statePath, ResultStateFile.MaxBytes)
                    ?? throw new FormatException($"the file is over {ResultStateFile.MaxBytes} bytes; expected a state file written by negotiate");
                var state = ResultStateFile.Read(new System.Text.UTF8Encoding(false).GetString(bytes));
                if (state.ToolVersion != ResultStateFile.ToolVersion || state.ModelVersion != ResultStateFile.ModelVersion)
                {
                    throw new FormatException(
                        $"written by negotiate {Show(state.ToolVersion)} (model {Show(state.ModelVersion)}), but this is negotiate {ResultStateFile.ToolVersion} (model {ResultStateFile.ModelVersion}); "
                        + "shards merge only with the build that ran them: install one build before submitting (docs/cluster.md) and re-run the shards with it");
                }

                parts.Add(state.Result);
            }
            catch (FormatException e)
            {
                context.Error.WriteLine($"{statePath}: error: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"{statePath}: error: cannot read it ({e.Message})");
                return ExitCodes.BadInput;
            }
        }

        MonteCarloResult merged;
        try
        {
            merged = ResultStateFile.Merge(parts, requireAll: !allowPartial);
        }
        catch (FormatException e)
        {
            context.Error.WriteLine($"negotiate merge: error: {e.Message}");
            return ExitCodes.BadInput;
        }

        var outDir = output ?? OutputPath.Default(merged.ScenarioId);
        if (outDir is null)
        {
            return Diagnostics.BadOption(context, $"the shards' scenario id '{merged.ScenarioId}' cannot name a folder under out/; give --out");
        }

        if (OutputPath.CheckDirectory(outDir, ReportWriter.MarkerFile) is { } badOut)
        {
            return Diagnostics.BadOption(context, badOut);
        }

        var summary = SummaryBuilder.Build(merged);
        if (!ReportOutput.TryWrite(context, summary, merged, outDir, theme, charts: true, perRunCsv: null))
        {
            return ExitCodes.Failure;
        }
        if (json)
        {
            context.Out.WriteLine(SummaryJson.Serialize(summary));
        }
        else if (!quiet)
        {
            context.Out.Write(ConsoleReport.Render(summary, context.Color));
            context.Out.WriteLine($"Merged {parts.Count} shard(s) into {outDir}{Path.DirectorySeparatorChar}");
        }

        return ExitCodes.Ok;
    }
}
