using Negotiation.Reporting.Charts;
using Negotiation.Reporting.Sweeps;
using OxyPlot.Series;

namespace Negotiation.Reporting.Tests.Sweeps;

public sealed class SweepChartsTest
{
    [Fact]
    public void OneParameter_CurvesForAgreementUtilityAndSurvival()
    {
        var charts = SweepCharts.All(SampleSweep.Create(), ChartTheme.Print);
        Assert.Equal(["agreement", "utility", "survival"], charts.Select(c => c.Name));
    }

    [Fact]
    public void OneParameterWithoutCompliance_NoSurvivalChart()
    {
        var charts = SweepCharts.All(SampleSweep.Create(compliance: false), ChartTheme.Print);
        Assert.Equal(["agreement", "utility"], charts.Select(c => c.Name));
    }

    [Fact]
    public void Grid_LinesPerSecondValueAndHeatMaps()
    {
        var charts = SweepCharts.All(SampleSweep.Create(grid: true), ChartTheme.Projector);
        Assert.Equal(["agreement", "agreement-heatmap", "survival", "survival-heatmap"], charts.Select(c => c.Name));
        var lines = charts[0].Model.Series.OfType<LineSeries>().Where(s => s is not AreaSeries).ToArray();
        Assert.Equal(["m.detection = 1", "m.detection = 3"], lines.Select(l => l.Title));
    }

    [Fact]
    public void HeatMap_CellsHoldTheEstimates_UndefinedAsNaN()
    {
        var chart = SweepCharts.HeatMap(SampleSweep.Create(grid: true), SweepResult.OneYearSurvival, "survival-heatmap", "Survival", ChartTheme.Print);
        var map = Assert.Single(chart.Model.Series.OfType<HeatMapSeries>());
        // Data[i, j]: i indexes the first parameter (x), j the second (y); the point (0.4, 3) had no agreement.
        Assert.Equal(0.5, map.Data[0, 0]);
        Assert.Equal(0.5, map.Data[1, 0]);
        Assert.True(double.IsNaN(map.Data[1, 1]));
        Assert.Equal(4, chart.Model.Annotations.Count);
    }

    [Theory]
    [InlineData(0.5, null, "50%")]
    [InlineData(1.0, 2L, "100%\nof 2")]
    [InlineData(double.NaN, 0L, "n/a")]
    public void CellLabel_ShowsTheBaseOfSurvival(double value, long? of, string expected) =>
        Assert.Equal(expected, SweepCharts.CellLabel(value, of));

    [Fact]
    public void RateLine_LeavesOutPointsWithoutAnEstimate()
    {
        var chart = SweepCharts.Rate(SampleSweep.Create(), SweepResult.OneYearSurvival, "survival", "Survival", ChartTheme.Print);
        var line = Assert.Single(chart.Model.Series.OfType<LineSeries>(), s => s is not AreaSeries);
        Assert.Equal([0.2], line.Points.Select(p => p.X));
    }

    [Fact]
    public void UtilityChart_BeyondThePalette_LinesAreDotted()
    {
        var sweep = SampleSweep.Create() is var s
            ? s with { Actors = Enumerable.Range(0, 10).Select(i => new SweepActor("a", "A" + i)).ToArray() }
            : null!;
        var lines = SweepCharts.Utility(sweep, ChartTheme.Print).Model.Series.OfType<LineSeries>().Where(x => x is not AreaSeries).ToArray();
        Assert.Equal(10, lines.Length);
        Assert.Equal(OxyPlot.LineStyle.Solid, lines[0].LineStyle);
        Assert.Equal(OxyPlot.LineStyle.Dot, lines[8].LineStyle);
        Assert.Equal(OxyPlot.LineStyle.Dot, lines[9].LineStyle);
    }

    [Fact]
    public void NoPoints_NoCharts()
    {
        Assert.Empty(SweepCharts.All(SampleSweep.Create() with { Points = [] }, ChartTheme.Print));
    }

    [Theory]
    [InlineData("compliance.mechanisms.jic.detection", "jic.detection")]
    [InlineData("deadline", "deadline")]
    public void Tail_KeepsTheLastTwoSegments(string path, string expected) => Assert.Equal(expected, SweepCharts.Tail(path));
}
