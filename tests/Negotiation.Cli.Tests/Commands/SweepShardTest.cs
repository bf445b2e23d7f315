using System.Text.Json;

namespace Negotiation.Cli.Tests.Commands;

/// <summary><c>sweep --shard K/N</c> and its merge (issue 18): the merged sweep is the bytes one machine writes.</summary>
public class SweepShardTest
{
    private static readonly string Small = TestCli.TestData("small.yaml");

    private static CliOutcome Sweep(string output, params string[] extra) =>
        TestCli.Run(["sweep", Small, "-p", "protocol.deadline=6:14:2", "--runs", "150", "--quiet", "--no-charts", "--out", output, .. extra]);

    [Fact]
    public void ShardedSweep_MergedInAnyOrder_EqualsTheSweepOnOneMachine()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, Sweep(dir.Combine("single")).ExitCode);
        foreach (var k in new[] { 1, 2, 3 })
        {
            Assert.Equal(0, Sweep(dir.Combine($"s{k}"), "--shard", $"{k}/3").ExitCode);
        }

        var merged = TestCli.Run("merge", dir.Combine("s3"), dir.Combine("s1"), dir.Combine("s2"), "--quiet", "--out", dir.Combine("merged"));

        Assert.Equal(0, merged.ExitCode);
        Assert.Equal(File.ReadAllText(dir.Combine("single/sweep.json")), File.ReadAllText(dir.Combine("merged/sweep.json")));
        Assert.Equal(File.ReadAllText(dir.Combine("single/sweep.csv")), File.ReadAllText(dir.Combine("merged/sweep.csv")));
    }

    [Fact]
    public void SweepShard_SaysItIsAShard_AndAMissingShardIsRefused()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, Sweep(dir.Combine("s1"), "--shard", "1/3").ExitCode);
        Assert.Equal(0, Sweep(dir.Combine("s2"), "--shard", "2/3").ExitCode);
        using (var shard = JsonDocument.Parse(File.ReadAllText(dir.Combine("s1/sweep.json"))))
        {
            Assert.False(shard.RootElement.GetProperty("complete").GetBoolean());
            Assert.Equal("1/3", shard.RootElement.GetProperty("shards")[0].GetString());
            Assert.Equal(1, shard.RootElement.GetProperty("points").GetArrayLength()); // points 0..0 of 5
        }

        var merged = TestCli.Run("merge", dir.Combine("s1"), dir.Combine("s2"), "--quiet", "--out", dir.Combine("merged"));
        Assert.Equal(2, merged.ExitCode);
        Assert.Contains("sweep shards cover 3 of 5 points", merged.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeOfPartialSweepMerges_IsTheWholeSweep()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, Sweep(dir.Combine("single")).ExitCode);
        foreach (var k in new[] { 1, 2, 3, 4 })
        {
            Assert.Equal(0, Sweep(dir.Combine($"s{k}"), "--shard", $"{k}/4").ExitCode);
        }

        Assert.Equal(0, TestCli.Run("merge", dir.Combine("s1"), dir.Combine("s2"), "--allow-partial", "--quiet", "--out", dir.Combine("left")).ExitCode);
        Assert.Equal(0, TestCli.Run("merge", dir.Combine("s3"), dir.Combine("s4"), "--allow-partial", "--quiet", "--out", dir.Combine("right")).ExitCode);
        Assert.Equal(0, TestCli.Run("merge", dir.Combine("right"), dir.Combine("left"), "--quiet", "--out", dir.Combine("tree")).ExitCode);

        Assert.Equal(File.ReadAllText(dir.Combine("single/sweep.json")), File.ReadAllText(dir.Combine("tree/sweep.json")));
    }
}
