using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Scenarios.Genius;

namespace Negotiation.Scenarios.Tests.Genius;

public partial class GeniusImporterTest
{
    private static readonly string[] LaptopProfiles = [Fixture.Path("laptop_buyer.xml"), Fixture.Path("laptop_seller.xml")];

    private static GeniusImportResult ImportLaptop(GeniusImportOptions? options = null) =>
        GeniusImporter.Import(Fixture.Path("laptop_domain.xml"), LaptopProfiles, options);

    private static GeniusImportResult ImportNumeric() =>
        GeniusImporter.Import(Fixture.Path("numeric_domain.xml"), [Fixture.Path("numeric_profile.xml"), Fixture.Path("numeric_profile.xml")]);

    [Fact]
    public void Import_OneActorPerProfile_NamedAfterTheProfileFile()
    {
        var scenario = ImportLaptop().Scenario;

        Assert.Equal(["laptop-buyer", "laptop-seller"], scenario.Actors.Select(a => a.Id));
        Assert.Equal(["laptop_buyer", "laptop_seller"], scenario.Actors.Select(a => a.Name));
    }

    [Fact]
    public void Import_WithNames_UsesThemForIdsAndNames()
    {
        var scenario = ImportLaptop(new GeniusImportOptions { Names = ["The Buyer", "Seller"] }).Scenario;

        Assert.Equal(["the-buyer", "seller"], scenario.Actors.Select(a => a.Id));
        Assert.Equal(["The Buyer", "Seller"], scenario.Actors.Select(a => a.Name));
    }

    [Fact]
    public void Import_WrongNumberOfNames_IsAnInputError()
    {
        var error = Assert.Single(Assert.Throws<InputException>(() => ImportLaptop(new GeniusImportOptions { Names = ["Solo"] })).Diagnostics);

        Assert.Equal("--names:1:1: error: 1 names given for 2 profiles; expected one name per profile", error.ToString());
    }

    [Fact]
    public void Import_DiscreteIssues_KeepItemTextAsLabelsUnderSluggedIds()
    {
        var issues = ImportLaptop().Scenario.Issues;

        Assert.Equal(["laptop", "harddisk", "external-monitor"], issues.Select(i => i.Id));
        Assert.Equal(["60-gb", "80-gb", "120-gb"], issues[1].Options.Select(o => o.Id));
        Assert.Equal(["19''", "20''", "23''"], issues[2].Options.Select(o => o.Label));
        Assert.All(issues, i => Assert.Equal(IssueKind.Discrete, i.Kind));
    }

    [Fact]
    public void Import_OptionValues_AreEvaluationOverTheIssuesLargest()
    {
        var buyer = ImportLaptop().Scenario.Actor("laptop-buyer");
        var harddisk = buyer.Interests.Single(i => i.IssueId == "harddisk");

        Assert.Equal(0.3781, harddisk.Weight.Mean);
        Assert.Equal(1.0, harddisk.OptionValues!["60-gb"].Mean); // 30/30
        Assert.Equal(20.0 / 30, harddisk.OptionValues["80-gb"].Mean); // 20/30
        Assert.Equal(0.3, harddisk.OptionValues["120-gb"].Mean, 15); // 9/30
    }

    [Fact]
    public void Import_ReservationAndStrategy_ComeFromTheProfileAndTheOptions()
    {
        var scenario = ImportLaptop(new GeniusImportOptions { Strategy = StrategySpec.Boulware() }).Scenario;

        Assert.Equal(0.0, scenario.Actor("laptop-buyer").Reservation.Value.Mean);
        Assert.Equal(0.25, scenario.Actor("laptop-seller").Reservation.Value.Mean);
        Assert.Equal(0.0, scenario.Actor("laptop-seller").Reservation.TrendPerRound.Mean);
        Assert.All(scenario.Actors, a => Assert.Equal(StrategySpec.Boulware(), a.Strategy));
    }

    [Fact]
    public void Import_DefaultStrategy_IsLinearTimeDependent()
    {
        Assert.All(ImportLaptop().Scenario.Actors, a => Assert.Equal(StrategySpec.Linear(), a.Strategy));
    }

