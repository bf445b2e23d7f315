using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.MonteCarlo.Accumulators;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.MonteCarlo;

/// <summary>
/// Runs a <see cref="SimulationPlan"/> many times in parallel. Workers take chunks of consecutive run indices;
/// run i of every variant is simulated by the same worker with the same per-run streams, so variants are
/// paired over common random numbers. Accumulators merge exactly, so the result is bit-for-bit the same for
/// any thread count and any split into shards.
/// </summary>
public static class MonteCarloRunner
{
    /// <summary>Runs per chunk: the unit of work stealing, progress and cancellation.</summary>
    public const int ChunkSize = 512;

    /// <summary>
    /// Simulates the runs of <paramref name="request"/>. On cancellation the chunks under way finish and the
    /// result covers the completed runs, with <see cref="MonteCarloResult.Complete"/> false.
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
        var (start, end) = request.RunRange;
        var chunkCount = (end - start + ChunkSize - 1) / ChunkSize;
        long nextChunk = -1;
        var threads = Math.Max(1, request.Threads);
        var workers = new Worker[threads];
        var tasks = new Thread[threads];
        Exception? failure = null;
        perRun?.Begin(PerRunRows.Header(plan));
        for (var w = 0; w < threads; w++)
        {
            var worker = workers[w] = new Worker(plan, request.Seed, perRun is not null);
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
                        perRun?.Write(chunk, worker.TakeRows());
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
                Name = $"negotiate-worker-{w}",
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
        var set = plan.Set;
        return new MonteCarloResult(
            set.Metadata.Id,
            set.Metadata.Title,
            set.SourcePath,
            set.Metadata.Sources,
            fingerprint,
            request.Seed,
            request.Runs,
            request.Shard is null ? [] : [request.Shard],
            completed,
            completed == end - start,
            merged.Accumulators,
            merged.Paired);
    }

    /// <summary>One worker's buffers and accumulators, allocated once.</summary>
    private sealed class Worker
    {
        private readonly SimulationPlan _plan;
        private readonly ulong _seed;
        private readonly VariantRunner[] _variants;
        private readonly PerRunRows? _rows;

        public Worker(SimulationPlan plan, ulong seed, bool keepRows)
        {
            _plan = plan;
            _seed = seed;
            _variants = plan.Variants.Select(v => new VariantRunner(v)).ToArray();
            _sampler = new SharedParameterSampler(plan.Variants.Select(v => v.Parameters).ToArray());
            _parameterMoments = new Moments[_sampler.DistinctCount];
            for (var v = 1; v < _variants.Length; v++)
            {
                if (plan.Variants[v].FollowsBaseline)
                {
                    _variants[v].Follow(_variants[0]);
                }
            }

            Accumulators = plan.Variants.Select(v => new VariantAccumulator(v.Layout)).ToArray();
            var baseline = plan.Variants[0];
            Paired = plan.Variants.Skip(1)
                .Select(v => new PairedAccumulator(
                    v.Variant.Id,
                    baseline.Variant.Id,
                    v.Layout.Actors.Select(a => a.Id).Where(id => baseline.Layout.Actors.Any(b => b.Id == id)).ToArray()))
                .ToArray();
            _actorInBaseline = plan.Variants.Skip(1)
                .Select((v, i) => Paired[i].SharedActors
                    .Select(id => (Variant: IndexOf(v.Layout.Actors, id), Baseline: IndexOf(baseline.Layout.Actors, id)))
                    .ToArray())
                .ToArray();
            _rows = keepRows ? new PerRunRows(plan) : null;
        }

        private readonly (int Variant, int Baseline)[][] _actorInBaseline;

        /// <summary>Draws each parameter the variants share once per run.</summary>
        private readonly SharedParameterSampler _sampler;

        /// <summary>
        /// Moments of each distinct parameter over this worker's runs: the same for every variant that draws it, so they
        /// are summed once per run and folded into the variants' accumulators at the end (exact sums: same bytes).
        /// </summary>
        private readonly Moments[] _parameterMoments;

        public VariantAccumulator[] Accumulators { get; }

        public PairedAccumulator[] Paired { get; }

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

                for (var v = 0; v < _variants.Length; v++)
                {
                    var state = _variants[v];
                    _sampler.Fill(v, state.ParameterBuffer);
                    state.SimulateSampled(_seed, run);
                    Accumulators[v].Add(state.Negotiation, state.NegotiationWorkspace, state.Compliance, state.SurvivedOneYear, state.UncertainValues);
                    _rows?.Add(run, _plan.Variants[v], state);
                }

                AddPairs();
            }
        }

        private void AddPairs()
        {
            var baseline = _variants[0];
            for (var i = 0; i < Paired.Length; i++)
            {
                var variant = _variants[i + 1];
                var pair = Paired[i];
                pair.Agreement.Add((variant.Negotiation.Agreed ? 1 : 0) - (baseline.Negotiation.Agreed ? 1 : 0));
                if (variant.HasCompliance && baseline.HasCompliance)
                {
                    pair.Survival.Add((variant.SurvivedOneYear ? 1 : 0) - (baseline.SurvivedOneYear ? 1 : 0));
                }

                var map = _actorInBaseline[i];
                for (var a = 0; a < map.Length; a++)
                {
                    pair.Utility[a].Add(variant.NegotiationWorkspace.Utilities[map[a].Variant] - baseline.NegotiationWorkspace.Utilities[map[a].Baseline]);
                }
            }
        }

        /// <summary>Adds the parameter moments summed so far to every variant's accumulator (after the last chunk).</summary>
        public void FoldParameterMoments()
        {
            for (var v = 0; v < Accumulators.Length; v++)
            {
                var moments = Accumulators[v].ParameterMoments;
                var sources = _sampler.Sources(v);
                for (var k = 0; k < moments.Length; k++)
                {
                    moments[k].Add(_parameterMoments[sources[k]]);
                }
            }

            Array.Clear(_parameterMoments);
        }

        public string TakeRows() => _rows?.Take() ?? string.Empty;

        public void MergeFrom(Worker other)
        {
            for (var v = 0; v < Accumulators.Length; v++)
            {
                Accumulators[v].Add(other.Accumulators[v]);
            }

            for (var i = 0; i < Paired.Length; i++)
            {
                Paired[i].Add(other.Paired[i]);
            }
        }

        private static int IndexOf(IReadOnlyList<LabelledItem> items, string id)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Id == id)
                {
                    return i;
                }
            }

            return -1;
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
