using Negotiation.Scenarios.Writing;
using GeniusFixture = Negotiation.Scenarios.Tests.Genius.Fixture;
using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Negotiation.Core.Model;
using Negotiation.Scenarios.Genius;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Negotiation.Scenarios.Tests.Writing;

/// <summary>What the writer emits is YAML that gives back exactly what was written.</summary>
public partial class ScenarioYamlWriterTest
{
    /// <summary>Plain scalars a YAML 1.1 or 1.2 reader resolves to something other than a string.</summary>
    private static readonly Regex NonString = new(
        @"^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|0x[0-9a-fA-F]+|0o[0-7]+|)$");

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    private static Scenario Minimal(string title, double reservation) => new(
        new ScenarioMetadata("t", title, title, [title], 1),
        [Issue.Discrete("x", "X", "a", "b")],
        [new Actor("p", "P", 1.0, [new Interest("x", 1.0, new Dictionary<string, Uncertain> { ["a"] = 1.0, ["b"] = 0.0 }, null)], [],
            Reservation.Constant(reservation), StrategySpec.Linear(), ComplianceTraits.Default)],
        [],
        new Protocol(ProtocolKind.AlternatingOffers, ["p"], SigningRule.Unanimity, ["p"], 10, 7),
        [],
        null);

    [Fact]
    public void Write_Laptop_ParsesWithIdsAsKeysInScenarioOrder()
    {
        var (scenario, _) = GeniusImporter.Import(GeniusFixture.Path("laptop_domain.xml"), [GeniusFixture.Path("laptop_buyer.xml"), GeniusFixture.Path("laptop_seller.xml")]);

        var root = Parse(ScenarioYamlWriter.Write(scenario));

        Assert.Equal(["laptop", "harddisk", "external-monitor"], ((YamlMappingNode)At(root, "issues")).Children.Keys.Select(k => k.ToString()));
        Assert.Equal(["laptop-buyer", "laptop-seller"], ((YamlMappingNode)At(root, "actors")).Children.Keys.Select(k => k.ToString()));
        Assert.Equal("0.3", At(root, "actors", "laptop-buyer", "interests", "harddisk", "values", "120-gb").ToString());
        Assert.Equal("0.25", At(root, "actors", "laptop-seller", "reservation").ToString());
        Assert.Equal("100", At(root, "protocol", "deadline").ToString());
    }

    [Fact]
    public void Write_AnyString_IsReadBackAsThatString()
    {
        Gen.String["ab Z09:#-'\"\\\n\t[]{},&*!|>%@`?.~é中"].Sample(text =>
        {
            var root = Parse(ScenarioYamlWriter.Write(Minimal(text, 0)));
            var title = (YamlScalarNode)At(root, "title");
            var sources = (YamlSequenceNode)At(root, "sources");

            Assert.Equal(text, title.Value);
            Assert.Equal(text, ((YamlScalarNode)sources.Children[0]).Value);
            Assert.False(title.Style == ScalarStyle.Plain && NonString.IsMatch(text), $"'{text}' written plain would not read back as a string");
        });
    }

    [Fact]
    public void Write_AnyFiniteNumber_IsReadBackExactly()
    {
        Gen.Double.Where(double.IsFinite).Sample(value =>
        {
            var root = Parse(ScenarioYamlWriter.Write(Minimal("t", value)));

            Assert.Equal(value, double.Parse(At(root, "actors", "p", "reservation").ToString(), NumberStyles.Float, CultureInfo.InvariantCulture));
        });
    }

    [Theory]
    [InlineData("true")]
    [InlineData("No")]
    [InlineData("null")]
    [InlineData("12")]
    [InlineData("-5")]
    [InlineData("1e3")]
    [InlineData(".inf")]
    [InlineData("a: b")]
    [InlineData("- item")]
    [InlineData("x # y")]
    [InlineData("")]
    public void Write_StringsAReaderWouldMistake_AreQuoted(string text)
    {
        var yaml = ScenarioYamlWriter.Write(Minimal(text, 0));

        Assert.Contains($"title: \"{text}\"\n", yaml);
    }

    [Fact]
    public void Write_ControlCharactersAndQuotes_AreEscaped()
    {
        var yaml = ScenarioYamlWriter.Write(Minimal("say \"hi\"\n\\ \u0001", 0));

        Assert.Contains("title: \"say \\\"hi\\\"\\n\\\\ \\u0001\"\n", yaml);
    }

    [Fact]
    public void Write_CommentLines_AreWrittenFirst()
    {
        var yaml = ScenarioYamlWriter.Write(Minimal("t", 0), "first\n\nthird");

        Assert.StartsWith("# first\n#\n# third\nschemaVersion: 1\n", yaml);
    }
}
