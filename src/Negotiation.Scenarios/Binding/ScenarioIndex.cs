using Negotiation.Core.Model;

namespace Negotiation.Scenarios.Binding;

/// <summary>
/// The ids a scenario declares, collected from mapping keys before the bodies are bound, so that a reference
/// to an entry whose body has an error is not reported a second time as unknown.
/// </summary>
internal sealed class ScenarioIndex
{
    private readonly Dictionary<string, int> _issueOrder = [];

    /// <summary>Issue ids; <see cref="IssueOrder"/> gives their declaration order, which is the engine's issue index.</summary>
    public HashSet<string> IssueIds { get; } = [];

    public void AddIssueIds(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            if (IssueIds.Add(id))
            {
                _issueOrder[id] = _issueOrder.Count;
            }
        }
    }

    /// <summary>Issues that bound without error, for checks that need their kind, options or range.</summary>
    public Dictionary<string, Issue> Issues { get; } = [];

    public HashSet<string> ActorIds { get; } = [];

    public HashSet<string> ProposalIds { get; } = [];

    public HashSet<string> StageIds { get; } = [];

    public int IssueOrder(string issueId) => _issueOrder[issueId];

    /// <summary>The protocol deadline when it is known, for checking event rounds.</summary>
    public int? Deadline { get; set; }
}
