using System.Xml.Linq;
using Negotiation.Reporting.Charts;

namespace Negotiation.Reporting.Tests.Charts;

public sealed class ChartExporterTest
{
    internal static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

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
}
