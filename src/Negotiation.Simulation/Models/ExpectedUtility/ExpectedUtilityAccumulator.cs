using System.Globalization;
using System.Text;
using Negotiation.Core.Model;
using Negotiation.Simulation.MonteCarlo.Accumulators;

namespace Negotiation.Simulation.Models.ExpectedUtility;

/// <summary>
/// What the expected-utility family's runs add up to, per issue: the predicted outcome's distribution (0–100), the
/// compromise model's, the starting median's, how often the nearest option is predicted (discrete issues), how many
/// rounds were played, and each participant's position after each round. Fixed-bin histograms and exact moments only:
/// memory does not grow with runs and merging is exact.
/// </summary>
public sealed class ExpectedUtilityAccumulator : IOutcomeAccumulator
{
    /// <summary>Bins of the 0–100 dimension (half a point each).</summary>
    public const int Bins = 200;

    public ExpectedUtilityAccumulator(ExpectedUtilityModel model)
    {
        Model = model;
        var issues = model.Issues;
        var rounds = model.Settings.MaxRounds;
        Outcome = issues.Select(_ => new Histogram(0, 100, Bins)).ToArray();
        OutcomeMoments = new Moments[issues.Count];
        Compromise = issues.Select(_ => new Histogram(0, 100, Bins)).ToArray();
        CompromiseMoments = new Moments[issues.Count];
        StartMedianMoments = new Moments[issues.Count];
        NearestOption = issues.Select(i => new long[i.Issue.Kind == IssueKind.Discrete ? i.Order.Count : 0]).ToArray();
        RoundsPlayed = issues.Select(_ => new long[rounds + 1]).ToArray();
        Settled = new long[issues.Count];
        Paths = issues.Select(i => Enumerable.Range(0, (rounds + 1) * i.Participants.Length).Select(_ => new Histogram(0, 100, Bins)).ToArray()).ToArray();
    }

    public ExpectedUtilityModel Model { get; }

    public long Runs { get; private set; }

    public Histogram[] Outcome { get; }

    public Moments[] OutcomeMoments { get; }

    public Histogram[] Compromise { get; }

    public Moments[] CompromiseMoments { get; }

    public Moments[] StartMedianMoments { get; }

    /// <summary>[issue][k]: runs whose predicted outcome is nearest the k-th option in the stated order (discrete issues).</summary>
    public long[][] NearestOption { get; }

    /// <summary>[issue][r]: runs in which somebody last moved in round r (0: nobody moved).</summary>
    public long[][] RoundsPlayed { get; }

    /// <summary>[issue]: runs whose positions settled before the last round.</summary>
    public long[] Settled { get; }

    /// <summary>[issue][round × participants + participant]: the participant's position after the round.</summary>
    public Histogram[][] Paths { get; }

    public void Add(IModelWorkspace workspace)
    {
        var ws = (ExpectedUtilityWorkspace)workspace;
        Runs++;
        var issues = Model.Issues;
        var rounds = Model.Settings.MaxRounds;
        for (var j = 0; j < issues.Count; j++)
        {
            var outcome = ws.Outcome[j];
            if (double.IsNaN(outcome))
            {
                continue;
            }

            Outcome[j].Add(outcome);
            OutcomeMoments[j].Add(outcome);
            Compromise[j].Add(ws.CompromiseMean[j]);
            CompromiseMoments[j].Add(ws.CompromiseMean[j]);
            StartMedianMoments[j].Add(ws.StartMedian[j]);
            var options = NearestOption[j];
            if (options.Length > 1)
            {
                options[(int)Math.Round(outcome / 100 * (options.Length - 1), MidpointRounding.AwayFromZero)]++;
            }

            RoundsPlayed[j][ws.RoundsPlayed[j]]++;
            if (ws.Settled[j])
            {
                Settled[j]++;
            }

            var n = issues[j].Participants.Length;
            var paths = Paths[j];
            for (var r = 0; r <= rounds; r++)
            {
                for (var p = 0; p < n; p++)
                {
                    paths[r * n + p].Add(ws.Position(j, r, p));
                }
            }
        }
    }

    public void Merge(IOutcomeAccumulator other)
    {
        var o = (ExpectedUtilityAccumulator)other;
        Runs += o.Runs;
        for (var j = 0; j < Outcome.Length; j++)
        {
            Outcome[j].Add(o.Outcome[j]);
            OutcomeMoments[j].Add(o.OutcomeMoments[j]);
            Compromise[j].Add(o.Compromise[j]);
            CompromiseMoments[j].Add(o.CompromiseMoments[j]);
            StartMedianMoments[j].Add(o.StartMedianMoments[j]);
            for (var k = 0; k < NearestOption[j].Length; k++)
            {
                NearestOption[j][k] += o.NearestOption[j][k];
            }

            for (var r = 0; r < RoundsPlayed[j].Length; r++)
            {
                RoundsPlayed[j][r] += o.RoundsPlayed[j][r];
            }

            Settled[j] += o.Settled[j];
            for (var k = 0; k < Paths[j].Length; k++)
            {
                Paths[j][k].Add(o.Paths[j][k]);
            }
        }
    }

    public string StateDigest()
    {
        var text = new StringBuilder();
        static string Hist(Histogram h) => string.Join(' ', h.Counts.ToArray()) + $"|{h.Min:R}|{h.Max:R}";
        static string Moment(Moments m) => $"{m.Count}/{m.Sum.Raw.ToString(CultureInfo.InvariantCulture)}/{m.SumOfSquares.Raw.ToString(CultureInfo.InvariantCulture)}";
        text.Append("runs ").Append(Runs).Append('\n');
        for (var j = 0; j < Outcome.Length; j++)
        {
            text.Append(Hist(Outcome[j])).Append('\n').Append(Moment(OutcomeMoments[j])).Append('\n')
                .Append(Hist(Compromise[j])).Append('\n').Append(Moment(CompromiseMoments[j])).Append('\n')
                .Append(Moment(StartMedianMoments[j])).Append('\n')
                .AppendJoin(' ', NearestOption[j]).Append('\n').AppendJoin(' ', RoundsPlayed[j]).Append('\n').Append(Settled[j]).Append('\n');
            foreach (var h in Paths[j])
            {
                text.Append(Hist(h)).Append('\n');
            }
        }

        return text.ToString();
    }
}
