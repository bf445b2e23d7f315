namespace Negotiation.Core.Model;

/// <summary>
/// The rule for <c>short:</c> labels of actors, issues, options and variants: what reports show where there is little
/// room (legends, axis labels, table headers), with the full name where there is room.
/// </summary>
public static class ShortLabel
{
    /// <summary>
    /// The most characters a short label may have: a legend entry or a column header of a 1280-pixel projector chart
    /// holds about this many characters at 20 pt on one line.
    /// </summary>
    public const int MaxLength = 24;

    /// <summary>The label for a tight place: the short label when there is one, else the full name (which is wrapped, never cut).</summary>
    public static string Or(string? shortLabel, string name) => string.IsNullOrEmpty(shortLabel) ? name : shortLabel;
}
