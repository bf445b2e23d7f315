using System.Xml.Linq;
using Negotiation.Reporting.Charts;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Tests.Charts;

public sealed class SummaryChartsTest
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void All_SampleSummary_HasEveryKindOfChart()
    {
        string[] names = SummaryCharts.All(SampleSummary.Create(), ChartTheme.Print).Select(c => c.Name).ToArray();
        Assert.Equal(["agreement", "rounds", "issue-border", "issue-troops", "utility", "survival", "tornado-baseline", "tornado-mediated"], names);
    }

    [Theory]
    [InlineData(ReportTheme.Print)]
    [InlineData(ReportTheme.Projector)]
    public void EveryChart_ExportsAPngWithTheSignature(ReportTheme theme)
    {
        ChartTheme chartTheme = ChartTheme.For(theme);
        foreach (Chart chart in SummaryCharts.All(SampleSummary.Create(), chartTheme))
        {
            byte[] png = ChartExporter.ToPng(chart.Model, chartTheme);
            Assert.True(png.Length > 1000, $"{chart.Name}.png is only {png.Length} bytes");
            Assert.Equal(PngSignature, png[..8]);
            // Width and height are big-endian at bytes 16..23 of the IHDR chunk.
            Assert.Equal(chartTheme.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
            Assert.Equal(chartTheme.Height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        }
    }

    [Fact]
    public void EveryChart_ExportsSvgThatParsesAsXml()
    {
        foreach (Chart chart in SummaryCharts.All(SampleSummary.Create(), ChartTheme.Print))
        {
            XDocument file = XDocument.Parse(System.Text.Encoding.UTF8.GetString(ChartExporter.ToSvgFile(chart.Model, ChartTheme.Print)));
            Assert.Equal("svg", file.Root!.Name.LocalName);
            XElement inline = XElement.Parse(ChartExporter.ToSvg(chart.Model, ChartTheme.Print, standalone: false));
            Assert.Equal("svg", inline.Name.LocalName);
        }
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

    [Fact]
    public void MissingFont_FallsBackInsteadOfCrashing()
    {
        Chart chart = SummaryCharts.Agreement(SampleSummary.Create(), ChartTheme.Print);
        chart.Model.DefaultFont = "No Such Font 12345";
        Assert.Equal(PngSignature, ChartExporter.ToPng(chart.Model, ChartTheme.Print)[..8]);
        Assert.Contains("No Such Font 12345", ChartExporter.ToSvg(chart.Model, ChartTheme.Print, standalone: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_NamesFallbackFontsForViewersWithoutDejaVu()
    {
        Chart chart = SummaryCharts.Agreement(SampleSummary.Create(), ChartTheme.Print);
        string svg = ChartExporter.ToSvg(chart.Model, ChartTheme.Print, standalone: false);
        Assert.Contains($"font-family=\"{ChartTheme.SvgFont}\"", svg, StringComparison.Ordinal);
        Assert.False(svg.StartsWith('\uFEFF'), "inline SVG must not start with a byte-order mark");
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
}
