using Negotiation.Reporting.Tables;

namespace Negotiation.Reporting.Sweeps;

/// <summary>
/// sweep.csv: tidy, one row per point and figure. Columns: one per swept parameter (named by its path), then
/// variant, figure, estimate, ci_low, ci_high, seed, runs. An undefined figure (survival with no agreement) is empty.
/// </summary>
public static class SweepCsv
{
    public const string FileName = "sweep.csv";

    public static CsvTable Table(SweepResult sweep)
    {
        var columns = sweep.Axes.Select(a => a.Path).Concat(["variant", "figure", "estimate", "ci_low", "ci_high", "seed", "runs"]).ToArray();
        var table = new CsvTable(FileName, columns);
        foreach (var point in sweep.Points)
        {
            foreach (var figure in point.Figures)
            {
                table.Add([
                    .. point.Values.Cast<object?>(),
                    sweep.VariantId,
                    figure.Id,
                    figure.Estimate,
                    figure.Ci95.Low,
                    figure.Ci95.High,
                    sweep.Seed,
                    point.Runs,
                ]);
            }
        }

        return table;
    }
}
