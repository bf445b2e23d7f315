using System.CommandLine;
using System.Text.Json;
using Negotiation.Cli.Infrastructure;
using Negotiation.Reporting;
using Negotiation.Reporting.Summaries;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Cli.Commands;

/// <summary><c>negotiate run</c>: simulate every variant, print the summary, write the report directory.</summary>
public static class RunCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var file = CommonOptions.ScenarioFile();
        var variants = CommonOptions.Variants();
        var runs = CommonOptions.Runs();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out("Report directory (default out/<scenario>/); replaced safely, never left half-written.");
        var theme = CommonOptions.Theme();
        var quiet = CommonOptions.Quiet();
        var json = CommonOptions.Json();
        var perRun = new Option<bool>("--per-run") { Description = "Also write runs.csv: one row per run and variant (streamed, in run order)." };
        var noCharts = CommonOptions.NoCharts(" (faster; report.html then has tables only)");
        var shard = new Option<string?>("--shard") { Description = "Run only shard K of N (K/N, 1-based) and write a mergeable result; see docs/cluster.md." };
        var model = new Option<string>("--model")
        {
            Description = "Model family: bargaining (the engine), expected-utility (Bueno de Mesquita / Scholz et al. 2011; docs/model-expected-utility.md) or both.",
            DefaultValueFactory = _ => ExpectedUtilityRun.Bargaining,
        };
        model.AcceptOnlyFromAmong(ExpectedUtilityRun.Models);

        var command = new Command("run", """
            Simulate the negotiation and its aftermath many times and report the outcome distribution.

            Examples:
              negotiate run scenarios/nato-russia-2022.yaml
              negotiate run scenarios/syria-coh-2016.yaml --runs 100000 --seed 7 --theme projector
              negotiate run scenarios/nato-russia-2022.yaml --variant ten-point --json > summary.json
              negotiate run scenarios/nato-russia-2022.yaml --runs 10000000 --shard 3/8 --out shards/3
            """)
        {
            file, variants, runs, seed, threads, output, theme, quiet, json, perRun, noCharts, shard, model,
        };
        command.SetAction(parse => Execute(
            context(),
            new RunSettings(
                parse.GetValue(file)!,
                parse.GetValue(variants) ?? [],
                parse.GetValue(runs),
                parse.GetValue(seed),
                CommonOptions.ThreadsOrAllCores(parse.GetValue(threads)),
                parse.GetValue(output),
                parse.GetValue(theme) ?? "print",
                parse.GetValue(quiet),
                parse.GetValue(json),
                parse.GetValue(perRun),
                !parse.GetValue(noCharts),
                parse.GetValue(shard),
                parse.GetValue(model) ?? ExpectedUtilityRun.Bargaining)));
        return command;
    }

    /// <summary>Everything <c>negotiate run</c> was asked to do.</summary>
    public sealed record RunSettings(
        string File,
        IReadOnlyCollection<string> Variants,
        long Runs,
        ulong Seed,
        int Threads,
        string? Out,
        string Theme,
        bool Quiet,
        bool Json,
        bool PerRun,
        bool Charts,
        string? Shard,
        string Model = ExpectedUtilityRun.Bargaining);

    public static int Execute(CliContext context, RunSettings settings)
    {
        if (CommonOptions.CheckRunsAndThreads(context, settings.Runs, settings.Threads) is { } badOption)
        {
            return badOption;
        }

        ShardSpec? shard = null;
        if (settings.Shard is not null && (shard = ShardSpec.TryParse(settings.Shard)) is null)
        {
            return Diagnostics.BadOption(context, $"--shard must be K/N with 1 <= K <= N, got '{settings.Shard}'");
        }

        if (shard is not null && settings.Model != ExpectedUtilityRun.Bargaining)
        {
            // The forecast of a shard would be a summary of part of the runs that `merge` cannot combine.
            return Diagnostics.BadOption(context, $"--shard works with --model {ExpectedUtilityRun.Bargaining} only: the expected-utility family has no mergeable state yet");
        }

        var set = ScenarioInput.Load(context, settings.File);
        if (set is null)
        {
            return ExitCodes.BadInput;
        }

        if (!ScenarioInput.CheckVariants(context, set, settings.Variants))
        {
            return ExitCodes.BadInput;
        }

        var expectedUtility = settings.Model == ExpectedUtilityRun.Bargaining ? null : ExpectedUtilityRun.Compile(context, set, settings.Variants);
        if (settings.Model != ExpectedUtilityRun.Bargaining && expectedUtility is null)
        {
            return ExitCodes.BadInput;
        }

        var outDir = settings.Out ?? OutputPath.Default(shard is null ? set.Metadata.Id : $"{set.Metadata.Id}-shard-{shard.Index}-of-{shard.Count}");
        if (outDir is null)
        {
            return Diagnostics.BadOption(context, $"the scenario id '{set.Metadata.Id}' cannot name a folder under out/; give --out");
        }

        if (OutputPath.CheckDirectory(outDir, ReportWriter.MarkerIn(outDir)) is { } badOut)
        {
            return Diagnostics.BadOption(context, badOut);
        }

        if (settings.Model == ExpectedUtilityRun.ExpectedUtility)
        {
            return ExecuteExpectedUtility(context, settings, expectedUtility!, shard, outDir);
        }

        var plan = SimulationPlan.Compile(set, settings.Variants);
        var chosen = plan.Variants.Select(v => v.Variant.Id).ToArray();
        var request = new RunRequest(settings.Seed, settings.Runs, settings.Threads, shard);
        var (start, end) = request.RunRange;

        CommonOptions.WarnAboutLongWork(context, plan.Variants.Select(v => v.Variant.Scenario), end - start);
        var progress = new RunProgress(end - start);
        var perRunPath = settings.PerRun ? Path.Combine(Path.GetTempPath(), $"negotiate-runs-{Environment.ProcessId}-{Guid.NewGuid():N}.csv") : null;
        using var sink = perRunPath is null ? null : new OrderedCsvSink(perRunPath, 0);
        MonteCarloResult result;
        try
        {
            result = ProgressDisplay.Run(
                context,
                settings.Quiet || settings.Json,
                $"{set.Metadata.Id} ({chosen.Length} variant{(chosen.Length == 1 ? "" : "s")})",
                progress,
                () => MonteCarloRunner.Run(plan, request, ScenarioInput.Fingerprint(settings.File, chosen), progress, sink, context.Cancellation));
        }
        finally
        {
            sink?.Dispose();
        }

        var summary = SummaryBuilder.Build(result);
        var forecasts = expectedUtility is null ? null : ExpectedUtilityRun.Run(expectedUtility, request, result, context.Cancellation);
        if (!ReportOutput.TryWrite(context, summary, result, outDir, settings.Theme, settings.Charts, perRunPath,
            forecasts is null ? null : (ExpectedUtilityRun.FileName, ExpectedUtilityRun.Serialize(forecasts)), forecasts))
        {
            return ExitCodes.Failure;
        }
        if (settings.Json)
        {
            context.Out.WriteLine(SummaryJson.Serialize(summary));
        }
        else if (!settings.Quiet)
        {
            context.Out.Write(ConsoleReport.Render(summary, context.Color, context.Width));
            if (forecasts is not null)
            {
                context.Out.Write(ExpectedUtilityRun.Render(forecasts));
            }

            context.Out.WriteLine($"Report written to {outDir}{Path.DirectorySeparatorChar}");
        }

        if (!result.Complete)
        {
            context.Error.WriteLine($"negotiate: interrupted after {result.CompletedRuns:N0} of {end - start:N0} runs; the report is marked incomplete.");
            return ExitCodes.Interrupted;
        }

        return ExitCodes.Ok;
    }

    /// <summary><c>--model expected-utility</c>: the expected-utility family alone; writes report.html (the forecast), its charts and <c>expected-utility.json</c>.</summary>
    private static int ExecuteExpectedUtility(CliContext context, RunSettings settings, IReadOnlyList<Simulation.Models.ExpectedUtility.ExpectedUtilityModel> models, ShardSpec? shard, string outDir)
    {
        var request = new RunRequest(settings.Seed, settings.Runs, settings.Threads, shard);
        var forecasts = ExpectedUtilityRun.Run(models, request, null, context.Cancellation);
        if (!ExpectedUtilityRun.TryWriteReport(context, outDir, forecasts, settings.Theme, settings.Charts))
        {
            return ExitCodes.Failure;
        }

        if (settings.Json)
        {
            context.Out.WriteLine(ExpectedUtilityRun.Serialize(forecasts));
        }
        else if (!settings.Quiet)
        {
            context.Out.Write(ExpectedUtilityRun.Render(forecasts));
            context.Out.WriteLine($"Forecast written to {outDir}{Path.DirectorySeparatorChar}");
        }

        return context.Cancellation.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Ok;
    }
}
