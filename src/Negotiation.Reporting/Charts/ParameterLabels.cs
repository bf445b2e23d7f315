using Negotiation.Core.Model;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Charts;

/// <summary>
/// Says which uncertain parameter a sensitivity row is about in the scenario's own short labels, for places with little
/// room (tornado rows): <c>actors.russia.interests.accession.values.moratorium</c> reads "Russia: Accession =
/// Moratorium". An actor, issue or option without a <c>short:</c> label is named by its full name (the chart wraps it),
/// never by a mix of labels and ids; a path that is not about an actor is left as it is. The full path stays in the
/// sensitivity table.
/// </summary>
public sealed class ParameterLabels
{
    private readonly IReadOnlyDictionary<string, string> actors;
    private readonly IReadOnlyDictionary<string, string> issues;
    private readonly IReadOnlyDictionary<(string Issue, string Option), string> options;

    private ParameterLabels(
        IReadOnlyDictionary<string, string> actors,
        IReadOnlyDictionary<string, string> issues,
        IReadOnlyDictionary<(string Issue, string Option), string> options)
    {
        this.actors = actors;
        this.issues = issues;
        this.options = options;
    }

    /// <summary>The labels of every actor, issue and option of <paramref name="summary"/>'s variants (the first seen wins).</summary>
    public static ParameterLabels For(SimulationSummary summary)
    {
        var actors = new Dictionary<string, string>(StringComparer.Ordinal);
        var issues = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new Dictionary<(string, string), string>();
        foreach (VariantSummary v in summary.Variants)
        {
            foreach (ActorSummary a in v.Actors)
            {
                actors.TryAdd(a.Id, ShortLabel.Or(a.Short, a.Name));
            }

            foreach (IssueSummary i in v.Issues)
            {
                issues.TryAdd(i.Id, ShortLabel.Or(i.Short, i.Name));
                foreach (NamedShare o in i.Outcomes)
                {
                    options.TryAdd((i.Id, o.Id), ShortLabel.Or(o.Short, o.Name));
                }
            }
        }

        return new ParameterLabels(actors, issues, options);
    }

    /// <summary>The parameter <paramref name="path"/> in short labels (see the class summary).</summary>
    public string Describe(string path)
    {
        string[] parts = path.Split('.');
        if (parts.Length < 3 || parts[0] != "actors" || !actors.TryGetValue(parts[1], out string? actor))
        {
            return path;
        }

        return $"{actor}: {Rest(parts[2..])}";
    }

    private string Rest(string[] parts)
    {
        if (parts is ["interests", var issue, .. var more] && issues.TryGetValue(issue, out string? issueLabel))
        {
            return more switch
            {
                ["values", var option] => $"{issueLabel} = {(options.TryGetValue((issue, option), out string? o) ? o : option)}",
                [] => issueLabel,
                _ => $"{issueLabel} {string.Join(' ', more)}",
            };
        }

        if (parts is ["beliefs", var other, .. var about] && actors.TryGetValue(other, out string? otherLabel))
        {
            return string.Join(' ', ["belief about", otherLabel, .. about]);
        }

        return string.Join(' ', parts);
    }
}
