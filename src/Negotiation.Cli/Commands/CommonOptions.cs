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
        Description = $"Simulated futures per variant (default {defaultRuns:N0}).",
        DefaultValueFactory = _ => defaultRuns,
    };

    public static Option<ulong> Seed() => new("--seed", "-s")
    {
        Description = "Random seed (64-bit). Same scenario, seed and runs give the same numbers on any machine and thread count.",
        DefaultValueFactory = _ => DefaultSeed,
    };

    public static Option<int> Threads() => new("--threads", "-t")
    {
        Description = "Worker threads (default: all cores). Results do not depend on it.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public static Option<string[]> Variants() => new("--variant", "-v")
    {
        Description = "Run only this variant (repeatable). The baseline always runs, as every comparison is against it.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string?> Out(string what) => new("--out", "-o") { Description = what };

    public static Option<string> Theme() => new Option<string>("--theme")
    {
        Description = "Chart theme: print (default) or projector (large fonts, thick lines).",
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
        if (runs < 1)
        {
            return Diagnostics.BadOption(context, $"--runs must be at least 1, got {runs}");
        }

        if (threads < 1)
        {
            return Diagnostics.BadOption(context, $"--threads must be at least 1, got {threads}");
        }

        return null;
    }
}
