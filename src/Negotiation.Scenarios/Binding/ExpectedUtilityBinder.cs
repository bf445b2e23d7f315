using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>
/// Binds the optional <c>expectedUtility:</c> section: the order of each discrete issue's options on the 0–100
/// dimension, explicit capability/position/salience per actor and issue, and the number of rounds.
/// </summary>
internal static class ExpectedUtilityBinder
{
    public static ExpectedUtilityDesign? Bind(BindContext context, YamlNode node, ScenarioIndex index)
    {
        if (context.Fields(node, "expectedUtility", "scales", "actors", "rounds") is not { } fields)
        {
            return null;
        }

        var scales = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (issueId, key, value) in IdMap.Entries(context, fields.Optional("scales"), "expectedUtility.scales"))
        {
            if (context.CheckReference(issueId, key, index.IssueIds, "issue", "in expectedUtility.scales")
                && Scale(context, issueId, value, index) is { } order)
            {
                scales[issueId] = order;
            }
        }

        var inputs = new List<ExpectedUtilityInput>();
        foreach (var (actorId, actorKey, actorValue) in IdMap.Entries(context, fields.Optional("actors"), "expectedUtility.actors"))
        {
            if (!context.CheckReference(actorId, actorKey, index.ActorIds, "actor", "in expectedUtility.actors"))
            {
                continue;
            }

            foreach (var (issueId, issueKey, issueValue) in IdMap.Entries(context, actorValue, $"expectedUtility.actors.{actorId}"))
            {
                var where = $"expectedUtility.actors.{actorId}.{issueId}";
                if (!context.CheckReference(issueId, issueKey, index.IssueIds, "issue", $"in expectedUtility.actors.{actorId}")
                    || context.Fields(issueValue, where, "capability", "position", "salience") is not { } entry)
                {
                    continue;
                }

                var capability = entry.Required("capability", "<capability, >= 0>") is { } c ? context.Uncertain(c, entry.PathOf("capability"), Limits.NonNegative) : null;
                var position = entry.Required("position", "<position on the issue's 0-100 dimension>") is { } p ? context.Uncertain(p, entry.PathOf("position"), Limits.Within(0, 100)) : null;
                var salience = entry.Required("salience", "<salience in [0, 1]>") is { } s ? context.Uncertain(s, entry.PathOf("salience"), Limits.Unit) : null;
                if (capability is not null && position is not null && salience is not null)
                {
                    inputs.Add(new ExpectedUtilityInput(actorId, issueId, capability, position, salience) { Location = entry.Position });
                }
            }
        }

        var rounds = fields.Integer("rounds", 1);
        if (rounds > 1000)
        {
            context.Error(fields.Optional("rounds")!, $"expectedUtility.rounds is {rounds}; expected at most 1000");
            rounds = null;
        }

        return new ExpectedUtilityDesign(scales, inputs, rounds) { Position = fields.Position };
    }

    /// <summary>A discrete issue's options in order: each option exactly once.</summary>
    private static IReadOnlyList<string>? Scale(BindContext context, string issueId, YamlNode node, ScenarioIndex index)
    {
        if (context.IdList(node, $"expectedUtility.scales.{issueId}") is not { } ids)
        {
            return null;
        }

        if (!index.Issues.TryGetValue(issueId, out var issue))
        {
            return null;
        }

        if (issue.Kind != IssueKind.Discrete)
        {
            context.Error(node, $"expectedUtility.scales.{issueId}: issue '{issueId}' is continuous and is placed on 0-100 by its range; expected scales only for discrete issues");
            return null;
        }

        var options = issue.Options.Select(o => o.Id).ToArray();
        var ok = true;
        foreach (var (id, item) in ids)
        {
            ok &= context.CheckReference(id, item, options, "option", $"of issue '{issueId}'");
        }

        var listed = ids.Select(i => i.Id).ToArray();
        if (ok && (listed.Length != options.Length || listed.Distinct().Count() != listed.Length))
        {
            context.Error(node, $"expectedUtility.scales.{issueId} lists {string.Join(", ", listed)}; expected every option of '{issueId}' exactly once, in order ({string.Join(", ", options)})");
            ok = false;
        }

        return ok ? listed : null;
    }
}
