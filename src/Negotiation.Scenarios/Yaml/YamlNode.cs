using Negotiation.Core.Common;

namespace Negotiation.Scenarios.Yaml;

/// <summary>
/// A node of a parsed scenario file. The tree is immutable so that variants can be applied to a shared base
/// by rebuilding only the spine of the changed path; every node keeps the position it was written at, so a
/// value a variant sets points at the variant's text.
/// </summary>
public abstract record YamlNode(SourcePosition Position)
{
    /// <summary>A short description of the node for messages: <c>'abc'</c>, <c>a mapping</c>, <c>a list</c>.</summary>
    public abstract string Describe();
}

/// <summary>A scalar; <see cref="IsNull"/> when written as nothing, <c>~</c> or <c>null</c> without quotes.</summary>
public sealed record YamlScalar(SourcePosition Position, string Value, bool IsQuoted) : YamlNode(Position)
{
    public bool IsNull => !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing" : $"'{Binding.Format.Clip(Value)}'";
}

/// <summary>One key and value of a mapping.</summary>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

/// <summary>A mapping; keys are unique (the reader reports and drops duplicates) and keep file order.</summary>
public sealed record YamlMapping : YamlNode
{
    private readonly IReadOnlyList<YamlEntry> _entries = [];

    // Built on first lookup so that large mappings are searched in constant time; reset whenever Entries is set
    // (including by a with-expression), so a copy never uses its original's index.
    private Dictionary<string, YamlEntry>? _index;

    public YamlMapping(SourcePosition position, IReadOnlyList<YamlEntry> entries) : base(position)
    {
        Entries = entries;
    }

    public IReadOnlyList<YamlEntry> Entries
    {
        get => _entries;
        init
        {
            _entries = value;
            _index = null;
        }
    }

    public override string Describe() => "a mapping";

    public YamlEntry? Find(string key)
    {
        _index ??= _entries.ToDictionary(e => e.Key.Value);
        return _index.GetValueOrDefault(key);
    }

    public YamlNode? this[string key] => Find(key)?.Value;

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="value"/> (replaced in place, or appended).</summary>
    public YamlMapping With(YamlScalar key, YamlNode value)
    {
        var entries = Entries.ToList();
        var index = entries.FindIndex(e => e.Key.Value == key.Value);
        if (index >= 0)
        {
            entries[index] = entries[index] with { Value = value };
        }
        else
        {
            entries.Add(new YamlEntry(key, value));
        }

        return this with { Entries = entries };
    }

    /// <summary>A copy without <paramref name="key"/>.</summary>
    public YamlMapping Without(string key) => this with { Entries = Entries.Where(e => e.Key.Value != key).ToList() };
}

/// <summary>A sequence (a YAML list).</summary>
public sealed record YamlSequence(SourcePosition Position, IReadOnlyList<YamlNode> Items) : YamlNode(Position)
{
    public override string Describe() => "a list";
}
