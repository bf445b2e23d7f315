using System.Globalization;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Paths;

/// <summary>
/// A dotted path from the document root (<c>actors.russia.reservation</c>, <c>events.sanctions.effects.0</c>)
/// and the operations variants and sweeps perform with it on an immutable node tree. Mapping keys are
/// addressed by name, list items by their 0-based index.
/// </summary>
public sealed record NodePath(string Text, IReadOnlyList<string> Segments)
{
    /// <summary>Splits <paramref name="text"/>; null when a segment is empty.</summary>
    public static NodePath? Parse(string text)
    {
        var segments = text.Split('.');
        return segments.Any(s => s.Length == 0) ? null : new NodePath(text, segments);
    }

    public static string InvalidMessage(string text) =>
        $"path '{text}' is not valid; expected dot-separated keys such as actors.russia.reservation";

    /// <summary>Where segment <paramref name="index"/> starts within the path's text.</summary>
    public int OffsetOf(int index) => Segments.Take(index).Sum(s => s.Length + 1);

    /// <summary>The node at the path, or null with <paramref name="error"/> saying which segment is missing.</summary>
    public YamlNode? Get(YamlNode root, out PathError? error)
    {
        var node = root;
        for (var i = 0; i < Segments.Count; i++)
        {
            node = Child(node, i, out error);
            if (node is null)
            {
                return null;
            }
        }

        error = null;
        return node;
    }

    /// <summary>A copy of <paramref name="root"/> with the node at the path replaced or, when only the last key is missing, added.</summary>
    public YamlNode? Set(YamlNode root, YamlNode value, out PathError? error) => Rebuild(root, 0, value, out error);

    /// <summary>A copy of <paramref name="root"/> without the node at the path, which must exist.</summary>
    public YamlNode? Remove(YamlNode root, out PathError? error) => Rebuild(root, 0, null, out error);

    private YamlNode? Rebuild(YamlNode node, int i, YamlNode? value, out PathError? error)
    {
        var segment = Segments[i];
        var last = i == Segments.Count - 1;
        if (last && node is YamlMapping lastMapping && (value is not null || lastMapping.Find(segment) is not null))
        {
            error = null;
            return value is null
                ? lastMapping.Without(segment)
                : lastMapping.With(lastMapping.Find(segment)?.Key ?? new YamlScalar(value.Position, segment, false), value);
        }

        var child = Child(node, i, out error);
        if (child is null)
        {
            return null;
        }

        var replacement = last ? value : Rebuild(child, i + 1, value, out error);
        if (!last && replacement is null)
        {
            return null;
        }

        error = null;
        return node switch
        {
            YamlMapping mapping => mapping.With(mapping.Find(segment)!.Key, replacement!),
            YamlSequence sequence => sequence with { Items = Replace(sequence.Items, int.Parse(segment, CultureInfo.InvariantCulture), replacement) },
            _ => null,
        };
    }

    private static List<YamlNode> Replace(IReadOnlyList<YamlNode> items, int index, YamlNode? replacement)
    {
        var copy = items.ToList();
        if (replacement is null)
        {
            copy.RemoveAt(index);
        }
        else
        {
            copy[index] = replacement;
        }

        return copy;
    }

    /// <summary>The child named by segment <paramref name="i"/>, or null with a message naming the first missing segment.</summary>
    private YamlNode? Child(YamlNode node, int i, out PathError? error)
    {
        var segment = Segments[i];
        var parent = i == 0 ? "the top level" : string.Join('.', Segments.Take(i));
        error = null;
        switch (node)
        {
            case YamlMapping mapping when mapping[segment] is { } child:
                return child;
            case YamlMapping mapping:
                var keys = mapping.Entries.Select(e => e.Key.Value).ToArray();
                error = new PathError(i, $"path '{Text}' does not exist: {parent} has no key '{segment}'; {Suggestions.Hint(segment, keys, "one of")}");
                return null;
            case YamlSequence sequence when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                                            && index < sequence.Items.Count:
                return sequence.Items[index];
            case YamlSequence sequence:
                error = new PathError(i, $"path '{Text}' does not exist: {parent} has no item '{segment}'; expected an index from 0 to {sequence.Items.Count - 1}");
                return null;
            default:
                error = new PathError(i, $"path '{Text}' does not exist: {parent} is {node.Describe()}, which has no keys; expected a path through mappings");
                return null;
        }
    }
}

/// <summary>Why a path cannot be followed: the first segment that does not exist, and the message to show.</summary>
public sealed record PathError(int Segment, string Message);
