using System.Text.RegularExpressions;
using Negotiation.Reporting.Charts;
using Negotiation.Reporting.Html;

namespace Negotiation.Reporting.Tests.Html;

public sealed class ForecastSectionTest
{
    [Fact]
    public void Render_SampleForecast_MatchesGolden()
    {
        var forecasts = SampleForecast.Create();
        Golden.Verify("forecast-section.html", ForecastSection.Render(forecasts, [], ChartTheme.Print));
    }

    [Fact]
    public void Render_PerIssueRow_ShowsForecastBandCompromiseAndBargaining()
    {
        var html = ForecastSection.Render(SampleForecast.Create(), [], ChartTheme.Print);

        // Border regime, baseline: median 25 in [0–100], nearest option "open" in 70% of runs, compromise 40, start median
        // 50, settled 60%, bargaining's mean agreed position 25 in 60% of runs.
        Assert.Contains("<td>Border regime</td><td>baseline</td><td>25 [0–100]</td><td>open (70%)</td><td>40</td><td>50</td><td>60%</td><td>25 (60.0%)</td>", html, StringComparison.Ordinal);
        // The second variant's row names the issue no more and, without a bargaining run, says so.
        Assert.Contains("<td></td><td>mediated</td><td>10 [0–60]</td><td>open (85%)</td><td>40</td><td>50</td><td>80%</td><td>–</td>", html, StringComparison.Ordinal);
        // A continuous issue's nearest "option" is the forecast in its own units.
        Assert.Contains("<td>40 thousand</td>", html, StringComparison.Ordinal);
        // Where each actor starts and where it ends after the last round, with the 10–90% band.
        Assert.Contains("<td>north</td><td>100</td><td>50 [0–100]</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>south&lt;b&gt;</td><td>0</td><td>25 [0–60]</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("south<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithActorNames_ShowsNamesEscaped()
    {
        var html = ForecastSection.Render(SampleForecast.Create(), [], ChartTheme.Print, new Dictionary<string, string> { ["north"] = "North, the \"hawk\"" });
        Assert.Contains("<td>North, the &quot;hawk&quot;</td><td>100</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>south&lt;b&gt;</td>", html, StringComparison.Ordinal);   // not in the map: its id
    }

    [Fact]
    public void Render_NoForecast_IsEmpty() =>
        Assert.Equal(string.Empty, ForecastSection.Render([], [], ChartTheme.Print));

    [Fact]
    public void ReportWriter_WithForecasts_PutsTheSectionAfterTheIssuesWithAChartPerBaselineIssue()
    {
        using var temp = new TempDirectory();
        var report = temp.Combine("report");
        var files = ReportWriter.Write(SampleSummary.Create(), report, new ReportOptions(Forecasts: SampleForecast.Create()));
        var html = File.ReadAllText(Path.Combine(report, ReportWriter.HtmlFile));

        Assert.Contains(Path.Combine(ReportWriter.ChartsDirectory, "forecast-border.png"), files);
        Assert.Contains(Path.Combine(ReportWriter.ChartsDirectory, "forecast-troops.svg"), files);
        Assert.True(html.IndexOf("<section id=\"issues\">", StringComparison.Ordinal) < html.IndexOf("<section id=\"forecast\">", StringComparison.Ordinal));
        Assert.Equal(2, Regex.Count(html, "<figure id=\"chart-forecast-"));
        // Inline ids are scoped per chart, so two forecast charts never share a clip path.
        var ids = Regex.Matches(html, "id=\"(chart-forecast-[a-z0-9-]+?-clipPath[0-9]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ReportWriter_WithoutForecasts_HasNoSection()
    {
        using var temp = new TempDirectory();
        var report = temp.Combine("report");
        var files = ReportWriter.Write(SampleSummary.Create(), report, new ReportOptions(WriteCharts: false));
        Assert.DoesNotContain("id=\"forecast\"", File.ReadAllText(Path.Combine(report, ReportWriter.HtmlFile)), StringComparison.Ordinal);
        Assert.DoesNotContain(files, f => f.Contains("forecast", StringComparison.Ordinal));
    }
}
