using Negotiation.Reporting.Sweeps;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Tests.Sweeps;

/// <summary>Hand-made sweeps for the writer tests: figures chosen, not simulated.</summary>
internal static class SampleSweep
{
    // Written out rather than computed, so that the CSV holds these exact decimals.
    private static readonly Dictionary<long, Interval> AgreementCi = new()
    {
        [80] = new(0.7, 0.9), [60] = new(0.5, 0.7), [40] = new(0.3, 0.5), [0] = new(0, 0.1),
    };

    private static readonly Dictionary<double, (double Estimate, Interval Ci)> UtilityA = new()
    {
        [0.2] = (0.7, new(0.65, 0.75)), [0.4] = (0.9, new(0.85, 0.95)),
    };

    private static readonly Dictionary<double, (double Estimate, Interval Ci)> UtilityB = new()
    {
        [0.2] = (0.3, new(0.25, 0.35)), [0.4] = (0.1, new(0.05, 0.15)),
    };

    /// <summary>
    /// One parameter (x = 0.2, 0.4) or a 2 × 2 grid (second parameter y = 1, 3). Agreement falls with x; at the
    /// last point there is no agreement, so survival is undefined there.
    /// </summary>
    public static SweepResult Create(bool grid = false, bool compliance = true, bool complete = true)
    {
        double[] xs = [0.2, 0.4];
        double[] ys = grid ? [1, 3] : [];
        var points = new List<SweepPoint>();
        var k = 0;
        foreach (var x in xs)
        {
            foreach (var y in grid ? ys : [double.NaN])
            {
                long agreed = k == (grid ? 3 : 1) ? 0 : 80 - 20 * k;
                var figures = new List<SweepFigure>
                {
                    new(SweepResult.AgreementRate, "Agreement rate", agreed / 100.0, AgreementCi[agreed], agreed, 100),
                    new(SweepResult.ExpectedUtility("a"), "A's expected utility", UtilityA[x].Estimate, UtilityA[x].Ci),
                    new(SweepResult.ExpectedUtility("b"), "B's expected utility", UtilityB[x].Estimate, UtilityB[x].Ci),
                };
                if (compliance)
                {
                    figures.Add(agreed == 0
                        ? new SweepFigure(SweepResult.OneYearSurvival, "One-year survival of agreements", double.NaN, new Interval(0, 1), 0, 0)
                        : new SweepFigure(SweepResult.OneYearSurvival, "One-year survival of agreements", 0.5, new Interval(0.4, 0.6), agreed / 2, agreed));
                }

                points.Add(new SweepPoint(grid ? [x, y] : [x], 100, figures));
                k++;
            }
        }

        SweepAxis[] axes = grid
            ? [new SweepAxis("actors.a.reservation", xs), new SweepAxis("compliance.mechanisms.m.detection", ys)]
            : [new SweepAxis("actors.a.reservation", xs)];
        return new SweepResult(
            "sample", "A sample scenario", "sample.yaml", "baseline", "Baseline", 42, 100, complete, points.Count, axes,
            [new SweepActor("a", "A"), new SweepActor("b", "B")], compliance, complete ? points : points.Take(1).ToArray());
    }
}
