using Negotiation.Simulation.MonteCarlo.Accumulators;

namespace Negotiation.Simulation.MonteCarlo;

/// <summary>
/// The merged accumulators of a Monte Carlo run (or of one shard, or of merged shards), with what is needed to
/// check that shards belong together. Turned into a <see cref="SimulationSummary"/> by the reporting layer.
/// </summary>
public sealed record MonteCarloResult(
    string ScenarioId,
    string Title,
    string SourcePath,
    IReadOnlyList<string> Sources,
    string Fingerprint,
    ulong Seed,
    long Runs,
    IReadOnlyList<ShardSpec> Shards,
    long CompletedRuns,
    bool Complete,
    IReadOnlyList<VariantAccumulator> Variants,
    IReadOnlyList<PairedAccumulator> Comparisons);
