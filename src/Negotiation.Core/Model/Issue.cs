using Negotiation.Core.Common;

namespace Negotiation.Core.Model;

/// <summary>Whether an issue is settled by choosing one of a list of options or a number in a range.</summary>
public enum IssueKind
{
    Discrete,
    Continuous,
}

/// <summary>One option of a discrete issue, e.g. "five-year moratorium with automatic renewal".</summary>
public sealed record IssueOption(string Id, string Label)
{
    /// <summary>A short label for legends and table headers (<c>short:</c>); null: those places wrap <see cref="Label"/>.</summary>
    public string? Short { get; init; }
}

/// <summary>
/// A question on the table. Discrete issues list their options in order; continuous issues give a range
/// [Min, Max] and a <see cref="Resolution"/>: how many evenly spaced points a proposer considers when it
/// searches the range (the ends and every actor's ideal point are always considered as well).
/// </summary>
public sealed record Issue(
    string Id,
    string Name,
    IssueKind Kind,
    IReadOnlyList<IssueOption> Options,
    double Min,
    double Max,
    int Resolution,
    string? Unit = null,
    string? Description = null)
{
    public SourcePosition? Position { get; init; }

    /// <summary>A short label for chart titles, legends and table headers (<c>short:</c>); null: those places wrap <see cref="Name"/>.</summary>
    public string? Short { get; init; }

    public static Issue Discrete(string id, string name, params string[] optionIds) =>
        new(id, name, IssueKind.Discrete, optionIds.Select(o => new IssueOption(o, o)).ToArray(), 0, optionIds.Length - 1, optionIds.Length);

    public static Issue Continuous(string id, string name, double min, double max, int resolution = 21, string? unit = null) =>
        new(id, name, IssueKind.Continuous, [], min, max, resolution, unit);

    /// <summary>The index of an option id, or -1.</summary>
    public int IndexOf(string optionId)
    {
        for (var i = 0; i < Options.Count; i++)
        {
            if (Options[i].Id == optionId)
            {
                return i;
            }
        }

        return -1;
    }
}
