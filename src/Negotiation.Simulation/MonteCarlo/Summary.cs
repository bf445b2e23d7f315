namespace Negotiation.Simulation.MonteCarlo;

// The result of a Monte Carlo run as the reporting layer sees it: plain numbers, no accumulators, no
// simulation types. Everything here is serialised into summary.json (docs/summary-json.md).

/// <summary>Every variant of one scenario run with one seed.</summary>
/// <param name="Runs">Runs requested per variant.</param>
/// <param name="CompletedRuns">Runs actually simulated per variant (fewer than <paramref name="Runs"/> when stopped early).</param>
/// <param name="Complete">False when the run was cancelled and the figures cover only <paramref name="CompletedRuns"/>.</param>
/// <param name="Comparisons">Each non-baseline variant against the baseline, paired over common random numbers.</param>
public sealed record SimulationSummary(
    string ScenarioId,
    string Title,
    string SourcePath,
    ulong Seed,
    long Runs,
    long CompletedRuns,
    bool Complete,
    IReadOnlyList<VariantSummary> Variants,
    IReadOnlyList<VariantComparison> Comparisons,
    IReadOnlyList<string> Sources)
{
    /// <summary>
    /// The shards (K/N) this summary covers when it is not the whole run: a shard's own report, or a merge with
    /// --allow-partial of some shards. Empty for a whole run. A summary with shards is never complete.
    /// </summary>
    public IReadOnlyList<string> Shards { get; init; } = [];
}

/// <summary>A two-sided 95% interval.</summary>
public sealed record Interval(double Low, double High);

/// <summary>The figures of one variant.</summary>
public sealed record VariantSummary(
    string Id,
    string Name,
    string? Description,
    long Runs,
    AgreementSummary Agreement,
    RoundsSummary Rounds,
    IReadOnlyList<NamedShare> Breakdowns,
    IReadOnlyList<IssueSummary> Issues,
    IReadOnlyList<ActorSummary> Actors,
    ComplianceSummary? Compliance,
    IReadOnlyList<SensitivityEntry> Sensitivity)
{
    /// <summary>A short label for axes, legends and headers (the scenario's <c>short:</c>); null: wrap <see cref="Name"/>.</summary>
    public string? Short { get; init; }

    /// <summary>The share of runs whose talks ended in round 1 (an agreement on the opening, or a walk-out before any move).</summary>
    public double EndedInRoundOne { get; init; }
}

/// <summary>How often a deal was signed, with its Wilson score interval.</summary>
public sealed record AgreementSummary(long Count, double Rate, Interval Ci95);

/// <summary>
/// Rounds to agreement among agreed runs. <paramref name="Histogram"/>[r] counts agreements in round r
/// (index 0 unused, so the index is the round number).
/// </summary>
public sealed record RoundsSummary(double Mean, double Median, double P90, IReadOnlyList<long> Histogram, double RoundDays);

/// <summary>A labelled count and its share of the relevant total.</summary>
public sealed record NamedShare(string Id, string Name, long Count, double Share)
{
    /// <summary>A short label for legends (an option's <c>short:</c>); null: wrap <see cref="Name"/>.</summary>
    public string? Short { get; init; }
}

/// <summary>
/// What was agreed on one issue, among agreed runs: option shares for a discrete issue, the distribution of
/// the agreed value for a continuous one.
/// </summary>
public sealed record IssueSummary(string Id, string Name, string Kind, IReadOnlyList<NamedShare> Outcomes, DistributionSummary? Values)
{
    /// <summary>A short label for chart titles and headers (the issue's <c>short:</c>); null: wrap <see cref="Name"/>.</summary>
    public string? Short { get; init; }
}

/// <summary>Moments and quantiles of a distribution (quantiles from a fine fixed-bin histogram).</summary>
public sealed record DistributionSummary(
    double Mean,
    double StdDev,
    double Min,
    double P05,
    double P25,
    double Median,
    double P75,
    double P95,
    double Max);

/// <summary>
/// One actor's outcome over all runs: utility of the agreement when there is one, else its reservation value
/// at the end of the talks; and how often it did better than that reservation value. Utility is null only when
/// no run completed.
/// </summary>
public sealed record ActorSummary(string Id, string Name, DistributionSummary? Utility, double BeatBatnaRate, Interval BeatBatnaCi95)
{
    /// <summary>A short label for axes and headers (the actor's <c>short:</c>); null: wrap <see cref="Name"/>.</summary>
    public string? Short { get; init; }

    /// <summary>
    /// The mean, over runs, of how far the others' belief about this actor's reservation value moved during the talks
    /// (absolute, utility units; docs/model.md §3.3): how much its moves revealed. 0 when nobody holds a belief about it.
    /// </summary>
    public double BeliefShift { get; init; }
}

/// <summary>
/// The life of agreements after signature, among agreed runs. <paramref name="Holding"/>[t] is the share of
/// agreements still holding after t periods (t = 0..Horizon, Holding[0] = 1).
/// <paramref name="OneYearSurvival"/> is the share of agreements holding 365 days (or the horizon if shorter).
/// </summary>
public sealed record ComplianceSummary(
    int Horizon,
    double PeriodDays,
    IReadOnlyList<double> Holding,
    double OneYearSurvival,
    Interval OneYearCi95,
    IReadOnlyList<NamedShare> FirstViolators,
    IReadOnlyList<NamedShare> Causes,
    IReadOnlyList<NamedShare> StagesReached)
{
    /// <summary>
    /// Median lifetime of agreements in days: the first period after which at most half still hold, times the
    /// period; null when more than half held to the horizon.
    /// </summary>
    public double? MedianDays { get; init; }

    /// <summary>
    /// 95% interval of <see cref="MedianDays"/> (Brookmeyer &amp; Crowley 1982, no censoring before the horizon): the
    /// periods whose share still holding has a 95% Wilson interval containing one half; High is null when that set
    /// reaches the horizon.
    /// </summary>
    public (double? Low, double? High) MedianDaysCi95 { get; init; }
}

/// <summary>
/// How much one uncertain parameter moves the outcomes: the standardised coefficient of a simple regression
/// (the correlation) of the agreement indicator, and of the one-year-survival indicator, on the parameter.
/// </summary>
public sealed record SensitivityEntry(string Parameter, double Agreement, double Survival);

/// <summary>A paired difference (variant − baseline) with its 95% interval and a plain-language reading.</summary>
public sealed record Difference(double Estimate, Interval Ci95, bool Distinguishable, string Statement);

/// <summary>One actor's paired difference in expected utility.</summary>
public sealed record ActorDifference(string ActorId, Difference Utility);

/// <summary>A variant against the baseline over the same sampled futures (common random numbers).</summary>
/// <param name="OneYearSurvival">Difference in the share of all runs that reached an agreement holding one year.</param>
public sealed record VariantComparison(
    string VariantId,
    string BaselineId,
    Difference AgreementRate,
    IReadOnlyList<ActorDifference> Utility,
    Difference? OneYearSurvival);
