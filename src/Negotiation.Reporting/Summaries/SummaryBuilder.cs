using Negotiation.Core.Model;
using Negotiation.Reporting.Statistics;
using Negotiation.Simulation.MonteCarlo;
using Negotiation.Simulation.MonteCarlo.Accumulators;

namespace Negotiation.Reporting.Summaries;

/// <summary>
/// Turns merged accumulators into the figures users read: rates with Wilson intervals, quantiles, survival
/// curves, paired differences and sensitivity coefficients. Pure: the same accumulators give the same summary.
/// </summary>
public static class SummaryBuilder
{
    public static SimulationSummary Build(MonteCarloResult result)
    {
        var variants = result.Variants.Select(Variant).ToArray();
        var comparisons = result.Comparisons.Select(c => Comparison(c, result.Variants)).ToArray();
        return new SimulationSummary(
            result.ScenarioId,
            result.Title,
            result.SourcePath,
            result.Seed,
            result.Runs,
            result.CompletedRuns,
            result.Complete && result.Shards.Count == 0,
            variants,
            comparisons,
            result.Sources)
        {
            Shards = result.Shards.Select(s => s.ToString()).ToArray(),
        };
    }

    private static VariantSummary Variant(VariantAccumulator acc)
    {
        var layout = acc.Layout;
        var agreement = new AgreementSummary(acc.Agreed, Rate(acc.Agreed, acc.Runs), Wilson(acc.Agreed, acc.Runs));
        var breakdownTotal = acc.Runs - acc.Agreed;
        var breakdowns = new List<NamedShare> { new("deadline", "Deadline passed", acc.Breakdowns[0], Rate(acc.Breakdowns[0], breakdownTotal)) };
        for (var a = 0; a < layout.Actors.Count; a++)
        {
            if (acc.Breakdowns[1 + a] > 0)
            {
                breakdowns.Add(new NamedShare("walkout:" + layout.Actors[a].Id, layout.Actors[a].Name + " walked out", acc.Breakdowns[1 + a], Rate(acc.Breakdowns[1 + a], breakdownTotal)));
            }
        }

        var hazard = acc.Breakdowns[^1];
        if (hazard > 0)
        {
            breakdowns.Add(new NamedShare("hazard", "Broke down for reasons outside the table", hazard, Rate(hazard, breakdownTotal)));
        }

        return new VariantSummary(
            layout.Id,
            layout.Name,
            layout.Description,
            acc.Runs,
            agreement,
            Rounds(acc),
            breakdowns,
            layout.Issues.Select((issue, i) => Issue(acc, issue, i)).ToArray(),
            layout.Actors.Select((actor, a) => Actor(acc, actor, a)).ToArray(),
            Compliance(acc),
            Sensitivity(acc))
        {
            EndedInRoundOne = Rate(acc.EndedInRoundOne, acc.Runs),
            Short = layout.Short,
        };
    }

    private static RoundsSummary Rounds(VariantAccumulator acc)
    {
        var h = acc.Rounds;
        long n = 0;
        double sum = 0;
        for (var r = 0; r < h.Length; r++)
        {
            n += h[r];
            sum += (double)h[r] * r;
        }

        return new RoundsSummary(
            n == 0 ? double.NaN : sum / n,
            NearestRank(h, n, 0.5),
            NearestRank(h, n, 0.9),
            h.ToArray(),
            acc.Layout.RoundDays);
    }

    /// <summary>The smallest round r with at least q·n agreements at or before it (nearest-rank quantile).</summary>
    private static double NearestRank(long[] histogram, long n, double q)
    {
        if (n == 0)
        {
            return double.NaN;
        }

        var target = (long)Math.Ceiling(q * n);
        long cumulative = 0;
        for (var r = 0; r < histogram.Length; r++)
        {
            cumulative += histogram[r];
            if (cumulative >= target)
            {
                return r;
            }
        }

        return histogram.Length - 1;
    }

