using Negotiation.Core.Common;

namespace Negotiation.Core.Model;

/// <summary>One term of a package: an option of a discrete issue or a value of a continuous one.</summary>
public sealed record Term(string IssueId, string? OptionId, double? Value)
{
    public static Term Option(string issueId, string optionId) => new(issueId, optionId, null);

    public static Term Number(string issueId, double value) => new(issueId, null, value);
}

/// <summary>A named package that settles every issue, e.g. Russia's draft treaty of 17 December 2021.</summary>
public sealed record Proposal(string Id, string Name, IReadOnlyList<Term> Terms, string? Description = null)
{
    public SourcePosition? Position { get; init; }

    /// <summary>
    /// The actor whose public position this text is (null: a mediator's or an unattributed text). As an opening it is
    /// that actor's move: the others learn from it and its author is committed to it (docs/model.md §3.3).
    /// </summary>
    public string? Author { get; init; }
}
