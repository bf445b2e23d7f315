namespace Negotiation.Scenarios.Tests.Binding;

public class RedLinesBinderTest
{
    private static string WithRedLines(string lines) =>
        Fixture.Minimal.Replace("  russia:\n", $"  russia:\n    redLines:\n{lines}\n");

    [Fact]
    public void ExcludingEveryOption_IsAnError()
    {
        Assert.Equal(
            "11:18: actors.russia.redLines.accession excludes every option of issue 'accession'; expected at least one acceptable option",
            Fixture.Error(WithRedLines("      accession: [open-door, moratorium, ban]")));
    }

    [Fact]
    public void ExcludingUnknownOption_SuggestsTheClosest()
    {
        Assert.Equal(
            "11:19: unknown option 'opendoor' of issue 'accession'; did you mean 'open-door'?",
            Fixture.Error(WithRedLines("      accession: [opendoor]")));
    }

    [Fact]
    public void RangeOutsideTheIssueRange_IsAnError()
    {
        Assert.Equal(
            "11:30: actors.russia.redLines.troops.max is 150, outside the range of issue 'troops'; expected a number within [0, 100]",
            Fixture.Error(WithRedLines("      troops: {min: 10, max: 150}")));
    }

    [Fact]
    public void RangeWithMinAboveMax_IsAnError()
    {
        Assert.Equal(
            "11:15: actors.russia.redLines.troops has min 60 greater than max 40; expected min <= max",
            Fixture.Error(WithRedLines("      troops: {min: 60, max: 40}")));
    }
}
