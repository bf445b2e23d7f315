namespace Negotiation.Scenarios.Tests.Binding;

/// <summary>The top level: schema version, title, required sections.</summary>
public class ScenarioBinderTest
{
    [Fact]
    public void SchemaVersionOtherThanOne_IsRejected()
    {
        var yaml = Fixture.Minimal.Replace("schemaVersion: 1", "schemaVersion: 2");
        Assert.Equal("1:16: schemaVersion is 2; expected 1, the only version this program reads", Fixture.Error(yaml));
    }

    [Fact]
    public void SchemaVersionZero_IsRejected()
    {
        var yaml = Fixture.Minimal.Replace("schemaVersion: 1", "schemaVersion: 0");
        Assert.Equal("1:16: schemaVersion is 0; expected 1, the only version this program reads", Fixture.Error(yaml));
    }

    [Fact]
    public void MissingSchemaVersionAndTitle_AreBothReportedAtTheRoot()
    {
        var yaml = Fixture.Minimal.Replace("schemaVersion: 1\n", "").Replace("title: Minimal\n", "");
        Assert.Equal(
            [
                "1:1: missing required key 'schemaVersion' at the top level; expected schemaVersion: 1",
                "1:1: missing required key 'title' at the top level; expected title: <a title>",
            ],
            Fixture.Errors(yaml));
    }

    [Fact]
    public void EmptyFile_IsAnError()
    {
        Assert.Equal("1:1: the file is empty; expected a scenario mapping starting with schemaVersion: 1", Fixture.Error(""));
    }

    [Fact]
    public void ScalarFile_IsAnError()
    {
        Assert.Equal("1:1: the file is 'hello'; expected a scenario mapping starting with schemaVersion: 1", Fixture.Error("hello"));
    }

    [Fact]
    public void EmptyActors_IsAnError()
    {
        var yaml = "schemaVersion: 1\ntitle: t\nissues:\n  a: {options: [x, y]}\nactors: {}\nprotocol: {deadline: 3}";
        Assert.Equal("5:9: actors is empty; expected at least one actor", Fixture.Error(yaml));
    }
}
