using System.Text.Json;
using Negotiation.Scenarios.Binding;

namespace Negotiation.Scenarios.Tests;

/// <summary>The editor schema stays in step with the loader and with the copy shipped in docs/.</summary>
public class ScenarioSchemaTest
{
    private static readonly JsonElement Schema = JsonDocument.Parse(ScenarioSchema.Json).RootElement;

    private static string[] PropertiesOf(JsonElement element) =>
        element.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToArray();

    private static JsonElement Definition(string name) => Schema.GetProperty("definitions").GetProperty(name);

    [Fact]
    public void DocsCopy_IsIdenticalToTheEmbeddedSchema()
    {
        var docs = File.ReadAllText(RepositoryFiles.Path("docs/scenario.schema.json"));
        Assert.Equal(ScenarioSchema.Json, docs);
    }

    [Fact]
    public void TopLevelKeys_MatchTheLoader()
    {
        Assert.Equal(ScenarioBinder.TopLevelKeys.Order(), PropertiesOf(Schema));
    }

    [Fact]
    public void SectionKeys_MatchTheLoader()
    {
        Assert.Equal(ActorsBinder.Keys.Order(), PropertiesOf(Definition("actor")));
        Assert.Equal(IssuesBinder.Keys.Order(), PropertiesOf(Definition("issue")));
        Assert.Equal(InterestsBinder.Keys.Order(), PropertiesOf(Definition("interest")));
        Assert.Equal(ProtocolBinder.Keys.Order(), PropertiesOf(Definition("protocol")));
    }

    [Fact]
    public void Schema_DeclaresDraft07()
    {
        Assert.Equal("http://json-schema.org/draft-07/schema#", Schema.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Id_IsAnAbsoluteUrnThatPretendsToBeNoWebAddress()
    {
        var id = Schema.GetProperty("$id").GetString()!;
        Assert.True(Uri.TryCreate(id, UriKind.Absolute, out var uri), id);
        Assert.Equal("urn", uri!.Scheme);
        Assert.Empty(uri.Fragment);
        Assert.DoesNotContain("example", id, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortLabels_AreAllowedWhereverTheLoaderReadsThem_WithTheLoadersBound()
    {
        var shortLabel = Definition("shortLabel");
        Assert.Equal(Negotiation.Core.Model.ShortLabel.MaxLength, shortLabel.GetProperty("maxLength").GetInt32());
        Assert.Equal(1, shortLabel.GetProperty("minLength").GetInt32());
        foreach (var owner in new[] { Definition("actor"), Definition("issue"), Definition("variant"), Schema.GetProperty("properties").GetProperty("baseline") })
        {
            Assert.Equal("#/definitions/shortLabel", owner.GetProperty("properties").GetProperty("short").GetProperty("$ref").GetString());
        }

        var option = Definition("issue").GetProperty("properties").GetProperty("options").GetProperty("items").GetProperty("oneOf")[1];
        Assert.Equal("#/definitions/shortLabel", option.GetProperty("properties").GetProperty("short").GetProperty("$ref").GetString());
    }
}
