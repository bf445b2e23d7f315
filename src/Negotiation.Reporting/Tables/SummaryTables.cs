using Negotiation.Core.Common;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Tables;

/// <summary>
/// The tidy CSV tables of a report (docs/reports.md lists their columns). Every table starts with a
/// <c>variant</c> column and ends with <c>scenario_id</c>, <c>seed</c> and <c>complete</c>, so the files of several
/// variants, or of several reports, can be stacked, joined and filtered (an interrupted run's rows say so).
/// </summary>
public static class SummaryTables
{
    /// <summary>All tables in the order they are documented.</summary>
    public static IReadOnlyList<CsvTable> All(SimulationSummary summary)
    {
        Guard.NotNull(summary);
        CsvTable[] tables =
        [
            Agreement(summary), Breakdowns(summary), Rounds(summary), Issues(summary), IssueValues(summary),
            Actors(summary), Survival(summary), Compliance(summary), Comparison(summary), Sensitivity(summary),
        ];
        return tables.Select(t => t.WithConstantColumns(RunColumns, [summary.ScenarioId, summary.Seed, summary.Complete])).ToArray();
    }

    /// <summary>The columns every table ends with: which scenario and seed, and whether every planned run completed.</summary>
    public static IReadOnlyList<string> RunColumns { get; } = ["scenario_id", "seed", "complete"];

    /// <summary>agreement.csv: one row per variant.</summary>
    public static CsvTable Agreement(SimulationSummary summary)
    {
        var table = new CsvTable(
            "agreement.csv", "variant", "name", "runs", "agreements", "rate", "ci95_low", "ci95_high",
            "rounds_mean", "rounds_median", "rounds_p90", "one_year_survival", "one_year_ci95_low", "one_year_ci95_high");
        foreach (VariantSummary v in summary.Variants)
        {
            ComplianceSummary? c = v.Compliance;
            table.Add(
                v.Id, v.Name, v.Runs, v.Agreement.Count, v.Agreement.Rate, v.Agreement.Ci95.Low, v.Agreement.Ci95.High,
                v.Rounds.Mean, v.Rounds.Median, v.Rounds.P90, c?.OneYearSurvival, c?.OneYearCi95.Low, c?.OneYearCi95.High);
        }

        return table;
    }

    /// <summary>breakdowns.csv: one row per variant and cause of breakdown.</summary>
    public static CsvTable Breakdowns(SimulationSummary summary)
    {
        var table = new CsvTable("breakdowns.csv", "variant", "cause", "name", "count", "share");
        foreach (VariantSummary v in summary.Variants)
        {
            foreach (NamedShare b in v.Breakdowns)
            {
                table.Add(v.Id, b.Id, b.Name, b.Count, b.Share);
            }
        }

        return table;
    }

    /// <summary>rounds.csv: one row per variant and round of agreement (the histogram).</summary>
    public static CsvTable Rounds(SimulationSummary summary)
    {
        var table = new CsvTable("rounds.csv", "variant", "round", "day", "agreements", "share_of_agreements");
        foreach (VariantSummary v in summary.Variants)
        {
            IReadOnlyList<long> histogram = v.Rounds.Histogram;
            long total = histogram.Skip(1).Sum();
            for (int round = 1; round < histogram.Count; round++)
            {
                double share = total == 0 ? double.NaN : (double)histogram[round] / total;
                table.Add(v.Id, round, round * v.Rounds.RoundDays, histogram[round], share);
            }
        }

        return table;
    }

    /// <summary>issues.csv: one row per variant, issue and agreed outcome (option, or bin of a continuous issue).</summary>
    public static CsvTable Issues(SimulationSummary summary)
    {
        var table = new CsvTable("issues.csv", "variant", "issue", "kind", "outcome", "name", "count", "share");
        foreach (VariantSummary v in summary.Variants)
        {
            foreach (IssueSummary issue in v.Issues)
            {
                foreach (NamedShare outcome in issue.Outcomes)
                {
                    table.Add(v.Id, issue.Id, issue.Kind, outcome.Id, outcome.Name, outcome.Count, outcome.Share);
                }
            }
        }

        return table;
    }

    /// <summary>issue_values.csv: one row per variant and continuous issue: the distribution of the agreed value.</summary>
    public static CsvTable IssueValues(SimulationSummary summary)
    {
        var table = new CsvTable("issue_values.csv", ["variant", "issue", .. DistributionColumns]);
        foreach (VariantSummary v in summary.Variants)
        {
            foreach (IssueSummary issue in v.Issues.Where(i => i.Values is not null))
            {
                table.Add([v.Id, issue.Id, .. DistributionCells(issue.Values!)]);
            }
        }

        return table;
    }

