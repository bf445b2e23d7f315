using Negotiation.Core.Common;

namespace Negotiation.Simulation.Models.ExpectedUtility;

/// <summary>
/// The expected-utility family over the chosen variants of a scenario (baseline first), as the Monte Carlo core runs it:
/// each variant's forecast is its own, so there is nothing to compare within a run and no per-run table.
/// </summary>
public sealed class ExpectedUtilityPlan : IModelPlan
{
    private readonly ExpectedUtilityModel[] _models;

    public ExpectedUtilityPlan(IReadOnlyList<ExpectedUtilityModel> models)
    {
        Guard.NotNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("a plan needs at least the baseline", nameof(models));
        }

        _models = models.ToArray();
    }

    public string Family => ExpectedUtilityModel.FamilyId;

    public IReadOnlyList<INegotiationModel> Models => _models;

    public IModelWorkspace[] CreateWorkspaces() => _models.Select(m => m.CreateWorkspace()).ToArray();

    public IRunComparison? CreateComparison(IModelWorkspace[] workspaces) => null;

    public IRunRows? CreateRows(IModelWorkspace[] workspaces) => null;
}
