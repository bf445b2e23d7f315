using System.Globalization;
using Negotiation.Core.Common;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Statistics;

/// <summary>How a difference is worded: a difference of probabilities is read in percentage points.</summary>
public enum DifferenceScale
{
    /// <summary>A difference of two probabilities, stated in percentage points.</summary>
    Probability,

    /// <summary>A difference of utilities (in [−1, 1]), stated with three decimals.</summary>
    Utility,
}

/// <summary>
/// The interval arithmetic behind every figure in the summary. Deliberately free of reporting types (only the
/// summary records of Negotiation.Simulation) so the Monte Carlo runner can use it, or take the file over.
/// Formulas and references: docs/summary-json.md, section "Intervals".
/// </summary>
public static class Intervals
{
    /// <summary>The 0.975 quantile of the standard normal distribution: two-sided 95%.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// Wilson score interval for a binomial proportion (Wilson 1927; Agresti and Coull 1998):
    /// centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
    /// Unlike the normal (Wald) interval it stays inside [0, 1] and does not collapse at 0 or n successes.
    /// With no trials nothing is known: [0, 1].
    /// </summary>
    public static Interval Wilson(long successes, long trials, double z = Z95)
    {
        Guard.NonNegative(successes);
        Guard.NonNegative(trials);
        if (successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, "must not exceed the number of trials");
        }

        if (trials == 0)
        {
            return new Interval(0, 1);
        }

        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // Clamp only the rounding error: mathematically the interval lies in [0, 1].
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// Normal interval for the mean of paired differences d_i (variant − baseline in the same sampled future),
    /// from n, Σd and Σd²: mean = Σd/n, s² = (Σd² − n·mean²)/(n − 1), interval mean ± z·s/√n.
    /// With a single pair the spread is unknown and the interval is the point itself; it is then reported as
    /// distinguishable only if nonzero, which the caller should treat with the run count in mind.
    /// </summary>
    public static Interval PairedMean(long n, double sum, double sumOfSquares, double z = Z95) => Mean(n, sum, sumOfSquares, z);

    /// <summary>
    /// Normal interval for a mean from n, Σx and Σx²: mean = Σx/n, s² = (Σx² − n·mean²)/(n − 1), mean ± z·s/√n
    /// (used for expected utilities in sweeps; <see cref="PairedMean"/> is the same formula over differences).
    /// With a single observation the interval is the point itself.
    /// </summary>
    public static Interval Mean(long n, double sum, double sumOfSquares, double z = Z95)
    {
        if (n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        }

        Guard.Finite(sum);
        Guard.Finite(sumOfSquares);
        double mean = sum / n;
        if (n == 1)
        {
            return new Interval(mean, mean);
        }

        // Σd² − n·mean² can come out slightly negative through cancellation when all d_i are equal.
        double variance = Math.Max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        double half = z * Math.Sqrt(variance / n);
        return new Interval(mean - half, mean + half);
    }

    /// <summary>The paired difference (estimate, interval and statement) from n, Σd and Σd².</summary>
    /// <param name="subject">What differs, as it should start the sentence, e.g. "Agreement rate".</param>
    public static Difference PairedDifference(string subject, long n, double sum, double sumOfSquares, DifferenceScale scale)
    {
        Interval ci = PairedMean(n, sum, sumOfSquares);
        return Describe(subject, sum / n, ci, scale);
    }

    /// <summary>Wraps an estimate and its interval into a <see cref="Difference"/> with its plain-language statement.</summary>
    public static Difference Describe(string subject, double estimate, Interval ci, DifferenceScale scale)
    {
        Guard.NotNull(subject);
        Guard.NotNull(ci);
        // An undefined estimate or interval (no paired runs) is never a finding.
        bool distinguishable = Defined(estimate, ci) && !(ci.Low <= 0 && ci.High >= 0);
        return new Difference(estimate, ci, distinguishable, Statement(subject, estimate, ci, scale));
    }

    /// <summary>
    /// One sentence a student can read: "Agreement rate is 12.3 percentage points higher (95% CI +8.1 to +16.5)."
    /// or, when the interval contains 0, "Agreement rate: +0.8 percentage points (95% CI −2.1 to +3.7), not
    /// distinguishable from zero at 95%."
    /// </summary>
    public static string Statement(string subject, double estimate, Interval ci, DifferenceScale scale)
    {
        Guard.NotNull(subject);
        Guard.NotNull(ci);
        if (!Defined(estimate, ci))
        {
            return $"{subject}: no paired runs to compare, so no estimate.";
        }

        if (IsExactlyZero(estimate, ci))
        {
            return $"{subject}: no difference in any run.";
        }

        int decimals = Decimals(scale, estimate);
        string range = $"95% CI {Signed(ci.Low, scale, decimals)} to {Signed(ci.High, scale, decimals)}";
        string unit = scale == DifferenceScale.Probability ? " percentage points" : string.Empty;
        if (ci.Low <= 0 && ci.High >= 0)
        {
            return $"{subject}: {Signed(estimate, scale, decimals)}{unit} ({range}), not distinguishable from zero at 95%.";
        }

        string direction = estimate > 0 ? "higher" : "lower";
        return $"{subject} is {Magnitude(Math.Abs(estimate), scale, decimals)}{unit} {direction} ({range}).";
    }

    /// <summary>
    /// True when every paired difference was exactly zero: the estimate is 0 and the interval has no width (the sums
    /// are exact, so Σd = 0 and Σd² = 0). The variant then changed nothing in any sampled future.
    /// </summary>
    public static bool IsExactlyZero(Difference difference)
    {
        Guard.NotNull(difference);
        return IsExactlyZero(difference.Estimate, difference.Ci95);
    }

    private static bool IsExactlyZero(double estimate, Interval ci) => estimate == 0 && ci.Low == 0 && ci.High == 0;

    private static bool Defined(double estimate, Interval ci) =>
        double.IsFinite(estimate) && double.IsFinite(ci.Low) && double.IsFinite(ci.High);

    // The scale's usual decimals (1 for percentage points, 3 for utilities), more when a nonzero figure would print as
    // zero ("0.000 lower (95% CI 0.000 to 0.000)"), at most four more.
    private static int Decimals(DifferenceScale scale, double estimate)
    {
        int usual = scale == DifferenceScale.Probability ? 1 : 3;
        double factor = scale == DifferenceScale.Probability ? 100 : 1;
        double smallest = Math.Abs(estimate * factor);
        int decimals = usual;
        while (smallest != 0 && decimals < usual + 4 && Math.Round(smallest, decimals) == 0)
        {
            decimals++;
        }

        return decimals;
    }

    private static string Magnitude(double value, DifferenceScale scale, int decimals) =>
        (scale == DifferenceScale.Probability ? value * 100 : value).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture);

    private static string Signed(double value, DifferenceScale scale, int decimals)
    {
        string magnitude = Magnitude(Math.Abs(value), scale, decimals);
        // A value that rounds to zero is printed without a sign, so "−0.0" never appears.
        bool zero = magnitude.Trim('0', '.').Length == 0;
        return zero ? magnitude : (value < 0 ? "−" : "+") + magnitude;
    }
}
