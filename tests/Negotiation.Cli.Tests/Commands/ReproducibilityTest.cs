namespace Negotiation.Cli.Tests.Commands;

/// <summary>A result is a pure function of (scenario, seed, runs): threads and shards never change a byte.</summary>
public class ReproducibilityTest
{
    private static readonly string Small = TestCli.TestData("small.yaml");

    [Fact]
    public void SameSeed_OneOrTwoThreads_GiveIdenticalSummaryBytes()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, Run(dir.Combine("one"), "--threads", "1").ExitCode);
        Assert.Equal(0, Run(dir.Combine("two"), "--threads", "2").ExitCode);

        Assert.Equal(File.ReadAllBytes(dir.Combine("one/summary.json")), File.ReadAllBytes(dir.Combine("two/summary.json")));
        Assert.Equal(File.ReadAllBytes(dir.Combine("one/state.json")), File.ReadAllBytes(dir.Combine("two/state.json")));
    }

    [Fact]
    public void ShardedRun_MergedEqualsSingleRun()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, Run(dir.Combine("single")).ExitCode);
        for (var k = 1; k <= 3; k++)
        {
            Assert.Equal(0, Run(dir.Combine($"shards/{k}"), "--shard", $"{k}/3").ExitCode);
        }

        var merged = TestCli.Run("merge", dir.Combine("shards/1"), dir.Combine("shards/3"), dir.Combine("shards/2"), "--quiet", "--out", dir.Combine("merged"));

        Assert.Equal(0, merged.ExitCode);
        Assert.Equal(File.ReadAllText(dir.Combine("single/summary.json")), File.ReadAllText(dir.Combine("merged/summary.json")));
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentResults()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, Run(dir.Combine("a"), seed: 1).ExitCode);
        Assert.Equal(0, Run(dir.Combine("b"), seed: 2).ExitCode);

        Assert.NotEqual(File.ReadAllText(dir.Combine("a/summary.json")), File.ReadAllText(dir.Combine("b/summary.json")));
    }

    [Fact]
    public void Merge_RefusesMissingShardsNamingThem()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, Run(dir.Combine("shards/1"), "--shard", "1/3").ExitCode);
        Assert.Equal(0, Run(dir.Combine("shards/3"), "--shard", "3/3").ExitCode);

        var merged = TestCli.Run("merge", dir.Combine("shards/1"), dir.Combine("shards/3"), "--out", dir.Combine("merged"));

        Assert.Equal(2, merged.ExitCode);
        Assert.Equal("negotiate merge: error: shards cover 1,000 of 1,500 runs; missing shards: 2/3", merged.Error.Trim().Replace("1000", "1,000").Replace("1500", "1,500"));
        Assert.False(Directory.Exists(dir.Combine("merged")));
    }

    [Fact]
    public void Merge_RefusesShardsOfAnotherSeed()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, Run(dir.Combine("shards/1"), "--shard", "1/2").ExitCode);
        Assert.Equal(0, Run(dir.Combine("shards/2"), 9, "--shard", "2/2").ExitCode);

        var merged = TestCli.Run("merge", dir.Combine("shards/1"), dir.Combine("shards/2"), "--out", dir.Combine("merged"));

        Assert.Equal(2, merged.ExitCode);
        Assert.StartsWith("negotiate merge: error: shards do not belong together", merged.Error);
    }

    [Fact]
    public void Merge_OfADirectoryWithoutState_IsBadInput()
    {
        using var dir = new TempDirectory();
        var merged = TestCli.Run("merge", dir.Path);

        Assert.Equal(2, merged.ExitCode);
        Assert.Equal($"{dir.Path}: error: no state.json here; expected a directory written by 'negotiate run --shard K/N'", merged.Error.Trim());
    }

    private static CliOutcome Run(string outDir, params string[] extra) => Run(outDir, 5, extra);

    private static CliOutcome Run(string outDir, ulong seed, params string[] extra) =>
        TestCli.Run(["run", Small, "--runs", "1500", "--seed", seed.ToString(), "--no-charts", "--quiet", "--out", outDir, .. extra]);
}
