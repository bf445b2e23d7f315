using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;

namespace Negotiation.Simulation.Tests.Negotiation;

public partial class NegotiationSimulatorTest
{
    /// <summary>
    /// Russia and NATO sign; NATO is a bloc of the USA and Turkey. The opening text (moratorium) is acceptable to
    /// Russia, NATO and the USA (value .8 ≥ level .5), but crosses Turkey's red line. Deadline 1: the opening is all there is.
    /// </summary>
    private static Scenario BlocScenario(SigningRule consent, SigningRule rule, params string[] signatories)
    {
        var issue = Issue.Discrete("accession", "Accession", "open-door", "moratorium", "ban");
        Interest Values(double openDoor, double moratorium, double ban) =>
            new("accession", 1.0, new Dictionary<string, Uncertain> { ["open-door"] = openDoor, ["moratorium"] = moratorium, ["ban"] = ban }, null);
        var actors = new[]
        {
            TestScenarios.Actor("russia", StrategySpec.Hardliner(0.5), 0, null, Values(0, 0.8, 1)),
            TestScenarios.Actor("nato", StrategySpec.Hardliner(0.5), 0, null, Values(1, 0.8, 0)) with
            {
                Bloc = new BlocSpec(["usa", "turkey"], consent),
            },
            TestScenarios.Actor("usa", StrategySpec.Hardliner(0.5), 0, null, Values(1, 0.8, 0)),
            TestScenarios.Actor("turkey", StrategySpec.Hardliner(0.5), 0, [new RedLine("accession", ["moratorium"])], Values(1, 0.8, 0)),
        };
        var proposal = new Proposal("moratorium", "Moratorium", [Term.Option("accession", "moratorium")]);
        return TestScenarios.Build("bloc", [issue], actors,
            new Protocol(ProtocolKind.AlternatingOffers, signatories, rule, ["russia"], 1, 7, Opening: "moratorium"), proposals: [proposal]);
    }

    [Fact]
    public void Bloc_UnanimousConsent_OneMemberAcrossItsRedLine_BlocRejects()
    {
        var observer = new RecordingObserver();
        var (result, _) = TestScenarios.RunOnce(BlocScenario(SigningRule.Unanimity, SigningRule.Unanimity, "russia", "nato"), observer);

        Assert.False(result.Agreed);
        Assert.Contains((1, 3, 1, ResponseReason.RedLine), observer.Responses);
        Assert.Contains((1, 2, 1, ResponseReason.Accepted), observer.Responses);
        Assert.Contains((1, 1, -1, ResponseReason.NoBlocConsent), observer.Responses);
    }

    [Fact]
    public void Bloc_QuotaOfOneConsent_OneMemberSuffices()
    {
        var (result, ws) = TestScenarios.RunOnce(BlocScenario(new SigningRule(SigningRuleKind.Quota, 1), SigningRule.Unanimity, "russia", "nato"));

        Assert.Equal(new NegotiationResult(true, 1, -1, BreakdownCause.None, -1), result);
        Assert.Equal(1.0, ws.Package[0]);
    }

    [Fact]
    public void Majority_TwoOfThreeSignatories_Suffice()
    {
        // Turkey signs directly and rejects; Russia and the USA accept: 2 ≥ 3/2 + 1.
        var (result, _) = TestScenarios.RunOnce(BlocScenario(SigningRule.Unanimity, SigningRule.Majority, "russia", "usa", "turkey"));

        Assert.True(result.Agreed);
    }

    [Fact]
    public void Unanimity_OneSignatoryAcrossItsRedLine_NoAgreement()
    {
        var (result, _) = TestScenarios.RunOnce(BlocScenario(SigningRule.Unanimity, SigningRule.Unanimity, "russia", "usa", "turkey"));

        Assert.Equal(new NegotiationResult(false, 1, -1, BreakdownCause.Deadline, -1), result);
    }
}
