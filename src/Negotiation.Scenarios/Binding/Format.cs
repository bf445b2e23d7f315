using System.Globalization;

namespace Negotiation.Scenarios.Binding;

/// <summary>How numbers and lists appear in messages.</summary>
internal static class Format
{
    public static string Number(double value) => double.IsPositiveInfinity(value) ? "infinity"
        : double.IsNegativeInfinity(value) ? "-infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);

    public static string Quoted(IEnumerable<string> items) => string.Join(", ", items.Select(i => $"'{i}'"));
}
