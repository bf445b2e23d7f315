using System.Globalization;

namespace Negotiation.Reporting;

/// <summary>How numbers read in the HTML page and the console: invariant culture, "n/a" for an undefined figure.</summary>
public static class Text
{
    public const string NotAvailable = "n/a";

    public static string Percent(double share, int decimals = 1) =>
        double.IsFinite(share) ? (share * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%" : NotAvailable;

    /// <summary>
    /// An interval of shares, "53.1%–66.5%". A bound that is exactly 0 or 1 prints as "0%" or "100%"; when one decimal
    /// would print both bounds alike, or a bound that is not exactly 0 or 1 as "0.0%" or "100.0%", more decimals are
    /// used (up to four): 99,997 agreements in 100,000 runs read "99.989%–99.999%", not "100.0%–100.0%".
    /// </summary>
    public static string PercentRange(double low, double high)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            return NotAvailable;
        }

        int decimals = 1;
        while (decimals < 4 && (Bound(low, decimals) == Bound(high, decimals) || LooksExact(low, decimals) || LooksExact(high, decimals)))
        {
            decimals++;
        }

        return $"{Bound(low, decimals)}–{Bound(high, decimals)}";
    }

    // Bounds within rounding error of 0 or 1 (a Wilson bound at 0 or n successes is 1 − 1e-16) are those ends exactly.
    private const double Edge = 1e-9;

    private static string Bound(double share, int decimals) => share switch
    {
        < Edge => "0%",
        > 1 - Edge => "100%",
        _ => Percent(share, decimals),
    };

    // A share strictly inside (0, 1) that rounds to 0 or 100 percent would read as certain.
    private static bool LooksExact(double share, int decimals) =>
        share is >= Edge and <= 1 - Edge && Math.Round(share * 100, decimals) is 0 or 100;

    public static string Number(double value, string format = "0.###") =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : NotAvailable;

    /// <summary>
    /// A measured quantity as people write it: four significant figures, thousands grouped, never an exponent
    /// ("11,000 centrifuges", not "1.1E+04"; "300", "7.5", "0.0125").
    /// </summary>
    public static string Quantity(double value)
    {
        if (!double.IsFinite(value))
        {
            return NotAvailable;
        }

        if (value == 0)
        {
            return "0";
        }

        int magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        double rounded = magnitude >= 3 ? Math.Round(value / Math.Pow(10, magnitude - 3), MidpointRounding.AwayFromZero) * Math.Pow(10, magnitude - 3) : Math.Round(value, Math.Min(15, 3 - magnitude), MidpointRounding.AwayFromZero);
        return rounded.ToString(magnitude >= 3 ? "#,##0" : "0.###############", CultureInfo.InvariantCulture);
    }

    public static string Integer(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
