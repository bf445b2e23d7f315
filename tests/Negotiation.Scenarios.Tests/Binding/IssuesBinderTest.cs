namespace Negotiation.Scenarios.Tests.Binding;

public class IssuesBinderTest
{
    [Fact]
    public void RangeWithMinAboveMax_IsAnError()
    {
        var yaml = Fixture.Minimal.Replace("range: [0, 100]", "range: [100, 0]").Replace(", ideal: 0}", ", ideal: 0.5}");
        Assert.Equal(
            [
                "7:12: issues.troops.range is [100, 0]; expected [min, max] with min < max",
            ],
            Fixture.Errors(yaml));
    }

    [Fact]
    public void IssueWithBothOptionsAndRange_IsAnError()
    {
        var yaml = Fixture.Minimal.Replace("    range: [0, 100]", "    range: [0, 100]\n    options: [a, b]");
        Assert.Equal(
            "6:3: issue 'troops' has both 'options' and 'range'; expected options: [a, b, c] for a discrete issue or range: [min, max] for a continuous one",
            Fixture.Errors(yaml)[0]);
    }

    [Fact]
    public void DuplicateOption_IsAnError()
    {
        var yaml = Fixture.Minimal.Replace("[open-door, moratorium, ban]", "[open-door, moratorium, ban, ban]");
        Assert.Equal("5:43: option 'ban' appears twice in issues.accession.options; expected distinct option ids", Fixture.Error(yaml));
    }

    [Fact]
    public void SingleOption_IsAnError()
    {
        var yaml = "schemaVersion: 1\ntitle: t\nissues:\n  a: {options: [x]}\nactors: {u: {}}\nprotocol: {deadline: 3}";
        Assert.Equal("4:16: issues.a.options has 1 option; expected at least two options to choose between", Fixture.Error(yaml));
    }

    [Fact]
    public void ResolutionBelowTwo_IsAnError()
    {
        var yaml = Fixture.Minimal.Replace("range: [0, 100]", "range: [0, 100]\n    resolution: 1");
        Assert.Equal("8:17: issues.troops.resolution is 1; expected a whole number between 2 and 1000", Fixture.Error(yaml));
    }
}
