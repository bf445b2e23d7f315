using Negotiation.Core.Common;

namespace Negotiation.Core.Model;

/// <summary>
/// The optional <c>expectedUtility:</c> section of a scenario: what the expected-utility model family needs beyond the
/// bargaining description (docs/model-expected-utility.md §9).
/// </summary>
/// <param name="Scales">Discrete issue id -> its option ids in order along the 0–100 dimension (first at 0, last at 100).</param>
/// <param name="Inputs">Explicit capability, position (0–100) and salience (0–1) for an actor on an issue, replacing the derived ones.</param>
/// <param name="Rounds">Rounds played at most (default 8, as in Scholz et al. 2011).</param>
public sealed record ExpectedUtilityDesign(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Scales,
    IReadOnlyList<ExpectedUtilityInput> Inputs,
    int? Rounds = null)
{
    public SourcePosition? Position { get; init; }

    public static ExpectedUtilityDesign Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), []);
}

/// <summary>One actor's explicit expected-utility data on one issue.</summary>
public sealed record ExpectedUtilityInput(string ActorId, string IssueId, Uncertain Capability, Uncertain Position, Uncertain Salience)
{
    public SourcePosition? Location { get; init; }
}
