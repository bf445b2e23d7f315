using System.Globalization;
using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Cli.Serve;

/// <summary>
/// One uncertain parameter of the baseline that the what-if page offers a control for: its name in sensitivity
/// reports (<paramref name="Parameter"/>), the node of the scenario file that holds its distribution
/// (<paramref name="NodePath"/>, the path a variant's <c>set</c> and a sweep's <c>--param</c> use), the distribution,
/// the fields a shift moves, and how strongly it moved the outcomes in the startup run (<paramref name="Influence"/>,
/// the largest absolute sensitivity coefficient over the variants).
/// </summary>
public sealed record WhatIfParameter(
    string Parameter,
    string NodePath,
    Uncertain Distribution,
    IReadOnlyList<ShiftField> ShiftFields,
    double Influence)
{
    /// <summary>Whether the distribution can be moved sideways (every form but the log-normal, which is multiplicative).</summary>
    public bool Shiftable => ShiftFields.Count > 0;

    /// <summary>The range a pin may take on the page: the distribution's support, or mean ± 3 sd when it is unbounded.</summary>
    public (double Low, double High) PinRange => Distribution switch
    {
        NormalDist n => (Math.Max(n.Min, n.Mu - 3 * n.Sigma), Math.Min(n.Max, n.Mu + 3 * n.Sigma)),
        LogNormalDist l => (Math.Exp(l.Mu - 3 * l.Sigma), Math.Exp(l.Mu + 3 * l.Sigma)),
        _ => (Distribution.Lower, Distribution.Upper),
    };

    /// <summary>
    /// The shifts the page offers: up to the width of the support either way, and no further than keeps a
    /// non-negative distribution non-negative and one inside [0, 1] inside it (the loader checks the real limits).
    /// </summary>
    public (double Low, double High) ShiftRange
    {
        get
        {
            var (low, high) = PinRange;
            var width = high - low;
            var floor = low >= 0 ? -low : double.NegativeInfinity;
            var ceiling = low >= 0 && high <= 1 ? 1 - high : double.PositiveInfinity;
            return (Math.Max(-width, floor), Math.Min(width, ceiling));
        }
    }

    /// <summary>The overrides that shift the distribution by <paramref name="shift"/>: each location field moved, in decimal arithmetic.</summary>
    public IEnumerable<(string Path, double Value)> Shifted(double shift) =>
        ShiftFields.Select(f => ($"{NodePath}.{f.Key}", Add(f.Value, shift)));

    private static double Add(double value, double shift)
    {
        try
        {
            return (double)((decimal)value + (decimal)shift);
        }
        catch (OverflowException)
        {
            return value + shift;
        }
    }

    /// <summary>
    /// The node holding parameter <paramref name="parameter"/>'s distribution in <paramref name="root"/>: the node at the
    /// parameter's own path when it is a distribution, else the one child of that node that is a distribution and not a
    /// parameter of its own (<c>reservation: {value: ..., trend: ...}</c> → <c>.value</c>; an event effect → <c>.reservation</c>).
    /// Null when there is no such node or its fields do not give <paramref name="distribution"/> exactly.
    /// </summary>
    public static string? FindNode(YamlMapping root, string parameter, Uncertain distribution, ISet<string> parameters)
    {
        if (Scenarios.Paths.NodePath.Parse(parameter) is not { } path || path.Get(root, out _) is not YamlMapping node)
        {
            return null;
        }

        if (node["dist"] is not null)
        {
            return Matches(node, distribution) ? parameter : null;
        }

        var candidates = node.Entries
            .Where(e => e.Value is YamlMapping m && m["dist"] is not null && !parameters.Contains($"{parameter}.{e.Key.Value}"))
            .ToArray();
        return candidates.Length == 1 && Matches((YamlMapping)candidates[0].Value, distribution)
            ? $"{parameter}.{candidates[0].Key.Value}"
            : null;
    }

    /// <summary>The fields a shift moves, with their values in the file; empty for a log-normal.</summary>
    public static IReadOnlyList<ShiftField> ShiftFieldsOf(YamlMapping node, Uncertain distribution)
    {
        string[] keys = distribution switch
        {
            UniformDist or TriangularDist or PertDist => ["min", "mode", "max"],
            NormalDist => ["mean", "min", "max"],
            BetaDist => ["min", "max"],
            _ => [],
        };
        var fields = new List<ShiftField>();
        foreach (var key in keys)
        {
            if (node[key] is YamlScalar scalar && TryParseNumber(scalar.Value, out var value))
            {
                fields.Add(new ShiftField(key, value));
            }
        }

        // A beta written without min/max lives on [0, 1]: a shift writes both.
        if (distribution is BetaDist beta && fields.Count == 0)
        {
            fields.Add(new ShiftField("min", beta.Min));
            fields.Add(new ShiftField("max", beta.Max));
        }

        return fields;
    }

    private static bool Matches(YamlMapping node, Uncertain distribution)
    {
        double Field(string key, double fallback) =>
            node[key] is YamlScalar s && TryParseNumber(s.Value, out var v) ? v : fallback;

        var kind = (node["dist"] as YamlScalar)?.Value;
        return distribution switch
        {
            UniformDist u => kind == "uniform" && Field("min", double.NaN) == u.Min && Field("max", double.NaN) == u.Max,
            PertDist p => kind == "pert" && Field("min", double.NaN) == p.Min && Field("mode", double.NaN) == p.Mode && Field("max", double.NaN) == p.Max,
            TriangularDist t => kind == "triangular" && Field("min", double.NaN) == t.Min && Field("mode", double.NaN) == t.Mode && Field("max", double.NaN) == t.Max,
            NormalDist n => kind == "normal" && Field("mean", double.NaN) == n.Mu && Field("sd", double.NaN) == n.Sigma,
            LogNormalDist l => kind == "lognormal" && Field("mu", double.NaN) == l.Mu && Field("sigma", double.NaN) == l.Sigma,
            BetaDist b => kind == "beta" && Field("alpha", double.NaN) == b.Alpha && Field("beta", double.NaN) == b.Beta,
            _ => false,
        };
    }

    /// <summary>A number as the loader reads one (invariant culture, finite).</summary>
    private static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A location field of a distribution (<c>min</c>, <c>mode</c>, <c>max</c>, <c>mean</c>) and its value in the file.</summary>
public sealed record ShiftField(string Key, double Value);
