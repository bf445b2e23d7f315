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
    private SimulationPlan _completePlan = null!;
    private VariantRunner[] _runners = null!;
    private long _run;
    private VariantAccumulator _left = null!;
    private VariantAccumulator _right = null!;

    [GlobalSetup]
    public void Setup()
    {
        var set = ScenarioLoader.Load(RepositoryFiles.Path("scenarios/nato-russia-2022.yaml"));
        _plan = SimulationPlan.Compile(set);

        // The same scenario under complete information (docs/model.md §3.3): issue 15 asks that this mode be no slower
        // than the engine of 24 Nov 2026 (docs/model.md §10).
        var path = RepositoryFiles.Path("scenarios/nato-russia-2022.yaml");
        var yaml = File.ReadAllText(path);
        const string protocol = "  type: alternating-offers\n";
        if (!yaml.Contains(protocol, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the NATO–Russia protocol no longer starts with its type: update the complete-information benchmark");
        }

        _completePlan = SimulationPlan.Compile(ScenarioLoader.LoadText(yaml.Replace(protocol, protocol + "  information: complete\n", StringComparison.Ordinal), path));
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

    /// <summary>As <see cref="RunnerPerRun"/>, under complete information.</summary>
    [Benchmark(OperationsPerInvoke = 10_240)]
    public long RunnerPerRunCompleteInformation() =>
        MonteCarloRunner.Run(_completePlan, new RunRequest(3, 10_240, 1), "bench").CompletedRuns;

    [Benchmark]
    public long MergeAccumulators()
    {
        var merged = new VariantAccumulator(_left.Layout);
        merged.Add(_left);
        merged.Add(_right);
        return merged.Runs;
    }
}
