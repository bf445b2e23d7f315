using Negotiation.Reporting.Sweeps;

namespace Negotiation.Reporting.Tests.Sweeps;

public sealed class SweepCsvTest
{
    [Fact]
    public void OneParameter_OneRowPerPointAndFigure()
    {
        string csv = SweepCsv.Table(SampleSweep.Create()).ToCsv();
        Assert.Equal(
            """
            actors.a.reservation,variant,figure,estimate,ci_low,ci_high,seed,runs
            0.2,baseline,agreement_rate,0.8,0.7,0.9,42,100
            0.2,baseline,expected_utility.a,0.7,0.65,0.75,42,100
            0.2,baseline,expected_utility.b,0.3,0.25,0.35,42,100
            0.2,baseline,one_year_survival,0.5,0.4,0.6,42,100
            0.4,baseline,agreement_rate,0,0,0.1,42,100
            0.4,baseline,expected_utility.a,0.9,0.85,0.95,42,100
            0.4,baseline,expected_utility.b,0.1,0.05,0.15,42,100
            0.4,baseline,one_year_survival,,0,1,42,100

            """.ReplaceLineEndings("\n"),
            csv);
    }

    [Fact]
    public void Grid_HasAColumnPerParameter()
    {
        var table = SweepCsv.Table(SampleSweep.Create(grid: true));
        Assert.Equal(["actors.a.reservation", "compliance.mechanisms.m.detection", "variant", "figure", "estimate", "ci_low", "ci_high", "seed", "runs"], table.Columns);
        Assert.Equal(4 * 4, table.RowCount);
    }

    [Fact]
    public void WithoutCompliance_NoSurvivalRows()
    {
        var table = SweepCsv.Table(SampleSweep.Create(compliance: false));
        Assert.Equal(2 * 3, table.RowCount);
        Assert.DoesNotContain("one_year_survival", table.ToCsv(), StringComparison.Ordinal);
    }
}
