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
    public void Render_LongNameOnAWideTerminal_IsPrintedWholeOnOneLine()
    {
        // Before: cut at 28 characters with "…" even on a 200-column terminal.
        SimulationSummary s = SampleSummary.Create();
        string name = "Counterfactual without spoilers (al-Nusra separated, militias restrained)";
        s = s with { Variants = [s.Variants[0] with { Name = name }, s.Variants[1]] };
        string text = ConsoleReport.Render(s, color: false, width: 200);
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.DoesNotContain("…", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    [InlineData(120)]
    public void Render_LongNamesOnANarrowTerminal_WrapWithinTheirCells_FitTheWidth_AndLoseNoCharacter(int width)
    {
        SimulationSummary s = SampleSummary.Create();
        string name = "Counterfactual without spoilers (al-Nusra separated, militias restrained)";
        s = s with { Variants = [s.Variants[0] with { Name = name }, s.Variants[1]] };
        string text = ConsoleReport.Render(s, color: false, width: width);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}"));
        Assert.DoesNotContain("…", text, StringComparison.Ordinal);
        // Every word of the name is in the table, in order, whatever the lines its cell was wrapped onto.
        int at = 0;
        foreach (string word in name.Split(' '))
        {
            at = text.IndexOf(word, at, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{word}' missing or out of order:\n{text}");
        }
    }

    [Fact]
    public void Render_NarrowerThanEightyColumns_IsLaidOutForEighty()
    {
        SimulationSummary s = SampleSummary.Create();
        Assert.Equal(ConsoleReport.Render(s, color: false, width: ConsoleTable.MinWidth), ConsoleReport.Render(s, color: false, width: 30));
    }

    [Fact]
    public void Render_NotATerminal_HasAFixedWidth()
    {
        SimulationSummary s = SampleSummary.Create();
        Assert.Equal(ConsoleReport.Render(s, color: false, width: ConsoleTable.DefaultWidth), ConsoleReport.Render(s, color: false));
    }

    [Fact]
    public void Render_ActorTableHeaders_AreTheVariantsShortLabels_AboveTheirOwnNumbers()
    {
        SimulationSummary s = Charts.ShortLabelsTest.WithShortLabels();
        string[] lines = ConsoleReport.Render(s, color: false).Split('\n');
        string header = lines.Single(l => l.TrimStart().StartsWith("Actor", StringComparison.Ordinal));
        string south = lines.Single(l => l.TrimStart().StartsWith("South ", StringComparison.Ordinal) && l.Contains('/'));
        Assert.Contains("Mediator", header, StringComparison.Ordinal);
        // Right-aligned: each header ends where its column of numbers ends.
        Assert.Equal(header.IndexOf("baseline", StringComparison.Ordinal) + "baseline".Length, south.IndexOf("55%", StringComparison.Ordinal) + 3);
        Assert.Equal(header.IndexOf("Mediator", StringComparison.Ordinal) + "Mediator".Length, south.IndexOf("66%", StringComparison.Ordinal) + 3);
    }

    [Fact]
    public void Render_ManyVariants_ListsActorsOnePerRow()
    {
        SimulationSummary s = SampleSummary.Create();
        s = s with { Variants = Enumerable.Range(0, 6).Select(i => s.Variants[i % 2] with { Id = "v" + i }).ToList() };
        string text = ConsoleReport.Render(s, color: false);
        Assert.Matches(@"Variant +Actor +Mean utility +Beat BATNA", text);
    }
}
