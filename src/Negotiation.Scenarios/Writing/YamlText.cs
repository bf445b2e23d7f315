using System.Globalization;
using System.Text;

namespace Negotiation.Scenarios.Writing;

/// <summary>
/// YAML scalars written so that any YAML 1.1 or 1.2 reader gives back exactly the string or number written:
/// strings stay plain only when they cannot be mistaken for anything else, numbers use the invariant culture's
/// shortest round-trip form.
/// </summary>
internal static class YamlText
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    /// <summary>A number in invariant round-trip form ("0.1", "12", "-3.5E-07").</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? ".inf" : "-.inf";
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>The string as a plain scalar when that is unambiguous, else double-quoted with escapes.</summary>
    public static string String(string value) => IsPlainSafe(value) ? value : Quoted(value);

    /// <summary>
    /// Plain only when the text starts with a letter, holds only letters, digits, spaces and _ - . / ( ) ' , and is
    /// not a YAML keyword: no indicator (: # [ ] { } &amp; * ! | &gt; % @ `), nothing a reader could take for a number,
    /// boolean or null.
    /// </summary>
    public static bool IsPlainSafe(string value)
    {
        if (value.Length == 0 || !char.IsLetter(value[0]) || value[^1] == ' ' || Reserved.Contains(value))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsLetterOrDigit(c) || c is ' ' or '_' or '-' or '.' or '/' or '(' or ')' or '\'' or ','))
            {
                return false;
            }
        }

        // A comma is harmless in block context but not inside the flow collections the writer also uses.
        return !value.Contains(',') && !value.Contains("  ", StringComparison.Ordinal);
    }

    public static string Quoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
