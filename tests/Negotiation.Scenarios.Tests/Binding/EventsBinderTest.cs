namespace Negotiation.Scenarios.Tests.Binding;

public class EventsBinderTest
{
    /// <summary>Adds an event "sanctions" with the given body lines (first at line 20).</summary>
    private static string WithEvent(params string[] lines) =>
        Fixture.Minimal + "\nevents:\n  sanctions:\n" + string.Join('\n', lines.Select(l => "    " + l));

    [Fact]
    public void RoundAfterTheDeadline_IsAnError()
    {
        Assert.Equal(
            "20:12: events.sanctions.round is 11, after the deadline of 10 rounds; expected a round between 1 and 10",
            Fixture.Error(WithEvent("round: 11", "effects: [{actor: russia, reservation: -0.1}]")));
    }

    [Fact]
    public void ProbabilityAboveOne_IsAnError()
    {
        Assert.Equal(
            "21:18: events.sanctions.probability is 1.5; expected a number between 0 and 1",
            Fixture.Error(WithEvent("round: 3", "probability: 1.5", "effects: [{actor: russia, reservation: -0.1}]")));
    }

    [Fact]
    public void EffectOnUnknownActor_SuggestsTheClosest()
    {
        Assert.Equal(
            "21:23: unknown actor 'rusia'; did you mean 'russia'?",
            Fixture.Error(WithEvent("round: 3", "effects: [{actor: rusia, reservation: -0.1}]")));
    }

    [Fact]
    public void ValueShiftOnDiscreteIssueWithoutOption_IsAnError()
    {
        Assert.Equal(
            "21:15: missing required key 'option' in events.sanctions.effects.0; expected option: <option id>",
            Fixture.Error(WithEvent("round: 3", "effects: [{actor: usa, issue: accession, value: 0.1}]")));
    }

    [Fact]
    public void EffectThatIsNeitherKind_IsAnError()
    {
        Assert.Equal(
            "21:15: events.sanctions.effects.0 is neither a reservation nor a value shift; expected {actor, reservation: <shift>} or {actor, issue, option, value: <shift>}",
            Fixture.Error(WithEvent("round: 3", "effects: [{actor: usa}]")));
    }

    [Fact]
    public void ProbabilityDefaultsToOne()
    {
        var e = Assert.Single(Fixture.Load(WithEvent("round: 3", "effects: [{actor: russia, reservation: -0.1}]")).Baseline.Scenario.Events);
        Assert.Equal(new Negotiation.Core.Model.Fixed(1), e.Probability);
    }
}
