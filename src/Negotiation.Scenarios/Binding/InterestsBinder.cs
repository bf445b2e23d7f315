using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>
/// Binds an actor's <c>interests:</c> — per issue a weight and a valuation: values per option (discrete), or an
/// ideal point with a loss shape, or a piecewise-linear curve (continuous).
/// </summary>
internal static class InterestsBinder
{
    internal static readonly string[] Keys = ["weight", "values", "ideal", "loss", "curve"];

    private static readonly Dictionary<string, LossShape> Losses = new()
    {
        ["linear"] = LossShape.Linear,
        ["quadratic"] = LossShape.Quadratic,
    };

    public static IReadOnlyList<Interest> Bind(BindContext context, YamlNode? section, string path, ScenarioIndex index)
    {
        var interests = new List<Interest>();
        var entries = IdMap.Entries(context, section, path);
        foreach (var (issueId, key, value) in entries)
        {
            if (!context.CheckReference(issueId, key, index.IssueIds, "issue"))
            {
                continue;
            }

            if (Bind(context, issueId, value, $"{path}.{issueId}", index) is { } interest)
            {
                interests.Add(interest with { Position = key.Position });
            }
        }

        if (interests.Count > 0 && interests.Count == entries.Count && interests.All(i => i.Weight.Upper == 0))
        {
            context.Error(section!, $"every weight in {path} is 0; expected at least one issue with a weight above 0");
        }

        return interests;
    }

    private static Interest? Bind(BindContext context, string issueId, YamlNode node, string path, ScenarioIndex index)
    {
        if (context.Fields(node, path, Keys) is not { } fields)
        {
            return null;
        }

        var weight = fields.Required("weight", "<salience >= 0>") is { } weightNode
            ? context.Uncertain(weightNode, fields.PathOf("weight"), Limits.NonNegative)
            : null;
        if (!index.Issues.TryGetValue(issueId, out var issue))
        {
            return null;
        }

        return issue.Kind == IssueKind.Discrete
            ? BindDiscrete(context, fields, issue, weight)
            : BindContinuous(context, fields, issue, weight);
    }

    private static Interest? BindDiscrete(BindContext context, Fields fields, Issue issue, Uncertain? weight)
    {
        RejectKeys(context, fields, "a continuous", "values: {option: value}", "ideal", "loss", "curve");
        if (fields.Required("values", "{<option>: <value between 0 and 1>}") is not { } valuesNode
            || context.Fields(valuesNode, fields.PathOf("values"), issue.Options.Select(o => o.Id).ToArray()) is not { } values)
        {
            return null;
        }

        var optionValues = new Dictionary<string, Uncertain>();
        var ok = true;
        foreach (var entry in values.Mapping.Entries)
        {
            if (issue.IndexOf(entry.Key.Value) < 0)
            {
                ok = false;
                continue;
            }

            if (context.Uncertain(entry.Value, values.PathOf(entry.Key.Value), Limits.Unit) is { } value)
            {
                optionValues[entry.Key.Value] = value;
            }
            else
            {
                ok = false;
            }
        }

        return ok && weight is not null ? new Interest(issue.Id, weight, optionValues, null) : null;
    }

    private static Interest? BindContinuous(BindContext context, Fields fields, Issue issue, Uncertain? weight)
    {
        RejectKeys(context, fields, "a discrete", "ideal: <number> or curve: [[x, value], ...]", "values");
        var ideal = fields.Uncertain("ideal", Limits.Within(issue.Min, issue.Max));
        var loss = fields.Choice("loss", Losses, LossShape.Linear);
        var curveNode = fields.Optional("curve");
        var hasIdeal = fields.Optional("ideal") is not null;
        if (hasIdeal == (curveNode is not null))
        {
            context.Error(fields.Mapping,
                $"{fields.Where} has {(hasIdeal ? "both 'ideal' and 'curve'" : "neither 'ideal' nor 'curve'")}; expected ideal: <number in [{Format.Number(issue.Min)}, {Format.Number(issue.Max)}]> or curve: [[x, value], ...]");
            return null;
        }

        if (curveNode is not null)
        {
            if (fields.Optional("loss") is { } lossNode)
            {
                context.Error(lossNode, $"{fields.PathOf("loss")} is set with a curve; expected loss only with ideal");
            }

            var curve = BindCurve(context, curveNode, fields.PathOf("curve"));
            return curve is not null && weight is not null ? new Interest(issue.Id, weight, null, null, Curve: curve) : null;
        }

        return ideal is not null && weight is not null ? new Interest(issue.Id, weight, null, ideal, loss) : null;
    }

    private static IReadOnlyList<CurvePoint>? BindCurve(BindContext context, YamlNode node, string path)
    {
        if (context.Sequence(node, path) is not { } sequence)
        {
            return null;
        }

        var points = new List<CurvePoint>();
        var ok = sequence.Items.Count > 0;
        if (!ok)
        {
            context.Error(node, $"{path} is empty; expected at least one point [x, value]");
        }

        foreach (var item in sequence.Items)
        {
            if (item is not YamlSequence { Items.Count: 2 } pair)
            {
                context.Error(item, $"a point of {path} is {item.Describe()}; expected [x, value]");
                ok = false;
                continue;
            }

            var x = context.Number(pair.Items[0], $"x of a point of {path}");
            var value = context.Number(pair.Items[1], $"value of a point of {path}", Limits.Unit);
            if (x is null || value is null)
            {
                ok = false;
                continue;
            }

            if (points.Count > 0 && x <= points[^1].X)
            {
                context.Error(item, $"{path} has x = {Format.Number(x.Value)} after x = {Format.Number(points[^1].X)}; expected x in ascending order");
                ok = false;
            }

            points.Add(new CurvePoint(x.Value, value.Value));
        }

        return ok ? points : null;
    }

    private static void RejectKeys(BindContext context, Fields fields, string kind, string expected, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (fields.Mapping.Find(key) is { } entry)
            {
                context.Error(entry.Key, $"'{key}' in {fields.Where} applies to {kind} issue; expected {expected}");
            }
        }
    }
}
