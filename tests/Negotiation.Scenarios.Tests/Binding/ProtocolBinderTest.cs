namespace Negotiation.Scenarios.Tests.Binding;

public class ProtocolBinderTest
{
    /// <summary>Adds a protocol line after the deadline (line 18, value at column <c>3 + key length + 2</c>).</summary>
    private static string With(string line) => Fixture.Minimal + "\n  " + line;

    [Fact]
    public void DeadlineBelowOne_IsAnError()
    {
        Assert.Equal("17:13: protocol.deadline is 0; expected a whole number between 1 and 10000", Fixture.Error(Fixture.Minimal.Replace("deadline: 10", "deadline: 0")));
    }

    [Fact]
    public void EmptySignatories_NamesNobody()
    {
        Assert.Equal("18:16: protocol.signatories names nobody; expected a list of actor ids or the word all", Fixture.Error(With("signatories: []")));
    }

    [Fact]
    public void UnknownSignatory_SuggestsTheClosest()
    {
        Assert.Equal("18:22: unknown actor 'rusia'; did you mean 'russia'?", Fixture.Error(With("signatories: [usa, rusia]")));
    }

    [Fact]
    public void SignatoriesAll_MeansEveryActor()
    {
        var protocol = Fixture.Load(With("signatories: all")).Baseline.Scenario.Protocol;
        Assert.Equal(["russia", "usa"], protocol.Signatories);
    }

    [Fact]
    public void SingleTextWithoutMediator_IsAnError()
    {
        Assert.Equal(
            "18:9: protocol.type is single-text but no mediator is named; expected mediator: <actor id> for a single negotiating text",
            Fixture.Error(With("type: single-text")));
    }

    [Fact]
    public void UnknownOpeningProposal_IsAnError()
    {
        Assert.Equal("18:12: unknown proposal 'draft'; expected one of the proposals", Fixture.Error(With("opening: draft")));
    }

    [Fact]
    public void QuotaAboveSignatoryCount_IsAnError()
    {
        Assert.Equal("18:17: protocol.rule.quota is 3 but only 2 can agree; expected a quota between 1 and 2", Fixture.Error(With("rule: {quota: 3}")));
    }

    [Fact]
    public void UnknownRule_SuggestsTheClosest()
    {
        Assert.Equal("18:9: protocol.rule is 'majorty'; did you mean 'majority'?", Fixture.Error(With("rule: majorty")));
    }

    [Fact]
    public void MajorityRule_IsRead()
    {
        Assert.Equal(Negotiation.Core.Model.SigningRule.Majority, Fixture.Load(With("rule: majority")).Baseline.Scenario.Protocol.Rule);
    }

    [Fact]
    public void DeadlineMinAfterTheDeadline_IsAnError()
    {
        Assert.Equal("18:16: protocol.deadlineMin is 12, after the deadline 10; expected a first possible last round <= deadline",
            Fixture.Error(With("deadlineMin: 12")));
    }

    [Fact]
    public void InformationHazardAndRecognition_AreRead()
    {
        var protocol = Fixture.Load(With("information: complete\n  hazard: 0.05\n  recognition: power\n  deadlineMin: 8\n  beliefNoise: 0.1"))
            .Baseline.Scenario.Protocol;
        Assert.Equal(Negotiation.Core.Model.InformationKind.Complete, protocol.Information);
        Assert.Equal(new Negotiation.Core.Model.Fixed(0.05), protocol.Hazard);
        Assert.Equal(Negotiation.Core.Model.RecognitionKind.Power, protocol.Recognition);
        Assert.Equal(8, protocol.DeadlineMin);
        Assert.Equal(0.1, protocol.BeliefNoise);
    }

    [Fact]
    public void PrivateInformation_IsTheDefault() =>
        Assert.Equal(Negotiation.Core.Model.InformationKind.Private, Fixture.Load(Fixture.Minimal).Baseline.Scenario.Protocol.Information);

    [Fact]
    public void HazardOfOne_IsAnError()
    {
        Assert.Equal("18:11: protocol.hazard is 1; expected a number within [0, 0.99]", Fixture.Error(With("hazard: 1")));
    }
}
