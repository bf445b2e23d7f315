using Negotiation.Simulation.MonteCarlo;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Models;

/// <summary>
/// Runs any <see cref="INegotiationModel"/> many times in parallel through the seam, as <see cref="MonteCarloRunner"/> runs
/// the bargaining plan: workers take chunks of <see cref="MonteCarloRunner.ChunkSize"/> consecutive runs, run i draws its
/// parameters from streams keyed by (seed, i, parameter path), and the workers' accumulators merge exactly, so the result
/// is the same for any thread count and any split into shards (<see cref="RunRequest.Shard"/>).
/// </summary>
public static class ModelRunner
{
    /// <summary>Simulates the runs of <paramref name="request"/>; on cancellation the chunks under way finish and the result covers the completed runs.</summary>
    public static IOutcomeAccumulator Run(INegotiationModel model, RunRequest request, RunProgress? progress = null, CancellationToken cancellation = default)
    {
        var (start, end) = request.RunRange;
        var chunkSize = MonteCarloRunner.ChunkSize;
        var chunkCount = (end - start + chunkSize - 1) / chunkSize;
        long nextChunk = -1;
        var threads = (int)Math.Max(1, Math.Min(request.Threads, Math.Max(1, chunkCount)));
        var accumulators = new IOutcomeAccumulator[threads];
        var workers = new Thread[threads];
        Exception? failure = null;
        for (var w = 0; w < threads; w++)
        {
            var accumulator = accumulators[w] = model.CreateAccumulator();
            var workspace = model.CreateWorkspace();
            var sampler = new ParameterSampler(model.Parameters);
            workers[w] = new Thread(() =>
            {
                try
                {
                    long chunk;
                    while (!cancellation.IsCancellationRequested
                           && Volatile.Read(ref failure) is null
                           && (chunk = Interlocked.Increment(ref nextChunk)) < chunkCount)
                    {
                        var first = start + chunk * chunkSize;
                        var last = Math.Min(end, first + chunkSize);
                        RunChunk(sampler, workspace, accumulator, request.Seed, first, last);
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
                Name = $"negotiate-{model.Family}-{w}",
            };
            workers[w].Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        if (failure is not null)
        {
            throw new InvalidOperationException($"a {model.Family} worker failed: " + failure.Message, failure);
        }

        for (var w = 1; w < threads; w++)
        {
            accumulators[0].Merge(accumulators[w]);
        }

        return accumulators[0];
    }

    /// <summary>Samples, runs and adds runs [<paramref name="first"/>, <paramref name="last"/>): the allocation-free inner loop.</summary>
    public static void RunChunk(ParameterSampler sampler, IModelWorkspace workspace, IOutcomeAccumulator accumulator, ulong seed, long first, long last)
    {
        for (var run = first; run < last; run++)
        {
            sampler.Sample(seed, run, workspace.Parameters);
            workspace.Run(seed, run);
            accumulator.Add(workspace);
        }
    }
}