    private static IssueSummary Issue(VariantAccumulator acc, IssueLayout issue, int i)
    {
        if (issue.Kind == IssueKind.Discrete)
        {
            var counts = acc.OptionCounts[i];
            return new IssueSummary(
                issue.Id,
                issue.Name,
                "discrete",
                issue.Options.Select((o, k) => new NamedShare(o.Id, o.Name, counts[k], Rate(counts[k], acc.Agreed)) { Short = o.Short }).ToArray(),
                null)
            {
                Short = issue.Short,
            };
        }

        return new IssueSummary(issue.Id, issue.Name, "continuous", [], Distribution(acc.IssueValues[i], acc.IssueMoments[i])) { Short = issue.Short };
    }

    private static ActorSummary Actor(VariantAccumulator acc, LabelledItem actor, int a) =>
        new(
            actor.Id,
            actor.Name,
            Distribution(acc.Utility[a], acc.UtilityMoments[a]),
            Rate(acc.BeatBatna[a], acc.Runs),
            Wilson(acc.BeatBatna[a], acc.Runs))
        {
            BeliefShift = acc.Runs > 0 ? acc.BeliefShift[a].Value / acc.Runs : 0,
            Short = actor.Short,
        };

    private static DistributionSummary? Distribution(Histogram histogram, Moments moments) =>
        moments.Count == 0
            ? null
            : new DistributionSummary(
                moments.Mean,
                moments.StdDev,
                histogram.Min,
                histogram.Quantile(0.05),
                histogram.Quantile(0.25),
                histogram.Quantile(0.5),
                histogram.Quantile(0.75),
                histogram.Quantile(0.95),
                histogram.Max);

    private static ComplianceSummary? Compliance(VariantAccumulator acc)
    {
        if (acc.Layout.Compliance is not { } layout)
        {
            return null;
        }

        var agreed = acc.Agreed;
        var holding = acc.Held.Select(h => Rate(h, agreed)).ToArray();
        var violators = layout.Parties
            .Select((p, k) => new NamedShare(p.Id, p.Name, acc.FirstViolators[k], Rate(acc.FirstViolators[k], agreed)) { Short = p.Short })
            .Append(new NamedShare("none", "No violation detected", acc.FirstViolators[^1], Rate(acc.FirstViolators[^1], agreed)))
            .ToArray();
        var causes = Enum.GetValues<Simulation.Compliance.CollapseCause>()
            .Select(c => new NamedShare(CauseId(c), CauseName(c), acc.Causes[(int)c], Rate(acc.Causes[(int)c], agreed)))
            .ToArray();
        var stages = layout.Stages
            .Select((s, k) => new NamedShare(s.Id, s.Name, acc.Stages[k], Rate(acc.Stages[k], agreed)))
            .ToArray();
        var lifetime = MedianLifetime(acc.Held, agreed, layout.PeriodDays);
        return new ComplianceSummary(
            layout.Horizon,
            layout.PeriodDays,
            holding,
            Rate(acc.SurvivedOneYear, agreed),
            Wilson(acc.SurvivedOneYear, agreed),
            violators,
            causes,
            stages)
        {
            MedianDays = lifetime.Median,
            MedianDaysCi95 = (lifetime.Low, lifetime.High),
        };
    }

    /// <summary>
    /// Median lifetime in days from the counts holding after t = 0, 1, ... periods: the first t at which at most half
    /// hold; its 95% interval runs from the first t whose Wilson interval of the share holding reaches down to one half
    /// to the first t whose interval lies wholly below it (Brookmeyer &amp; Crowley 1982, no censoring before the horizon).
    /// Null where the curve never gets there within the horizon.
    /// </summary>
    internal static (double? Median, double? Low, double? High) MedianLifetime(long[] held, long agreed, double periodDays) =>
        (FirstPeriod(held, agreed, h => Rate(h, agreed) <= 0.5) * periodDays,
         FirstPeriod(held, agreed, h => Wilson(h, agreed).Low <= 0.5) * periodDays,
         FirstPeriod(held, agreed, h => Wilson(h, agreed).High < 0.5) * periodDays);

    /// <summary>The first t (periods) at which the count of agreements holding after t periods satisfies <paramref name="test"/>; null if none.</summary>
    private static int? FirstPeriod(long[] held, long agreed, Func<long, bool> test)
    {
        if (agreed == 0)
        {
            return null;
        }

        for (var t = 0; t < held.Length; t++)
        {
            if (test(held[t]))
            {
                return t;
            }
        }

        return null;
    }

