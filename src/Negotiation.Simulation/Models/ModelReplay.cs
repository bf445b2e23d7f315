using Negotiation.Core.Common;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Models;

/// <summary>
/// Single runs of one model, one at a time, exactly as the Monte Carlo core runs them: run i's parameters drawn from the
/// streams keyed by (seed, i, parameter path), then the family's own workspace, watched by an observer when given. What a
/// trace replays and a search for a run with some outcome walks through, so neither goes around the seam.
/// </summary>
public sealed class ModelReplay
{
    private readonly ParameterSampler _sampler;

    public ModelReplay(INegotiationModel model)
    {
        Guard.NotNull(model);
        Model = model;
        Workspace = model.CreateWorkspace();
        _sampler = new ParameterSampler(model.Parameters);
    }

    public INegotiationModel Model { get; }

    /// <summary>The workspace the last run's outcome is read from.</summary>
    public IModelWorkspace Workspace { get; }

    /// <summary>Draws run <paramref name="run"/>'s parameters of <paramref name="seed"/> and runs it; <paramref name="observer"/> sees every step.</summary>
    public void Run(ulong seed, long run, IModelObserver? observer = null)
    {
        _sampler.Sample(seed, run, Workspace.Parameters);
        Workspace.Run(seed, run, observer);
    }
}
