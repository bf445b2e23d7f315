using Negotiation.Core.Model;

namespace Negotiation.Scenarios.Tests;

/// <summary>A complete valid file loads into the records with every value the file gives, and defaults for the rest.</summary>
public partial class ScenarioLoaderTest
{
    private static readonly ScenarioSet Full = ScenarioLoader.Load(Fixture.PathOf("full.yaml"));

    private static Scenario Base => Full.Baseline.Scenario;

    [Fact]
    public void Load_FullFixture_GivesBaselineThenVariantsInFileOrder()
    {
        Assert.Equal(["russian-drafts", "ten-point", "single-text"], Full.Variants.Select(v => v.Id));
        Assert.Equal("Russia's drafts as the opening text", Full.Baseline.Name);
        Assert.Equal("The ten-point counterproposal", Full.Variants[1].Name);
        Assert.Equal("Opening with the counterproposal", Full.Variants[1].Description);
        Assert.Equal("single-text", Full.Variants[2].Name); // name defaults to the id
        Assert.Equal(Fixture.PathOf("full.yaml"), Full.SourcePath);
    }

    [Fact]
    public void Load_FullFixture_ReadsMetadata()
    {
        var metadata = Full.Metadata;
        Assert.Equal("nato-russia-2022", metadata.Id);
        Assert.Equal("NATO–Russia security guarantees, January 2022", metadata.Title);
        Assert.Equal("Free text.\n", metadata.Description);
        Assert.Equal(["004_bb7e539990b5141d.txt"], metadata.Sources);
        Assert.Equal(1, metadata.SchemaVersion);
    }

    [Fact]
    public void Load_WithoutId_TakesTheFileNameWithoutExtension()
    {
        var set = ScenarioLoader.LoadText(Fixture.Minimal, "dir/aleppo-2016.yaml");
        Assert.Equal("aleppo-2016", set.Metadata.Id);
        Assert.Equal("baseline", set.Baseline.Id);
        Assert.Equal("Minimal", set.Baseline.Name);
    }

    [Fact]
    public void Load_FullFixture_ReadsDiscreteAndContinuousIssues()
    {
        Assert.Equal(["accession", "troops", "monitoring"], Base.Issues.Select(i => i.Id));
        var accession = Base.Issue("accession");
        Assert.Equal(IssueKind.Discrete, accession.Kind);
        Assert.Equal(
            [new IssueOption("open-door", "open-door"), new IssueOption("moratorium", "Five-year moratorium, renewing automatically"), new IssueOption("ban", "ban")],
            accession.Options);
        Assert.Equal((0, 2, 3), (accession.Min, accession.Max, accession.Resolution));
        Assert.Equal("Whether NATO keeps its door open", accession.Description);
        Assert.Equal(new Negotiation.Core.Common.SourcePosition(Fixture.PathOf("full.yaml"), 13, 3), accession.Position);

        var troops = Base.Issue("troops");
        Assert.Equal(IssueKind.Continuous, troops.Kind);
        Assert.Equal((0, 100, 11, "thousand troops"), (troops.Min, troops.Max, troops.Resolution, troops.Unit));
    }

    [Fact]
    public void Load_FullFixture_ReadsActorValuationsAndRedLines()
    {
        var russia = Base.Actor("russia");
        Assert.Equal("Russia", russia.Name);
        Assert.Equal(new Fixed(0.8), russia.Power);
        Assert.Equal(new Reservation(0.35, -0.01), russia.Reservation);
        var accession = russia.Interests[0];
        Assert.Equal(("accession", new Fixed(0.4)), (accession.IssueId, accession.Weight));
        Assert.Equal(new Fixed(0.7), accession.OptionValues!["moratorium"]);
        Assert.Equal(3, accession.OptionValues.Count);
        var troops = russia.Interests[1];
        Assert.Equal((new Fixed(0), LossShape.Quadratic), (troops.Ideal, troops.Loss));
        Assert.Null(troops.OptionValues);
        Assert.Equal(["open-door"], russia.RedLines[0].ExcludedOptions);
        Assert.Equal(("troops", null, 50.0), (russia.RedLines[1].IssueId, russia.RedLines[1].Min, russia.RedLines[1].Max));
        Assert.Equal(["syria"], russia.AnswersFor!);

        var usa = Base.Actor("usa");
        Assert.Equal(new Fixed(1), usa.Power); // default
        Assert.Equal(Reservation.Constant(new PertDist(0.2, 0.3, 0.4)), usa.Reservation);
        Assert.Equal([new CurvePoint(0, 0), new CurvePoint(50, 0.8), new CurvePoint(100, 1)], usa.Interests[1].Curve!);
        Assert.Equal(new UniformDist(20, 40), Base.Actor("germany").Interests[0].Ideal);
        Assert.Equal(Reservation.Constant(0.0), Base.Actor("syria").Reservation);
        Assert.Empty(Base.Actor("syria").Interests);
    }

    [Fact]
    public void Load_FullFixture_ReadsStrategiesWithPresetsAndDefaults()
    {
        Assert.Equal(StrategySpec.Boulware(), Base.Actor("russia").Strategy);
        Assert.Equal(new StrategySpec(StrategyKind.TitForTat, 1.0, 1.0, Reciprocity: 0.8), Base.Actor("usa").Strategy);
        Assert.Equal(new StrategySpec(StrategyKind.Hardliner, 1.0, 1.0, Level: 0.7), Base.Actor("nato").Strategy);
        Assert.Equal(StrategySpec.Linear(), Base.Actor("germany").Strategy);
    }

