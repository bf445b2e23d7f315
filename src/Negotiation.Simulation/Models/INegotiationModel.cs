using Negotiation.Core.Model;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Models;

/// <summary>
/// The seam between the Monte Carlo core and a model family (bargaining, expected utility, ...). A family compiles a
/// scenario variant once into an <see cref="INegotiationModel"/>; each worker asks it for a workspace and an
/// accumulator; per run the core fills the workspace's parameters from the run's own streams, runs it, and adds the
/// outcome to the accumulator. Nothing in the run allocates.
/// </summary>
public interface INegotiationModel
{
    /// <summary>The family's id as the command line names it ("bargaining", "expected-utility").</summary>
    string Family { get; }

    VariantScenario Variant { get; }

    /// <summary>
    /// Every parameter the family reads, by path. A parameter's draw in run i depends only on (seed, i, path), so two
    /// families that read the same path ("actors.usa.power") see the same value in the same run.
    /// </summary>
    ParameterTable Parameters { get; }

    /// <summary>A worker's buffers, allocated once.</summary>
    IModelWorkspace CreateWorkspace();

    /// <summary>An empty accumulator for this model's outcomes.</summary>
    IOutcomeAccumulator CreateAccumulator();
}

/// <summary>One worker's buffers for one compiled model: where a run's parameters go and its outcome is read from.</summary>
public interface IModelWorkspace
{
    /// <summary>The run's parameter vector (one slot per <see cref="INegotiationModel.Parameters"/> entry), filled before <see cref="Run"/>.</summary>
    Span<double> Parameters { get; }

    /// <summary>
    /// Runs run <paramref name="run"/> of <paramref name="seed"/> from <see cref="Parameters"/>. An observer of the family's
    /// kind (the family documents which) sees every step: tracing goes through here, never around the seam.
    /// </summary>
    void Run(ulong seed, long run, IModelObserver? observer = null);

    /// <summary>Whether the last run's outcome crosses a red line of an actor whose consent it needed; false for families without red lines.</summary>
    bool CrossesRedLine { get; }
}

/// <summary>Marker for a family's observer (bargaining: <see cref="Bargaining.BargainingObserver"/>; expected utility: <see cref="ExpectedUtility.IExpectedUtilityObserver"/>).</summary>
public interface IModelObserver;

/// <summary>What a model's runs add up to. Adding and merging are exact, so any split of runs over workers and shards gives the same state.</summary>
public interface IOutcomeAccumulator
{
    long Runs { get; }

    /// <summary>Adds the outcome of the run <paramref name="workspace"/> just finished.</summary>
    void Add(IModelWorkspace workspace);

    /// <summary>Adds everything <paramref name="other"/> (an accumulator of the same model) holds.</summary>
    void Merge(IOutcomeAccumulator other);

    /// <summary>A text that is equal for two accumulators exactly when their states are: what the contract tests compare.</summary>
    string StateDigest();
}
