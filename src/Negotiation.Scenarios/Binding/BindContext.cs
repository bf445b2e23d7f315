using System.Globalization;
using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>
/// Shared state and the type-reading helpers of the binders: each helper reports what is wrong at the
/// offending node and returns null, so that binding goes on and finds every other error too.
/// </summary>
internal sealed class BindContext(DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public void Error(YamlNode node, string message) => Diagnostics.Error(node.Position, message);

    /// <summary>Reads <paramref name="node"/> as a mapping with the given allowed keys (unknown keys are reported).</summary>
    public Fields? Fields(YamlNode node, string where, params string[] allowed) => Fields(node, where, (IReadOnlyCollection<string>)allowed);

    public Fields? Fields(YamlNode node, string where, IReadOnlyCollection<string> allowed)
    {
        if (node is YamlMapping mapping)
        {
            return new Fields(this, mapping, where, allowed);
        }

        Error(node, $"{where} is {node.Describe()}; expected a mapping of {Format.List(allowed)}");
        return null;
    }

    public YamlSequence? Sequence(YamlNode node, string what)
    {
        if (node is YamlSequence sequence)
        {
            return sequence;
        }

        Error(node, $"{what} is {node.Describe()}; expected a list such as [a, b]");
        return null;
    }

    public string? Text(YamlNode node, string what)
    {
        if (node is YamlScalar { IsNull: false } scalar)
        {
            if (ScenarioBounds.FirstUnprintable(scalar.Value) is { } at)
            {
                Error(node, $"{what} has the control character U+{(int)scalar.Value[at]:X4} at character {at + 1}; expected printable text (tabs and line breaks are fine)");
                return null;
            }

            return scalar.Value;
        }

        Error(node, $"{what} is {node.Describe()}; expected text");
        return null;
    }

    public double? Number(YamlNode node, string what)
    {
        if (node is YamlScalar { IsNull: false } scalar && TryParseNumber(scalar.Value, out var value))
        {
            return value;
        }

        Error(node, $"{what} is {node.Describe()}; expected a number");
        return null;
    }

    /// <summary>A number that must lie within <paramref name="limits"/>.</summary>
    public double? Number(YamlNode node, string what, Limits limits)
    {
        var value = Number(node, what);
        if (value is { } m && !Limits.WithinMagnitude(m))
        {
            Error(node, $"{what} is {Format.Number(m)}; expected {Limits.MagnitudeText}");
            return null;
        }

        if (value is { } v && !limits.Contains(v))
        {
            Error(node, $"{what} is {Format.Number(v)}; expected {limits.Text}");
            return null;
        }

        return value;
    }

    /// <summary>
    /// A whole number within [<paramref name="min"/>, <paramref name="max"/>]. A whole number written with a
    /// fraction of zero (<c>1.0</c>) is the same number.
    /// </summary>
    public int? Integer(YamlNode node, string what, int min, int max = int.MaxValue)
    {
        var expected = max == int.MaxValue ? $"a whole number >= {min}" : $"a whole number between {min} and {max}";
        if (node is YamlScalar { IsNull: false } scalar && TryParseWhole(scalar.Value, out var value))
        {
            if (value >= min && value <= max)
            {
                return (int)value;
            }

            Error(node, $"{what} is {Format.Clip(scalar.Value)}; expected {expected}");
            return null;
        }

        Error(node, $"{what} is {node.Describe()}; expected {expected}");
        return null;
    }

    /// <summary>A whole number, written as digits or as a number whose fraction is zero (1.0, 1e3).</summary>
    private static bool TryParseWhole(string text, out decimal value)
    {
        value = 0;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            value = whole;
            return true;
        }

        if (TryParseNumber(text, out var number) && Math.Abs(number) < 1e18 && number == Math.Floor(number))
        {
            value = (decimal)number;
            return true;
        }

        return false;
    }

    /// <summary>A number or a distribution, which must lie within <paramref name="limits"/> wherever it can fall.</summary>
    public Uncertain? Uncertain(YamlNode node, string what, Limits limits) =>
        DistributionBinder.Bind(this, node, what, limits);

    /// <summary>A list of ids; a single id is accepted as a list of one.</summary>
    public IReadOnlyList<(string Id, YamlNode Node)>? IdList(YamlNode node, string what)
    {
        if (node is YamlScalar { IsNull: false } single)
        {
            return [(single.Value, single)];
        }

        if (Sequence(node, what) is not { } sequence)
        {
            return null;
        }

        var ids = new List<(string, YamlNode)>();
        foreach (var item in sequence.Items)
        {
            if (Text(item, $"an entry of {what}") is { } id)
            {
                ids.Add((id, item));
            }
        }

        return ids;
    }

    /// <summary>Reports an id that is not among <paramref name="known"/>; true when it is known.</summary>
    public bool CheckReference(string id, YamlNode node, IReadOnlyCollection<string> known, string kind, string? owner = null)
    {
        if (known.Contains(id))
        {
            return true;
        }

        if (Diagnostics.IsFull)
        {
            return false;
        }

        var of = owner is null ? "" : $" {owner}";
        Error(node, $"unknown {kind} '{Format.Clip(id)}'{of}; {Suggestions.Hint(id, known, $"one of the {kind}s")}");
        return false;
    }

    /// <summary>Parses a YAML number: decimal or exponent notation; <c>.inf</c> and <c>.nan</c> are refused (not finite).</summary>
    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
