using Negotiation.Scenarios.Writing;
using GeniusFixture = Negotiation.Scenarios.Tests.Genius.Fixture;
using Negotiation.Core.Model;
using Negotiation.Scenarios.Genius;

namespace Negotiation.Scenarios.Tests.Writing;

/// <summary>The writer is general: every part of a Core scenario has its place in the format.</summary>
public partial class ScenarioYamlWriterTest
{
    private static Scenario Everything()
    {
        Issue[] issues =
        [
            new("accession", "NATO accession", IssueKind.Discrete, [new("open-door", "open-door"), new("moratorium", "Five-year moratorium"), new("ban", "ban")], 0, 2, 3),
            Issue.Continuous("troops", "Troop ceiling", 0, 100, 11, "thousand troops"),
        ];
        var russia = new Actor(
            "russia",
            "Russia",
            0.8,
            [
                new Interest("accession", 0.4, new Dictionary<string, Uncertain> { ["ban"] = 1.0, ["open-door"] = 0.0, ["moratorium"] = new TriangularDist(0.5, 0.7, 0.9) }, null),
                new Interest("troops", 0.2, null, 0.0, LossShape.Quadratic),
            ],
            [new RedLine("accession", ["open-door"]), new RedLine("troops", [], Max: 50)],
            new Reservation(new PertDist(0.2, 0.3, 0.4), -0.01),
            new StrategySpec(StrategyKind.TimeDependent, 0.5, 0.9, Floor: 0.3),
            new ComplianceTraits(ResponseKind.GrimTrigger, 0.9, 0.5, 2.0),
            Description: "Moscow");
        var nato = new Actor(
            "nato",
            "NATO",
            1.0,
            [new Interest("troops", new NormalDist(0.5, 0.1, 0, 1), null, null, LossShape.Linear, [new CurvePoint(0, 0), new CurvePoint(100, 1)])],
            [],
            Reservation.Constant(new BetaDist(2, 3)),
            StrategySpec.Hardliner(0.7),
            ComplianceTraits.Default,
            new BlocSpec(["usa"], new SigningRule(SigningRuleKind.Quota, 1)),
            ["usa"]);
        var usa = new Actor("usa", "USA", 1.0, [new Interest("troops", new UniformDist(0.1, 0.3), null, 100.0)], [], Reservation.Constant(new LogNormalDist(-1, 0.2)),
            StrategySpec.TitForTat(0.8), ComplianceTraits.Default);
        var compliance = new ComplianceDesign(
            52,
            7,
            [new Provision("flights", "No flights", ["russia"], new PertDist(0.01, 0.03, 0.08), 0.1, new TermCondition("accession", ["ban"])) { Partial = new PartialViolation(0.4, 0.1) }],
            [new Mechanism("jic", "Joint Implementation Center", MechanismKind.JointMonitoring, Detection: 0.6, Stage: "start", When: new TermCondition("troops", [], 0, 50))],
            [new Spoiler("nusra", "Jabhat al-Nusra", 0.3, 0.4, ["russia"])],
            [new Stage("start", "JIC starts", 7, 0.02)],
            new RenewalTerms(1825, 365, 0.1)) { Withdrawal = new WithdrawalTerms(0.02, 90, ["russia"]) };
        return new Scenario(
            new ScenarioMetadata("everything", "Everything: a test", "Line one\nline two", ["seed.txt"], 1),
            issues,
            [russia, nato, usa],
            [new Proposal("draft", "Draft treaty", [Term.Option("accession", "ban"), Term.Number("troops", 0)])],
            new Protocol(ProtocolKind.SingleText, ["russia", "nato"], SigningRule.Majority, ["russia"], 12, 3.5, "usa", "draft"),
            [new ScenarioEvent("sanctions", "Sanctions", 4, 0.6, [new ReservationShift("russia", -0.05), new ValueShift("usa", "accession", "ban", -0.1), new ValueShift("nato", "troops", null, 0.2)])],
            compliance);
    }

