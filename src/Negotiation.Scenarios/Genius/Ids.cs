using System.Text;

namespace Negotiation.Scenarios.Genius;

/// <summary>
/// Turns GENIUS names ("External Monitor", "19'' LCD", "$5.37") into scenario ids: lower-case letters and digits
/// joined by single hyphens, unique within their scope (a suffix -2, -3 .. when two names collapse together).
/// </summary>
internal sealed class Ids
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                // accents dropped: "Café" -> "cafe"
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        // Ids are at most 80 characters (ScenarioBounds.MaxIdLength); leave room for the "-2" of a repeated slug.
        var slug = builder.ToString().TrimEnd('-');
        return slug.Length <= MaxSlugLength ? slug : slug[..MaxSlugLength].TrimEnd('-');
    }

    /// <summary>The longest slug: an id with a numeric suffix still fits <see cref="ScenarioBounds.MaxIdLength"/>.</summary>
    public const int MaxSlugLength = ScenarioBounds.MaxIdLength - 8;

    /// <summary>A fresh id for <paramref name="text"/>, or for <paramref name="fallback"/> when the text has no letters or digits.</summary>
    public string Make(string text, string fallback)
    {
        var slug = Slug(text);
        return Reserve(slug.Length > 0 ? slug : fallback);
    }

    /// <summary>Reserves an id verbatim (adding a suffix only if already taken).</summary>
    public string Reserve(string id)
    {
        var candidate = id;
        for (var n = 2; !_used.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }
}
