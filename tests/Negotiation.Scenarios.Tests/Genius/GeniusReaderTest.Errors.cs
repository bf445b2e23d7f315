using Negotiation.Core.Common;
using Negotiation.Scenarios.Genius;

namespace Negotiation.Scenarios.Tests.Genius;

/// <summary>Every class of malformed or inconsistent file gives a precise diagnostic, never a crash.</summary>
public partial class GeniusReaderTest
{
    private const string Domain = """
        <negotiation_template>
          <utility_space>
            <objective index="0" name="root">
              <issue index="1" name="Colour" type="discrete">
                <item index="1" value="red"/>
                <item index="2" value="blue"/>
              </issue>
              <issue index="2" name="Size" type="integer" lowerbound="1" upperbound="3"/>
              <issue index="3" name="Speed" type="real">
                <range lowerbound="0" upperbound="1"/>
              </issue>
            </objective>
          </utility_space>
        </negotiation_template>
        """;

    private const string Profile = """
        <utility_space>
          <objective index="0" name="root">
            <issue index="1" name="Colour" type="discrete">
              <item value="red" evaluation="2"/>
              <item value="blue" evaluation="4"/>
            </issue>
            <issue index="2" name="Size" type="integer">
              <evaluator ftype="linear" slope="0.5" offset="0"/>
            </issue>
            <issue index="3" name="Speed" type="real">
              <evaluator ftype="linear" parameter0="0" parameter1="1"/>
            </issue>
            <weight index="1" value="0.5"/>
            <weight index="2" value="0.3"/>
            <weight index="3" value="0.2"/>
          </objective>
          <reservation value="0.1"/>
        </utility_space>
        """;

    private static IReadOnlyList<Diagnostic> DomainErrors(string xml) =>
        Assert.Throws<InputException>(() => GeniusReader.ReadDomainText(xml, "d.xml")).Diagnostics;

    private static IReadOnlyList<Diagnostic> ProfileErrors(string xml) =>
        Assert.Throws<InputException>(() => GeniusReader.ReadProfileText(xml, "p.xml", GeniusReader.ReadDomainText(Domain, "d.xml"))).Diagnostics;

    private static string WithProfile(string original, string replacement)
    {
        Assert.Contains(original, Profile); // the edit must hit something
        return Profile.Replace(original, replacement, StringComparison.Ordinal);
    }

    private static string WithDomain(string original, string replacement)
    {
        Assert.Contains(original, Domain);
        return Domain.Replace(original, replacement, StringComparison.Ordinal);
    }

    private static void AssertError(Diagnostic diagnostic, string position, string message)
    {
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(position, diagnostic.Position.ToString());
        Assert.Equal(message, diagnostic.Message);
    }

    [Fact]
    public void ValidFixtures_Read()
    {
        var profile = GeniusReader.ReadProfileText(Profile, "p.xml", GeniusReader.ReadDomainText(Domain, "d.xml"));

        Assert.Equal(3, profile.Evaluators.Count);
        Assert.Equal(0.1, profile.Reservation);
    }

    [Fact]
    public void NotXml_IsReportedWithItsPosition()
    {
        var error = Assert.Single(DomainErrors("this is not XML"));

        AssertError(error, "d.xml:1:1", "not well-formed XML (Data at the root level is invalid); expected a GENIUS XML file");
    }

    [Fact]
    public void UnclosedElement_IsReportedWhereTheParserStopped()
    {
        var error = Assert.Single(DomainErrors("<negotiation_template>\n  <utility_space>\n</negotiation_template>"));

        Assert.Equal("d.xml:3:3", error.Position.ToString());
        Assert.StartsWith("not well-formed XML (The 'utility_space' start tag on line 2 position 4 does not match the end tag of 'negotiation_template'", error.Message);
    }

    [Fact]
    public void WrongRootElement_IsReported()
    {
        AssertError(Assert.Single(DomainErrors("<domain/>")), "d.xml:1:2",
            "root element is <domain>; expected <negotiation_template> (a domain) or <utility_space> (a profile)");
    }

