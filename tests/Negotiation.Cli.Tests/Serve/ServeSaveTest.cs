using System.Net;
using System.Text.Json;

namespace Negotiation.Cli.Tests.Serve;

/// <summary>
/// What the page saves is what <c>negotiate run</c> writes: the report of the on-screen settings, and a YAML variant
/// block that, pasted into the scenario, makes <c>negotiate run</c> write the same figures.
/// </summary>
public sealed class ServeSaveTest(ServeFixture server) : IClassFixture<ServeFixture>
{
    [Fact]
    public async Task Save_ThenPasteTheBlockAndRun_GivesByteIdenticalReport()
    {
        const string settings = """
            {"variants": ["monitored"],
             "changes": [{"path": "actors.east.reservation", "shift": 0.05}, {"path": "actors.west.strategy.e", "pin": 2},
                         {"path": "compliance.provisions.ceasefire.temptation", "shift": -0.01}],
             "runs": 3000, "name": "class-1"}
            """;
        using var response = await server.Post("api/save", settings);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var saved = json.RootElement.GetProperty("reportDirectory").GetString()!;
        var yaml = json.RootElement.GetProperty("yaml").GetString()!;
        Assert.Equal(Path.Combine(server.OutRoot, "class-1"), saved);
        Assert.Equal(yaml, File.ReadAllText(Path.Combine(server.OutRoot, "class-1.variant.yaml")));

        // Nothing but the report and its block, and only under the folder named at startup.
        Assert.Equal(["out", "small.yaml"], Directory.GetFileSystemEntries(server.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["class-1", "class-1.variant.yaml"], Directory.GetFileSystemEntries(server.OutRoot).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // The user pastes the block right under 'variants:' (the server holds the file as it was at startup) and runs
        // the command the block names.
        var lines = File.ReadAllLines(server.ScenarioFile).ToList();
        lines.InsertRange(lines.IndexOf("variants:") + 1, yaml.TrimEnd('\n').Split('\n'));
        File.WriteAllLines(server.ScenarioFile, lines);
        var command = yaml.Split('\n')[1];
        Assert.Equal("#   negotiate run small.yaml --variant what-if --variant monitored --runs 3000 --seed 1", command);
        var cliOut = Path.Combine(server.Folder, "cli");
        var cli = TestCli.Run("run", server.ScenarioFile, "--variant", "what-if", "--variant", "monitored", "--runs", "3000", "--seed", "1", "--out", cliOut, "--quiet", "--no-charts");
        Assert.Equal(0, cli.ExitCode);

        // Every file of the report is the same, byte for byte, except state.json, whose fingerprint names the input
        // file's bytes (the pasted file is another file).
        var files = Directory.GetFiles(cliOut, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(cliOut, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, Directory.GetFiles(saved, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(saved, f)).Order(StringComparer.Ordinal));
        Assert.Contains("summary.json", files);
        Assert.Contains("report.html", files);
        foreach (var file in files.Where(f => f != "state.json"))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(cliOut, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(saved, file))), file + " differs");
        }

        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(saved, "summary.json")));
        Assert.Equal(["base", "what-if", "monitored"], summary.RootElement.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
    }
}