    [Fact]
    public void Import_Protocol_IsAlternatingOffersAmongAllWithTheDeadlineOption()
    {
        var byDefault = ImportLaptop().Scenario.Protocol;
        var short30 = ImportLaptop(new GeniusImportOptions { Deadline = 30 }).Scenario.Protocol;

        Assert.Equal(ProtocolKind.AlternatingOffers, byDefault.Kind);
        Assert.Equal(["laptop-buyer", "laptop-seller"], byDefault.Signatories);
        Assert.Equal(["laptop-buyer", "laptop-seller"], byDefault.Proposers);
        Assert.Equal(SigningRuleKind.Unanimity, byDefault.Rule.Kind);
        Assert.Equal(100, byDefault.Deadline);
        Assert.Equal(30, short30.Deadline);
    }

    [Fact]
    public void Import_Metadata_NamesTheImportedFiles()
    {
        var metadata = ImportLaptop().Scenario.Metadata;

        Assert.Equal("laptop-domain", metadata.Id);
        Assert.Equal("Laptop (GENIUS domain)", metadata.Title);
        Assert.Equal(["laptop_domain.xml", "laptop_buyer.xml", "laptop_seller.xml"], metadata.Sources);
        Assert.Equal(1, metadata.SchemaVersion);
    }

    [Fact]
    public void Import_NormalisedWeights_GiveNoWarning()
    {
        // 0.4452 + 0.3781 + 0.1768 = 1.0001: within the 0.001 tolerance for rounded weights
        Assert.Empty(ImportLaptop().Warnings);
    }

    [Fact]
    public void Import_SmallInteger_BecomesDiscreteWithOneOptionPerValue()
    {
        var scenario = ImportNumeric().Scenario;
        var price = scenario.Issue("price");
        var values = scenario.Actors[0].Interests.Single(i => i.IssueId == "price").OptionValues!;

        Assert.Equal(IssueKind.Discrete, price.Kind);
        Assert.Equal(["minus-5", "minus-4", "minus-3", "minus-2", "minus-1", "0", "1", "2", "3", "4", "5"], price.Options.Select(o => o.Id));
        Assert.Equal(["-5", "-4", "-3", "-2", "-1", "0", "1", "2", "3", "4", "5"], price.Options.Select(o => o.Label));
        Assert.Equal(0.0, values["minus-5"].Mean); // 0.1·(−5 + 5)
        Assert.Equal(0.3, values["minus-2"].Mean, 15); // 0.1·(−2 + 5)
        Assert.Equal(0.5, values["0"].Mean, 15); // 0.1·(0 + 5)
        Assert.Equal(1.0, values["5"].Mean); // 0.1·(5 + 5)
    }

    [Fact]
    public void Import_LargeInteger_BecomesContinuousWithTheClampedLineAsCurve()
    {
        var scenario = ImportNumeric().Scenario;
        var quantity = scenario.Issue("quantity");
        var curve = scenario.Actors[0].Interests.Single(i => i.IssueId == "quantity").Curve!;

        Assert.Equal(IssueKind.Continuous, quantity.Kind);
        Assert.Equal((0.0, 1000.0), (quantity.Min, quantity.Max));
        // 0.0015625·(x − 0) reaches 1 at x = 640 and stays clamped there
        Assert.Equal([new CurvePoint(0, 0), new CurvePoint(640, 1), new CurvePoint(1000, 1)], curve);
    }

    [Fact]
    public void Import_RealLinear_CurveHasTheClampCorners()
    {
        var curve = ImportNumeric().Scenario.Actors[0].Interests.Single(i => i.IssueId == "delivery").Curve!;

        // 1.5 − 0.25·x: 1.5 at 0 (clamped to 1), 1 at x = 2, 0 at x = 6, −1 at 10 (clamped to 0)
        Assert.Equal([new CurvePoint(0, 1), new CurvePoint(2, 1), new CurvePoint(6, 0), new CurvePoint(10, 0)], curve);
    }

