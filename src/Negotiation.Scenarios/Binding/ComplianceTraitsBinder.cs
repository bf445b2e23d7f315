using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>Binds an actor's behaviour after signature; unset fields keep <see cref="ComplianceTraits.Default"/>.</summary>
internal static class ComplianceTraitsBinder
{
    private static readonly Dictionary<string, ResponseKind> Responses = new()
    {
        ["grim-trigger"] = ResponseKind.GrimTrigger,
        ["forgiving-tit-for-tat"] = ResponseKind.ForgivingTitForTat,
        ["proportional"] = ResponseKind.Proportional,
    };

    public static ComplianceTraits Bind(BindContext context, YamlNode? node, string path)
    {
        var defaults = ComplianceTraits.Default;
        if (node is null || context.Fields(node, path, "response", "discount", "forgiveness", "tolerance") is not { } fields)
        {
            return defaults;
        }

        return new ComplianceTraits(
            fields.Choice("response", Responses, defaults.Response),
            fields.Uncertain("discount", Limits.OpenUnit) ?? defaults.Discount,
            fields.Uncertain("forgiveness", Limits.Unit) ?? defaults.Forgiveness,
            fields.Uncertain("tolerance", Limits.NonNegative) ?? defaults.Tolerance);
    }
}
