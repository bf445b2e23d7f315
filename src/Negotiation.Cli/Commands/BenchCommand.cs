using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Negotiation.Cli.Infrastructure;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Cli.Commands;

/// <summary>
/// <c>negotiate bench</c>: a quick throughput check of a scenario, single-threaded and on all cores, with the
/// speed-up, allocation per run and peak memory. The BenchmarkDotNet suite in benchmarks/ is the careful one.
/// </summary>
public static class BenchCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var file = CommonOptions.ScenarioFile();
        var runs = CommonOptions.Runs(200_000);
        var variants = CommonOptions.Variants();
        var threads = CommonOptions.Threads();
        var command = new Command("bench", """
            Measure simulation throughput (runs per second) of a scenario on one thread and on all cores.

            Examples:
              negotiate bench scenarios/nato-russia-2022.yaml
              negotiate bench scenarios/nato-russia-2022.yaml --runs 1000000 --variant ten-point
            """)
        {
            file, runs, variants, threads,
        };
        command.SetAction(parse => Execute(context(), parse.GetValue(file)!, parse.GetValue(runs), parse.GetValue(variants) ?? [], CommonOptions.ThreadsOrAllCores(parse.GetValue(threads))));
        return command;
    }

    public static int Execute(CliContext context, string path, long runs, IReadOnlyCollection<string> variantIds, int threads)
    {
        if (CommonOptions.CheckRunsAndThreads(context, runs, threads) is { } badOption)
        {
            return badOption;
        }

        var set = ScenarioInput.Load(context, path);
        if (set is null || !ScenarioInput.CheckVariants(context, set, variantIds))
        {
            return ExitCodes.BadInput;
        }

        var plan = SimulationPlan.Compile(set, variantIds);
        var inv = CultureInfo.InvariantCulture;
        context.Out.WriteLine($"{set.Metadata.Id}: {plan.Variants.Count} variant(s) per run, {runs:N0} runs, {Environment.ProcessorCount} cores");

        // Warm up the JIT (tiered compilation) before measuring. The warm-up also measures what a short run
        // allocates, so the setup (workers' accumulators and workspaces, threads) can be told from per-run allocation.
        var warmUpRuns = Math.Max(1, Math.Min(runs / 4, 20_000));
        var warmUp = Measure(plan, warmUpRuns, 1);

        var single = Measure(plan, runs, 1);
        var steadyBytes = runs > warmUpRuns ? Math.Max(0, (single.Bytes - warmUp.Bytes) / (runs - warmUpRuns)) : single.BytesPerRun;
        context.Out.WriteLine(string.Format(inv, "  1 thread : {0,12:N0} runs/s  ({1:F2} s, {2:N0} B allocated per run, {3:N1} B per run in steady state)", single.RunsPerSecond, single.Seconds, single.BytesPerRun, steadyBytes));
        if (threads > 1)
        {
            var multi = Measure(plan, runs, threads);
            context.Out.WriteLine(string.Format(inv, "{0,3} threads: {1,12:N0} runs/s  ({2:F2} s), speed-up {3:F2}x", threads, multi.RunsPerSecond, multi.Seconds, multi.RunsPerSecond / single.RunsPerSecond));
        }

        using var process = Process.GetCurrentProcess();
        context.Out.WriteLine(string.Format(inv, "  peak working set: {0:N0} MB", process.PeakWorkingSet64 / (1024.0 * 1024.0)));
        return ExitCodes.Ok;
    }

    private sealed record Measurement(double Seconds, double RunsPerSecond, double Bytes, double BytesPerRun);

    private static Measurement Measure(SimulationPlan plan, long runs, int threads)
    {
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        MonteCarloRunner.Run(plan, new RunRequest(1, runs, threads), "bench");
        clock.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        return new Measurement(clock.Elapsed.TotalSeconds, runs / clock.Elapsed.TotalSeconds, bytes, (double)bytes / runs);
    }
}
