using Negotiation.Core.Model;
using Negotiation.Simulation.MonteCarlo.Accumulators;

namespace Negotiation.Simulation.Models.ExpectedUtility;

/// <summary>A distribution on the 0–100 dimension: mean and 5th, 50th and 95th percentiles (percentiles from half-point bins).</summary>
public sealed record Band(double Mean, double P5, double P50, double P95)
{
    public static Band From(Histogram h, Moments m) => new(m.Mean, h.Quantile(0.05), h.Quantile(0.5), h.Quantile(0.95));
}

/// <summary>One participant's position over the rounds: per round the median and the 10–90% band over the Monte Carlo runs.</summary>
public sealed record PositionPath(string Actor, IReadOnlyList<double> Median, IReadOnlyList<double> P10, IReadOnlyList<double> P90);

/// <summary>The bargaining family's agreed terms on the same 0–100 dimension, from its own accumulator: share of runs agreed and the mean agreed position.</summary>
public sealed record AgreedTerms(double AgreedShare, double MeanPosition, IReadOnlyList<double>? OptionShares);

/// <summary>The expected-utility family's prediction for one issue, beside the compromise model and (when run) the bargaining family.</summary>
/// <param name="Order">Discrete: the options in order along 0–100; continuous: empty (the dimension is [Min, Max]).</param>
/// <param name="Outcome">The predicted outcome (the final median) over the runs.</param>
/// <param name="OutcomeInUnits">The median forecast in the issue's own units (continuous) or as a fractional option index along <paramref name="Order"/> (discrete).</param>
/// <param name="NearestOption">Discrete: share of runs whose predicted outcome is nearest each option, in <paramref name="Order"/>.</param>
/// <param name="Compromise">The capability×salience weighted mean of the starting positions (Achen 2006).</param>
/// <param name="StartMedian">Mean over runs of the median of the starting positions.</param>
/// <param name="SettledShare">Share of runs in which positions settled before the last round.</param>
public sealed record IssuePrediction(
    string Id,
    string Name,
    IssueKind Kind,
    IReadOnlyList<string> Order,
    double Min,
    double Max,
    string? Unit,
    Band Outcome,
    double OutcomeInUnits,
    IReadOnlyList<double>? NearestOption,
    Band Compromise,
    double StartMedian,
    double SettledShare,
    AgreedTerms? Bargaining,
    IReadOnlyList<PositionPath> Actors)
{
    /// <summary>
    /// Discrete: the index in <see cref="Order"/> of the option the forecast is nearest in the most runs (the first on
    /// ties); −1 when there is no such share per option (a continuous issue).
    /// </summary>
    public int ModalOption
    {
        get
        {
            if (NearestOption is not { } shares || shares.Count == 0 || shares.Count != Order.Count)
            {
                return -1;
            }

            var k = 0;
            for (var j = 1; j < shares.Count; j++)
            {
                if (shares[j] > shares[k])
                {
                    k = j;
                }
            }

            return k;
        }
    }
}

/// <summary>Everything the expected-utility family reports for one variant.</summary>
public sealed record ExpectedUtilitySummary(string Scenario, string Variant, long Runs, ulong Seed, int Rounds, IReadOnlyList<IssuePrediction> Issues)
{
    /// <summary>Builds the summary; <paramref name="bargaining"/> (the same variant's bargaining accumulator, when that family ran) adds its agreed terms.</summary>
    public static ExpectedUtilitySummary Build(ExpectedUtilityAccumulator accumulator, ulong seed, VariantAccumulator? bargaining = null)
    {
        var model = accumulator.Model;
        var scenario = model.Variant.Scenario;
        var rounds = model.Settings.MaxRounds;
        var issues = new List<IssuePrediction>();
        for (var j = 0; j < model.Issues.Count; j++)
        {
            var layout = model.Issues[j];
            var issue = layout.Issue;
            var n = layout.Participants.Length;
            var count = accumulator.OutcomeMoments[j].Count;
            var paths = layout.Participants.Select((p, k) => new PositionPath(
                scenario.Actors[p.Actor].Id,
                Enumerable.Range(0, rounds + 1).Select(r => accumulator.Paths[j][r * n + k].Quantile(0.5)).ToArray(),
                Enumerable.Range(0, rounds + 1).Select(r => accumulator.Paths[j][r * n + k].Quantile(0.1)).ToArray(),
                Enumerable.Range(0, rounds + 1).Select(r => accumulator.Paths[j][r * n + k].Quantile(0.9)).ToArray())).ToArray();
            var nearest = accumulator.NearestOption[j];
            issues.Add(new IssuePrediction(
                issue.Id,
                issue.Name,
                issue.Kind,
                issue.Kind == IssueKind.Discrete ? layout.Order : [],
                issue.Min,
                issue.Max,
                issue.Unit,
                Band.From(accumulator.Outcome[j], accumulator.OutcomeMoments[j]),
                ExpectedUtilityModel.Unscale(accumulator.Outcome[j].Quantile(0.5), layout),
                nearest.Length > 1 && count > 0 ? nearest.Select(c => (double)c / count).ToArray() : null,
                Band.From(accumulator.Compromise[j], accumulator.CompromiseMoments[j]),
                accumulator.StartMedianMoments[j].Mean,
                count > 0 ? (double)accumulator.Settled[j] / count : double.NaN,
                bargaining is null ? null : Agreed(bargaining, j, layout),
                paths));
        }

        return new ExpectedUtilitySummary(scenario.Metadata.Id, model.Variant.Id, accumulator.Runs, seed, rounds, issues);
    }

    /// <summary>The bargaining family's agreed terms on issue <paramref name="j"/>, placed on 0–100 as the expected-utility family places positions.</summary>
    private static AgreedTerms Agreed(VariantAccumulator bargaining, int j, ExpectedUtilityIssue layout)
    {
        var agreedShare = bargaining.Runs > 0 ? (double)bargaining.Agreed / bargaining.Runs : double.NaN;
        if (layout.Issue.Kind == IssueKind.Continuous)
        {
            var mean = bargaining.IssueMoments[j].Mean;
            return new AgreedTerms(agreedShare, double.IsNaN(mean) ? double.NaN : ExpectedUtilityModel.Scale(mean, layout.Issue), null);
        }

        var counts = bargaining.OptionCounts[j];
        var total = counts.Sum();
        var order = layout.Order;
        var shares = order.Select(o => total > 0 ? (double)counts[layout.Issue.IndexOf(o)] / total : double.NaN).ToArray();
        var position = total > 0 && order.Count > 1
            ? order.Select((o, k) => counts[layout.Issue.IndexOf(o)] * 100.0 * k / (order.Count - 1)).Sum() / total
            : double.NaN;
        return new AgreedTerms(agreedShare, position, shares);
    }
}
