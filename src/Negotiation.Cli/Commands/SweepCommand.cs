using System.CommandLine;
using System.Globalization;
using System.Text;
using Negotiation.Cli.Infrastructure;
using Negotiation.Cli.Sweeps;
using Negotiation.Reporting;
using Negotiation.Reporting.Sweeps;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Cli.Commands;

/// <summary>
/// <c>negotiate sweep</c>: simulate one variant at every value of one parameter (curves) or every combination of
/// two (a grid), with common random numbers, and write sweep.csv, sweep.json and charts (docs/sweep.md).
/// </summary>
public static class SweepCommand
{
    /// <summary>
    /// The most simulated negotiations (points × runs) a sweep may take without --force: about an hour on a
    /// laptop for the shipped scenarios, so a typo in a step cannot start a week of work.
    /// </summary>
    public const long Budget = 200_000_000;

    public static Command Create(Func<CliContext> context)
    {
        var file = CommonOptions.ScenarioFile();
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "The parameter to sweep, as PATH=FROM:TO:STEP or PATH=v1,v2,...; PATH uses the variants' path syntax "
                + "(actors.russia.reservation, compliance.mechanisms.jic.detection, actors.russia.reservation.value.mode). Once for curves, twice for a grid.",
            AllowMultipleArgumentsPerToken = false,
        };
        var variant = new Option<string[]>("--variant", "-v") { Description = "The variant to sweep (default: the baseline). One variant per sweep." };
        var runs = CommonOptions.Runs();
        runs.Description = "Simulated futures per point.";
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out("Output directory (default out/<scenario>-sweep/); replaced safely, never left half-written.");
        var theme = CommonOptions.Theme();
        var quiet = CommonOptions.Quiet();
        var json = CommonOptions.Json("sweep.json");
        var noCharts = CommonOptions.NoCharts();
        var shard = new Option<string?>("--shard") { Description = "Simulate only shard K of N of the points (K/N, 1-based) and write a mergeable sweep; see docs/cluster.md." };
        var force = new Option<bool>("--force") { Description = $"Run even when points × runs exceeds the budget of {Budget:N0} simulated negotiations." };

