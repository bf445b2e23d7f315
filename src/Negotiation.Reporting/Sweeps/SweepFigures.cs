using Negotiation.Reporting.Statistics;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Sweeps;

/// <summary>
/// The figures a sweep reports at one point, from that point's Monte Carlo result (its first variant):
/// the agreement rate (Wilson interval), each actor's expected utility (normal interval of the mean; the utility
/// of the agreement, or the reservation value at the end on breakdown, as in the reports) and, when the
/// scenario has a compliance section, one-year survival among agreements (Wilson interval).
/// </summary>
public static class SweepFigures
{
    public static IReadOnlyList<SweepFigure> From(MonteCarloResult result)
    {
        var acc = result.Variants[0];
        var figures = new List<SweepFigure>
        {
            new(SweepResult.AgreementRate, "Agreement rate", Rate(acc.Agreed, acc.Runs), Intervals.Wilson(acc.Agreed, acc.Runs), acc.Agreed, acc.Runs),
        };
        for (var a = 0; a < acc.Layout.Actors.Count; a++)
        {
            var actor = acc.Layout.Actors[a];
            var m = acc.UtilityMoments[a];
            var ci = m.Count == 0 ? new Interval(double.NaN, double.NaN) : Intervals.Mean(m.Count, m.Sum.Value, m.SumOfSquares.Value);
            figures.Add(new SweepFigure(SweepResult.ExpectedUtility(actor.Id), actor.Name + "'s expected utility", m.Mean, ci));
        }

        if (acc.Layout.Compliance is not null)
        {
            figures.Add(new SweepFigure(
                SweepResult.OneYearSurvival,
                "One-year survival of agreements",
                Rate(acc.SurvivedOneYear, acc.Agreed),
                Intervals.Wilson(acc.SurvivedOneYear, acc.Agreed),
                acc.SurvivedOneYear,
                acc.Agreed));
        }

        return figures;
    }

    private static double Rate(long count, long total) => total == 0 ? double.NaN : (double)count / total;
}