    /// <summary>actors.csv: one row per variant and actor: utility distribution and beat-BATNA rate.</summary>
    public static CsvTable Actors(SimulationSummary summary)
    {
        var table = new CsvTable(
            "actors.csv",
            ["variant", "actor", "name", .. DistributionColumns, "beat_batna_rate", "beat_batna_ci95_low", "beat_batna_ci95_high"]);
        foreach (VariantSummary v in summary.Variants)
        {
            foreach (ActorSummary a in v.Actors)
            {
                table.Add([v.Id, a.Id, a.Name, .. DistributionCells(a.Utility.OrUndefined()), a.BeatBatnaRate, a.BeatBatnaCi95.Low, a.BeatBatnaCi95.High]);
            }
        }

        return table;
    }

    /// <summary>survival.csv: one row per variant and compliance period: the share of agreements still holding.</summary>
    public static CsvTable Survival(SimulationSummary summary)
    {
        var table = new CsvTable("survival.csv", "variant", "period", "day", "holding");
        foreach (VariantSummary v in summary.Variants)
        {
            if (v.Compliance is not { } c)
            {
                continue;
            }

            for (int t = 0; t < c.Holding.Count; t++)
            {
                table.Add(v.Id, t, t * c.PeriodDays, c.Holding[t]);
            }
        }

        return table;
    }

    /// <summary>compliance.csv: one row per variant and category (first_violator, cause, stage) and item.</summary>
    public static CsvTable Compliance(SimulationSummary summary)
    {
        var table = new CsvTable("compliance.csv", "variant", "category", "id", "name", "count", "share");
        foreach (VariantSummary v in summary.Variants)
        {
            if (v.Compliance is not { } c)
            {
                continue;
            }

            AddShares(table, v.Id, "first_violator", c.FirstViolators);
            AddShares(table, v.Id, "cause", c.Causes);
            AddShares(table, v.Id, "stage", c.StagesReached);
        }

        return table;
    }

    /// <summary>
    /// comparison.csv: one row per non-baseline variant and measure (agreement_rate, utility per actor,
    /// one_year_survival): the paired difference variant − baseline.
    /// </summary>
    public static CsvTable Comparison(SimulationSummary summary)
    {
        var table = new CsvTable(
            "comparison.csv", "variant", "baseline", "measure", "actor", "estimate", "ci95_low", "ci95_high", "distinguishable", "statement");
        foreach (VariantComparison c in summary.Comparisons)
        {
            AddDifference(table, c, "agreement_rate", null, c.AgreementRate);
            foreach (ActorDifference a in c.Utility)
            {
                AddDifference(table, c, "utility", a.ActorId, a.Utility);
            }

            if (c.OneYearSurvival is not null)
            {
                AddDifference(table, c, "one_year_survival", null, c.OneYearSurvival);
            }
        }

        return table;
    }

    /// <summary>sensitivity.csv: one row per variant and uncertain parameter: standardised regression coefficients.</summary>
    public static CsvTable Sensitivity(SimulationSummary summary)
    {
        var table = new CsvTable("sensitivity.csv", "variant", "parameter", "agreement", "survival");
        foreach (VariantSummary v in summary.Variants)
        {
            foreach (SensitivityEntry e in v.Sensitivity)
            {
                table.Add(v.Id, e.Parameter, e.Agreement, e.Survival);
            }
        }

        return table;
    }

    private static readonly string[] DistributionColumns = ["mean", "sd", "min", "p05", "p25", "median", "p75", "p95", "max"];

    private static object?[] DistributionCells(DistributionSummary d) =>
        [d.Mean, d.StdDev, d.Min, d.P05, d.P25, d.Median, d.P75, d.P95, d.Max];

    private static void AddShares(CsvTable table, string variant, string category, IReadOnlyList<NamedShare> shares)
    {
        foreach (NamedShare s in shares)
        {
            table.Add(variant, category, s.Id, s.Name, s.Count, s.Share);
        }
    }

    private static void AddDifference(CsvTable table, VariantComparison c, string measure, string? actor, Difference d) =>
        table.Add(c.VariantId, c.BaselineId, measure, actor, d.Estimate, d.Ci95.Low, d.Ci95.High, d.Distinguishable, d.Statement);
}
