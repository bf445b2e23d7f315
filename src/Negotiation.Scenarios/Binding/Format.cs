using System.Globalization;

namespace Negotiation.Scenarios.Binding;

/// <summary>How numbers and lists appear in messages.</summary>
internal static class Format
{
    public static string Number(double value) => double.IsPositiveInfinity(value) ? "infinity"
        : double.IsNegativeInfinity(value) ? "-infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Items joined by commas, the first dozen only: a long list helps nobody, and a hostile file could make it huge.</summary>
    public static string List(IEnumerable<string> items)
    {
        const int shown = 12;
        var list = items.Take(shown + 1).ToList();
        return string.Join(", ", list.Take(shown)) + (list.Count > shown ? ", ..." : "");
    }

    /// <summary>Text cut to a readable length for a message (a hostile file may hold a megabyte-long value).</summary>
    public static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";

    public static string Quoted(IEnumerable<string> items) => List(items.Select(i => $"'{i}'"));
}
