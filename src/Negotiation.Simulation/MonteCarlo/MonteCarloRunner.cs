using Negotiation.Simulation.Models;
using Negotiation.Simulation.Models.Bargaining;
using Negotiation.Simulation.MonteCarlo.Accumulators;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.MonteCarlo;

/// <summary>
/// The Monte Carlo core: runs the variants of a model family (<see cref="IModelPlan"/>, the seam) many times in parallel.
/// Workers take chunks of consecutive run indices; run i of every variant is simulated by the same worker with the same
/// per-run streams, so variants are paired over common random numbers. Accumulators merge exactly, so the result is
/// bit-for-bit the same for any thread count and any split into shards.
/// </summary>
public static class MonteCarloRunner
{
    /// <summary>Runs per chunk: the unit of work stealing, progress and cancellation.</summary>
    public const int ChunkSize = 512;

    /// <summary>
    /// Simulates the runs of <paramref name="request"/> with the bargaining family (<see cref="BargainingPlan"/>) and gathers
    /// its accumulators into a <see cref="MonteCarloResult"/>. On cancellation the chunks under way finish and the result
    /// covers the completed runs, with <see cref="MonteCarloResult.Complete"/> false.
    /// </summary>
    /// <param name="progress">Incremented with the number of runs as each chunk completes (read it from another thread).</param>
    /// <param name="perRun">When set, receives every run's row, in run order.</param>
    public static MonteCarloResult Run(
        SimulationPlan plan,
        RunRequest request,
        string fingerprint,
        RunProgress? progress = null,
        IPerRunSink? perRun = null,
        CancellationToken cancellation = default)
    {
        var bargaining = new BargainingPlan(plan);
        return bargaining.Result(Run(bargaining, request, progress, perRun, cancellation), request, fingerprint);
    }

    /// <summary>
    /// Simulates the runs of <paramref name="request"/> for every model of <paramref name="plan"/>. On cancellation the
    /// chunks under way finish and the result covers the completed runs.
    /// </summary>
    /// <param name="progress">Incremented with the number of runs as each chunk completes (read it from another thread).</param>
    /// <param name="perRun">When set, receives every run's row, in run order (the family must write rows).</param>
    public static ModelRunResult Run(
        IModelPlan plan,
        RunRequest request,
        RunProgress? progress = null,
        IPerRunSink? perRun = null,
        CancellationToken cancellation = default)
    {
        var (start, end) = request.RunRange;
        var chunkCount = (end - start + ChunkSize - 1) / ChunkSize;
        long nextChunk = -1;
        var threads = Math.Max(1, request.Threads);
        var workers = new MonteCarloWorker[threads];
        for (var w = 0; w < threads; w++)
        {
            workers[w] = new MonteCarloWorker(plan, request.Seed, perRun is not null);
        }

        if (perRun is not null)
        {
            perRun.Begin(workers[0].Rows!.Header);
        }

        var tasks = new Thread[threads];
        Exception? failure = null;
        for (var w = 0; w < threads; w++)
        {
            var worker = workers[w];
            tasks[w] = new Thread(() =>
            {
                try
                {
                    long chunk;
                    while (!cancellation.IsCancellationRequested
                           && Volatile.Read(ref failure) is null
                           && (chunk = Interlocked.Increment(ref nextChunk)) < chunkCount)
                    {
                        var first = start + chunk * ChunkSize;
                        var last = Math.Min(end, first + ChunkSize);
                        worker.RunChunk(first, last);
                        perRun?.Write(chunk, worker.Rows!.Take());
                        progress?.Add(last - first);
                    }
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                }
            })
            {
                IsBackground = true,
                Name = $"negotiate-{plan.Family}-{w}",
            };
            tasks[w].Start();
        }

        foreach (var t in tasks)
        {
            t.Join();
        }

        if (failure is not null)
        {
            throw new InvalidOperationException("a simulation worker failed: " + failure.Message, failure);
        }

        foreach (var worker in workers)
        {
            worker.FoldParameterMoments();
        }

        var merged = workers[0];
        for (var w = 1; w < threads; w++)
        {
            merged.MergeFrom(workers[w]);
        }

        var completed = merged.Accumulators[0].Runs;
        return new ModelRunResult(merged.Accumulators, merged.Comparison, completed, completed == end - start);
    }
}