        var command = new Command("sweep", """
            Sweep a scenario parameter: simulate the scenario at each value (or each pair of values, for two
            parameters) and show how the agreement rate, each actor's expected utility and one-year survival move.
            Every point uses the same sampled futures (common random numbers), so differences between points come
            from the parameter, not from noise. Writes sweep.csv (tidy), sweep.json and charts; see docs/sweep.md.

            Examples:
              negotiate sweep scenarios/syria-coh-2016.yaml --param actors.russia.reservation=0.2:0.7:0.05
              negotiate sweep scenarios/syria-coh-2016.yaml --variant with-enforcement --param compliance.mechanisms.observers.detection=0.1,0.3,0.5,0.7,0.9
              negotiate sweep scenarios/nato-russia-2022.yaml -p actors.russia.reservation.value.mode=0.3:0.6:0.1 -p actors.usa.reservation=0.2,0.4 --runs 2000
              negotiate sweep scenarios/nato-russia-2022.yaml -p protocol.deadline=6:16:2 --json > sweep.json
            """)
        {
            file, parameters, variant, runs, seed, threads, output, theme, quiet, json, noCharts, force, shard,
        };
        command.SetAction(parse => Execute(
            context(),
            new SweepSettings(
                parse.GetValue(file)!,
                parse.GetValue(parameters) ?? [],
                parse.GetValue(variant) ?? [],
                parse.GetValue(runs),
                parse.GetValue(seed),
                CommonOptions.ThreadsOrAllCores(parse.GetValue(threads)),
                parse.GetValue(output),
                parse.GetValue(theme) ?? "print",
                parse.GetValue(quiet),
                parse.GetValue(json),
                !parse.GetValue(noCharts),
                parse.GetValue(force))
            {
                Shard = parse.GetValue(shard),
            }));
        return command;
    }

    /// <summary>Everything <c>negotiate sweep</c> was asked to do.</summary>
    public sealed record SweepSettings(
        string File,
        IReadOnlyList<string> Parameters,
        IReadOnlyList<string> Variants,
        long Runs,
        ulong Seed,
        int Threads,
        string? Out,
        string Theme,
        bool Quiet,
        bool Json,
        bool Charts,
        bool Force)
    {
        /// <summary>K/N: simulate only that share of the points (see docs/cluster.md).</summary>
        public string? Shard { get; init; }
    }

    public static int Execute(CliContext context, SweepSettings settings)
    {
        // Everything is checked before the first run: a sweep that fails must fail at once and write nothing.
        if (CommonOptions.CheckRunsAndThreads(context, settings.Runs, settings.Threads) is { } badOption)
        {
            return badOption;
        }

        if (settings.Parameters.Count == 0)
        {
            return Diagnostics.BadOption(context, "give the parameter to sweep with --param " + SweepParameter.Syntax);
        }

        if (settings.Parameters.Count > 2)
        {
            return Diagnostics.BadOption(context, $"a sweep takes one --param (curves) or two (a grid), got {settings.Parameters.Count}");
        }

        var parameters = new List<SweepParameter>();
        foreach (var text in settings.Parameters)
        {
            if (SweepParameter.Parse(text, out var error) is not { } parameter)
            {
                return Diagnostics.BadOption(context, error!);
            }

            if (parameters.Any(p => p.Path == parameter.Path))
            {
                return Diagnostics.BadOption(context, $"--param {parameter.Path} is given twice; sweep each parameter once");
            }

            parameters.Add(parameter);
        }

        if (settings.Variants.Count > 1)
        {
            return Diagnostics.BadOption(context, $"--variant: a sweep runs one variant, got {settings.Variants.Count} ({string.Join(", ", settings.Variants)}); run one sweep per variant");
        }

        ShardSpec? shard = null;
        if (settings.Shard is not null && (shard = ShardSpec.TryParse(settings.Shard)) is null)
        {
            return Diagnostics.BadOption(context, $"--shard must be K/N with 1 <= K <= N, got '{settings.Shard}'");
        }

        var points = SweepRunner.PointCount(parameters);
        var total = (Int128)points * settings.Runs;
        if (total > Budget && !settings.Force)
        {
            var grid = string.Join(" × ", parameters.Select(p => p.Values.Count.ToString(CultureInfo.InvariantCulture)));
            return Diagnostics.BadOption(context, string.Format(
                CultureInfo.InvariantCulture,
                "the sweep needs {0}{1:N0} points × {2:N0} runs = {3:N0} simulated negotiations, over the budget of {4:N0}; lower --runs, sweep fewer points, or add --force",
                parameters.Count == 2 ? grid + " = " : "",
                points,
                settings.Runs,
                (decimal)total,
                Budget));
        }

        var set = ScenarioInput.Load(context, settings.File);
        if (set is null || !ScenarioInput.CheckVariants(context, set, settings.Variants))
        {
            return ExitCodes.BadInput;
        }

        var outDir = settings.Out ?? OutputPath.Default(set.Metadata.Id + "-sweep" + (shard is null ? "" : $"-shard-{shard.Index}-of-{shard.Count}"));
        if (outDir is null)
        {
            return Diagnostics.BadOption(context, $"the scenario id '{set.Metadata.Id}' cannot name a folder under out/; give --out");
        }

        if (!SweepWriter.CanReplace(outDir))
        {
            return Diagnostics.BadOption(context, $"--out {outDir}: exists and is not an earlier sweep (a file, or a non-empty directory without {SweepJson.FileName}); refusing to replace it. Choose an empty or new directory.");
        }

        if (OutputPath.CheckDirectory(outDir, SweepJson.FileName) is { } badOut)
        {
            return Diagnostics.BadOption(context, badOut);
        }

        SweepPlan plan;
        try
        {
            plan = SweepRunner.Prepare(settings.File, set, settings.Variants.Count == 1 ? settings.Variants[0] : set.Baseline.Id, parameters);
        }
        catch (SweepPointException e)
        {
            context.Error.WriteLine($"negotiate: error: {e.Message}:");
            return Diagnostics.Report(context, e.Error);
        }

        var progress = new RunProgress(points * settings.Runs);
        var sweep = ProgressDisplay.Run(
            context,
            settings.Quiet || settings.Json,
            $"{set.Metadata.Id} sweep ({points} point{(points == 1 ? "" : "s")})",
            progress,
            () => SweepRunner.Run(plan, settings.Seed, settings.Runs, settings.Threads, progress, context.Cancellation, shard));

        try
        {
            SweepWriter.Write(sweep, outDir, settings.Theme == "projector" ? ReportTheme.Projector : ReportTheme.Print, settings.Charts);
        }
        catch (IOException e)
        {
            context.Error.WriteLine($"negotiate: error: cannot write the sweep to {outDir}: {e.Message}");
            return ExitCodes.Failure;
        }

        if (settings.Json)
        {
            context.Out.Write(SweepJson.ToText(sweep));
        }
        else if (!settings.Quiet)
        {
            context.Out.Write(Render(sweep));
            context.Out.WriteLine($"Sweep written to {outDir}{Path.DirectorySeparatorChar}");
        }

        if (!sweep.Complete)
        {
            context.Error.WriteLine($"negotiate: interrupted after {sweep.Points.Count} of {sweep.PlannedPoints} points; the point under way was dropped and the output is marked incomplete.");
            return ExitCodes.Interrupted;
        }

        return ExitCodes.Ok;
    }

    /// <summary>The plain-text table printed after a sweep: one line per point, rates with their 95% intervals.</summary>
    public static string Render(SweepResult sweep)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(string.Format(inv, "{0} — variant '{1}', {2:N0} runs per point, seed {3}", sweep.Title, sweep.VariantId, sweep.Runs, sweep.Seed));
        var widths = sweep.Axes.Select(a => Math.Max(a.Path.Length, 8)).ToArray();
        var header = string.Concat(sweep.Axes.Select((a, k) => a.Path.PadRight(widths[k]) + "  "))
            + "Agreement".PadRight(24)
            + (sweep.HasCompliance ? "One-year survival" : "");
        text.AppendLine(header.TrimEnd());
        foreach (var point in sweep.Points)
        {
            var line = string.Concat(point.Values.Select((v, k) => SweepParameter.Format(v).PadRight(widths[k]) + "  "))
                + Rate(point.Figure(SweepResult.AgreementRate)).PadRight(24)
                + (sweep.HasCompliance ? Rate(point.Figure(SweepResult.OneYearSurvival)) : "");
            text.AppendLine(line.TrimEnd());
        }

        return text.ToString();
    }

    private static string Rate(SweepFigure? figure) =>
        figure is null || !double.IsFinite(figure.Estimate)
            ? "n/a"
            : string.Format(CultureInfo.InvariantCulture, "{0:0.0%} ({1:0.0}–{2:0.0%})", figure.Estimate, figure.Ci95.Low * 100, figure.Ci95.High);
}
