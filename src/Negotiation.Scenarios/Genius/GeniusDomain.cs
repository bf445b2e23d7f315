using Negotiation.Core.Common;

namespace Negotiation.Scenarios.Genius;

/// <summary>The three kinds of issue a GENIUS 10.x linear domain can hold.</summary>
public enum GeniusIssueType
{
    /// <summary>A list of named items (<c>&lt;item value=".."/&gt;</c>).</summary>
    Discrete,

    /// <summary>Every integer in [lowerbound, upperbound].</summary>
    Integer,

    /// <summary>Every real number in [lowerbound, upperbound].</summary>
    Real,
}

/// <summary>One value of a discrete GENIUS issue: its <c>index</c> attribute (if any) and its <c>value</c> text.</summary>
public sealed record GeniusItem(int? Index, string Value, SourcePosition Position);

/// <summary>
/// One issue of a GENIUS domain, identified by its <c>index</c> attribute (GENIUS numbers issues and objectives
/// in one sequence, so indices need not start at 0 or be contiguous). Discrete issues carry their items;
/// integer and real issues their bounds.
/// </summary>
public sealed record GeniusIssue(
    int Index,
    string Name,
    GeniusIssueType Type,
    IReadOnlyList<GeniusItem> Items,
    double Lower,
    double Upper,
    SourcePosition Position)
{
    /// <summary>The position of the item whose value is <paramref name="value"/>, or -1.</summary>
    public int IndexOfItem(string value)
    {
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].Value == value)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// A GENIUS domain file: its issues in document order (nested objectives flattened), the name of the root
/// objective, and the indices of the objectives (a profile may weigh an objective; GENIUS ignores such weights
/// in a linear additive space and so do we).
/// </summary>
public sealed record GeniusDomain(
    string File,
    string Name,
    IReadOnlyList<GeniusIssue> Issues,
    IReadOnlyList<int> ObjectiveIndices)
{
    /// <summary>The issue with the given <c>index</c> attribute, or null.</summary>
    public GeniusIssue? IssueByIndex(int index) => Issues.FirstOrDefault(i => i.Index == index);
}
