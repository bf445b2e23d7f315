using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>Binds <c>issues:</c> — discrete issues (a list of options) and continuous ones (a range).</summary>
internal static class IssuesBinder
{
    internal static readonly string[] Keys = ["name", "short", "description", "options", "range", "unit", "resolution"];

    public static IReadOnlyList<Issue> Bind(BindContext context, YamlNode? section, ScenarioIndex index)
    {
        var issues = new List<Issue>();
        foreach (var (id, key, value) in IdMap.Entries(context, section, "issues"))
        {
            if (Bind(context, id, key, value) is { } issue)
            {
                issues.Add(issue);
                index.Issues[id] = issue;
            }
        }

        return issues;
    }

    private static Issue? Bind(BindContext context, string id, YamlScalar key, YamlNode node)
    {
        var path = $"issues.{id}";
        if (context.Fields(node, path, Keys) is not { } fields)
        {
            return null;
        }

        var name = fields.Text("name") ?? id;
        var shortLabel = fields.Short();
        var description = fields.Text("description");
        var options = fields.Optional("options");
        var range = fields.Optional("range");
        if ((options is null) == (range is null))
        {
            context.Error(fields.Mapping.Entries.Count == 0 ? node : key,
                $"issue '{id}' has {(options is null ? "neither" : "both")} 'options' {(options is null ? "nor" : "and")} 'range'; expected options: [a, b, c] for a discrete issue or range: [min, max] for a continuous one");
            return null;
        }

        if (options is not null)
        {
            foreach (var onlyContinuous in new[] { "unit", "resolution" })
            {
                if (fields.Optional(onlyContinuous) is { } extra)
                {
                    context.Error(extra, $"{fields.PathOf(onlyContinuous)} is set on a discrete issue; expected it only with range: [min, max]");
                }
            }

            return BindOptions(context, options, fields.PathOf("options")) is { } list
                ? new Issue(id, name, IssueKind.Discrete, list, 0, list.Count - 1, list.Count, Description: description) { Position = key.Position, Short = shortLabel }
                : null;
        }

        var bounds = BindRange(context, range!, fields.PathOf("range"));
        var resolution = fields.Integer("resolution", 2, ScenarioBounds.MaxResolution) ?? 21;
        var unit = fields.Text("unit");
        return bounds is var (min, max)
            ? new Issue(id, name, IssueKind.Continuous, [], min, max, resolution, unit, description) { Position = key.Position, Short = shortLabel }
            : null;
    }

    private static IReadOnlyList<IssueOption>? BindOptions(BindContext context, YamlNode node, string path)
    {
        if (context.Sequence(node, path) is not { } sequence)
        {
            return null;
        }

        var options = new List<IssueOption>();
        var seen = new HashSet<string>();
        foreach (var item in sequence.Items)
        {
            IssueOption? option = null;
            if (item is YamlMapping)
            {
                if (context.Fields(item, $"an option of {path}", "id", "label", "short") is { } fields
                    && fields.Required("id", "<option id>") is { } idNode && context.Text(idNode, $"the id of an option of {path}") is { } optionId)
                {
                    option = new IssueOption(optionId, fields.Text("label") ?? optionId) { Short = fields.Short($"the short label of option '{optionId}' of {path}") };
                }
            }
            else if (context.Text(item, $"an option of {path}") is { } optionId)
            {
                option = new IssueOption(optionId, optionId);
            }

            if (option is null)
            {
                continue;
            }

            if (!seen.Add(option.Id))
            {
                context.Error(item, $"option '{option.Id}' appears twice in {path}; expected distinct option ids");
                continue;
            }

            options.Add(option);
        }

        if (options.Count < 2 && options.Count == sequence.Items.Count)
        {
            context.Error(node, $"{path} has {options.Count} option{(options.Count == 1 ? "" : "s")}; expected at least two options to choose between");
            return null;
        }

        return options.Count == sequence.Items.Count ? options : null;
    }

    private static (double Min, double Max)? BindRange(BindContext context, YamlNode node, string path)
    {
        if (node is not YamlSequence { Items.Count: 2 } pair)
        {
            context.Error(node, $"{path} is {node.Describe()}; expected [min, max]");
            return null;
        }

        var min = context.Number(pair.Items[0], $"{path} min");
        var max = context.Number(pair.Items[1], $"{path} max");
        if (min is null || max is null)
        {
            return null;
        }

        if (min >= max)
        {
            context.Error(node, $"{path} is [{Format.Number(min.Value)}, {Format.Number(max.Value)}]; expected [min, max] with min < max");
            return null;
        }

        return (min.Value, max.Value);
    }
}
