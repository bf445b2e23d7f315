using Negotiation.Reporting.Charts;

namespace Negotiation.Reporting.Tests.Charts;

public sealed class ChartThemeTest
{
    [Fact]
    public void Projector_MeetsTheReadabilityMinimums()
    {
        Assert.True(ChartTheme.Projector.FontSize >= 20);
        Assert.True(ChartTheme.Projector.LineThickness >= 3);
        Chart survival = SummaryCharts.Survival(SampleSummary.Create(), ChartTheme.Projector);
        Assert.True(survival.Model.DefaultFontSize >= 20);
        Assert.All(survival.Model.Series.OfType<OxyPlot.Series.StairStepSeries>(), s => Assert.True(s.StrokeThickness >= 3));
    }

    [Fact]
    public void Palette_IsOkabeIto()
    {
        string[] hex = ChartTheme.Palette.Select(c => $"#{c.R:X2}{c.G:X2}{c.B:X2}").ToArray();
        Assert.Equal(["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"], hex);
    }
}
