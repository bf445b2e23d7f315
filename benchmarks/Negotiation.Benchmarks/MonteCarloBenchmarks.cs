using BenchmarkDotNet.Attributes;
using Negotiation.Scenarios;
using Negotiation.Simulation.MonteCarlo;
using Negotiation.Simulation.MonteCarlo.Accumulators;

namespace Negotiation.Benchmarks;

/// <summary>
/// One full Monte Carlo run of the NATO–Russia reference scenario (every variant: sampling, negotiation,
/// compliance, accumulation), and the merge of two accumulators as threads and shards merge them.
/// </summary>
[MemoryDiagnoser]
public class MonteCarloBenchmarks
{
    private SimulationPlan _plan = null!;
    private VariantRunner[] _runners = null!;
    private long _run;
    private VariantAccumulator _left = null!;
    private VariantAccumulator _right = null!;

    [GlobalSetup]
    public void Setup()
    {
        var set = ScenarioLoader.Load(RepositoryFiles.Path("scenarios/nato-russia-2022.yaml"));
        _plan = SimulationPlan.Compile(set);
        _runners = _plan.Variants.Select(v => new VariantRunner(v)).ToArray();
        var result = MonteCarloRunner.Run(_plan, new RunRequest(1, 20_000, 1), "bench");
        _left = result.Variants[0];
        _right = MonteCarloRunner.Run(_plan, new RunRequest(2, 20_000, 1), "bench").Variants[0];
    }

    /// <summary>One run of every variant (sampling, negotiation, compliance) in a warm worker: must allocate nothing.</summary>
    [Benchmark]
    public bool FullRunWithCompliance()
    {
        var run = _run++;
        var agreed = false;
        foreach (var runner in _runners)
        {
            runner.Simulate(1, run);
            agreed |= runner.Negotiation.Agreed;
        }

        return agreed;
    }

    /// <summary>10,240 runs through the parallel runner on one thread, accumulation included (setup amortised).</summary>
    [Benchmark(OperationsPerInvoke = 10_240)]
    public long RunnerPerRun() =>
        MonteCarloRunner.Run(_plan, new RunRequest(3, 10_240, 1), "bench").CompletedRuns;

    [Benchmark]
    public long MergeAccumulators()
    {
        var merged = new VariantAccumulator(_left.Layout);
        merged.Add(_left);
        merged.Add(_right);
        return merged.Runs;
    }
}
