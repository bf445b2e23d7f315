using System.Xml.Linq;
using Negotiation.Reporting.Charts;
using Negotiation.Reporting.Tests.Charts;
using Negotiation.Reporting.Trace;
using OxyPlot.Series;

namespace Negotiation.Reporting.Tests.Trace;

public sealed class TraceChartsTest
{
    [Theory]
    [InlineData("print")]
    [InlineData("projector")]
    public void Write_ForTwoSignatories_WritesUtilitiesAndPlane_AsPngAndSvg(string themeName)
    {
        var theme = themeName == "print" ? ChartTheme.Print : ChartTheme.Projector;
        using var dir = new TempDirectory();
        var files = TraceCharts.Write(TraceCharts.All(TraceFixture.RiverTrace(3), theme), theme, dir.Path);
        Assert.Equal(["trace-utilities.png", "trace-utilities.svg", "trace-plane.png", "trace-plane.svg"], files.Select(Path.GetFileName));
        foreach (var png in files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(png);
            Assert.Equal(ChartExporterTest.PngSignature, bytes[..8]);
            Assert.Equal(theme.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        }

        foreach (var svg in files.Where(f => f.EndsWith(".svg", StringComparison.Ordinal)))
        {
            Assert.Equal("svg", XDocument.Load(svg).Root!.Name.LocalName);
        }

        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void Utilities_HasOfferAspirationAndBatnaPerSignatory_AndMarksTheAgreement()
    {
        var trace = TraceFixture.RiverTrace(3);
        var model = TraceCharts.Utilities(trace, ChartTheme.Print).Model;
        var lines = model.Series.OfType<LineSeries>().ToArray();
        Assert.Equal(["Upstream: offer", "Upstream: aspiration", "Upstream: BATNA", "Downstream: offer", "Downstream: aspiration", "Downstream: BATNA"], lines.Select(l => l.Title));
        // Upstream's offers are worth 1, 0.567, 1, 0.733, 0.733 to it over the five rounds.
        Assert.Equal([1.0, 0.567, 1.0, 0.733, 0.733], lines[0].Points.Select(p => Math.Round(p.Y, 3)));
        var agreement = model.Series.OfType<ScatterSeries>().Single(s => s.Title == "agreement");
        Assert.Equal([(5.0, 0.733), (5.0, 0.467)], agreement.Points.Select(p => (p.X, Math.Round(p.Y, 3))));
    }

    [Fact]
    public void Plane_DrawsTheOfferPathAndTheNashPoint_InTheSignatoriesUtilities()
    {
        var trace = TraceFixture.RiverTrace(3);
        var model = TraceCharts.Plane(trace, ChartTheme.Print, Simulation.Analysis.ScenarioAnalysis.Analyze(trace.Scenario)).Model;
        var path = model.Series.OfType<LineSeries>().Single(s => s.Title == "offers in this run");
        Assert.Equal(trace.Rounds.Select(r => (r.Offer!.Utilities[0], r.Offer.Utilities[1])), path.Points.Select(p => (p.X, p.Y)));
        Assert.Single(model.Series.OfType<ScatterSeries>().Single(s => s.Title == "Nash point").Points);
        Assert.NotEmpty(model.Series.OfType<LineSeries>().Single(s => s.Title == "Pareto frontier").Points);
    }

    [Fact]
    public void All_WithThreeSignatories_HasOnlyTheUtilitiesChart()
    {
        var yaml = TraceFixture.Yaml
            .Replace("signatories: [up, down]", "signatories: [up, down, third]", StringComparison.Ordinal)
            .Replace("    strategy: conceder\n", "    strategy: conceder\n  third:\n    name: Third\n    interests:\n      share: {weight: 1, values: {proportional: 1}}\n", StringComparison.Ordinal);
        var variant = Simulation.MonteCarlo.CompiledVariant.Compile(Scenarios.ScenarioLoader.LoadText(yaml, "river.yaml").Baseline);
        var trace = Tracer.Replay(variant, 7, 0);
        Assert.Equal(3, trace.Signatories.Count);
        Assert.Equal(["trace-utilities"], TraceCharts.All(trace, ChartTheme.Print).Select(c => c.Name));
        Assert.Throws<ArgumentException>(() => TraceCharts.Plane(trace, ChartTheme.Print, Simulation.Analysis.ScenarioAnalysis.Analyze(trace.Scenario)));
    }
}
