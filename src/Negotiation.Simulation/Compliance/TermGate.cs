using Negotiation.Core.Model;

namespace Negotiation.Simulation.Compliance;

/// <summary>
/// A compiled <see cref="TermCondition"/>: does the agreed package (option index for a discrete issue, value for
/// a continuous one, as in <c>NegotiationWorkspace.Package</c>) select this provision or mechanism?
/// </summary>
internal sealed class TermGate
{
    private readonly int _issue;
    private readonly bool[]? _options;
    private readonly double _min;
    private readonly double _max;

    private TermGate(int issue, bool[]? options, double min, double max)
    {
        _issue = issue;
        _options = options;
        _min = min;
        _max = max;
    }

    /// <summary>The issue whose term decides.</summary>
    public int Issue => _issue;

    /// <summary>Compiles a condition; null when there is none (always applies). Unknown references become diagnostics.</summary>
    public static TermGate? Compile(TermCondition? condition, Scenario scenario, Action<string> error)
    {
        if (condition is null)
        {
            return null;
        }

        var issueIndex = scenario.IssueIndex(condition.IssueId);
        if (issueIndex < 0)
        {
            error($"condition names unknown issue '{condition.IssueId}'; expected one of the scenario's issues");
            return null;
        }

        var issue = scenario.Issues[issueIndex];
        if (issue.Kind == IssueKind.Continuous)
        {
            return new TermGate(issueIndex, null, condition.Min ?? double.NegativeInfinity, condition.Max ?? double.PositiveInfinity);
        }

        var mask = new bool[issue.Options.Count];
        foreach (var option in condition.Options)
        {
            var o = issue.IndexOf(option);
            if (o < 0)
            {
                error($"condition names unknown option '{option}' of issue '{issue.Id}'; expected one of its options");
                continue;
            }

            mask[o] = true;
        }

        return new TermGate(issueIndex, mask, 0, 0);
    }

    /// <summary>True when the agreed term on the issue is one of the options or within [min, max].</summary>
    public bool Matches(ReadOnlySpan<double> package) => MatchesTerm(package[_issue]);

    /// <summary>True when <paramref name="term"/> (an option index or a value of <see cref="Issue"/>) is one of the options or within [min, max].</summary>
    public bool MatchesTerm(double term)
    {
        if (_options is null)
        {
            return term >= _min && term <= _max;
        }

        var index = (int)Math.Round(term);
        return index >= 0 && index < _options.Length && _options[index];
    }
}
