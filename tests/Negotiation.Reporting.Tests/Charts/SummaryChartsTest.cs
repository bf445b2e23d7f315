using Negotiation.Reporting.Charts;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Tests.Charts;

public sealed class SummaryChartsTest
{
    private static readonly byte[] PngSignature = ChartExporterTest.PngSignature;

    [Fact]
    public void All_SampleSummary_HasEveryKindOfChart()
    {
        string[] names = SummaryCharts.All(SampleSummary.Create(), ChartTheme.Print).Select(c => c.Name).ToArray();
        Assert.Equal(["agreement", "differences", "rounds", "issue-border", "issue-troops", "utility", "survival", "tornado-baseline", "tornado-mediated"], names);
    }

    [Fact]
    public void ScenarioTextInTitles_IsEscapedInSvg()
    {
        SimulationSummary s = SampleSummary.Create();
        VariantSummary v = s.Variants[0] with { Name = "<script>alert(1)</script> & co" };
        s = s with { Variants = [v, s.Variants[1]] };
        Chart tornado = SummaryCharts.Tornado(s, v, ChartTheme.Print);
        string svg = ChartExporter.ToSvg(tornado.Model, ChartTheme.Print, standalone: false);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void FileStem_KeepsOnlySafeCharacters()
    {
        Assert.Equal("a-b-c-9", SummaryCharts.FileStem("A/b..C 9"));
        Assert.Equal("x", SummaryCharts.FileStem("../x/"));
        Assert.Equal("unnamed", SummaryCharts.FileStem("<>"));
    }

    [Fact]
    public void All_IssueIdsWithTheSameStem_GetDistinctChartNames()
    {
        SimulationSummary s = SampleSummary.Create();
        VariantSummary v = s.Variants[0] with { Issues = [s.Variants[0].Issues[0], s.Variants[0].Issues[0] with { Id = "Border" }] };
        s = s with { Variants = [v], Comparisons = [] };
        string[] names = SummaryCharts.All(s, ChartTheme.Print).Select(c => c.Name).ToArray();
        Assert.Contains("issue-border", names);
        Assert.Contains("issue-border-2", names);
    }

    [Fact]
    public void Charts_WithNoAgreementsAndNaNFigures_StillRender()
    {
        SimulationSummary s = SampleSummary.Create();
        VariantSummary v = s.Variants[0] with
        {
            Agreement = new AgreementSummary(0, 0, new Interval(0, 0.02)),
            Rounds = new RoundsSummary(double.NaN, double.NaN, double.NaN, [0, 0, 0], 7),
            Sensitivity = [],
        };
        s = s with { Variants = [v] , Comparisons = [] };
        foreach (Chart chart in SummaryCharts.All(s, ChartTheme.Print))
        {
            Assert.Equal(PngSignature, ChartExporter.ToPng(chart.Model, ChartTheme.Print)[..8]);
        }
    }

    [Fact]
    public void Issue_ContinuousWithoutBaselineAgreements_IsStillABoxPlotOfTheOtherVariants()
    {
        SimulationSummary s = SampleSummary.Create();
        VariantSummary baseline = s.Variants[0] with { Issues = s.Variants[0].Issues.Select(i => i with { Values = null }).ToList() };
        s = s with { Variants = [baseline, s.Variants[1]] };
        Chart chart = SummaryCharts.Issue(s, "troops", ChartTheme.Print);
        var boxes = Assert.IsType<OxyPlot.Series.BoxPlotSeries>(Assert.Single(chart.Model.Series));
        Assert.Equal(1, Assert.Single(boxes.Items).X);
    }

    [Fact]
    public void All_VariantWhoseCoefficientsAreAllZero_GetsNoTornado()
    {
        SimulationSummary s = SampleSummary.Create();
        VariantSummary flat = s.Variants[1] with { Sensitivity = [new SensitivityEntry("actors.north.reservation", 0, 0)] };
        s = s with { Variants = [s.Variants[0], flat] };
        string[] names = SummaryCharts.All(s, ChartTheme.Print).Select(c => c.Name).ToArray();
        Assert.Contains("tornado-baseline", names);
        Assert.DoesNotContain("tornado-mediated", names);
    }

    [Fact]
    public void VariantAxis_LongNames_AreWrappedNotPassedWhole()
    {
        SimulationSummary s = SampleSummary.Create();
        string longName = "Counterfactual without spoilers (al-Nusra separated, militias restrained)";
        s = s with { Variants = [s.Variants[0] with { Name = longName }, s.Variants[1]] };
        var axis = SummaryCharts.Agreement(s, ChartTheme.Projector).Model.Axes.OfType<OxyPlot.Axes.CategoryAxis>().Single();
        string label = ((IEnumerable<string>)axis.ItemsSource).First();
        Assert.Contains('\n', label);
        Assert.All(label.Split('\n'), line => Assert.True(line.Length <= 24, line));
    }
}
