using Negotiation.Core.Common;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Statistics;

/// <summary>
/// The median lifetime of the agreements of one variant, in days, with a 95% interval; a bound is null when it lies
/// beyond the compliance horizon (more than half the agreements, or than the interval's share, still held at the end).
/// </summary>
public sealed record MedianLifetime(double? Days, double? LowDays, double? HighDays, double HorizonDays);

/// <summary>Lifetime figures read off the survival curve the summary already has; nothing is re-simulated.</summary>
public static class Lifetime
{
    /// <summary>
    /// Median lifetime from the holding curve S(t) (share of the n agreements still holding after period t): the first
    /// period with S(t) ≤ ½. Every agreement is followed to the horizon (no censoring), so n·S(t) is a binomial count and
    /// the interval is the set of periods whose 95% Wilson interval for S(t) contains ½ (the construction of Brookmeyer
    /// and Crowley 1982, "A confidence interval for the median survival time", Biometrics 38:29–41, with binomial
    /// intervals in place of Greenwood's): from the first period whose lower bound is ≤ ½ to the first whose upper bound is.
    /// Null when the variant has no compliance model or no agreement.
    /// </summary>
    public static MedianLifetime? Median(ComplianceSummary? compliance, long agreements)
    {
        if (compliance is null || agreements <= 0 || compliance.Holding.Count == 0)
        {
            return null;
        }

        Guard.NonNegative(agreements);
        double? FirstPeriod(Func<double, bool> atOrBelowHalf)
        {
            for (int t = 0; t < compliance.Holding.Count; t++)
            {
                if (atOrBelowHalf(compliance.Holding[t]))
                {
                    return t * compliance.PeriodDays;
                }
            }

            return null;
        }

        Interval Ci(double share) => Intervals.Wilson((long)Math.Round(share * agreements), agreements);
        return new MedianLifetime(
            FirstPeriod(s => s <= 0.5),
            FirstPeriod(s => Ci(s).Low <= 0.5),
            FirstPeriod(s => Ci(s).High <= 0.5),
            (compliance.Holding.Count - 1) * compliance.PeriodDays);
    }

    /// <summary>"270 days (95% interval 180–365 days)", or "more than 365 days (the horizon)" and the like.</summary>
    public static string Describe(MedianLifetime? lifetime)
    {
        if (lifetime is null)
        {
            return Text.NotAvailable;
        }

        string horizon = $"{Text.Quantity(lifetime.HorizonDays)} days (the horizon)";
        return (lifetime.Days, lifetime.LowDays, lifetime.HighDays) switch
        {
            (null, null, _) => $"more than {horizon}",
            (null, { } low, _) => $"more than {horizon}; 95% interval from {Text.Quantity(low)} days",
            ({ } median, { } low, null) => $"{Text.Quantity(median)} days (95% interval {Text.Quantity(low)} days to beyond {horizon})",
            ({ } median, { } low, { } high) => $"{Text.Quantity(median)} days (95% interval {Text.Quantity(low)}–{Text.Quantity(high)} days)",
            ({ } median, null, _) => $"{Text.Quantity(median)} days",
        };
    }
}
