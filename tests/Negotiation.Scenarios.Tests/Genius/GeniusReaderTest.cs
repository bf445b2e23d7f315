using Negotiation.Scenarios.Genius;

namespace Negotiation.Scenarios.Tests.Genius;

public partial class GeniusReaderTest
{
    [Fact]
    public void ReadDomain_Laptop_ListsIssuesAndItemsInFileOrder()
    {
        var domain = Fixture.LaptopDomain();

        Assert.Equal("Laptop", domain.Name);
        Assert.Equal(["Laptop", "Harddisk", "External Monitor"], domain.Issues.Select(i => i.Name));
        Assert.All(domain.Issues, i => Assert.Equal(GeniusIssueType.Discrete, i.Type));
        Assert.Equal(["Dell", "Macintosh", "HP"], domain.Issues[0].Items.Select(i => i.Value));
        Assert.Equal(["19''", "20''", "23''"], domain.Issues[2].Items.Select(i => i.Value));
        Assert.Equal([1, 2, 3], domain.Issues.Select(i => i.Index));
    }

    [Fact]
    public void ReadProfile_Laptop_KeysWeightsAndEvaluatorsByIssueIndex()
    {
        var domain = Fixture.LaptopDomain();
        var buyer = Fixture.LaptopBuyer(domain);

        Assert.Equal(0.4452, buyer.Weights[1]);
        Assert.Equal(0.3781, buyer.Weights[2]);
        Assert.Equal(0.1768, buyer.Weights[3]);
        var laptop = Assert.IsType<GeniusDiscreteEvaluator>(buyer.Evaluators[1]);
        Assert.Equal(12, laptop.Evaluations["Dell"]);
        Assert.Equal(30, laptop.MaxEvaluation);
        Assert.Equal(0, buyer.Reservation); // absent: GENIUS's default
    }

    [Fact]
    public void ReadProfile_DiscountFactorZero_MeansNoDiscounting()
    {
        var buyer = Fixture.LaptopBuyer(Fixture.LaptopDomain());

        Assert.Equal(0.0, buyer.DiscountFactor);
        Assert.Equal(1.0, buyer.EffectiveDiscountFactor);
        Assert.False(buyer.IsDiscounted);
    }

    [Fact]
    public void ReadProfile_ReservationAndDiscount_AreRead()
    {
        var domain = Fixture.NumericDomain();
        var seller = Fixture.LaptopSeller(Fixture.LaptopDomain());
        var numeric = Fixture.NumericProfile(domain);

        Assert.Equal(0.25, seller.Reservation);
        Assert.Null(seller.DiscountFactor);
        Assert.Equal(0.4, numeric.Reservation);
        Assert.Equal(0.9, numeric.EffectiveDiscountFactor);
        Assert.True(numeric.IsDiscounted);
    }

    [Fact]
    public void ReadDomain_NumericIssues_AcceptBoundsAsAttributesOrRangeAndNestedObjectives()
    {
        var domain = Fixture.NumericDomain();

        Assert.Equal(["Price", "Delivery", "Quantity", "Temperature"], domain.Issues.Select(i => i.Name));
        Assert.Equal([GeniusIssueType.Integer, GeniusIssueType.Real, GeniusIssueType.Integer, GeniusIssueType.Real], domain.Issues.Select(i => i.Type));
        Assert.Equal((-5.0, 5.0), (domain.Issues[0].Lower, domain.Issues[0].Upper)); // attributes on the issue
        Assert.Equal((0.0, 10.0), (domain.Issues[1].Lower, domain.Issues[1].Upper)); // <range>, type from vtype
        Assert.Equal((0.0, 1000.0), (domain.Issues[2].Lower, domain.Issues[2].Upper)); // <range> on an integer issue
        Assert.Equal([0, 2], domain.ObjectiveIndices);
    }

    [Fact]
    public void ReadProfile_NumericEvaluators_AreRead()
    {
        var domain = Fixture.NumericDomain();
        var profile = Fixture.NumericProfile(domain);

        Assert.Equal(new GeniusIntegerEvaluator(0.1, 0), profile.Evaluators[1]);
        Assert.Equal(new GeniusRealEvaluator(GeniusRealFunction.Linear, 1.5, -0.25), profile.Evaluators[3]);
        Assert.Equal(new GeniusRealEvaluator(GeniusRealFunction.Triangular, 15, 25, 20), profile.Evaluators[5]);
    }

