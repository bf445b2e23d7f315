using System.CommandLine;
using Negotiation.Cli.Infrastructure;

namespace Negotiation.Cli.Commands;

/// <summary>Options several commands share, defined once so their names, defaults and help read the same everywhere.</summary>
public static class CommonOptions
{
    public const long DefaultRuns = 10_000;

    public const ulong DefaultSeed = 1;

    public static Argument<string> ScenarioFile() => new("file") { Description = "The scenario YAML file." };

    public static Option<long> Runs(long defaultRuns = DefaultRuns) => new("--runs", "-n")
    {
        Description = "Simulated futures per variant.",
        DefaultValueFactory = _ => defaultRuns,
    };

    public static Option<ulong> Seed() => new("--seed", "-s")
    {
        Description = "Random seed (64-bit). Same scenario, seed and runs give the same numbers on any machine and thread count.",
        DefaultValueFactory = _ => DefaultSeed,
    };

    /// <summary>
    /// --threads: no value means all cores (<see cref="ThreadsOrAllCores"/>). It has no default value of its own, so
    /// help says "all cores" once instead of adding this machine's core count as "[default: 2]".
    /// </summary>
    public static Option<int?> Threads() => new("--threads", "-t")
    {
        Description = "Worker threads (default: all cores). Results do not depend on it.",
    };

    /// <summary>The --threads given, or every core of this machine.</summary>
    public static int ThreadsOrAllCores(int? threads) => threads ?? Environment.ProcessorCount;

    public static Option<string[]> Variants() => new("--variant", "-v")
    {
        Description = "Run only this variant (repeatable). The baseline always runs, as every comparison is against it.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string?> Out(string what) => new("--out", "-o") { Description = what };

    public static Option<string> Theme() => new Option<string>("--theme")
    {
        Description = "Chart theme: print or projector (large fonts, thick lines).",
        DefaultValueFactory = _ => "print",
    }.AcceptOnlyFromAmong("print", "projector");

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Print nothing but errors (no progress, no table)." };

    public static Option<bool> Json(string printed = "the summary as JSON") => new("--json") { Description = $"Print {printed} on stdout instead of a table." };

    public static Option<bool> NoCharts(string consequence = "") => new("--no-charts") { Description = "Skip the PNG/SVG charts" + consequence + "." };

    /// <summary>
    /// The limits of <see cref="Runs"/> and <see cref="Threads"/> (each at least 1): the exit code after reporting the
    /// first one broken, or null when both hold.
    /// </summary>
    public static int? CheckRunsAndThreads(CliContext context, long runs, int threads)
    {
        if (runs < 1 || runs > MaxRuns)
        {
            return Diagnostics.BadOption(context, $"--runs must be between 1 and {MaxRuns:N0}, got {runs:N0}; split larger studies into shards (docs/cluster.md)");
        }

        if (threads < 1 || threads > MaxThreads)
        {
            return Diagnostics.BadOption(context, $"--threads must be between 1 and {MaxThreads}, got {threads}; results do not depend on it, and more threads than cores only cost memory");
        }

        return null;
    }

    /// <summary>
    /// The most runs one command simulates: a trillion runs of the smallest scenario take weeks on one machine, and
    /// beyond this the run counters' arithmetic is no longer checked (9.2e18 runs stopped at once as "interrupted").
    /// </summary>
    public const long MaxRuns = 1_000_000_000_000;

    /// <summary>The most worker threads: each has its own workspace, so 100,000 threads took 2.8 GB.</summary>
    public const int MaxThreads = 256;

    /// <summary>
    /// Simulated actor-rounds (rounds × actors × runs × variants, plus compliance periods × runs × variants) above
    /// which a run says, before it starts, that it will take long.
    /// </summary>
    public const double LongWork = 1e10;

    /// <summary>
    /// Warns on stderr when the expected work (rounds × actors × runs, plus horizon × runs, for every variant) is
    /// large: the user learns it before waiting, and Ctrl+C still keeps the runs done.
    /// </summary>
    public static void WarnAboutLongWork(CliContext context, IEnumerable<Negotiation.Core.Model.Scenario> scenarios, long runs)
    {
        var work = scenarios.Sum(s => ((double)s.Protocol.Deadline * s.Actors.Count + (s.Compliance?.Horizon ?? 0)) * runs);
        if (work > LongWork)
        {
            context.Error.WriteLine(string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                "negotiate: warning: this simulates about {0:0.#e0} actor-rounds (rounds × actors × runs, plus compliance periods × runs, over every variant); expect it to take long. Ctrl+C stops it and keeps the runs done.",
                work));
        }
    }
}
