using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>
/// The keys of one mapping: reports unknown keys (with a "did you mean") when created, then hands out the
/// values of known keys, reporting required ones that are missing at the mapping itself.
/// </summary>
internal sealed class Fields
{
    private readonly BindContext _context;
    private readonly string _where;

    public Fields(BindContext context, YamlMapping mapping, string where, IReadOnlyCollection<string> allowed)
    {
        _context = context;
        _where = where;
        Mapping = mapping;
        var allowedSet = allowed as IReadOnlySet<string> ?? allowed.ToHashSet();
        foreach (var entry in mapping.Entries)
        {
            if (!allowedSet.Contains(entry.Key.Value) && !context.Diagnostics.IsFull)
            {
                context.Error(entry.Key, $"unknown key '{Format.Clip(entry.Key.Value)}' {In}; {Suggestions.Hint(entry.Key.Value, allowed, "one of")}");
            }
        }
    }

    public YamlMapping Mapping { get; }

    /// <summary>The dotted path of this mapping from the document root ("" at the top level).</summary>
    public string Where => _where;

    private string In => _where.Length == 0 ? "at the top level" : $"in {_where}";

    /// <summary>The dotted path of one of this mapping's keys, as used in messages, variants and sweeps.</summary>
    public string PathOf(string key) => _where.Length == 0 ? key : $"{_where}.{key}";

    public SourcePosition Position => Mapping.Position;

    /// <summary>The value of <paramref name="key"/>, or null when absent or written as nothing.</summary>
    public YamlNode? Optional(string key) => Mapping[key] is { } node && node is not YamlScalar { IsNull: true } ? node : null;

    public YamlNode? Required(string key, string example)
    {
        if (Optional(key) is { } node)
        {
            return node;
        }

        _context.Error(Mapping, $"missing required key '{key}' {In}; expected {key}: {example}");
        return null;
    }

    public string? Text(string key) => Optional(key) is { } node ? _context.Text(node, PathOf(key)) : null;

    /// <summary>
    /// The optional <c>short:</c> label: text of 1 to <see cref="ShortLabel.MaxLength"/> characters on one line, or null
    /// when absent or wrong (reported at the value).
    /// </summary>
    /// <param name="what">How messages name the value; default the dotted path of <c>short</c>.</param>
    public string? Short(string? what = null)
    {
        what ??= PathOf("short");
        if (Optional("short") is not { } node || _context.Text(node, what) is not { } text)
        {
            return null;
        }

        var length = new System.Globalization.StringInfo(text).LengthInTextElements;
        if (text.Trim().Length == 0)
        {
            _context.Error(node, $"{what} is blank; expected a short label of 1 to {ShortLabel.MaxLength} characters, or no short: at all (the name is then wrapped)");
            return null;
        }

        if (text.Contains('\n') || text.Contains('\t'))
        {
            _context.Error(node, $"{what} has a {(text.Contains('\n') ? "line break" : "tab")}; expected a short label on one line");
            return null;
        }

        if (length > ShortLabel.MaxLength)
        {
            _context.Error(node, $"{what} has {length} characters; expected at most {ShortLabel.MaxLength} (it labels legends and table headers; the name is for the full text)");
            return null;
        }

        return text.Trim();
    }

    public double? Number(string key, Limits limits) =>
        Optional(key) is { } node ? _context.Number(node, PathOf(key), limits) : null;

    public int? Integer(string key, int min, int max = int.MaxValue) =>
        Optional(key) is { } node ? _context.Integer(node, PathOf(key), min, max) : null;

    public Uncertain? Uncertain(string key, Limits limits) =>
        Optional(key) is { } node ? _context.Uncertain(node, PathOf(key), limits) : null;

    /// <summary>An enumeration written as one of <paramref name="names"/>, or <paramref name="fallback"/> when absent.</summary>
    public T Choice<T>(string key, IReadOnlyDictionary<string, T> names, T fallback)
    {
        if (Optional(key) is not { } node)
        {
            return fallback;
        }

        return ContextChoice(_context, node, PathOf(key), names) is (true, var value) ? value : fallback;
    }

    public static (bool Found, T Value) ContextChoice<T>(BindContext context, YamlNode node, string what, IReadOnlyDictionary<string, T> names)
    {
        if (context.Text(node, what) is not { } text)
        {
            return (false, default!);
        }

        if (names.TryGetValue(text, out var value))
        {
            return (true, value);
        }

        context.Error(node, $"{what} is '{text}'; {Suggestions.Hint(text, names.Keys.ToArray(), "one of")}");
        return (false, default!);
    }
}
