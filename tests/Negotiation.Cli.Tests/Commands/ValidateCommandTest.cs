using System.Text.Json;

namespace Negotiation.Cli.Tests.Commands;

public class ValidateCommandTest
{
    [Fact]
    public void ShippedScenarios_AllValidate()
    {
        var files = Directory.GetFiles(TestCli.Repo("scenarios"), "*.yaml").OrderBy(f => f).ToArray();
        Assert.Equal(4, files.Length);

        var result = TestCli.Run(["validate", .. files]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(4, result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains(": ok (")));
    }

    [Fact]
    public void OneBrokenFile_ExitsWith2AndReportsEveryErrorWithItsPosition()
    {
        using var dir = new TempDirectory();
        var broken = dir.Combine("broken.yaml");
        File.WriteAllText(broken, """
            schemaVersion: 1
            title: Broken
            issues:
              border: {name: Border, options: [a, b]}
            actors:
              east:
                name: East
                interests: {border: {weight: -1, values: {a: 1, c: 0.5}}}
            protocol: {deadline: 5, signatories: [east, westt]}
            """);

        var result = TestCli.Run("validate", TestCli.TestData("small.yaml"), broken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("small.yaml: ok", result.Out);
        var errors = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(": error: ")).ToArray();
        Assert.True(errors.Length >= 3, result.Error);
        Assert.All(errors, e => Assert.Matches(@"broken\.yaml:\d+:\d+: error: ", e));
    }

    [Fact]
    public void MissingFile_IsBadInput()
    {
        var result = TestCli.Run("validate", "no/such/file.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no/such/file.yaml", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Schema_PrintsAJsonSchema()
    {
        var result = TestCli.Run("schema");

        Assert.Equal(0, result.ExitCode);
        using var schema = JsonDocument.Parse(result.Out);
        Assert.True(schema.RootElement.TryGetProperty("$schema", out _));
        Assert.Equal(File.ReadAllText(TestCli.Repo("docs/scenario.schema.json")).Trim(), result.Out.Trim());
    }

    [Fact]
    public void UnknownCommand_IsBadInput()
    {
        var result = TestCli.Run("rnu", "x.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("negotiate: error:", result.Error);
    }

    [Fact]
    public void Help_ListsEveryCommandWithExitCodes()
    {
        var result = TestCli.Run("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "run", "validate", "analyze", "trace", "sweep", "merge", "bench", "schema", "import-genius" })
        {
            Assert.Contains(command, result.Out);
        }

        Assert.Contains("2 bad input", result.Out);
    }
}
