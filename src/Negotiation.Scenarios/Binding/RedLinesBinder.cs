using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>
/// Binds an actor's <c>redLines:</c> — excluded options of a discrete issue (never all of them) or the
/// acceptable {min, max} of a continuous one (within the issue's range).
/// </summary>
internal static class RedLinesBinder
{
    public static IReadOnlyList<RedLine> Bind(BindContext context, YamlNode? section, string path, ScenarioIndex index)
    {
        var redLines = new List<RedLine>();
        foreach (var (issueId, key, value) in IdMap.Entries(context, section, path))
        {
            if (!context.CheckReference(issueId, key, index.IssueIds, "issue") || !index.Issues.TryGetValue(issueId, out var issue))
            {
                continue;
            }

            var redLine = issue.Kind == IssueKind.Discrete
                ? BindExcluded(context, value, $"{path}.{issueId}", issue)
                : BindRange(context, value, $"{path}.{issueId}", issue);
            if (redLine is not null)
            {
                redLines.Add(redLine with { Position = key.Position });
            }
        }

        return redLines;
    }

    private static RedLine? BindExcluded(BindContext context, YamlNode node, string path, Issue issue)
    {
        if (context.IdList(node, path) is not { } ids)
        {
            return null;
        }

        var options = issue.Options.Select(o => o.Id).ToArray();
        var known = ids.Where(i => context.CheckReference(i.Id, i.Node, options, $"option", $"of issue '{issue.Id}'")).Select(i => i.Id).Distinct().ToList();
        if (known.Count != ids.Count)
        {
            return null;
        }

        if (known.Count == options.Length)
        {
            context.Error(node, $"{path} excludes every option of issue '{issue.Id}'; expected at least one acceptable option");
            return null;
        }

        return new RedLine(issue.Id, known);
    }

    private static RedLine? BindRange(BindContext context, YamlNode node, string path, Issue issue)
    {
        if (context.Fields(node, path, "min", "max") is not { } fields)
        {
            return null;
        }

        var range = Limits.Within(issue.Min, issue.Max);
        var min = fields.Number("min", Limits.Any);
        var max = fields.Number("max", Limits.Any);
        var ok = CheckInside(context, fields, "min", min, issue, range) & CheckInside(context, fields, "max", max, issue, range);
        if (fields.Optional("min") is null && fields.Optional("max") is null)
        {
            context.Error(node, $"{path} sets neither min nor max; expected {{min: <number>, max: <number>}} within the issue's range");
            return null;
        }

        if (ok && min > max)
        {
            context.Error(node, $"{path} has min {Format.Number(min!.Value)} greater than max {Format.Number(max!.Value)}; expected min <= max");
            return null;
        }

        return ok ? new RedLine(issue.Id, [], min, max) : null;
    }

    private static bool CheckInside(BindContext context, Fields fields, string key, double? value, Issue issue, Limits range)
    {
        if (value is not { } v || range.Contains(v))
        {
            return fields.Optional(key) is null || value is not null;
        }

        context.Error(fields.Optional(key)!,
            $"{fields.PathOf(key)} is {Format.Number(v)}, outside the range of issue '{issue.Id}'; expected {range.Text}");
        return false;
    }
}
