using Negotiation.Cli.Infrastructure;
using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Reporting.Sweeps;
using Negotiation.Scenarios;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Cli.Sweeps;

/// <summary>One sweep point, loaded and validated: the swept values (axis order) and the variant with them applied.</summary>
public sealed record SweepPointInput(IReadOnlyList<double> Values, VariantScenario Scenario);

/// <summary>A sweep ready to run: every point's scenario loaded and validated before the first run.</summary>
public sealed record SweepPlan(string File, ScenarioSet Set, VariantScenario Variant, IReadOnlyList<SweepParameter> Parameters, IReadOnlyList<SweepPointInput> Points);

/// <summary>A sweep point whose scenario the loader rejects (e.g. a value out of range, a path that is not a number).</summary>
public sealed class SweepPointException(IReadOnlyList<ParameterOverride> point, InputException error)
    : Exception($"sweep point {Describe(point)} is not a valid scenario", error)
{
    public IReadOnlyList<ParameterOverride> Point { get; } = point;

    public InputException Error { get; } = error;

    public static string Describe(IEnumerable<ParameterOverride> point) =>
        string.Join(", ", point.Select(o => $"{o.Path}={SweepParameter.Format(o.Value)}"));
}

/// <summary>
/// The point loop of <c>negotiate sweep</c>: loads the scenario at every point of the grid (the loader applies the
/// swept values as <see cref="ParameterOverride"/>s and validates the result), then simulates the points in
/// sequence, each with the Monte Carlo runner on all threads. Every point uses the same seed and run indices, and
/// parameter draws are keyed by (seed, run, path), so run i sees the same sampled future at every point (common
/// random numbers): differences between neighbouring points come from the swept value, not from noise.
/// </summary>
public static class SweepRunner
{
    /// <summary>The grid's points in order, the first parameter varying slowest.</summary>
    public static IReadOnlyList<double[]> Grid(IReadOnlyList<SweepParameter> parameters)
    {
        IEnumerable<double[]> points = [[]];
        foreach (var parameter in parameters)
        {
            points = points.SelectMany(p => parameter.Values.Select(v => (double[])[.. p, v])).ToArray();
        }

        return points.ToArray();
    }

    /// <summary>Number of points of the grid, without building it.</summary>
    public static long PointCount(IReadOnlyList<SweepParameter> parameters) =>
        parameters.Aggregate(1L, (n, p) => n * p.Values.Count);

    /// <summary>
    /// Loads every point of the grid for variant <paramref name="variantId"/> of <paramref name="set"/>.
    /// </summary>
    /// <exception cref="SweepPointException">The scenario at some point is invalid (the first such point).</exception>
    public static SweepPlan Prepare(string file, ScenarioSet set, string variantId, IReadOnlyList<SweepParameter> parameters)
    {
        var variantIndex = set.Variants.Select(v => v.Id).ToList().IndexOf(variantId);
        Guard.NonNegative(variantIndex);
        var points = new List<SweepPointInput>();
        foreach (var values in Grid(parameters))
        {
            var overrides = parameters.Select((p, k) => new ParameterOverride(p.Path, values[k])).ToArray();
            ScenarioSet loaded;
            try
            {
                // Only the swept variant takes the values, so a node that only it has (a mechanism it adds) can be swept.
                loaded = ScenarioLoader.Load(file, overrides, variantId);
            }
            catch (InputException e)
            {
                throw new SweepPointException(overrides, e);
            }

            points.Add(new SweepPointInput(values, loaded.Variants[variantIndex]));
        }

        return new SweepPlan(file, set, set.Variants[variantIndex], parameters, points);
    }

    /// <summary>
    /// Simulates every point with <paramref name="runs"/> runs of <paramref name="seed"/>. On cancellation the
    /// point under way is dropped (its runs would not match the others') and the result holds the completed
    /// points, marked incomplete.
    /// </summary>
    /// <param name="progress">Counts runs over all points (total = points × runs).</param>
    /// <param name="shard">Simulate only these points (K/N of the grid, contiguous); null for all.</param>
    public static SweepResult Run(SweepPlan plan, ulong seed, long runs, int threads, RunProgress? progress = null, CancellationToken cancellation = default, ShardSpec? shard = null)
    {
        var results = new List<SweepPoint>();
        var complete = true;
        IReadOnlyList<SweepActor> actors = plan.Variant.Scenario.Actors.Select(a => new SweepActor(a.Id, a.Name)).ToArray();
        var (first, end) = shard is null ? (0, plan.Points.Count) : SweepStateFile.Range(shard, plan.Points.Count);
        foreach (var point in plan.Points.Skip(first).Take(end - first))
        {
            if (cancellation.IsCancellationRequested)
            {
                complete = false;
                break;
            }

            // Only the chosen variant is compiled and run: a sweep compares points, not variants.
            var simulation = SimulationPlan.Compile(new ScenarioSet(plan.Set.SourcePath, [point.Scenario]));
            var overrides = plan.Parameters.Select((p, k) => new ParameterOverride(p.Path, point.Values[k])).ToArray();
            var result = MonteCarloRunner.Run(
                simulation,
                new RunRequest(seed, runs, threads),
                ScenarioInput.Fingerprint(plan.File, [point.Scenario.Id], overrides),
                progress,
                perRun: null,
                cancellation);
            if (!result.Complete)
            {
                complete = false;
                break;
            }

            results.Add(new SweepPoint(point.Values, result.CompletedRuns, SweepFigures.From(result)));
        }

        var metadata = plan.Set.Metadata;
        return new SweepResult(
            metadata.Id,
            metadata.Title,
            plan.Set.SourcePath,
            plan.Variant.Id,
            plan.Variant.Name,
            seed,
            runs,
            complete,
            plan.Points.Count,
            plan.Parameters.Select(p => new SweepAxis(p.Path, p.Values)).ToArray(),
            actors,
            plan.Variant.Scenario.Compliance is not null,
            results)
        {
            Shards = shard is null ? [] : [shard.ToString()],
            Fingerprint = ScenarioInput.Fingerprint(plan.File, [plan.Variant.Id], plan.Parameters.SelectMany(p => p.Values.Select(v => new ParameterOverride(p.Path, v)))),
        };
    }
}
