using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Tests;

public sealed class ConsoleReportTest
{
    [Fact]
    public void Render_SampleSummary_MatchesGoldenText()
    {
        Golden.Verify("console.txt", ConsoleReport.Render(SampleSummary.Create(), color: false));
    }

    [Fact]
    public void Render_WithoutColor_HasNoEscapeCodes()
    {
        Assert.DoesNotContain('\u001b', ConsoleReport.Render(SampleSummary.Create(complete: false), color: false));
    }

    [Fact]
    public void Render_WithColor_MarksDifferencesByWhetherTheyAreDistinguishable()
    {
        string text = ConsoleReport.Render(SampleSummary.Create(), color: true);
        Assert.Contains("\u001b[32mAgreement rate is 15.0 percentage points higher", text, StringComparison.Ordinal);
        Assert.Contains("\u001b[2mNot distinguishable from zero at 95%: utility of North, the \"hawk\".", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IncompleteRun_SaysSo()
    {
        Assert.Contains("INCOMPLETE: stopped after 120 of 200 runs", ConsoleReport.Render(SampleSummary.Create(complete: false), color: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FitsOneScreen()
    {
        string[] lines = ConsoleReport.Render(SampleSummary.Create(), color: false).Split('\n');
        Assert.True(lines.Length <= 40, $"{lines.Length} lines");
        Assert.All(lines, l => Assert.True(l.Length <= 120, l));
    }

    [Fact]
    public void Render_ControlCharactersInNames_AreNotPassedToTheTerminal()
    {
        SimulationSummary s = SampleSummary.Create(title: "Talks\u001b[2J");
        Assert.DoesNotContain('\u001b', ConsoleReport.Render(s, color: false));
    }

    [Fact]
    public void Render_LongName_IsShortenedWithAnEllipsis()
    {
        SimulationSummary s = SampleSummary.Create();
        s = s with { Variants = [s.Variants[0] with { Name = new string('x', 60) }, s.Variants[1]] };
        Assert.Contains(new string('x', ConsoleReport.NameWidth - 1) + "…", ConsoleReport.Render(s, color: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyVariants_ListsActorsOnePerRow()
    {
        SimulationSummary s = SampleSummary.Create();
        s = s with { Variants = Enumerable.Range(0, 6).Select(i => s.Variants[i % 2] with { Id = "v" + i }).ToList() };
        string text = ConsoleReport.Render(s, color: false);
        Assert.Contains("Mean utility  Beat BATNA", text, StringComparison.Ordinal);
    }
}
