using Negotiation.Reporting.Trace;
using Negotiation.Simulation.Compliance;

namespace Negotiation.Reporting.Tests.Trace;

public sealed class TraceRendererTest
{
    // Run 3 of seed 7 of the river treaty: agreement in round 5, then a misattributed attack, a forgiven
    // retaliation and a detected violation that ends the agreement in period 26.
    [Fact]
    public void Text_OfTheRiverTreaty_MatchesTheGoldenFile() =>
        Golden.Verify("trace-river.txt", TraceRenderer.Text(TraceFixture.RiverTrace(3)));

    [Fact]
    public void Markdown_OfTheRiverTreaty_MatchesTheGoldenFile() =>
        Golden.Verify("trace-river.md", TraceRenderer.Markdown(TraceFixture.RiverTrace(3)));

    [Fact]
    public void Text_WithColour_HighlightsChangedTermsWithAnsiBold_AndWithoutColourMarksThemWithAStar()
    {
        var trace = TraceFixture.RiverTrace(3);
        var colour = TraceRenderer.Text(trace, color: true);
        var plain = TraceRenderer.Text(trace);
        // Round 2 changes both terms of round 1's offer.
        Assert.Contains("\u001b[1;33mWater share: proportional\u001b[0m", colour, StringComparison.Ordinal);
        Assert.Contains("Water share: proportional*", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", TraceRenderer.Markdown(trace), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HighlightsOnlyTermsThatChanged()
    {
        var markdown = TraceRenderer.Markdown(TraceFixture.RiverTrace(3));
        // Round 4 keeps the 10-year transition of round 3 and changes the share.
        var round4 = markdown[markdown.IndexOf("### Round 4", StringComparison.Ordinal)..markdown.IndexOf("### Round 5", StringComparison.Ordinal)];
        Assert.Contains("**Water share: proportional**", round4, StringComparison.Ordinal);
        Assert.Contains("  - Transition: 10 years\n", round4, StringComparison.Ordinal);
    }

    [Fact]
    public void QuietPeriods_AreSummarisedInOneLineEach()
    {
        var river = TraceFixture.RiverTrace(3);
        // Hand-made life: a false alarm in period 12 answered by retaliation, forgiven in 13; held to the horizon of 52.
        var trace = river with
        {
            Compliance = new TraceCompliance(52, 7,
            [
                new DetectionEntry(12, 1, CollapseCause.FalseAlarm),
                new ResponseEntry(12, 0, 1, ResponseAction.Retaliate),
                new ResponseEntry(13, 0, -1, ResponseAction.Forgive),
            ], new ComplianceResult(52, CollapseCause.None, -1, 1)),
        };
        var text = TraceRenderer.Text(trace);
        var compliance = text[text.IndexOf("Compliance:", StringComparison.Ordinal)..];
        Assert.Contains("  Periods 1–11: no violation.\n", compliance, StringComparison.Ordinal);
        Assert.Contains("    False alarm: Downstream is reported violating although it complied.\n", compliance, StringComparison.Ordinal);
        Assert.Contains("  Period 13: Upstream forgives and returns to compliance.\n", compliance, StringComparison.Ordinal);
        Assert.Contains("  Periods 14–52: no violation.\n", compliance, StringComparison.Ordinal);
        Assert.Contains("The agreement held to the horizon, all 52 periods (364 days).", compliance, StringComparison.Ordinal);
        Assert.Equal(4, compliance.Split('\n').Count(l => l.StartsWith("  Period", StringComparison.Ordinal)));
    }

    [Fact]
    public void Breakdown_SaysWhyAndShowsNoCompliancePhase()
    {
        var set = Scenarios.ScenarioLoader.LoadText(
            TraceFixture.Yaml.Replace("reservation: 0.5", "reservation: 1", StringComparison.Ordinal)
                .Replace("reservation: -0.2", "reservation: -0.1", StringComparison.Ordinal), "river.yaml");
        var trace = Tracer.Replay(Simulation.MonteCarlo.CompiledVariant.Compile(set.Baseline), 7, 0);
        var text = TraceRenderer.Text(trace);
        Assert.Contains("Outcome: No agreement: the deadline passed after round 5.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Compliance", text, StringComparison.Ordinal);
        // Downstream's BATNA after the drought, 1 − 0.1 = 0.9, beats proportional shares with no transition (0.8).
        Assert.Contains("is below its BATNA 0.900: no deal is better", text, StringComparison.Ordinal);
    }
}