    [Fact]
    public void Import_RealTriangular_CurveHasTheEndsAndThePeak()
    {
        var curve = ImportNumeric().Scenario.Actors[0].Interests.Single(i => i.IssueId == "temperature").Curve!;

        Assert.Equal([new CurvePoint(10, 0), new CurvePoint(15, 0), new CurvePoint(20, 1), new CurvePoint(25, 0), new CurvePoint(30, 0)], curve);
    }

    [Fact]
    public void Import_RealConstant_IsAFlatCurveOverTheRange()
    {
        var issue = new GeniusIssue(1, "x", GeniusIssueType.Real, [], -2, 8, new SourcePosition("d.xml", 1, 1));

        var curve = GeniusImporter.Curve(issue, new GeniusRealEvaluator(GeniusRealFunction.Constant, 0.3, 0));

        Assert.Equal([new CurvePoint(-2, 0.3), new CurvePoint(8, 0.3)], curve);
    }

    [Fact]
    public void Import_DiscountedProfile_WarnsThatDiscountingIsIgnored()
    {
        var warnings = ImportNumeric().Warnings;

        Assert.Contains(warnings, w => w.Message == "discount factor 0.9 ignored; the scenario format has no time discounting of utilities (use a reservation trend instead)");
        Assert.Contains(warnings, w => w.Message == "weight of objective 2 ignored; GENIUS's linear utility uses issue weights only");
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
    }

    [Fact]
    public void Import_WeightsNotSummingToOne_Warns()
    {
        var domain = Fixture.LaptopDomain();
        var buyer = Fixture.LaptopBuyer(domain);
        var doubled = buyer with { Weights = buyer.Weights.ToDictionary(kv => kv.Key, kv => kv.Value * 2) };

        var warning = Assert.Single(GeniusImporter.Import(domain, [doubled, Fixture.LaptopSeller(domain)]).Warnings);

        Assert.Equal(
            "weights sum to 2.0002, not 1; GENIUS uses them as given but our engine divides by their sum, so imported utilities are GENIUS's divided by 2.0002",
            warning.Message);
        Assert.Equal(buyer.Position, warning.Position);
    }

    [Fact]
    public void Import_ErrorsInSeveralProfiles_AreReportedTogether()
    {
        var domain = Fixture.Path("laptop_domain.xml");

        var errors = Assert.Throws<InputException>(() => GeniusImporter.Import(domain, [Fixture.Path("numeric_profile.xml"), Fixture.Path("missing.xml")])).Diagnostics;

        Assert.Contains(errors, e => e.Position.File.EndsWith("numeric_profile.xml", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Position.File.EndsWith("missing.xml", StringComparison.Ordinal) && e.Message.StartsWith("file not found", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_NoProfile_IsAnInputError()
    {
        var error = Assert.Single(Assert.Throws<InputException>(() => GeniusImporter.Import(Fixture.Path("laptop_domain.xml"), [])).Diagnostics);

        Assert.Equal("no profile given; expected one GENIUS profile file per actor", error.Message);
    }

    [Fact]
    public void Import_NamesThatSlugTheSame_GetDistinctIds()
    {
        var scenario = ImportLaptop(new GeniusImportOptions { Names = ["Side A", "side-a"] }).Scenario;

        Assert.Equal(["side-a", "side-a-2"], scenario.Actors.Select(a => a.Id));
    }

    [Fact]
    public void Import_AbsoluteEvaluations_AreKeptAsGiven()
    {
        // every evaluation ≤ 1: GENIUS uses them as they are, without dividing by the largest (0.5)
        var domain = Fixture.LaptopDomain();
        var buyer = Fixture.LaptopBuyer(domain);
        var absolute = new GeniusDiscreteEvaluator(new Dictionary<string, double> { ["Dell"] = 0.1, ["Macintosh"] = 0.5, ["HP"] = 0.25 });
        var profile = buyer with { Evaluators = new Dictionary<int, GeniusEvaluator>(buyer.Evaluators) { [1] = absolute } };

        var values = GeniusImporter.Import(domain, [profile, profile]).Scenario.Actors[0].Interests[0].OptionValues!;

        Assert.Equal([0.1, 0.5, 0.25], new[] { "dell", "macintosh", "hp" }.Select(o => values[o].Mean));
    }
}
