using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;

namespace Negotiation.Simulation.Tests.Compliance;

public sealed partial class ComplianceSimulatorTest
{
    private static ComplianceRig SpoiledBy(Spoiler spoiler, ComplianceTraits government, int horizon = 52) =>
        new(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", 0, 0, "rebels")], spoilers: [spoiler], horizon: horizon),
            Ceasefire.Party("government", government),
            Ceasefire.Party("rebels")));

    [Fact]
    public void Spoiler_MisattributedAttack_IsTakenForTheBlamedPartysViolation()
    {
        var observer = new RecordingObserver();

        var result = SpoiledBy(new Spoiler("nusra", "al-Nusra", 1, 1, ["rebels"]), Ceasefire.Traits(ResponseKind.GrimTrigger)).Run(0, observer: observer);

        // Parties: government 0, rebels 1, nusra 2. The attack is seen as the rebels' violation; the spoiler is the first violator.
        Assert.Equal(new ComplianceResult(0, CollapseCause.Spoiler, 2, 0), result);
        Assert.Equal((1, 1, CollapseCause.Spoiler), Assert.Single(observer.Detections));
    }

    [Fact]
    public void Spoiler_CorrectlyAttributedAttacks_NeverEndTheAgreement()
    {
        var rig = SpoiledBy(new Spoiler("nusra", "al-Nusra", 1, 0, ["rebels"]), Ceasefire.Traits(ResponseKind.GrimTrigger));

        Assert.DoesNotContain(Enumerable.Range(0, 200), r => rig.Run(r).Cause == CollapseCause.Spoiler);
    }

    [Fact]
    public void Spoiler_ProbabilityOfSpoilerCollapse_MatchesAttackTimesMisattribution()
    {
        // One weekly period, grim government: attacks at the hazard −ln(1 − 0.3) per week, each misattributed with 0.4:
        // P(collapse by spoiler) = 1 − exp(0.4 · ln 0.7) = 1 − 0.7^0.4 = 0.1330
        var rig = SpoiledBy(new Spoiler("nusra", "al-Nusra", 0.3, 0.4, ["rebels"]), Ceasefire.Traits(ResponseKind.GrimTrigger), horizon: 1);
        var share = Enumerable.Range(0, 20_000).Count(r => rig.Run(r).Cause == CollapseCause.Spoiler) / 20_000.0;

        // √(0.133 · 0.867 / 20000) = 0.0024; ±0.01 is over 4 standard errors.
        Assert.InRange(share, 0.123, 0.143);
    }

    [Fact]
    public void Spoiler_UnderForgivingResponders_TestsButNeedNotEndTheAgreement()
    {
        var observer = new RecordingObserver();

        var result = SpoiledBy(new Spoiler("nusra", "al-Nusra", 1, 1, ["rebels"]), Ceasefire.Traits(ResponseKind.ForgivingTitForTat, forgiveness: 1), horizon: 4)
            .Run(0, observer: observer);

        Assert.Equal(CollapseCause.None, result.Cause);
        Assert.Equal(2, result.FirstViolator);
        Assert.Contains(observer.Responses, r => r.Action == ResponseAction.Forgive);
    }
}
