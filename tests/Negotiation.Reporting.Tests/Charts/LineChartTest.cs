using Negotiation.Reporting.Charts;
using OxyPlot.Series;

namespace Negotiation.Reporting.Tests.Charts;

public sealed class LineChartTest
{
    private static readonly LineData Sweep = new("Agreement", [0.1, 0.2, 0.3], [0.8, 0.6, 0.3], [0.75, 0.55, 0.25], [0.85, 0.65, 0.35]);

    [Fact]
    public void Create_LineWithBand_HasABandThenTheLine()
    {
        Chart chart = LineChart.Create("sweep", "Sweep", "caption", "reservation", "agreement", [Sweep, Sweep with { Name = "Survival", Low = null, High = null }], ChartTheme.Projector, yIsShare: true);
        Assert.Collection(
            chart.Model.Series,
            s => Assert.IsType<AreaSeries>(s),
            s => Assert.Equal("Agreement", Assert.IsType<LineSeries>(s).Title),
            s => Assert.Equal("Survival", Assert.IsType<LineSeries>(s).Title));
        Assert.All(chart.Model.Series.OfType<LineSeries>().Where(s => s is not AreaSeries), s => Assert.True(s.StrokeThickness >= 3));
    }

    [Fact]
    public void Create_ExportsToPngAndSvg()
    {
        Chart chart = LineChart.Create("sweep", "Sweep", "caption", "x", "y", [Sweep], ChartTheme.Print);
        Assert.Equal(0x89, ChartExporter.ToPng(chart.Model, ChartTheme.Print)[0]);
        Assert.StartsWith("<svg", ChartExporter.ToSvg(chart.Model, ChartTheme.Print, standalone: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => LineChart.Create("x", "t", "c", "x", "y", [new LineData("bad", [1, 2], [1])], ChartTheme.Print));
    }
}
