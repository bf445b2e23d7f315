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
}