    [Theory]
    [InlineData("title: \"Everything: a test\"")]
    [InlineData("description: \"Line one\\nline two\"")]
    [InlineData("      - {id: moratorium, label: Five-year moratorium}")]
    [InlineData("    range: [0, 100]\n    unit: thousand troops\n    resolution: 11")]
    [InlineData("    power: 0.8")]
    [InlineData("    reservation: {value: {dist: pert, min: 0.2, mode: 0.3, max: 0.4}, trend: -0.01}")]
    [InlineData("          open-door: 0\n          moratorium: {dist: triangular, min: 0.5, mode: 0.7, max: 0.9}\n          ban: 1")] // option order, not dictionary order
    [InlineData("        ideal: 0\n        loss: quadratic")]
    [InlineData("      accession: [open-door]\n      troops: {max: 50}")]
    [InlineData("    strategy: {type: time-dependent, e: 0.5, start: 0.9, floor: 0.3}")]
    [InlineData("    compliance:\n      response: grim-trigger\n      discount: 0.9\n      forgiveness: 0.5\n      tolerance: 2")]
    [InlineData("        weight: {dist: normal, mean: 0.5, sd: 0.1, min: 0, max: 1}\n        curve: [[0, 0], [100, 1]]")]
    [InlineData("    reservation: {dist: beta, alpha: 2, beta: 3}")]
    [InlineData("    strategy: {type: hardliner, e: 1, start: 1, level: 0.7}")]
    [InlineData("    members: [usa]\n    consent: {quota: 1}\n    answersFor: [usa]")]
    [InlineData("        weight: {dist: uniform, min: 0.1, max: 0.3}")]
    [InlineData("    reservation: {dist: lognormal, mu: -1, sigma: 0.2}")]
    [InlineData("    strategy: {type: tit-for-tat, e: 1, start: 1, reciprocity: 0.8}")]
    [InlineData("proposals:\n  draft:\n    name: Draft treaty\n    terms: {accession: ban, troops: 0}")]
    [InlineData("protocol:\n  type: single-text\n  signatories: [russia, nato]\n  rule: majority\n  proposers: [russia]\n  deadline: 12\n  roundDays: 3.5\n  mediator: usa\n  opening: draft")]
    [InlineData("    effects:\n      - {actor: russia, reservation: -0.05}\n      - {actor: usa, issue: accession, option: ban, value: -0.1}\n      - {actor: nato, issue: troops, value: 0.2}")]
    [InlineData("compliance:\n  horizon: 52\n  periodDays: 7\n  provisions:\n    flights:\n      name: No flights\n      obligated: [russia]\n      temptation: {dist: pert, min: 0.01, mode: 0.03, max: 0.08}\n      penalty: 0.1\n      when: {issue: accession, options: [ban]}")]
    [InlineData("      when: {issue: accession, options: [ban]}\n      partial: {gain: 0.4, detection: 0.1}")]
    [InlineData("  renewal: {everyDays: 1825, noticeDays: 365, withdrawalProbability: 0.1}\n  withdrawal: {probability: 0.02, noticeDays: 90, parties: [russia]}\n")]
    [InlineData("    jic:\n      name: Joint Implementation Center\n      type: joint-monitoring\n      detection: 0.6\n      stage: start\n      when: {issue: troops, min: 0, max: 50}")]
    [InlineData("  spoilers:\n    nusra:\n      name: Jabhat al-Nusra\n      attackProbability: 0.3\n      misattribution: 0.4\n      blamedOn: [russia]")]
    [InlineData("  stages:\n    start:\n      name: JIC starts\n      afterDays: 7\n      reward: 0.02\n  renewal: {everyDays: 1825, noticeDays: 365, withdrawalProbability: 0.1}\n")]
    public void Write_EveryPartOfAScenario_HasItsPlaceInTheFormat(string expected)
    {
        Assert.Contains(expected, ScenarioYamlWriter.Write(Everything()));
    }

    [Fact]
    public void Write_DefaultValues_AreLeftOut()
    {
        var yaml = ScenarioYamlWriter.Write(Everything());
        var usaBlock = yaml[yaml.IndexOf("  usa:\n    name: USA", StringComparison.Ordinal)..yaml.IndexOf("proposals:", StringComparison.Ordinal)];

        Assert.DoesNotContain("power:", usaBlock); // power 1
        Assert.DoesNotContain("compliance:", usaBlock); // default traits
        Assert.DoesNotContain("resolution: 21", yaml);
    }

    [Fact]
    public void Write_EverythingScenario_IsValidYaml()
    {
        var root = Parse(ScenarioYamlWriter.Write(Everything()));

        Assert.Equal(["schemaVersion", "id", "title", "description", "sources", "issues", "actors", "proposals", "protocol", "events", "compliance"],
            root.Children.Keys.Select(k => k.ToString()));
    }
}
