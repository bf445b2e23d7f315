namespace Negotiation.Scenarios;

/// <summary>
/// The upper bounds of a scenario's size parameters, checked at validation with file:line:column and listed in
/// docs/scenario-format.md ("Safety limits"). Each is far above any real negotiation and low enough that one run
/// stays small: a deadline of a million rounds took a minute and 4.8 GB for 50 runs.
/// </summary>
public static class ScenarioBounds
{
    /// <summary>Rounds of bargaining (<c>protocol.deadline</c>); real ones are weeks or months: 8 to 100.</summary>
    public const int MaxDeadline = 10_000;

    /// <summary>Periods after signature (<c>compliance.horizon</c>); seven years of days is 2,557.</summary>
    public const int MaxHorizon = 10_000;

    /// <summary>Grid points of a continuous issue (<c>resolution</c>).</summary>
    public const int MaxResolution = 1_000;

    /// <summary>Characters of an id (scenario, issue, actor, option, proposal, variant).</summary>
    public const int MaxIdLength = 80;

    /// <summary>
    /// Whether <paramref name="id"/> can name a scenario, and so a folder under <c>out/</c>: 1 to
    /// <see cref="MaxIdLength"/> ASCII letters, digits, '-', '_' and '.', starting with a letter or digit, so
    /// never <c>..</c>, an absolute path or a path with separators.
    /// </summary>
    public static bool IsFileName(string id) =>
        id.Length is > 0 and <= MaxIdLength
        && char.IsAsciiLetterOrDigit(id[0])
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>
    /// The first character of <paramref name="text"/> a report cannot show (a control character other than tab
    /// and line feed, a lone surrogate, or a Unicode noncharacter such as U+FFFF), or null when there is none.
    /// </summary>
    public static int? FirstUnprintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var scalar = char.ConvertToUtf32(c, text[i + 1]);
                if ((scalar & 0xFFFE) == 0xFFFE)
                {
                    return i;
                }

                i++;
                continue;
            }

            if ((char.IsControl(c) && c is not '\t' and not '\n') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || c is >= '\uFDD0' and <= '\uFDEF')
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>A default scenario id made from a file name: its characters that cannot name a folder become '-'.</summary>
    public static string FileNameId(string fileNameWithoutExtension)
    {
        var chars = fileNameWithoutExtension.Take(MaxIdLength)
            .Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')
            .SkipWhile(c => !char.IsAsciiLetterOrDigit(c))
            .ToArray();
        return chars.Length == 0 ? "scenario" : new string(chars);
    }
}
