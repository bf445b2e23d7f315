using Negotiation.Core.Common;
using System.CommandLine;
using Negotiation.Cli.Infrastructure;
using Negotiation.Reporting;
using Negotiation.Reporting.Summaries;
using Negotiation.Reporting.Sweeps;
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

    /// <summary>Merges the outputs of <c>sweep --shard K/N</c> into the sweep one machine would have written.</summary>
    private static int MergeSweeps(CliContext context, IReadOnlyList<string> dirs, string? output, string theme, bool quiet, bool json, bool allowPartial)
    {
        var parts = ReadShards(context, dirs, SweepStateFile.FileName, "a sweep state written by negotiate", missing: null, SweepStateFile.Read);
        if (parts is null || TryMerge(context, () => SweepStateFile.Merge(parts, requireAll: !allowPartial)) is not { } merged)
        {
            return ExitCodes.BadInput;
        }

        var outDir = output ?? OutputPath.Default(merged.ScenarioId + "-sweep");
        if (outDir is null)
        {
            return Diagnostics.BadOption(context, $"the shards' scenario id '{merged.ScenarioId}' cannot name a folder under out/; give --out");
        }

        if (OutputPath.CheckDirectory(outDir, SweepJson.FileName) is { } badOut)
        {
            return Diagnostics.BadOption(context, badOut);
        }

        try
        {
            SweepWriter.Write(merged, outDir, theme == "projector" ? ReportTheme.Projector : ReportTheme.Print);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"negotiate: error: cannot write the sweep to {outDir}: {e.Message}");
            return ExitCodes.Failure;
        }

        if (json)
        {
            context.Out.Write(SweepJson.ToText(merged));
        }
        else if (!quiet)
        {
            context.Out.Write(SweepCommand.Render(merged));
            context.Out.WriteLine($"Merged {parts.Count} sweep shard(s) into {outDir}{Path.DirectorySeparatorChar}");
        }

        return ExitCodes.Ok;
    }

    private static string Show(string version) => version.Length == 0 ? "(unknown)" : version;

    /// <summary>
    /// Reads every shard directory's <paramref name="fileName"/> through the size limit and parses it; null, with the
    /// file named in the message, on the first that is missing (when <paramref name="missing"/> says how to report it),
    /// unreadable or refused by <paramref name="parse"/>.
    /// </summary>
    private static List<T>? ReadShards<T>(CliContext context, IReadOnlyList<string> dirs, string fileName, string expected, string? missing, Func<string, T> parse)
    {
        var parts = new List<T>();
        foreach (var dir in dirs)
        {
            var statePath = Path.Combine(dir, fileName);
            if (missing is not null && FileKinds.Of(statePath) != FileKind.Regular)
            {
                context.Error.WriteLine($"{dir}: error: {missing}");
                return null;
            }

            try
            {
                var bytes = BoundedFile.Read(statePath, ResultStateFile.MaxBytes)
                    ?? throw new FormatException($"the file is over {ResultStateFile.MaxBytes} bytes; expected {expected}");
                parts.Add(parse(new System.Text.UTF8Encoding(false).GetString(bytes)));
            }
            catch (FormatException e)
            {
                context.Error.WriteLine($"{statePath}: error: {e.Message}");
                return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"{statePath}: error: cannot read it ({e.Message})");
                return null;
            }
        }

        return parts;
    }

    /// <summary>The shards merged, or null with the reason printed when they do not fit together.</summary>
    private static T? TryMerge<T>(CliContext context, Func<T> merge)
        where T : class
    {
        try
        {
            return merge();
        }
        catch (FormatException e)
        {
            context.Error.WriteLine($"negotiate merge: error: {e.Message}");
            return null;
        }
    }

    public static int Execute(CliContext context, IReadOnlyList<string> dirs, string? output, string theme, bool quiet, bool json, bool allowPartial)
    {
        if (dirs.Count > 0 && dirs.All(d => FileKinds.Of(Path.Combine(d, SweepStateFile.FileName)) == FileKind.Regular))
        {
            return MergeSweeps(context, dirs, output, theme, quiet, json, allowPartial);
        }

        var parts = ReadShards(context, dirs, ReportOutput.StateFileName, "a state file written by negotiate",
            missing: $"no {ReportOutput.StateFileName} here; expected a directory written by 'negotiate run --shard K/N'",
            text =>
            {
                var state = ResultStateFile.Read(text);
                if (state.ToolVersion != ResultStateFile.ToolVersion || state.ModelVersion != ResultStateFile.ModelVersion)
                {
                    throw new FormatException(
                        $"written by negotiate {Show(state.ToolVersion)} (model {Show(state.ModelVersion)}), but this is negotiate {ResultStateFile.ToolVersion} (model {ResultStateFile.ModelVersion}); "
                        + "shards merge only with the build that ran them: install one build before submitting (docs/cluster.md) and re-run the shards with it");
                }

                return state.Result;
            });
        if (parts is null || TryMerge(context, () => ResultStateFile.Merge(parts, requireAll: !allowPartial)) is not { } merged)
        {
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
            context.Out.Write(ConsoleReport.Render(summary, context.Color, context.Width));
            context.Out.WriteLine($"Merged {parts.Count} shard(s) into {outDir}{Path.DirectorySeparatorChar}");
        }

        return ExitCodes.Ok;
    }
}