    [Fact]
    public void Load_FullFixture_ReadsComplianceTraitsAndBlocs()
    {
        Assert.Equal(new ComplianceTraits(ResponseKind.GrimTrigger, 0.9, 0.25, 1.0), Base.Actor("russia").Compliance);
        Assert.Equal(ComplianceTraits.Default, Base.Actor("usa").Compliance);
        var bloc = Base.Actor("nato").Bloc!;
        Assert.Equal(["usa", "germany"], bloc.Members);
        Assert.Equal(new SigningRule(SigningRuleKind.Quota, 2), bloc.Consent);
        Assert.Null(Base.Actor("usa").Bloc);
    }

    [Fact]
    public void Load_FullFixture_ReadsProposalsWithTermsInIssueOrder()
    {
        var tenPoint = Base.Proposals[1];
        Assert.Equal(("ten-point", "The ten-point counterproposal", "optional"), (tenPoint.Id, tenPoint.Name, tenPoint.Description));
        Assert.Equal([Term.Option("accession", "moratorium"), Term.Number("troops", 40), Term.Option("monitoring", "jic")], tenPoint.Terms);
    }

    [Fact]
    public void Load_FullFixture_ReadsProtocol()
    {
        var protocol = Base.Protocol;
        Assert.Equal(ProtocolKind.AlternatingOffers, protocol.Kind);
        Assert.Equal(["russia", "usa", "nato"], protocol.Signatories);
        Assert.Equal(SigningRule.Unanimity, protocol.Rule);
        Assert.Equal(["russia", "usa"], protocol.Proposers);
        Assert.Equal((12, 7.0, null, "russia-draft-2021"), (protocol.Deadline, protocol.RoundDays, protocol.Mediator, protocol.Opening));
    }

    [Fact]
    public void Load_MinimalProtocol_DefaultsToAllActorsUnanimityAndWeeklyRounds()
    {
        var protocol = Fixture.Load(Fixture.Minimal).Baseline.Scenario.Protocol;
        Assert.Equal(["russia", "usa"], protocol.Signatories);
        Assert.Equal(["russia", "usa"], protocol.Proposers);
        Assert.Equal((ProtocolKind.AlternatingOffers, SigningRule.Unanimity, 7.0), (protocol.Kind, protocol.Rule, protocol.RoundDays));
    }

    [Fact]
    public void Load_FullFixture_ReadsEventsAndTheirEffects()
    {
        var sanctions = Assert.Single(Base.Events);
        Assert.Equal(("sanctions", "Sanctions package", 4), (sanctions.Id, sanctions.Name, sanctions.Round));
        Assert.Equal(new BetaDist(2, 3), sanctions.Probability);
        Assert.Equal(
            [
                new ReservationShift("russia", -0.05),
                new ValueShift("usa", "accession", "ban", -0.1),
                new ValueShift("germany", "troops", null, 0.05),
            ],
            sanctions.Effects);
    }

    [Fact]
    public void Load_FullFixture_ReadsComplianceDesign()
    {
        var design = Base.Compliance!;
        Assert.Equal((26, 14.0), (design.Horizon, design.PeriodDays));
        var provision = Assert.Single(design.Provisions);
        Assert.Equal(["syria"], provision.Obligated);
        Assert.Equal(new TriangularDist(0.01, 0.03, 0.08), provision.Temptation);
        Assert.Equal(new Fixed(0.1), provision.Penalty);
        Assert.Equal(("monitoring", new[] { "jic" }), (provision.When!.IssueId, provision.When.Options.ToArray()), new WhenComparer());
        var jic = Assert.Single(design.Mechanisms);
        Assert.Equal((MechanismKind.JointMonitoring, new Fixed(0.6), new Fixed(0.02), null, "jic"), (jic.Kind, jic.Detection, jic.FalseAlarm, jic.Penalty, jic.Stage));
        Assert.Equal((10.0, 60.0), (jic.When!.Min, jic.When.Max));
        var nusra = Assert.Single(design.Spoilers);
        Assert.Equal(new NormalDist(0.4, 0.1, 0, 1), nusra.Misattribution);
        Assert.Equal(new Stage("jic", "Joint Implementation Center starts", 7, 0.02) { Position = design.Stages[0].Position }, design.Stages[0]);
        Assert.Equal(new RenewalTerms(1825, 365, 0.1), design.Renewal);
    }

    [Fact]
    public void Load_Variant_AppliesSetAndRemoveToACopyOfTheBase()
    {
        var tenPoint = Full.Variants[1].Scenario;
        Assert.Equal("ten-point", tenPoint.Protocol.Opening);
        Assert.Equal(["russia", "usa", "nato", "germany"], tenPoint.Protocol.Signatories);
        Assert.Equal(Reservation.Constant(new PertDist(0.2, 0.3, 0.4)), tenPoint.Actor("russia").Reservation);
        Assert.Empty(tenPoint.Compliance!.Mechanisms);
        // The base is untouched.
        Assert.Equal("russia-draft-2021", Base.Protocol.Opening);
        Assert.Single(Base.Compliance!.Mechanisms);

        var singleText = Full.Variants[2].Scenario.Protocol;
        Assert.Equal((ProtocolKind.SingleText, "germany"), (singleText.Kind, singleText.Mediator));
    }

    private sealed class WhenComparer : IEqualityComparer<(string, string[])>
    {
        public bool Equals((string, string[]) x, (string, string[]) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);

        public int GetHashCode((string, string[]) obj) => obj.Item1.GetHashCode();
    }
}
