using System.Globalization;
using Negotiation.Core.Common;
using Negotiation.Scenarios.Paths;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>One variant as written: its identity and the base tree with its <c>set</c> and <c>remove</c> applied.</summary>
internal sealed record VariantTree(string Id, string Name, string? Description, YamlMapping Root)
{
    /// <summary>The variant's <c>short:</c> label, or null.</summary>
    public string? Short { get; init; }
}

/// <summary>
/// Applies variants' <c>set</c>/<c>remove</c> and sweep overrides to copies of the base tree. A path that does
/// not exist is reported at the path as written in the variant (or, for a sweep, at the top of the file).
/// </summary>
internal static class VariantsBinder
{
    public static IReadOnlyList<VariantTree> Bind(BindContext context, YamlNode? section, YamlMapping baseRoot, string baselineId)
    {
        var variants = new List<VariantTree>();
        foreach (var (id, key, value) in IdMap.Entries(context, section, "variants"))
        {
            if (id == baselineId)
            {
                context.Error(key, $"variant id '{id}' is the baseline's id; expected a distinct id (or rename the baseline with baseline: {{id: ...}})");
                continue;
            }

            var path = $"variants.{id}";
            if (context.Fields(value, path, "name", "short", "description", "set", "remove") is not { } fields)
            {
                continue;
            }

            var root = baseRoot;
            if (fields.Optional("set") is { } setNode && context.Fields(setNode, fields.PathOf("set"), [.. EveryKey(setNode)]) is { } set)
            {
                foreach (var entry in set.Mapping.Entries)
                {
                    root = Apply(context, root, entry.Key, nodePath => nodePath.Set(root, entry.Value, out var error) is { } r ? (r, null) : (null, error));
                }
            }

            if (fields.Optional("remove") is { } removeNode && context.Sequence(removeNode, fields.PathOf("remove")) is { } remove)
            {
                foreach (var item in remove.Items)
                {
                    if (item is not YamlScalar { IsNull: false } pathScalar)
                    {
                        context.Error(item, $"an entry of {fields.PathOf("remove")} is {item.Describe()}; expected a dotted path");
                        continue;
                    }

                    root = Apply(context, root, pathScalar, nodePath => nodePath.Remove(root, out var error) is { } r ? (r, null) : (null, error));
                }
            }

            variants.Add(new VariantTree(id, fields.Text("name") ?? id, fields.Text("description"), root) { Short = fields.Short() });
        }

        return variants;
    }

    /// <summary>
    /// Applies sweep overrides: each path must exist and name a number (possibly a field of a distribution), or a
    /// whole distribution, which the number replaces (sweeping a parameter the file leaves uncertain).
    /// </summary>
    public static YamlMapping ApplyOverrides(BindContext context, YamlMapping root, IReadOnlyList<ParameterOverride> overrides, SourcePosition top)
    {
        foreach (var parameter in overrides)
        {
            var prefix = $"parameter override '{parameter.Path}'";
            if (NodePath.Parse(parameter.Path) is not { } path)
            {
                context.Diagnostics.Error(top, $"{prefix}: {NodePath.InvalidMessage(parameter.Path)}");
                continue;
            }

            if (!double.IsFinite(parameter.Value))
            {
                context.Diagnostics.Error(top, $"{prefix}: the value is {Format.Number(parameter.Value)}; expected a finite number");
                continue;
            }

            if (path.Get(root, out var missing) is not { } current)
            {
                context.Diagnostics.Error(top, $"{prefix}: {missing?.Message}");
                continue;
            }

            if (!IsNumeric(current))
            {
                context.Diagnostics.Error(top, $"{prefix}: {parameter.Path} is {current.Describe()}, not a number; expected a path to a number or a distribution");
                continue;
            }

            var scalar = new YamlScalar(top, parameter.Value.ToString("R", CultureInfo.InvariantCulture), false);
            root = (YamlMapping)path.Set(root, scalar, out _)!;
        }

        return root;
    }

    /// <summary>
    /// Whether two documents say the same everywhere except <c>protocol.opening</c> (positions aside): entries in the
    /// same order with the same keys, scalars with the same text and quoting.
    /// </summary>
    public static bool OnlyOpeningDiffers(YamlMapping baseline, YamlMapping variant) =>
        SameContent(baseline.Without("protocol"), variant.Without("protocol"))
        && baseline["protocol"] is YamlMapping a && variant["protocol"] is YamlMapping b
        && SameContent(a.Without("opening"), b.Without("opening"));

    private static bool SameContent(YamlNode? x, YamlNode? y) => (x, y) switch
    {
        (null, null) => true,
        (YamlScalar s, YamlScalar t) => s.Value == t.Value && s.IsQuoted == t.IsQuoted,
        (YamlSequence s, YamlSequence t) => s.Items.Count == t.Items.Count && s.Items.Zip(t.Items).All(p => SameContent(p.First, p.Second)),
        (YamlMapping s, YamlMapping t) => s.Entries.Count == t.Entries.Count
            && s.Entries.Zip(t.Entries).All(p => p.First.Key.Value == p.Second.Key.Value && SameContent(p.First.Value, p.Second.Value)),
        _ => false,
    };

    private static bool IsNumeric(YamlNode node) =>
        node is YamlScalar scalar && BindContext.TryParseNumber(scalar.Value, out _) || node is YamlMapping mapping && mapping["dist"] is not null;

    private static YamlMapping Apply(BindContext context, YamlMapping root, YamlScalar pathNode, Func<NodePath, (YamlNode? Root, PathError? Error)> apply)
    {
        if (NodePath.Parse(pathNode.Value) is not { } path)
        {
            context.Error(pathNode, NodePath.InvalidMessage(pathNode.Value));
            return root;
        }

        var (result, error) = apply(path);
        if (result is YamlMapping changed)
        {
            return changed;
        }

        if (error is null)
        {
            context.Error(pathNode, $"path '{pathNode.Value}' cannot be changed; expected a path inside the document");
            return root;
        }

        // Point at the missing segment itself when the path is written plainly on one line.
        var position = pathNode.IsQuoted
            ? pathNode.Position
            : pathNode.Position with { Column = pathNode.Position.Column + path.OffsetOf(error.Segment) };
        context.Diagnostics.Error(position, error.Message);
        return root;
    }

    private static IEnumerable<string> EveryKey(YamlNode node) =>
        node is YamlMapping mapping ? mapping.Entries.Select(e => e.Key.Value) : [];
}
