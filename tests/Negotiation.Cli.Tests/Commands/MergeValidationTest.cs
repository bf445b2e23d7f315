using System.Text.Json;
using System.Text.Json.Nodes;

namespace Negotiation.Cli.Tests.Commands;

/// <summary>
/// A shard directory is untrusted input (issue 18): merge checks every count of state.json against the others and
/// against the run range, names the shard and the field, refuses interrupted shards and other builds, and labels
/// tree-shaped merges right. Each test failed before its fix.
/// </summary>
public class MergeValidationTest
{
    private static readonly string Small = TestCli.TestData("small.yaml");

    private static void Shard(TempDirectory dir, string spec, int runs = 400, CancellationToken cancel = default)
    {
        var name = "s" + spec.Replace('/', 'o');
        var result = TestCli.Run(cancel, "run", Small, "--runs", runs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--shard", spec, "--quiet", "--no-charts", "--out", dir.Combine(name));
        Assert.True(result.ExitCode is 0 or 130, result.Error);
    }

    private static string State(TempDirectory dir, string spec) => dir.Combine("s" + spec.Replace('/', 'o'), "state.json");

    private static void Tamper(string statePath, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(File.ReadAllText(statePath))!;
        change(node);
        File.WriteAllText(statePath, node.ToJsonString());
    }

    private static CliOutcome Merge(TempDirectory dir, params string[] specs) =>
        TestCli.Run(["merge", .. specs.Select(s => dir.Combine("s" + s.Replace('/', 'o'))), "--quiet", "--out", dir.Combine("merged")]);

    private static void AssertRefused(CliOutcome merged, string statePath, string field)
    {
        Assert.Equal(2, merged.ExitCode);
        Assert.StartsWith($"{statePath}: error: ", merged.Error, StringComparison.Ordinal);
        Assert.Contains(field, merged.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", merged.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EditedAgreementCount_IsRefusedNamingShardAndField()
    {
        using var dir = new TempDirectory();
        Shard(dir, "1/2");
        Shard(dir, "2/2");
        Tamper(State(dir, "2/2"), s => s["variants"]![0]!["agreed"] = 999);

        AssertRefused(Merge(dir, "1/2", "2/2"), State(dir, "2/2"), "field 'variants[base].agreed' is 999; expected 0 to 200");
        Assert.False(Directory.Exists(dir.Combine("merged")));
    }

    [Fact]
    public void NegativeSurvivalCount_IsRefused()
    {
        using var dir = new TempDirectory();
        Shard(dir, "1/2");
        Shard(dir, "2/2");
        Tamper(State(dir, "1/2"), s => s["variants"]![0]!["held"]![5] = -3);

        AssertRefused(Merge(dir, "1/2", "2/2"), State(dir, "1/2"), "field 'variants[base].held' has a count outside 0..200");
    }

    [Fact]
    public void CompletedRunsBelowACompleteShardsRange_IsRefused()
    {
        using var dir = new TempDirectory();
        Shard(dir, "1/2");
        Shard(dir, "2/2");
        Tamper(State(dir, "1/2"), s => s["completedRuns"] = 150);

        AssertRefused(Merge(dir, "1/2", "2/2"), State(dir, "1/2"), "field 'complete' is true but 'completedRuns' is 150 of the 200 runs of its shards");
    }

    [Fact]
    public void ImpossibleArrayLength_IsBadInputNotAnInternalError()
    {
        using var dir = new TempDirectory();
        Shard(dir, "1/2");
        Shard(dir, "2/2");
        Tamper(State(dir, "2/2"), s => s["variants"]![0]!["rounds"] = new JsonArray(1, 2, 3));

        AssertRefused(Merge(dir, "1/2", "2/2"), State(dir, "2/2"), "'rounds'");
    }

    [Fact]
    public void HugeDeadlineInALayout_IsRefusedBeforeAllocating()
    {
        using var dir = new TempDirectory();
        Shard(dir, "1/2");
        Tamper(State(dir, "1/2"), s => s["variants"]![0]!["layout"]!["deadline"] = int.MaxValue);

        AssertRefused(Merge(dir, "1/2"), State(dir, "1/2"), "layout.deadline' is 2147483647");
    }

    [Fact]
    public void ScenarioIdThatIsAPath_IsNeverUsedAsAnOutputFolder()
    {
        using var dir = new TempDirectory();
        Shard(dir, "1/1");
        Tamper(State(dir, "1/1"), s => s["scenarioId"] = "../../evil");

        var merged = TestCli.Run("merge", dir.Combine("s1o1"), "--quiet");

        Assert.Equal(2, merged.ExitCode);
        Assert.Contains("scenario id '../../evil' cannot name a folder under out/; give --out", merged.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherToolVersion_IsRefused()
    {
        using var dir = new TempDirectory();
        Shard(dir, "1/2");
        Shard(dir, "2/2");
        Tamper(State(dir, "2/2"), s => s["toolVersion"] = "0.0.9+elsewhere");

        AssertRefused(Merge(dir, "1/2", "2/2"), State(dir, "2/2"), "written by negotiate 0.0.9+elsewhere");
    }

    [Fact]
    public void InterruptedShard_IsRefusedWithoutAllowPartial()
    {
        using var dir = new TempDirectory();
        Shard(dir, "1/2");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Shard(dir, "2/2", cancel: cancelled.Token);

        var merged = Merge(dir, "1/2", "2/2");
        Assert.Equal(2, merged.ExitCode);
        Assert.Contains("shard 2 (2/2) was interrupted after 0 runs; re-run it, or merge with --allow-partial", merged.Error, StringComparison.Ordinal);

        var partial = TestCli.Run("merge", dir.Combine("s1o2"), dir.Combine("s2o2"), "--allow-partial", "--quiet", "--out", dir.Combine("merged"));
        Assert.Equal(0, partial.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(dir.Combine("merged/summary.json")));
        Assert.False(summary.RootElement.GetProperty("complete").GetBoolean());
    }

    [Fact]
    public void MergeOfPartialMerges_ThatCoverEveryShard_IsCompleteAndExact()
    {
        using var dir = new TempDirectory();
        foreach (var k in new[] { "1/4", "2/4", "3/4", "4/4" })
        {
            Shard(dir, k);
        }

        Assert.Equal(0, TestCli.Run("merge", dir.Combine("s1o4"), dir.Combine("s2o4"), "--allow-partial", "--quiet", "--out", dir.Combine("left")).ExitCode);
        Assert.Equal(0, TestCli.Run("merge", dir.Combine("s3o4"), dir.Combine("s4o4"), "--allow-partial", "--quiet", "--out", dir.Combine("right")).ExitCode);
        var tree = TestCli.Run("merge", dir.Combine("left"), dir.Combine("right"), "--quiet", "--out", dir.Combine("tree"));
        Assert.Equal(0, tree.ExitCode);
        Assert.Equal(0, TestCli.Run("run", Small, "--runs", "400", "--quiet", "--no-charts", "--out", dir.Combine("single")).ExitCode);

        Assert.Equal(File.ReadAllText(dir.Combine("single/summary.json")), File.ReadAllText(dir.Combine("tree/summary.json")));
        using var summary = JsonDocument.Parse(File.ReadAllText(dir.Combine("tree/summary.json")));
        Assert.True(summary.RootElement.GetProperty("complete").GetBoolean());
        using var left = JsonDocument.Parse(File.ReadAllText(dir.Combine("left/summary.json")));
        Assert.False(left.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal("1/4,2/4", string.Join(",", left.RootElement.GetProperty("shards").EnumerateArray().Select(e => e.GetString())));
    }

    [Fact]
    public void ShardsOwnReport_SaysItIsAShardAndNotComplete()
    {
        using var dir = new TempDirectory();
        var result = TestCli.Run("run", Small, "--runs", "400", "--shard", "1/2", "--no-charts", "--out", dir.Combine("s"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("SHARD 1/2 ONLY", result.Out, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(dir.Combine("s/summary.json")));
        Assert.False(summary.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal("1/2", summary.RootElement.GetProperty("shards")[0].GetString());
        Assert.Contains("Shard 1/2 only.", File.ReadAllText(dir.Combine("s/report.html")), StringComparison.Ordinal);
    }
}