/// <summary>What <see cref="MonteCarloRunner"/> returns for a model family: one merged accumulator per variant (the plan's order) and the merged comparison.</summary>
public sealed record ModelRunResult(IReadOnlyList<IOutcomeAccumulator> Variants, IRunComparison? Comparison, long CompletedRuns, bool Complete);

/// <summary>One worker's workspaces, accumulators and comparison for every variant of a plan, allocated once.</summary>
internal sealed class MonteCarloWorker
{
    private readonly ulong _seed;
    private readonly IModelWorkspace[] _workspaces;

    /// <summary>Draws each parameter the variants share once per run.</summary>
    private readonly SharedParameterSampler _sampler;

    /// <summary>
    /// Moments of each distinct uncertain parameter over this worker's runs: the same for every variant that draws it, so
    /// they are summed once per run and folded into the variants' accumulators at the end (exact sums: same bytes).
    /// </summary>
    private readonly Moments[] _parameterMoments;

    public MonteCarloWorker(IModelPlan plan, ulong seed, bool keepRows)
    {
        _seed = seed;
        var models = plan.Models;
        _workspaces = plan.CreateWorkspaces();
        _sampler = new SharedParameterSampler(models.Select(m => m.Parameters).ToArray());
        _parameterMoments = new Moments[_sampler.DistinctCount];
        Accumulators = models.Select(m => m.CreateAccumulator()).ToArray();
        Comparison = plan.CreateComparison(_workspaces);
        Rows = keepRows
            ? plan.CreateRows(_workspaces) ?? throw new ArgumentException($"the {plan.Family} family writes no per-run rows", nameof(keepRows))
            : null;
    }

    public IOutcomeAccumulator[] Accumulators { get; }

    public IRunComparison? Comparison { get; }

    public IRunRows? Rows { get; }

    /// <summary>Samples, runs, adds and compares runs [<paramref name="first"/>, <paramref name="last"/>) of every variant: the allocation-free inner loop.</summary>
    public void RunChunk(long first, long last)
    {
        for (var run = first; run < last; run++)
        {
            _sampler.Sample(_seed, run);
            var values = _sampler.Values;
            for (var d = 0; d < values.Length; d++)
            {
                _parameterMoments[d].Add(values[d]);
            }

            for (var v = 0; v < _workspaces.Length; v++)
            {
                var workspace = _workspaces[v];
                _sampler.Fill(v, workspace.Parameters);
                workspace.Run(_seed, run);
                Accumulators[v].Add(workspace);
                Rows?.Add(run, v);
            }

            Comparison?.Add();
        }
    }

    /// <summary>Adds the parameter moments summed so far to every variant's accumulator (after the last chunk).</summary>
    public void FoldParameterMoments()
    {
        for (var v = 0; v < Accumulators.Length; v++)
        {
            var sources = _sampler.Sources(v);
            var moments = new Moments[sources.Length];
            for (var k = 0; k < moments.Length; k++)
            {
                moments[k] = _parameterMoments[sources[k]];
            }

            Accumulators[v].AddParameterMoments(moments);
        }

        Array.Clear(_parameterMoments);
    }

    public void MergeFrom(MonteCarloWorker other)
    {
        for (var v = 0; v < Accumulators.Length; v++)
        {
            Accumulators[v].Merge(other.Accumulators[v]);
        }

        if (Comparison is not null)
        {
            Comparison.Merge(other.Comparison!);
        }
    }
}

/// <summary>Counts completed runs; safe to read from another thread while the run goes on.</summary>
public sealed class RunProgress
{
    private long _completed;

    public RunProgress(long total) => Total = total;

    public long Total { get; }

    public long Completed => Volatile.Read(ref _completed);

    public void Add(long runs) => Interlocked.Add(ref _completed, runs);
}
