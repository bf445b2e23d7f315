using System.Text.RegularExpressions;
using CsCheck;
using Negotiation.Reporting.Charts;
using Negotiation.Reporting.Html;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Tests.Html;

public sealed partial class HtmlReportTest
{
    private const string Attack = "<script>alert(1)</script>";

    private static string Render(SimulationSummary summary, ReportTheme theme = ReportTheme.Print)
    {
        ChartTheme chartTheme = ChartTheme.For(theme);
        return HtmlReport.Render(summary, SummaryCharts.All(summary, chartTheme), chartTheme, theme);
    }

    private static SimulationSummary Hostile()
    {
        SimulationSummary s = SampleSummary.Create(title: "Talks " + Attack);
        VariantSummary v = s.Variants[1] with { Name = "Mediated " + Attack, Description = "<img src=x onerror=alert(2)>" };
        ActorSummary a = v.Actors[0] with { Name = "North " + Attack };
        v = v with { Actors = [a, v.Actors[1]] };
        return s with { Variants = [s.Variants[0], v], Sources = ["<a href=\"https://evil.example\">x</a>"] };
    }

    [Fact]
    public void ScenarioText_WithScriptTags_IsEscapedEverywhere()
    {
        string html = Render(Hostile());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Talks &lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void InlineCharts_HaveUniqueIds_AndEveryReferenceResolvesInsideItsOwnChart()
    {
        string html = Render(SampleSummary.Create());
        List<string> ids = Regex.Matches(html, " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(ids, id => id.Contains("clipPath", StringComparison.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        MatchCollection charts = Regex.Matches(html, "<figure id=\"chart-([a-z0-9-]+)\">\n(<svg.*?</svg>)", RegexOptions.Singleline);
        Assert.Equal(SummaryCharts.All(SampleSummary.Create(), ChartTheme.Print).Count, charts.Count);
        foreach (Match svg in charts)
        {
            foreach (Match reference in Regex.Matches(svg.Groups[2].Value, "url\\(#([^)]+)\\)"))
            {
                Assert.StartsWith("chart-" + svg.Groups[1].Value + "-", reference.Groups[1].Value, StringComparison.Ordinal);
                Assert.Contains(" id=\"" + reference.Groups[1].Value + "\"", svg.Groups[2].Value, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Page_LeadsWithTheComparison_AndFoldsTheDetail()
    {
        string html = Render(SampleSummary.Create());
        int comparison = html.IndexOf("<section id=\"comparison\">", StringComparison.Ordinal);
        Assert.True(comparison > 0 && comparison < html.IndexOf("<section id=\"rounds\">", StringComparison.Ordinal), "the comparison comes before the detail");
        Assert.True(html.IndexOf("<section id=\"headline\">", StringComparison.Ordinal) < comparison);
        Assert.Contains("id=\"chart-differences\"", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"issues\">\n<details>", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"sensitivity\">\n<details>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void VariantIdenticalToBaselineInEveryRun_IsFlaggedAsHavingNoEffect()
    {
        SimulationSummary s = SampleSummary.Create();
        Difference zero = Negotiation.Reporting.Statistics.Intervals.PairedDifference("x", 200, 0, 0, Negotiation.Reporting.Statistics.DifferenceScale.Probability);
        VariantComparison same = s.Comparisons[0] with
        {
            AgreementRate = zero,
            Utility = s.Comparisons[0].Utility.Select(u => u with { Utility = zero }).ToList(),
            OneYearSurvival = zero,
        };
        Assert.Contains("This change has no effect in the model.", Render(s with { Comparisons = [same] }), StringComparison.Ordinal);
        Assert.DoesNotContain("no effect in the model", Render(s), StringComparison.Ordinal);
    }

    [Fact]
    public void Compliance_ShowsTheMedianLifetimeWithItsInterval()
    {
        string html = Render(SampleSummary.Create());
        Assert.Contains("Median lifetime of an agreement", html, StringComparison.Ordinal);
        // The sample's holding curve (1, 0.9, 0.8, 0.75, 0.7 per 91.25-day period) never reaches one half.
        Assert.Contains("more than 365 days (the horizon)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_ReferencesNothingOnTheNetwork()
    {
        string html = Render(Hostile());
        Assert.Empty(NetworkReference().Matches(html));
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_InlinesEveryChartOnce()
    {
        SimulationSummary summary = SampleSummary.Create();
        IReadOnlyList<Chart> charts = SummaryCharts.All(summary, ChartTheme.Print);
        string html = Render(summary);
        Assert.Equal(charts.Count, Regex.Count(html, "<svg[\\s>]"));
        Assert.All(charts, c => Assert.Contains($"<figure id=\"chart-{c.Name}\">", html, StringComparison.Ordinal));
    }

    [Fact]
    public void Page_HasEverySection()
    {
        string html = Render(SampleSummary.Create());
        foreach (string id in new[] { "headline", "rounds", "issues", "actors", "compliance", "comparison", "sensitivity", "sources" })
        {
            Assert.Contains($"<section id=\"{id}\">", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Headline_StatesTheRateWithItsInterval()
    {
        // Baseline 120/200 = 60.0%, Wilson interval [0.5308, 0.6654] from the golden summary.json.
        string html = Render(SampleSummary.Create());
        Assert.Contains("<strong>60.0%</strong> of 200 simulated futures (95% interval 53.1%–66.5%)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparison_ShowsThePlainLanguageStatements()
    {
        string html = Render(SampleSummary.Create());
        Assert.Contains("Agreement rate is 15.0 percentage points higher (95% CI +7.1 to +22.9).", html, StringComparison.Ordinal);
        Assert.Contains("not distinguishable from zero at 95%", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ComparisonTable_ShowsProbabilitiesInPercentagePointsAndUtilitiesInUnits()
    {
        // Agreement +0.15 [0.0712, 0.2288] → +15.0 pp [+7.1, +22.9]; South's utility +0.0625 [0.03, 0.095].
        string html = Render(SampleSummary.Create());
        Assert.Contains("<td>+15.0</td><td>+7.1 to +22.9</td><td>yes</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>+0.063</td><td>+0.030 to +0.095</td><td>yes</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ContinuousIssue_HasAValueTable()
    {
        // Baseline troop ceiling: mean 40, median 40, quartiles 30–50, 5th–95th 20–60.
        Assert.Contains("<td>Border talks</td><td>40</td><td>40</td><td>30–50</td><td>20–60</td>", Render(SampleSummary.Create()), StringComparison.Ordinal);
    }

    [Fact]
    public void IncompleteRun_ShowsTheBanner()
    {
        Assert.Contains("Incomplete run.", Render(SampleSummary.Create(complete: false)), StringComparison.Ordinal);
        Assert.DoesNotContain("Incomplete run.", Render(SampleSummary.Create()), StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectorTheme_UsesLargerPageText()
    {
        Assert.Contains("font-size: 24px", Render(SampleSummary.Create(), ReportTheme.Projector), StringComparison.Ordinal);
        Assert.Contains("font-size: 16px", Render(SampleSummary.Create()), StringComparison.Ordinal);
    }

    [Fact]
    public void NoCompliance_OmitsTheSectionAndSurvivalChart()
    {
        SimulationSummary s = SampleSummary.Create();
        s = s with { Variants = s.Variants.Select(v => v with { Compliance = null }).ToList() };
        string html = Render(s);
        Assert.DoesNotContain("<section id=\"compliance\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("chart-survival", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_AllZero_SaysNothingMovedTheOutcome()
    {
        SimulationSummary s = SampleSummary.Create();
        s = s with { Variants = [s.Variants[0], s.Variants[1] with { Sensitivity = [new SensitivityEntry("x", 0, 0)] }] };
        Assert.Contains("no uncertain parameter moved the outcomes", Render(s), StringComparison.Ordinal);
    }

    [Fact]
    public void AnyActorName_AppearsOnlyEscaped()
    {
        // "<x" starts no tag of the page, so finding "<x…" raw would mean the name was not escaped.
        // Few iterations: each one renders the whole page with its charts.
        Gen.String[Gen.Char["<>&\"'/ a"], 1, 12].Sample(
            name =>
            {
                SimulationSummary s = SampleSummary.Create();
                VariantSummary v = s.Variants[0] with { Actors = [s.Variants[0].Actors[0] with { Name = "<x" + name }, s.Variants[0].Actors[1]] };
                string html = Render(s with { Variants = [v, s.Variants[1]] });
                Assert.Contains(HtmlReport.Escape("<x" + name), html, StringComparison.Ordinal);
                Assert.DoesNotContain("<x" + name, html, StringComparison.Ordinal);
            },
            iter: 20);
    }

    // src= or href= (quoted or not) pointing at http(s) or protocol-relative //host.
    [GeneratedRegex("""(src|href)\s*=\s*["']?\s*(https?:|//)""", RegexOptions.IgnoreCase)]
    private static partial Regex NetworkReference();
}
