using System.CommandLine;
using System.Globalization;
using Negotiation.Cli.Infrastructure;
using Negotiation.Reporting.Charts;
using Negotiation.Reporting.Trace;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Cli.Commands;

/// <summary>
/// <c>negotiate trace</c>: replays one run of the Monte Carlo — the same code and the same random streams — and
/// tells it offer by offer, then period by period after signature.
/// </summary>
public static class TraceCommand
{
    public static readonly string[] Formats = ["text", "markdown", "json", "csv"];

    public static readonly string[] Outcomes = ["agreement", "breakdown", "collapse"];

    public static Command Create(Func<CliContext> context)
    {
        var file = CommonOptions.ScenarioFile();
        var variant = new Option<string?>("--variant", "-v") { Description = "The variant to trace (default: the baseline)." };
        var seed = CommonOptions.Seed();
        var run = new Option<long>("--run", "-r") { Description = "The run to replay (0-based). With --find: the first run to examine.", DefaultValueFactory = _ => 0 };
        var find = new Option<string?>("--find") { Description = $"Trace the first run from --run on with this outcome: agreement, breakdown, or collapse (agreed, then ended before the horizon). Examines at most {Tracer.DefaultFindLimit:N0} runs." };
        var format = new Option<string>("--format", "-f") { Description = "Output: text (terminal), markdown (handouts), json, or csv (one row per event).", DefaultValueFactory = _ => "text" };
        var output = CommonOptions.Out("Write the trace to this file (atomically) instead of stdout.");
        var chart = new Option<string?>("--chart") { Description = "Also write trace-utilities.png/.svg and, for two signatories, trace-plane.png/.svg into this directory." };
        var theme = CommonOptions.Theme();
        var command = new Command("trace", """
            Replay one simulated negotiation exactly as it ran inside the Monte Carlo (same seed, same run) and tell
            it round by round: who proposed what, each party's utility, who accepted or rejected and why, the events;
            then the agreement's life: violations, detections, false alarms, spoiler attacks, responses and its end.

            Examples:
              negotiate trace scenarios/syria-coh-2016.yaml
              negotiate trace scenarios/syria-coh-2016.yaml --find collapse --format markdown --out handout.md
              negotiate trace scenarios/nato-russia-2022.yaml --variant ten-point --run 17 --chart charts --theme projector
            """)
        {
            file, variant, seed, run, find, format, output, chart, theme,
        };
        command.SetAction(parse => Execute(
            context(),
            new TraceSettings(
                parse.GetValue(file)!,
                parse.GetValue(variant),
                parse.GetValue(seed),
                parse.GetValue(run),
                parse.GetValue(find),
                parse.GetValue(format) ?? "text",
                parse.GetValue(output),
                parse.GetValue(chart),
                parse.GetValue(theme) ?? "print")));
        return command;
    }

    /// <summary>Everything <c>negotiate trace</c> was asked to do.</summary>
    public sealed record TraceSettings(
        string File,
        string? Variant = null,
        ulong Seed = CommonOptions.DefaultSeed,
        long Run = 0,
        string? Find = null,
        string Format = "text",
        string? Out = null,
        string? Chart = null,
        string Theme = "print",
        long FindLimit = Tracer.DefaultFindLimit);

    public static int Execute(CliContext context, TraceSettings settings)
    {
        if (settings.Run < 0)
        {
            return Diagnostics.BadOption(context, $"--run must be 0 or more, got {settings.Run}");
        }

        if (!Formats.Contains(settings.Format))
        {
            return Diagnostics.BadOption(context, $"--format must be one of {string.Join(", ", Formats)}; got '{settings.Format}'");
        }

        if (settings.Find is not null && !Outcomes.Contains(settings.Find))
        {
            return Diagnostics.BadOption(context, $"--find must be one of {string.Join(", ", Outcomes)}; got '{settings.Find}'");
        }

        if (settings.Out is not null && OutputPath.CheckFile(settings.Out) is { } badOut)
        {
            return Diagnostics.BadOption(context, badOut);
        }

        if (settings.Chart is not null && OutputPath.CheckChartDirectory(settings.Chart) is { } badChart)
        {
            return Diagnostics.BadOption(context, badChart);
        }

        var set = ScenarioInput.Load(context, settings.File);
        if (set is null)
        {
            return ExitCodes.BadInput;
        }

        var variantId = settings.Variant ?? set.Baseline.Id;
        if (!ScenarioInput.CheckVariants(context, set, [variantId]))
        {
            return ExitCodes.BadInput;
        }

        var compiled = CompiledVariant.Compile(set.Variants.First(v => v.Id == variantId));
        var run = settings.Run;
        if (settings.Find is { } wanted)
        {
            var outcome = Enum.Parse<TraceOutcome>(wanted, ignoreCase: true);
            if (outcome == TraceOutcome.Collapse && !compiled.Compliance.Enabled)
            {
                return Diagnostics.BadOption(context, $"--find collapse: variant '{variantId}' has no compliance section, so no agreement can collapse");
            }

            long? found;
            try
            {
                found = Tracer.Find(compiled, settings.Seed, settings.Run, outcome, settings.FindLimit, context.Cancellation);
            }
            catch (OperationCanceledException)
            {
                context.Error.WriteLine("negotiate: interrupted while searching.");
                return ExitCodes.Interrupted;
            }

            if (found is null)
            {
                context.Error.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "negotiate: error: no run with outcome '{0}' among runs {1}–{2} of seed {3} (variant '{4}'); try another --seed or --run",
                    wanted,
                    settings.Run,
                    settings.Run + settings.FindLimit - 1,
                    settings.Seed,
                    variantId));
                return ExitCodes.Failure;
            }

            run = found.Value;
            context.Error.WriteLine($"negotiate: run {run} is the first from {settings.Run} on with outcome '{wanted}'.");
        }

        var trace = Tracer.Replay(compiled, settings.Seed, run);
        var toFile = settings.Out is not null;
        var text = settings.Format switch
        {
            "markdown" => TraceRenderer.Markdown(trace),
            "json" => TraceExport.Json(trace),
            "csv" => TraceExport.Csv(trace),
            _ => TraceRenderer.Text(trace, color: !toFile && context.Color),
        };
        if (toFile)
        {
            if (!AtomicFile.TryWriteAllText(context, settings.Out!, text))
            {
                return ExitCodes.Failure;
            }

            context.Error.WriteLine($"negotiate: trace written to {settings.Out}");
        }
        else
        {
            context.Out.Write(text);
        }

        if (settings.Chart is { } directory)
        {
            var theme = settings.Theme == "projector" ? ChartTheme.Projector : ChartTheme.Print;
            IReadOnlyList<string> files;
            try
            {
                files = TraceCharts.Write(TraceCharts.All(trace, theme), theme, directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"negotiate: error: cannot write the charts to {directory}: {e.Message}");
                return ExitCodes.Failure;
            }

            context.Error.WriteLine($"negotiate: charts written: {string.Join(", ", files)}");
        }

        return ExitCodes.Ok;
    }
}
