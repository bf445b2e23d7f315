namespace Negotiation.Scenarios.Tests.Binding;

public class ExpectedUtilityBinderTest
{
    private static string With(string section) => Fixture.Minimal + "\n" + section;

    [Fact]
    public void Scales_InOrder_AreKept()
    {
        var scenario = Fixture.Load(With("""
            expectedUtility:
              scales:
                accession: [ban, moratorium, open-door]
              rounds: 5
            """)).Baseline.Scenario;
        Assert.Equal(["ban", "moratorium", "open-door"], scenario.ExpectedUtility!.Scales["accession"]);
        Assert.Equal(5, scenario.ExpectedUtility.Rounds);
    }

    [Fact]
    public void Scale_MissingAnOption_IsAnErrorAtTheList()
    {
        var error = Fixture.Error(With("""
            expectedUtility:
              scales:
                accession: [ban, open-door]
            """));
        Assert.StartsWith("20:16: expectedUtility.scales.accession lists ban, open-door; expected every option of 'accession' exactly once", error);
    }

    [Fact]
    public void Scale_OfAContinuousIssue_IsRefused()
    {
        var error = Fixture.Error(With("""
            expectedUtility:
              scales:
                troops: [a, b]
            """));
        Assert.Contains("issue 'troops' is continuous", error);
    }

    [Fact]
    public void Scale_UnknownOption_SaysWhichOptionsExist()
    {
        var error = Fixture.Error(With("""
            expectedUtility:
              scales:
                accession: [ban, moratorium, opendoor]
            """));
        Assert.Contains("unknown option 'opendoor' of issue 'accession'", error);
        Assert.Contains("open-door", error);
    }

    [Fact]
    public void ExplicitInputs_AreBoundWithLimits()
    {
        var scenario = Fixture.Load(With("""
            expectedUtility:
              actors:
                usa:
                  troops: {capability: 2, position: 70, salience: 0.5}
            """)).Baseline.Scenario;
        var input = Assert.Single(scenario.ExpectedUtility!.Inputs);
        Assert.Equal(("usa", "troops", 70.0), (input.ActorId, input.IssueId, input.Position.Mean));

        var error = Fixture.Error(With("""
            expectedUtility:
              actors:
                usa:
                  troops: {capability: 2, position: 170, salience: 0.5}
            """));
        Assert.Contains("position", error);
        Assert.Contains("[0, 100]", error);
    }
}
