namespace Negotiation.Cli.Tests.Commands;

public class BenchCommandTest
{
    private static readonly string Small = TestCli.TestData("small.yaml");

    [Fact]
    public void Bench_PrintsRunsPerSecondOnOneThreadAndOnTwo()
    {
        var result = TestCli.Run("bench", Small, "--runs", "400", "--threads", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("400 runs", result.Out);
        Assert.Contains("  1 thread :", result.Out);
        Assert.Contains("  2 threads:", result.Out);
        Assert.Contains("speed-up", result.Out);
    }

    [Theory]
    [InlineData("--runs", "0", "negotiate: error: --runs must be between 1 and 1,000,000,000,000, got 0; split larger studies into shards (docs/cluster.md)")]
    [InlineData("--threads", "0", "negotiate: error: --threads must be between 1 and 256, got 0; results do not depend on it, and more threads than cores only cost memory")]
    public void BadOptionValues_ExitWith2AndSayWhatIsWrong(string option, string value, string message)
    {
        var result = TestCli.Run("bench", Small, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message, result.Error.Trim());
    }
}
