using System.Globalization;

namespace Negotiation.Reporting;

/// <summary>How numbers read in the HTML page and the console: invariant culture, "n/a" for an undefined figure.</summary>
internal static class Text
{
    public const string NotAvailable = "n/a";

    public static string Percent(double share, int decimals = 1) =>
        double.IsFinite(share) ? (share * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%" : NotAvailable;

    public static string PercentRange(double low, double high) =>
        double.IsFinite(low) && double.IsFinite(high) ? $"{Percent(low)}–{Percent(high)}" : NotAvailable;

    public static string Number(double value, string format = "0.###") =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : NotAvailable;

    public static string Integer(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
