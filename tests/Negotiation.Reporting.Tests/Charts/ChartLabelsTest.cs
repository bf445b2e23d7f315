using CsCheck;
using Negotiation.Reporting.Charts;

namespace Negotiation.Reporting.Tests.Charts;

public sealed class ChartLabelsTest
{
    [Fact]
    public void Shorten_LongText_EndsWithEllipsisAtTheWidth()
    {
        Assert.Equal("With a monit…", ChartLabels.Shorten("With a monitoring mechanism", 13));
        Assert.Equal("Short", ChartLabels.Shorten("Short", 13));
    }

    [Fact]
    public void Wrap_Words_BreaksBetweenWords()
    {
        Assert.Equal("Counterfactual without\nspoilers", ChartLabels.Wrap("Counterfactual without spoilers", 24));
    }

    [Fact]
    public void Wrap_ParameterPath_BreaksAfterDots()
    {
        Assert.Equal("actors.opposition.\ninterests.flights.weight", ChartLabels.Wrap("actors.opposition.interests.flights.weight", 26));
    }

    [Fact]
    public void Wrap_TooMuchText_CutsTheLastLine()
    {
        Assert.Equal("one two\nthree fo…", ChartLabels.Wrap("one two three four five six", 9, maxLines: 2));
    }

    [Fact]
    public void Wrap_CutLastLine_KeepsTheOriginalSeparators()
    {
        Assert.Equal("monitoring.values.\nnew-organisation", ChartLabels.Wrap("monitoring.values.new-organisation", 18));
        Assert.Equal("monitoring.values.\nnew-organisation.…", ChartLabels.Wrap("monitoring.values.new-organisation.extra", 18));
    }

    [Fact]
    public void ShortenStart_KeepsTheTail()
    {
        Assert.Equal("…accession.weight", ChartLabels.ShortenStart("actors.nato.interests.accession.weight", 17));
        Assert.Equal("short", ChartLabels.ShortenStart("short", 17));
    }

    [Fact]
    public void Wrap_AnyText_StaysWithinTheLimits()
    {
        Gen.Select(Gen.String[Gen.Char["ab .-\n"], 0, 80], Gen.Int[1, 30], Gen.Int[1, 4]).Sample((text, width, maxLines) =>
        {
            string[] lines = ChartLabels.Wrap(text, width, maxLines).Split('\n');
            Assert.True(lines.Length <= maxLines, $"{lines.Length} lines");
            Assert.All(lines, l => Assert.True(l.Length <= width, $"'{l}' longer than {width}"));
        });
    }
}