    private static string CauseId(Simulation.Compliance.CollapseCause cause) => cause switch
    {
        Simulation.Compliance.CollapseCause.None => "held",
        Simulation.Compliance.CollapseCause.FalseAlarm => "false-alarm",
        _ => cause.ToString().ToLowerInvariant(),
    };

    private static string CauseName(Simulation.Compliance.CollapseCause cause) => cause switch
    {
        Simulation.Compliance.CollapseCause.None => "Held to the horizon",
        Simulation.Compliance.CollapseCause.Violation => "Detected violation",
        Simulation.Compliance.CollapseCause.FalseAlarm => "False alarm",
        Simulation.Compliance.CollapseCause.Spoiler => "Spoiler attack",
        Simulation.Compliance.CollapseCause.Withdrawal => "Withdrawal with notice",
        Simulation.Compliance.CollapseCause.Expiry => "Expired at its sunset",
        _ => cause.ToString(),
    };

    /// <summary>
    /// Standardised coefficient of each uncertain parameter: the correlation of the parameter with the
    /// agreement indicator and with the one-year-survival indicator (the standardised slope of a simple
    /// regression), ordered by the larger absolute effect.
    /// </summary>
    private static IReadOnlyList<SensitivityEntry> Sensitivity(VariantAccumulator acc)
    {
        var n = (double)acc.Runs;
        if (n < 3)
        {
            return [];
        }

        var pAgree = acc.Agreed / n;
        var pSurvive = acc.SurvivedOneYear / n;
        var entries = new List<SensitivityEntry>();
        for (var k = 0; k < acc.ParameterMoments.Length; k++)
        {
            var m = acc.ParameterMoments[k];
            var sdX = Math.Sqrt(Math.Max(0, m.SumOfSquares.Value / n - m.Mean * m.Mean));
            if (sdX <= 0)
            {
                continue;
            }

            entries.Add(new SensitivityEntry(
                acc.Layout.UncertainParameters[k],
                Correlation(acc.ParameterTimesAgreed[k].Value / n, m.Mean, sdX, pAgree),
                acc.Layout.Compliance is null ? 0 : Correlation(acc.ParameterTimesSurvived[k].Value / n, m.Mean, sdX, pSurvive)));
        }

        return entries.OrderByDescending(e => Math.Max(Math.Abs(e.Agreement), Math.Abs(e.Survival))).ThenBy(e => e.Parameter, StringComparer.Ordinal).ToArray();
    }

    /// <summary>corr(X, Y) for an indicator Y with mean p: (E[XY] − E[X]·p) / (sd(X)·sqrt(p(1 − p))).</summary>
    private static double Correlation(double meanXY, double meanX, double sdX, double p)
    {
        var sdY = Math.Sqrt(p * (1 - p));
        return sdY <= 0 ? 0 : Math.Clamp((meanXY - meanX * p) / (sdX * sdY), -1, 1);
    }

    private static VariantComparison Comparison(PairedAccumulator pair, IReadOnlyList<VariantAccumulator> variants)
    {
        var variant = variants.First(v => v.Layout.Id == pair.VariantId);
        var baseline = variants.First(v => v.Layout.Id == pair.BaselineId);
        var actorNames = variant.Layout.Actors.ToDictionary(a => a.Id, a => a.Name);
        return new VariantComparison(
            pair.VariantId,
            pair.BaselineId,
            Paired(pair.Agreement, "Agreement rate", DifferenceScale.Probability),
            pair.SharedActors.Select((id, a) => new ActorDifference(id, Paired(pair.Utility[a], actorNames[id] + "'s expected utility", DifferenceScale.Utility))).ToArray(),
            variant.Layout.Compliance is null || baseline.Layout.Compliance is null
                ? null
                : Paired(pair.Survival, "Share of runs with an agreement holding a year", DifferenceScale.Probability));
    }

    private static Difference Paired(Moments differences, string subject, DifferenceScale scale) =>
        differences.Count == 0
            ? Intervals.Describe(subject, double.NaN, new Interval(double.NaN, double.NaN), scale)
            : Intervals.PairedDifference(subject, differences.Count, differences.Sum.Value, differences.SumOfSquares.Value, scale);

    private static double Rate(long count, long total) => total == 0 ? double.NaN : (double)count / total;

    private static Interval Wilson(long successes, long trials) => Intervals.Wilson(successes, trials);
}