    [Fact]
    public void ReadProfile_WeightOfAnObjective_IsIgnoredWithAWarning()
    {
        var domain = Fixture.NumericDomain();
        var warnings = new List<Core.Common.Diagnostic>();

        var profile = GeniusReader.ReadProfile(Fixture.Path("numeric_profile.xml"), domain, warnings);

        Assert.False(profile.Weights.ContainsKey(2));
        var warning = Assert.Single(warnings);
        Assert.Equal(Core.Common.Severity.Warning, warning.Severity);
        Assert.Equal("weight of objective 2 ignored; GENIUS's linear utility uses issue weights only", warning.Message);
        Assert.Equal(23, warning.Position.Line);
    }

    [Fact]
    public void ReadDomain_IssueWithoutTypeOrVtype_IsDiscrete()
    {
        var domain = GeniusReader.ReadDomainText(
            """<negotiation_template><utility_space><objective index="0" name="root"><issue index="1" name="x"><item value="a"/></issue></objective></utility_space></negotiation_template>""",
            "d.xml");

        Assert.Equal(GeniusIssueType.Discrete, Assert.Single(domain.Issues).Type);
    }

    [Fact]
    public void ReadProfile_LegacyIntegerEvaluator_IsTheSameLineInSlopeOffsetForm()
    {
        // pre-10 files: e = parameter1·x + parameter0 = 0.1·x + 0.5, which is 0.1·(x − (−5)) + 0 over [−5, 5]
        var domain = GeniusReader.ReadDomainText(
            """<negotiation_template><utility_space><objective index="0"><issue index="1" name="p" type="integer" lowerbound="-5" upperbound="5"/></objective></utility_space></negotiation_template>""",
            "d.xml");
        var profile = GeniusReader.ReadProfileText(
            """<utility_space><objective index="0"><issue index="1" name="p" type="integer"><evaluator ftype="linear" parameter0="0.5" parameter1="0.1"/></issue><weight index="1" value="1"/></objective></utility_space>""",
            "p.xml",
            domain);

        var evaluator = Assert.IsType<GeniusIntegerEvaluator>(profile.Evaluators[1]);
        Assert.Equal(0.1, evaluator.Slope);
        Assert.Equal(0.0, evaluator.Offset, 12); // 0.1·(−5) + 0.5
    }

    [Fact]
    public void ReadProfile_PartyDomainSpellings_AreAccepted()
    {
        // As in the GENIUS party domain: objective index 1, issues from 2, agents listed in the domain, multi-line
        // descriptions with typographic quotes, a misspelt 'costs' attribute, similarity functions in the profile.
        const string domainXml = """
            <negotiation_template number_of_sessions="1">
            <agent class="agents.UIAgent" name="you" utility_space="party_x_utility.xml"></agent>
            <utility_space number_of_issues="0">
            <objective index="1" etype="objective" type="objective" description="" name="Party">
            <issue index="2" etype="discrete" type="discrete" vtype="discrete" name="Food">
            <item index="1" value="Chips and Nuts" cost="100" description="Cheap."></item>
            <item index="2" value="Handmade Food" costs="120" description="Hors d’oeuvres,
            more work."></item>
            </issue>
            </objective>
            </utility_space>
            </negotiation_template>
            """;
        const string profileXml = """
            <utility_space>
            <objective index="1" etype="objective" type="objective" description="" name="Party">
            <issue index="2" etype="discrete" type="discrete" vtype="discrete" name="Food">
            <item index="1" value="Chips and Nuts" evaluation="1" cost="100.0"></item>
            <item index="2" value="Handmade Food" evaluation="3" cost="120.0"></item>
            <similarity_function type="binary" weight="0.1666666"/>
            </issue>
            <weight index="2" value="1.0"></weight>
            </objective>
            </utility_space>
            """;

        var domain = GeniusReader.ReadDomainText(domainXml, "party_domain.xml");
        var profile = GeniusReader.ReadProfileText(profileXml, "party_utility.xml", domain);

        Assert.Equal("Party", domain.Name);
        Assert.Equal(2, Assert.Single(domain.Issues).Index);
        Assert.Equal(1.0 / 3, GeniusUtility.Utility(domain, profile, [GeniusValue.Of("Chips and Nuts")]), 15); // 1·1/3
    }
}
