using CsCheck;
using Negotiation.Reporting.Charts;

namespace Negotiation.Reporting.Tests.Charts;

public sealed class ChartLabelsTest
{
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
    public void Wrap_TooMuchText_TakesMoreLinesAndCutsNothing()
    {
        // Labels used to be cut after two lines ("one two\nthree fo…"): 92 labels of one report ended in "…".
        Assert.Equal("one two\nthree\nfour five\nsix", ChartLabels.Wrap("one two three four five six", 9));
        Assert.Equal("monitoring.values.\nnew-organisation.\nextra", ChartLabels.Wrap("monitoring.values.new-organisation.extra", 18));
    }

    [Fact]
    public void Wrap_WordLongerThanALine_IsSplitNotCut()
    {
        Assert.Equal("abcdef\nghij", ChartLabels.Wrap("abcdefghij", 6));
    }

    [Fact]
    public void Wrap_AnyText_KeepsEveryCharacterWithinTheWidth()
    {
        Gen.Select(Gen.String[Gen.Char["ab .-\n"], 0, 80], Gen.Int[1, 30]).Sample((text, width) =>
        {
            string wrapped = ChartLabels.Wrap(text, width);
            Assert.All(wrapped.Split('\n'), l => Assert.True(l.Length <= width, $"'{l}' longer than {width}"));
            Assert.DoesNotContain("…", wrapped, StringComparison.Ordinal);
            static string Visible(string s) => new(s.Where(c => c is not (' ' or '\n')).ToArray());
            Assert.Equal(Visible(text), Visible(wrapped));
        });
    }
}