    [Fact]
    public void MissingWeight_NamesTheIssueAndTheElementExpected()
    {
        var errors = ProfileErrors(WithProfile("""<weight index="3" value="0.2"/>""", "<!-- none -->"));

        AssertError(Assert.Single(errors), "p.xml:2:4", """missing weight for issue 'Speed' (index 3); expected <weight index="3" value=".."/>""");
    }

    [Fact]
    public void NonNumericWeight_PointsAtTheAttribute()
    {
        var errors = ProfileErrors(WithProfile("""<weight index="2" value="0.3"/>""", """<weight index="2" value="0,3"/>"""));

        AssertError(errors[0], "p.xml:14:23", "value=\"0,3\" is not a number; expected a finite decimal number such as 0.5");
    }

    [Fact]
    public void NegativeWeight_IsRefused()
    {
        var errors = ProfileErrors(WithProfile("""<weight index="2" value="0.3"/>""", """<weight index="2" value="-0.3"/>"""));

        AssertError(errors[0], "p.xml:14:6", "weight -0.3 of issue index 2 is negative; expected a weight >= 0");
    }

    [Fact]
    public void WeightForUnknownIssue_IsRefused()
    {
        var errors = ProfileErrors(WithProfile("""<weight index="3" value="0.2"/>""", """<weight index="3" value="0.2"/><weight index="8" value="0.1"/>"""));

        AssertError(Assert.Single(errors), "p.xml:15:37", "weight for unknown issue index 8; expected one of the domain's issue indices 1, 2, 3");
    }

