namespace Negotiation.Scenarios.Tests.Binding;

/// <summary>Actor-level checks: power, reservation, blocs, guarantors.</summary>
public class ActorsBinderTest
{
    private static string WithRussia(string line) =>
        Fixture.Minimal.Replace("  russia:\n", $"  russia:\n    {line}\n");

    [Fact]
    public void NegativePower_IsAnError()
    {
        Assert.Equal("10:12: actors.russia.power is -1; expected a number >= 0", Fixture.Error(WithRussia("power: -1")));
    }

    [Fact]
    public void ReservationAboveOne_IsAnError()
    {
        Assert.Equal("10:18: actors.russia.reservation is 1.5; expected a number between 0 and 1", Fixture.Error(WithRussia("reservation: 1.5")));
    }

    [Fact]
    public void ReservationDistributionReachingBelowZero_IsAnError()
    {
        Assert.Equal(
            "10:18: actors.russia.reservation can take values in [-infinity, infinity]; expected a number between 0 and 1 for every draw (narrow or truncate the distribution)",
            Fixture.Error(WithRussia("reservation: {dist: normal, mean: 0.3, sd: 0.1}")));
    }

    [Fact]
    public void ReservationWithTrend_ReadsValueAndTrend()
    {
        var actor = Fixture.Load(WithRussia("reservation: {value: 0.3, trend: 0.02}")).Baseline.Scenario.Actor("russia");
        Assert.Equal(new Negotiation.Core.Model.Reservation(0.3, 0.02), actor.Reservation);
    }

    [Fact]
    public void ReservationMappingWithoutValue_IsAnError()
    {
        Assert.Equal(
            "10:18: missing required key 'value' in actors.russia.reservation; expected value: <number between 0 and 1>",
            Fixture.Error(WithRussia("reservation: {trend: 0.02}")));
    }

    [Fact]
    public void BlocMemberUnknown_SuggestsTheClosestActor()
    {
        Assert.Equal("10:15: unknown actor 'usaa'; did you mean 'usa'?", Fixture.Error(WithRussia("members: [usaa]")));
    }

    [Fact]
    public void BlocNamingItself_IsAnError()
    {
        Assert.Equal("10:14: actors.russia.members names the bloc 'russia' itself; expected other actors as members", Fixture.Error(WithRussia("members: [usa, russia]")));
    }

    // Two blocs and two plain states: 'west' (a bloc of usa and 'eu'), 'eu' a bloc of 'de' and 'fr'.
    private static string Nested(string euMembers) => Fixture.Minimal.Replace(
        "  usa:\n",
        "  west:\n    members: [usa, eu]\n  eu:\n    members: " + euMembers + "\n  de: {}\n  fr: {}\n  usa:\n");

    [Fact]
    public void BlocWhoseMemberIsABloc_IsAnErrorAtTheOuterMembersList()
    {
        // Before, this validated and the engine never asked de or fr: a term either red-lines could be agreed.
        Assert.Equal(
            "14:14: actors.west.members names 'eu', which is itself a bloc (members: de, fr); nested blocs are not supported: "
            + "the engine asks only a bloc's direct members for consent. List the members of 'eu' in actors.west.members instead, or drop members: from 'eu'",
            Fixture.Error(Nested("[de, fr]")));
    }

    [Fact]
    public void BlocsListingEachOther_AreReportedAsACycleAtBothMembersLists()
    {
        var errors = Fixture.Errors(Nested("[de, west]"));
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("14:14: actors.west.members names 'eu'", errors[0], StringComparison.Ordinal);
        Assert.Contains("'eu' lists 'west' among its own members in turn, a cycle of blocs", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("16:14: actors.eu.members names 'west'", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ConsentQuotaAboveMemberCount_IsAnError()
    {
        Assert.Equal(
            "11:22: actors.russia.consent.quota is 2 but only 1 can agree; expected a quota between 1 and 1",
            Fixture.Error(WithRussia("members: [usa]\n    consent: {quota: 2}")));
    }

    [Fact]
    public void ConsentWithoutMembers_IsAnError()
    {
        Assert.Equal(
            "10:14: actors.russia.consent is set but the actor has no members; expected consent only for a bloc with members: [a, b]",
            Fixture.Error(WithRussia("consent: majority")));
    }

    [Fact]
    public void AnswersForUnknownActor_IsAnError()
    {
        Assert.Equal("10:18: unknown actor 'syria'; expected one of the actors: russia, usa", Fixture.Error(WithRussia("answersFor: [syria]")));
    }

    [Fact]
    public void ComplianceDiscountOfOne_IsAnError()
    {
        Assert.Equal(
            "10:28: actors.russia.compliance.discount is 1; expected a number strictly between 0 and 1",
            Fixture.Error(WithRussia("compliance: {discount: 1, response: grim-trigger}")));
    }

    [Fact]
    public void ComplianceUnknownResponse_SuggestsTheClosest()
    {
        Assert.Equal(
            "10:28: actors.russia.compliance.response is 'grim-triger'; did you mean 'grim-trigger'?",
            Fixture.Error(WithRussia("compliance: {response: grim-triger}")));
    }

    [Fact]
    public void Beliefs_AboutAnotherActor_AreRead()
    {
        var russia = Fixture.Load(WithRussia("beliefs: {usa: {reservation: {dist: uniform, min: 0.2, max: 0.4}}}")).Baseline.Scenario.Actors[0];
        Assert.Equal(new Negotiation.Core.Model.UniformDist(0.2, 0.4), russia.Beliefs!["usa"]);
    }

    [Fact]
    public void Beliefs_AboutItself_IsAnError()
    {
        Assert.Equal("10:15: actors.russia.beliefs.russia: an actor knows its own reservation value; expected beliefs about other actors only",
            Fixture.Error(WithRussia("beliefs: {russia: {reservation: 0.3}}")));
    }

    [Fact]
    public void Beliefs_AboutAnUnknownActor_SuggestsTheClosest()
    {
        Assert.Equal("10:15: unknown actor 'usaa'; did you mean 'usa'?", Fixture.Error(WithRussia("beliefs: {usaa: {reservation: 0.3}}")));
    }

    [Fact]
    public void DelayAndAudienceCosts_AreRead_AndBounded()
    {
        var russia = Fixture.Load(Fixture.Minimal.Replace("  russia:\n", "  russia:\n    delayCost: 0.01\n    audienceCost: 0.5\n")).Baseline.Scenario.Actors[0];
        Assert.Equal(new Negotiation.Core.Model.Fixed(0.01), russia.DelayCost);
        Assert.Equal(new Negotiation.Core.Model.Fixed(0.5), russia.AudienceCost);
        Assert.Equal("10:19: actors.russia.audienceCost is -1; expected a number >= 0", Fixture.Error(WithRussia("audienceCost: -1")));
    }
}
