namespace Negotiation.Scenarios.Tests;

/// <summary>
/// <c>short:</c> labels of actors, issues, options, variants and the baseline: read where given, absent (null) where
/// not, and refused at the value with file:line:column when blank, on several lines or too long for a legend.
/// </summary>
public partial class ScenarioLoaderTest
{
    private const string WithShortLabels = """
        schemaVersion: 1
        title: Minimal
        baseline:
          name: The talks as they were
          short: As they were
        issues:
          accession:
            name: NATO accession of Ukraine and Georgia
            short: Accession
            options:
              - {id: open-door, label: Open door kept (NATO's position), short: Open door}
              - moratorium
              - {id: ban, label: Legally binding end to enlargement}
          troops:
            range: [0, 100]
        actors:
          russia:
            name: Russian Federation
            short: Russia
            interests:
              accession: {weight: 0.6, values: {ban: 1, moratorium: 0.7}}
              troops: {weight: 0.4, ideal: 0}
          usa:
            interests:
              accession: {weight: 1, values: {open-door: 1}}
        protocol:
          deadline: 10
        variants:
          later:
            name: A later deadline than the one agreed in the first place
            short: Later deadline
            set: {protocol.deadline: 12}
        """;

    [Fact]
    public void ShortLabels_AreReadForActorsIssuesOptionsVariantsAndTheBaseline()
    {
        var set = Fixture.Load(WithShortLabels);
        var scenario = set.Baseline.Scenario;
        Assert.Equal("As they were", set.Baseline.Short);
        Assert.Equal("Later deadline", set.Variants[1].Short);
        Assert.Equal("Accession", scenario.Issue("accession").Short);
        Assert.Equal(["Open door", null, null], scenario.Issue("accession").Options.Select(o => o.Short));
        Assert.Equal("Russia", scenario.Actor("russia").Short);
        Assert.Equal("Russia", set.Variants[1].Scenario.Actor("russia").Short);
    }

    [Fact]
    public void ShortLabels_WhenAbsent_AreNullAndTheNameStands()
    {
        var scenario = Fixture.Load(WithShortLabels).Baseline.Scenario;
        Assert.Null(scenario.Actor("usa").Short);
        Assert.Null(scenario.Issue("troops").Short);
        Assert.Equal("usa", Core.Model.ShortLabel.Or(scenario.Actor("usa").Short, scenario.Actor("usa").Name));
        Assert.Equal("Russia", Core.Model.ShortLabel.Or(scenario.Actor("russia").Short, scenario.Actor("russia").Name));
    }

    [Fact]
    public void ShortLabel_OfTwentyFourCharacters_Loads_AndOfTwentyFive_IsRefusedAtTheValue()
    {
        Assert.Equal(new string('x', 24), Fixture.Load(WithShortLabels.Replace("short: Russia", "short: " + new string('x', 24))).Baseline.Scenario.Actor("russia").Short);
        Assert.Equal(
            "19:12: actors.russia.short has 25 characters; expected at most 24 (it labels legends and table headers; the name is for the full text)",
            Fixture.Error(WithShortLabels.Replace("short: Russia", "short: " + new string('x', 25))));
    }

    [Fact]
    public void ShortLabel_CountsCharactersAsReadNotUtf16Units()
    {
        // 24 emoji flags or accented letters are 24 characters on screen, though more UTF-16 units.
        var label = string.Concat(Enumerable.Repeat("é", 24));
        Assert.Equal(label, Fixture.Load(WithShortLabels.Replace("short: Russia", "short: " + label)).Baseline.Scenario.Actor("russia").Short);
    }

    [Theory]
    [InlineData("short: \"  \"", "19:12: actors.russia.short is blank; expected a short label of 1 to 24 characters, or no short: at all (the name is then wrapped)")]
    [InlineData("short: \"Rus\\nsia\"", "19:12: actors.russia.short has a line break; expected a short label on one line")]
    [InlineData("short: [Russia]", "19:12: actors.russia.short is a list; expected text")]
    public void ShortLabel_BlankMultilineOrNotText_IsRefusedAtTheValue(string written, string expected)
    {
        Assert.Equal(expected, Fixture.Error(WithShortLabels.Replace("short: Russia", written)));
    }

    [Fact]
    public void ShortLabel_OfAnOptionOrVariantTooLong_IsRefusedWithItsPath()
    {
        var errors = Fixture.Errors(WithShortLabels
            .Replace("short: Open door}", "short: Open door kept as NATO wants it}")
            .Replace("short: Later deadline", "short: A later deadline than agreed"));
        Assert.Equal(
            [
                "11:73: the short label of option 'open-door' of issues.accession.options has 31 characters; expected at most 24 (it labels legends and table headers; the name is for the full text)",
                "31:12: variants.later.short has 28 characters; expected at most 24 (it labels legends and table headers; the name is for the full text)",
            ],
            errors);
    }
}