    [Fact]
    public void EvaluationForUnknownItem_ListsTheItemsExpected()
    {
        var errors = ProfileErrors(WithProfile("""value="blue" evaluation="4""", """value="green" evaluation="4"""));

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], "p.xml:5:8", "evaluation for unknown item 'green' of issue 'Colour'; expected one of 'red', 'blue'");
        AssertError(errors[1], "p.xml:3:6", """item 'blue' of issue 'Colour' has no evaluation in the profile; expected <item value="blue" evaluation=".."/>""");
    }

    [Fact]
    public void ItemWithoutEvaluation_IsReported()
    {
        var errors = ProfileErrors(WithProfile("""<item value="blue" evaluation="4"/>""", """<item value="blue"/>"""));

        AssertError(Assert.Single(errors), "p.xml:5:8", "item 'blue' of issue 'Colour' has no evaluation; expected evaluation=\"<number>\"");
    }

    [Fact]
    public void NonNumericEvaluation_PointsAtTheAttribute()
    {
        var errors = ProfileErrors(WithProfile("""evaluation="4""", """evaluation="four"""));

        AssertError(Assert.Single(errors), "p.xml:5:26", "evaluation=\"four\" is not a number; expected a finite decimal number such as 0.5");
    }

    [Fact]
    public void NegativeEvaluation_IsRefused()
    {
        var errors = ProfileErrors(WithProfile("""evaluation="4""", """evaluation="-4"""));

        AssertError(Assert.Single(errors), "p.xml:5:26", "evaluation -4 of item 'blue' is negative; expected an evaluation >= 0");
    }

    [Fact]
    public void UnknownIssueIndexInProfile_IsReportedAndTheDomainIssueMissing()
    {
        var errors = ProfileErrors(WithProfile("""<issue index="3" name="Speed" type="real">""", """<issue index="9" name="Speed" type="real">"""));

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], "p.xml:10:6", "unknown issue index 9 in the profile; expected one of the domain's issue indices 1, 2, 3");
        AssertError(errors[1], "p.xml:2:4", """the profile does not evaluate issue 'Speed' (index 3); expected an <issue index="3"> with its evaluations, as in the domain""");
    }

    [Fact]
    public void ProfileIssueWithAnotherName_DoesNotMatchTheDomain()
    {
        var errors = ProfileErrors(WithProfile("""name="Colour" """, """name="Color" """));

        AssertError(Assert.Single(errors), "p.xml:3:6",
            "profile issue 1 is named 'Color' but the domain's issue 1 is 'Colour'; expected the profile to repeat the domain's issues");
    }

    [Fact]
    public void ProfileIssueWithAnotherType_DoesNotMatchTheDomain()
    {
        var errors = ProfileErrors(WithProfile("""name="Size" type="integer">""", """name="Size" type="real">"""));

        AssertError(Assert.Single(errors), "p.xml:7:6",
            "profile issue 'Size' is real but the domain's is integer; expected the profile to repeat the domain's issues");
    }

    [Fact]
    public void ProfileBoundsDifferentFromTheDomain_AreRefused()
    {
        var errors = ProfileErrors(WithProfile("""name="Size" type="integer">""", """name="Size" type="integer" lowerbound="0" upperbound="3">"""));

        AssertError(Assert.Single(errors), "p.xml:7:6",
            "profile bounds [0, 3] of issue 'Size' differ from the domain's [1, 3]; expected the profile to repeat the domain's issues");
    }

    [Fact]
    public void ReversedIntegerBounds_AreRefused()
    {
        var errors = DomainErrors(WithDomain("""lowerbound="1" upperbound="3"/>""", """lowerbound="3" upperbound="1"/>"""));

        AssertError(Assert.Single(errors), "d.xml:8:8",
            "bounds of issue 'Size' are reversed (lowerbound 3, upperbound 1); expected lowerbound <= upperbound");
    }

    [Fact]
    public void ReversedOrEmptyRealRange_IsRefused()
    {
        var errors = DomainErrors(WithDomain("""<range lowerbound="0" upperbound="1"/>""", """<range lowerbound="1" upperbound="1"/>"""));

        AssertError(Assert.Single(errors), "d.xml:10:10",
            "bounds of issue 'Speed' are reversed (lowerbound 1, upperbound 1); expected lowerbound < upperbound");
    }

    [Fact]
    public void NonIntegerIntegerBound_IsRefused()
    {
        var errors = DomainErrors(WithDomain("""upperbound="3"/>""", """upperbound="3.5"/>"""));

        AssertError(Assert.Single(errors), "d.xml:8:66", "upperbound=\"3.5\" is not an integer; expected a whole number such as 3");
    }

    [Fact]
    public void MissingBounds_AreReported()
    {
        var errors = DomainErrors(WithDomain("""<range lowerbound="0" upperbound="1"/>""", "<!-- none -->"));

        AssertError(Assert.Single(errors), "d.xml:9:8",
            """real issue 'Speed' has no bounds; expected <range lowerbound="0" upperbound="1"/> inside the real issue""");
    }

    [Fact]
    public void UnknownFtype_IsRefused()
    {
        var errors = ProfileErrors(WithProfile("""<evaluator ftype="linear" parameter0""", """<evaluator ftype="faratin" parameter0"""));

        AssertError(Assert.Single(errors), "p.xml:11:18",
            "unknown ftype 'faratin' for real issue 'Speed'; expected linear, constant or triangular");
    }

    [Fact]
    public void TriangularWithPeakOutsideItsEnds_IsRefused()
    {
        var errors = ProfileErrors(WithProfile("""ftype="linear" parameter0="0" parameter1="1"/>""", """ftype="triangular" parameter0="0" parameter1="0.5" parameter2="0.8"/>"""));

        AssertError(Assert.Single(errors), "p.xml:11:8",
            "triangular evaluator of issue 'Speed' has parameter0 0, parameter2 0.8, parameter1 0.5; expected parameter0 (lower end) < parameter2 (peak) < parameter1 (upper end)");
    }

    [Fact]
    public void ConstantOutsideTheUnitInterval_IsRefused()
    {
        var errors = ProfileErrors(WithProfile("""ftype="linear" parameter0="0" parameter1="1"/>""", """ftype="constant" parameter0="1.5"/>"""));

        AssertError(Assert.Single(errors), "p.xml:11:8",
            "constant evaluation 1.5 of issue 'Speed' is outside [0, 1]; expected parameter0 between 0 and 1");
    }

    [Fact]
    public void IntegerIssueWithoutEvaluator_IsReported()
    {
        var errors = ProfileErrors(WithProfile("""<evaluator ftype="linear" slope="0.5" offset="0"/>""", "<!-- none -->"));

        AssertError(Assert.Single(errors), "p.xml:7:6",
            """integer issue 'Size' has no evaluator; expected <evaluator ftype="linear" slope=".." offset=".."/>""");
    }

    [Fact]
    public void IntegerEvaluatorWithoutOffset_IsReported()
    {
        var errors = ProfileErrors(WithProfile("""slope="0.5" offset="0"/>""", """slope="0.5"/>"""));

        AssertError(Assert.Single(errors), "p.xml:8:8",
            """<evaluator> has no 'offset' attribute; expected <evaluator ftype="linear" slope=".." offset=".."/>""");
    }

    [Fact]
    public void ReservationOutsideTheUnitInterval_IsRefused()
    {
        var errors = ProfileErrors(WithProfile("""<reservation value="0.1"/>""", """<reservation value="1.1"/>"""));

        AssertError(Assert.Single(errors), "p.xml:17:4", "reservation value 1.1 is outside [0, 1]; expected a utility between 0 and 1");
    }

    [Fact]
    public void NonLinearProfile_IsRefusedAsUnsupported()
    {
        var errors = ProfileErrors("""<utility_space type="nonlinear"><objective index="0"/></utility_space>""");

        AssertError(Assert.Single(errors), "p.xml:1:2",
            "non-linear (hyper-rectangle) utility spaces are not supported; expected a linear additive profile with <weight> and evaluations per issue");
    }

    [Fact]
    public void UnknownIssueType_IsRefused()
    {
        var errors = DomainErrors(WithDomain("""name="Colour" type="discrete">""", """name="Colour" type="boolean">"""));

        AssertError(Assert.Single(errors), "d.xml:4:38", "unknown issue type 'boolean'; expected discrete, integer or real");
    }

    [Fact]
    public void DiscreteIssueWithoutItems_IsRefused()
    {
        var errors = DomainErrors("""<negotiation_template><utility_space><objective index="0"><issue index="1" name="x"/></objective></utility_space></negotiation_template>""");

        AssertError(Assert.Single(errors), "d.xml:1:60", """discrete issue 'x' has no items; expected <item value=".."/> elements""");
    }

    [Fact]
    public void DuplicateIssueIndex_IsRefused()
    {
        var errors = DomainErrors(WithDomain("""<issue index="2" name="Size" """, """<issue index="1" name="Size" """));

        AssertError(Assert.Single(errors), "d.xml:8:8", "issue index 1 is used twice; expected each issue to have its own index");
    }

    [Fact]
    public void IssueWithoutName_IsReported()
    {
        var errors = DomainErrors(WithDomain("""<issue index="2" name="Size" """, """<issue index="2" """));

        AssertError(Assert.Single(errors), "d.xml:8:8",
            """<issue> has no 'name' attribute; expected <issue index="1" name=".." type="discrete|integer|real">""");
    }

    [Fact]
    public void DomainWithoutIssues_IsReported()
    {
        var errors = DomainErrors("""<negotiation_template><utility_space><objective index="0"/></utility_space></negotiation_template>""");

        AssertError(Assert.Single(errors), "d.xml:1:24",
            """the domain has no issues; expected <issue index="1" name=".." type="discrete|integer|real"> elements inside an <objective>""");
    }

    [Fact]
    public void MissingFile_IsAnInputError()
    {
        var error = Assert.Single(Assert.Throws<InputException>(() => GeniusReader.ReadDomain("no/such/domain.xml")).Diagnostics);

        AssertError(error, "no/such/domain.xml:1:1", "file not found; expected a GENIUS XML file");
    }

    [Fact]
    public void ManyProblems_AreAllReportedTogether()
    {
        var broken = WithProfile("""evaluation="4""", """evaluation="four""")
            .Replace("""<weight index="3" value="0.2"/>""", "<!-- none -->", StringComparison.Ordinal);

        var errors = ProfileErrors(broken);

        Assert.Equal(["p.xml:5:26", "p.xml:2:4"], errors.Select(e => e.Position.ToString()));
    }

    [Fact]
    public void UnknownIntegerFtype_IsRefused()
    {
        var errors = ProfileErrors(WithProfile("""<evaluator ftype="linear" slope""", """<evaluator ftype="faratin" slope"""));

        AssertError(Assert.Single(errors), "p.xml:8:18",
            "unknown ftype 'faratin' for integer issue 'Size'; expected linear (or constant in older files)");
    }
}
