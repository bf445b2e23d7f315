using Negotiation.Core.Model;
using Negotiation.Simulation.MonteCarlo.Accumulators;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Models;

/// <summary>
/// The seam between the Monte Carlo core (<see cref="MonteCarlo.MonteCarloRunner"/>) and a model family (bargaining,
/// expected utility, ...). A family compiles the chosen variants of a scenario once into an <see cref="IModelPlan"/>, one
/// <see cref="INegotiationModel"/> per variant, baseline first. Each worker asks the plan for its workspaces, and each
/// model for an accumulator; per run the core fills every workspace's parameters from the run's own streams, runs the
/// variants in order, adds each outcome to its accumulator and lets the plan compare the variants. Nothing in a run allocates.
/// </summary>
public interface IModelPlan
{
    /// <summary>The family's id as the command line names it ("bargaining", "expected-utility").</summary>
    string Family { get; }

    /// <summary>One compiled model per variant, the baseline first.</summary>
    IReadOnlyList<INegotiationModel> Models { get; }

    /// <summary>
    /// One worker's workspaces, one per model in <see cref="Models"/> order. The family may link them (a bargaining variant
    /// that differs from the baseline only in its opening takes the baseline's ending), so the core runs them in this order.
    /// </summary>
    IModelWorkspace[] CreateWorkspaces();

    /// <summary>
    /// A worker's comparison of the variants' outcomes within each run (paired differences against the baseline over the
    /// same draws), reading <paramref name="workspaces"/> after each run; null when the family compares nothing per run.
    /// </summary>
    IRunComparison? CreateComparison(IModelWorkspace[] workspaces);

    /// <summary>A worker's per-run table rows (<c>--per-run</c>) read from <paramref name="workspaces"/>; null when the family writes none.</summary>
    IRunRows? CreateRows(IModelWorkspace[] workspaces);
}

/// <summary>What the variants' outcomes of each run add up to when compared with one another. Merging is exact.</summary>
public interface IRunComparison
{
    /// <summary>Adds the run every workspace has just finished.</summary>
    void Add();

    /// <summary>Adds everything <paramref name="other"/> (a comparison of the same plan) holds.</summary>
    void Merge(IRunComparison other);
}

/// <summary>Per-run rows of one worker, formatted as the family's table (CSV), taken chunk by chunk.</summary>
public interface IRunRows
{
    /// <summary>The table's header line (without newline).</summary>
    string Header { get; }

    /// <summary>Appends the row of run <paramref name="run"/> of variant <paramref name="variant"/> (its workspace has just finished).</summary>
    void Add(long run, int variant);

    /// <summary>The rows appended since the last call, and forgets them.</summary>
    string Take();
}

/// <summary>A model family compiled for one scenario variant.</summary>
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

    /// <summary>
    /// Adds the moments of the model's uncertain parameters (<paramref name="moments"/>[k] for the k-th slot of
    /// <see cref="ParameterTable.UncertainSlots"/>) over the runs added. A parameter's draws do not depend on the model, so
    /// the core sums each distinct parameter once for every variant that shares it and hands the sums over after the last
    /// run. Families that do not report parameter moments keep this default, which ignores them.
    /// </summary>
    void AddParameterMoments(ReadOnlySpan<Moments> moments)
    {
    }
}
