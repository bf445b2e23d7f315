using Negotiation.Reporting.Charts;
using Negotiation.Reporting.Html;
using Negotiation.Simulation.MonteCarlo;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Negotiation.Reporting.Tests.Charts;

/// <summary>
/// Short labels (the scenario's <c>short:</c>) where room is short — legends, axes, tornado rows, headers — and the
/// full name where there is room: chart titles, tooltips, the key table, summary.json beside the short label.
/// </summary>
public sealed class ShortLabelsTest
{
    /// <summary>The sample summary with short labels on one variant, one actor, one issue and one option.</summary>
    internal static SimulationSummary WithShortLabels()
    {
        SimulationSummary s = SampleSummary.Create();
        VariantSummary Label(VariantSummary v) => v with
        {
            Actors = v.Actors.Select(a => a.Id == "north" ? a with { Short = "North" } : a).ToList(),
            Issues = v.Issues.Select(i => i.Id == "border" ? i with
            {
                Short = "Border",
                Outcomes = i.Outcomes.Select(o => o.Id == "closed" ? o with { Short = "Checkpoints" } : o).ToList(),
            } : i).ToList(),
        };
        return s with { Variants = [Label(s.Variants[0]), Label(s.Variants[1]) with { Short = "Mediator" }] };
    }

    private static IReadOnlyList<string> Categories(OxyPlot.PlotModel model) =>
        ((IEnumerable<string>)model.Axes.OfType<CategoryAxis>().Single().ItemsSource).ToList();

    [Fact]
    public void VariantAxes_UseTheShortLabel_AndTheNameWhereThereIsNone()
    {
        SimulationSummary s = WithShortLabels();
        Assert.Equal(["Border talks", "Mediator"], Categories(SummaryCharts.Agreement(s, ChartTheme.Projector).Model));
        Assert.Equal(["Mediator"], Categories(SummaryCharts.Differences(s, ChartTheme.Projector).Model));
    }

    [Fact]
    public void Legends_UseTheShortLabelsOfVariantsAndOptions()
    {
        SimulationSummary s = WithShortLabels();
        Assert.Equal(["Border talks", "Mediator"], SummaryCharts.Rounds(s, ChartTheme.Print).Model.Series.Select(x => x.Title));
        Assert.Equal(["Border talks", "Mediator"], SummaryCharts.Survival(s, ChartTheme.Print).Model.Series.Select(x => x.Title));
        Assert.Equal(["Open border", "Checkpoints"], SummaryCharts.Issue(s, "border", ChartTheme.Print).Model.Series.OfType<BarSeries>().Select(x => x.Title));
    }

    [Fact]
    public void UtilityAxis_UsesTheActorsShortLabel()
    {
        Assert.Equal(["North", "South"], Categories(SummaryCharts.Utility(WithShortLabels(), ChartTheme.Projector).Model));
        Assert.Equal(["North, the \"hawk\"", "South"], Categories(SummaryCharts.Utility(SampleSummary.Create(), ChartTheme.Projector).Model));
    }

    [Fact]
    public void IssueChartTitle_KeepsTheFullName_WhereThereIsRoom()
    {
        Assert.Equal("Border regime", SummaryCharts.Issue(WithShortLabels(), "border", ChartTheme.Print).Model.Title);
    }

    [Fact]
    public void TornadoRows_NameTheParameterInShortLabels()
    {
        SimulationSummary s = WithShortLabels();
        Assert.Equal(["North: reservation", "events.sanctions.probability"], Categories(SummaryCharts.Tornado(s, s.Variants[0], ChartTheme.Projector).Model));
    }

    [Theory]
    [InlineData("actors.north.reservation", "North: reservation")]
    [InlineData("actors.north.reservation.trend", "North: reservation trend")]
    [InlineData("actors.north.interests.border.weight", "North: Border weight")]
    [InlineData("actors.north.interests.border.values.closed", "North: Border = Checkpoints")]
    [InlineData("actors.north.interests.border.values.open", "North: Border = Open border")]
    [InlineData("actors.south.interests.troops.ideal", "South: Troop ceiling ideal")]
    [InlineData("actors.north.beliefs.south.reservation", "North: belief about South reservation")]
    [InlineData("actors.nobody.reservation", "actors.nobody.reservation")]
    [InlineData("compliance.provisions.withdrawal.temptation", "compliance.provisions.withdrawal.temptation")]
    [InlineData("protocol.hazard", "protocol.hazard")]
    public void ParameterLabels_UseShortLabels_FullNamesWhereThereAreNone_AndLeaveOtherPathsAlone(string path, string expected)
    {
        Assert.Equal(expected, ParameterLabels.For(WithShortLabels()).Describe(path));
    }

    [Fact]
    public void SummaryJson_CarriesShortLabelsWhereGiven_AndNoShortKeyWhereNot()
    {
        string withShort = SummaryJson.ToText(WithShortLabels());
        Assert.Contains("\"name\": \"With a mediator\",\n      \"short\": \"Mediator\"", withShort, StringComparison.Ordinal);
        Assert.Contains("\"short\": \"Checkpoints\"", withShort, StringComparison.Ordinal);
        Assert.DoesNotContain("\"short\"", SummaryJson.ToText(SampleSummary.Create()), StringComparison.Ordinal);
    }

    [Fact]
    public void Tight_ShowsTheShortLabelWithTheFullNameAsTooltip_OrTheEscapedName()
    {
        Assert.Equal("<span title=\"North, the &quot;hawk&quot;\">North</span>", HtmlReport.Tight("North", "North, the \"hawk\""));
        Assert.Equal("North, the &quot;hawk&quot;", HtmlReport.Tight(null, "North, the \"hawk\""));
    }

    [Fact]
    public void Report_HasAKeyFromEachShortLabelToItsFullName_OnlyWhenThereAreShortLabels()
    {
        string Html(SimulationSummary s) => HtmlReport.Render(s, SummaryCharts.All(s, ChartTheme.Print), ChartTheme.Print, ReportTheme.Print);
        string html = Html(WithShortLabels());
        Assert.Contains("Short labels in the charts", html, StringComparison.Ordinal);
        Assert.Contains("<td>Variant</td><td>Mediator</td><td>With a mediator</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Option of Border</td><td>Checkpoints</td><td>Closed, with checkpoints</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Short labels in the charts", Html(SampleSummary.Create()), StringComparison.Ordinal);
    }

    [Fact]
    public void Slides_TermsTable_UsesShortLabelsWithTheFullNameAsTooltip()
    {
        SimulationSummary s = WithShortLabels();
        string deck = SlideDeck.Render(s, SummaryCharts.All(s, ChartTheme.Projector));
        Assert.Contains("<td><span title=\"Border regime\">Border</span></td><td>Open border</td>", deck, StringComparison.Ordinal);
    }
}
