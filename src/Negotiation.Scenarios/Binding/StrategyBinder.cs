using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>
/// Binds an actor's strategy: a preset name (boulware e = 0.2, linear e = 1, conceder e = 2, tit-for-tat,
/// hardliner, outside-option) or a mapping with a type and parameters overriding the preset's.
/// </summary>
internal static class StrategyBinder
{
    internal static readonly string[] Keys = ["type", "e", "start", "floor", "reciprocity", "level"];

    private static readonly Dictionary<string, (StrategyKind Kind, double E)> Presets = new()
    {
        ["time-dependent"] = (StrategyKind.TimeDependent, 1),
        ["boulware"] = (StrategyKind.TimeDependent, 0.2),
        ["linear"] = (StrategyKind.TimeDependent, 1),
        ["conceder"] = (StrategyKind.TimeDependent, 2),
        ["tit-for-tat"] = (StrategyKind.TitForTat, 1),
        ["hardliner"] = (StrategyKind.Hardliner, 1),
        ["outside-option"] = (StrategyKind.OutsideOption, 1),
    };

    public static StrategySpec? Bind(BindContext context, YamlNode? node, string path)
    {
        if (node is null)
        {
            return StrategySpec.Linear();
        }

        if (node is not YamlMapping)
        {
            if (Fields.ContextChoice(context, node, path, Presets) is not (true, var preset))
            {
                return null;
            }

            if (preset.Kind == StrategyKind.Hardliner)
            {
                context.Error(node, $"{path} is hardliner without a level; expected {{type: hardliner, level: <aspiration between 0 and 1>}}");
                return null;
            }

            return new StrategySpec(preset.Kind, preset.E, 1.0, Reciprocity: preset.Kind == StrategyKind.TitForTat ? 1.0 : null);
        }

        if (context.Fields(node, path, Keys) is not { } fields || fields.Required("type", "boulware") is not { } typeNode)
        {
            return null;
        }

        if (Fields.ContextChoice(context, typeNode, fields.PathOf("type"), Presets) is not (true, var (kind, defaultE)))
        {
            return null;
        }

        var exponent = fields.Uncertain("e", Limits.Positive);
        var start = fields.Uncertain("start", Limits.Unit);
        var floor = fields.Uncertain("floor", Limits.Unit);
        var reciprocity = fields.Uncertain("reciprocity", Limits.NonNegative);
        var level = fields.Uncertain("level", Limits.Unit);
        if (kind == StrategyKind.Hardliner && fields.Optional("level") is null)
        {
            context.Error(node, $"missing required key 'level' in {path}; expected level: <aspiration between 0 and 1> for a hardliner");
            return null;
        }

        return new StrategySpec(kind, exponent ?? defaultE, start ?? 1.0, floor,
            reciprocity ?? (kind == StrategyKind.TitForTat ? 1.0 : null), level);
    }
}
