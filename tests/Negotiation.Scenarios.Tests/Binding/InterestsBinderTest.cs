namespace Negotiation.Scenarios.Tests.Binding;

/// <summary>Weights and valuations: per option, ideal point, curve.</summary>
public class InterestsBinderTest
{
    [Fact]
    public void AllWeightsZero_IsAnError()
    {
        var yaml = Fixture.Minimal.Replace("weight: 0.6", "weight: 0").Replace("weight: 0.4", "weight: 0");
        Assert.Equal("11:7: every weight in actors.russia.interests is 0; expected at least one issue with a weight above 0", Fixture.Error(yaml));
    }

    [Fact]
    public void ValueAboveOne_IsAnError()
    {
        var yaml = Fixture.Minimal.Replace("{ban: 1, moratorium: 0.7}", "{ban: 1.2, moratorium: 0.7}");
        Assert.Equal("11:46: actors.russia.interests.accession.values.ban is 1.2; expected a number between 0 and 1", Fixture.Error(yaml));
    }

    [Fact]
    public void ValueForUnknownOption_SuggestsTheClosestOption()
    {
        var yaml = Fixture.Minimal.Replace("{ban: 1, moratorium: 0.7}", "{bann: 1, moratorium: 0.7}");
        Assert.Equal("11:41: unknown key 'bann' in actors.russia.interests.accession.values; did you mean 'ban'?", Fixture.Error(yaml));
    }

    [Fact]
    public void InterestInUnknownIssue_SuggestsTheClosestIssue()
    {
        var yaml = Fixture.Minimal.Replace("      troops: {weight: 0.4", "      troop: {weight: 0.4");
        Assert.Equal("12:7: unknown issue 'troop'; did you mean 'troops'?", Fixture.Error(yaml));
    }

    [Fact]
    public void ContinuousWithoutIdealOrCurve_IsAnError()
    {
        var yaml = Fixture.Minimal.Replace("{weight: 0.4, ideal: 0}", "{weight: 0.4}");
        Assert.Equal(
            "12:15: actors.russia.interests.troops has neither 'ideal' nor 'curve'; expected ideal: <number in [0, 100]> or curve: [[x, value], ...]",
            Fixture.Error(yaml));
    }

    [Fact]
    public void ValuesOnAContinuousIssue_IsAnError()
    {
        var yaml = Fixture.Minimal.Replace("{weight: 0.4, ideal: 0}", "{weight: 0.4, ideal: 0, values: {a: 1}}");
        Assert.Equal(
            "12:39: 'values' in actors.russia.interests.troops applies to a discrete issue; expected ideal: <number> or curve: [[x, value], ...]",
            Fixture.Error(yaml));
    }

    [Fact]
    public void CurveNotAscending_IsAnError()
    {
        var yaml = Fixture.Minimal.Replace("{weight: 0.4, ideal: 0}", "{weight: 0.4, curve: [[0, 1], [50, 0.5], [40, 0]]}");
        Assert.Equal("12:56: actors.russia.interests.troops.curve has x = 40 after x = 50; expected x in ascending order", Fixture.Error(yaml));
    }

    [Fact]
    public void UnknownLoss_SuggestsTheClosest()
    {
        var yaml = Fixture.Minimal.Replace("{weight: 0.4, ideal: 0}", "{weight: 0.4, ideal: 0, loss: quadratik}");
        Assert.Equal("12:45: actors.russia.interests.troops.loss is 'quadratik'; did you mean 'quadratic'?", Fixture.Error(yaml));
    }
}
