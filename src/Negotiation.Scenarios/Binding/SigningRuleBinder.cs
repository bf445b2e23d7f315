using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>Binds a signing or consent rule: <c>unanimity</c>, <c>majority</c> or <c>{quota: n}</c>.</summary>
internal static class SigningRuleBinder
{
    private static readonly Dictionary<string, SigningRule> Names = new()
    {
        ["unanimity"] = SigningRule.Unanimity,
        ["majority"] = SigningRule.Majority,
    };

    /// <param name="count">How many the rule counts over (members, signatories), when known: a quota above it can never be met.</param>
    public static SigningRule? Bind(BindContext context, YamlNode node, string path, int? count)
    {
        if (node is YamlMapping)
        {
            if (context.Fields(node, path, "quota") is not { } fields || fields.Required("quota", "<how many must agree>") is not { } quotaNode)
            {
                return null;
            }

            if (context.Integer(quotaNode, fields.PathOf("quota"), 1) is not { } quota)
            {
                return null;
            }

            if (count is { } n && quota > n)
            {
                context.Error(quotaNode, $"{fields.PathOf("quota")} is {quota} but only {n} can agree; expected a quota between 1 and {n}");
                return null;
            }

            return new SigningRule(SigningRuleKind.Quota, quota);
        }

        if (node is YamlScalar { IsNull: false } scalar && !Names.ContainsKey(scalar.Value))
        {
            var closest = Suggestions.Closest(scalar.Value, Names.Keys);
            context.Error(node, $"{path} is '{scalar.Value}'; " + (closest is null ? "expected unanimity, majority or {quota: n}" : $"did you mean '{closest}'?"));
            return null;
        }

        return Fields.ContextChoice(context, node, path, Names) is (true, var rule) ? rule : null;
    }
}
