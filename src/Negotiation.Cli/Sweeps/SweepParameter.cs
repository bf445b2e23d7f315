using System.Globalization;

namespace Negotiation.Cli.Sweeps;

/// <summary>
/// One <c>--param</c> of <c>negotiate sweep</c>: a scenario path and the values it takes, parsed from
/// <c>PATH=FROM:TO:STEP</c> (FROM, FROM+STEP, ... up to TO inclusive) or <c>PATH=v1,v2,v3</c>. Values are
/// swept in ascending order; at least two distinct values are needed.
/// </summary>
public sealed record SweepParameter(string Path, IReadOnlyList<double> Values)
{
    /// <summary>The most values one parameter may take: each point loads and compiles the scenario once.</summary>
    public const int MaxValues = 10_000;

    public const string Syntax = "PATH=FROM:TO:STEP or PATH=v1,v2,... (e.g. actors.russia.reservation=0.2:0.6:0.05)";

    /// <summary>Parses one --param value; on failure returns null and the message to print.</summary>
    public static SweepParameter? Parse(string text, out string? error)
    {
        error = null;
        var prefix = $"--param '{text}': ";
        var equals = text.IndexOf('=');
        var path = equals < 0 ? "" : text[..equals].Trim();
        var rhs = equals < 0 ? "" : text[(equals + 1)..].Trim();
        if (path.Length == 0 || rhs.Length == 0)
        {
            error = prefix + "expected " + Syntax;
            return null;
        }

        var values = rhs.Contains(':') ? Range(rhs, out error) : List(rhs, out error);
        if (values is null)
        {
            error = prefix + error;
            return null;
        }

        return new SweepParameter(path, values);
    }

    private static double[]? Range(string rhs, out string? error)
    {
        var parts = rhs.Split(':');
        if (parts.Length != 3)
        {
            error = "a range is FROM:TO:STEP, with three numbers; expected " + Syntax;
            return null;
        }

        if (!Number(parts[0], out var from, out error) || !Number(parts[1], out var to, out error) || !Number(parts[2], out var step, out error))
        {
            return null;
        }

        if (step <= 0)
        {
            error = $"STEP must be positive, got {Format(step)}";
            return null;
        }

        if (from > to)
        {
            error = $"the range is reversed: FROM {Format(from)} is above TO {Format(to)}; write FROM:TO:STEP with FROM < TO";
            return null;
        }

        if (from == to)
        {
            error = $"the range is empty: FROM and TO are both {Format(from)}; give FROM < TO, or list the values";
            return null;
        }

        // The small tolerance keeps TO in the range when (TO − FROM)/STEP is a whole number up to rounding (0.4/0.05).
        var intervals = Math.Floor((to - from) / step + 1e-9);
        if (intervals + 1 > MaxValues)
        {
            error = string.Format(CultureInfo.InvariantCulture, "the range has {0:N0} values; at most {1:N0} per parameter", intervals + 1, MaxValues);
            return null;
        }

        if (intervals < 1)
        {
            error = $"STEP {Format(step)} is larger than the range {Format(from)} to {Format(to)}, which leaves one value; a sweep needs at least two";
            return null;
        }

        var values = new double[(int)intervals + 1];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Point(from, step, i);
        }

        error = null;
        return values;
    }

    /// <summary>
    /// FROM + i·STEP in decimal arithmetic, so that the values are the decimals the user meant: −0.07 + 7·0.01 is 0,
    /// not 1.4·10⁻¹⁷, and 0.1 + 2·0.1 is 0.3. Numbers beyond decimal's range (about 7.9·10²⁸) use doubles.
    /// </summary>
    private static double Point(double from, double step, int i)
    {
        try
        {
            return (double)((decimal)from + i * (decimal)step);
        }
        catch (OverflowException)
        {
            return from + i * step;
        }
    }

    private static double[]? List(string rhs, out string? error)
    {
        var parts = rhs.Split(',');
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!Number(parts[i], out values[i], out error))
            {
                return null;
            }
        }

        if (values.Length < 2)
        {
            error = $"a sweep needs at least two values, got only {Format(values[0])}";
            return null;
        }

        Array.Sort(values);
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] == values[i - 1])
            {
                error = $"the value {Format(values[i])} is listed twice";
                return null;
            }
        }

        if (values.Length > MaxValues)
        {
            error = string.Format(CultureInfo.InvariantCulture, "{0:N0} values; at most {1:N0} per parameter", values.Length, MaxValues);
            return null;
        }

        error = null;
        return values;
    }

    private static bool Number(string text, out double value, out string? error)
    {
        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            error = null;
            return true;
        }

        error = $"'{trimmed}' is not a number; expected {Syntax}";
        return false;
    }

    public static string Format(double value) => value.ToString("G10", CultureInfo.InvariantCulture);
}
