using System.Text.Json;

namespace Negotiation.Cli.Tests.Commands;

public class RunCommandTest
{
    private static readonly string Small = TestCli.TestData("small.yaml");

    [Fact]
    public void Run_WritesTheWholeReportDirectoryAndPrintsTheTable()
    {
        using var dir = new TempDirectory();
        var result = TestCli.Run("run", Small, "--runs", "300", "--out", dir.Combine("report"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Small border dispute", result.Out);
        Assert.Contains("monitored vs base", result.Out);
        foreach (var file in new[] { "summary.json", "state.json", "report.html", "agreement.csv", "actors.csv", "survival.csv", "charts/agreement.png", "charts/survival.svg" })
        {
            Assert.True(File.Exists(dir.Combine(Path.Combine("report", file))), file + " missing");
        }

        using var summary = JsonDocument.Parse(File.ReadAllText(dir.Combine("report/summary.json")));
        var root = summary.RootElement;
        Assert.Equal(300, root.GetProperty("runs").GetInt64());
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.Equal(["base", "monitored", "impatient-east"], root.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
    }

    [Fact]
    public void Json_PrintsTheSummaryOnStdoutAndNothingElse()
    {
        using var dir = new TempDirectory();
        var result = TestCli.Run("run", Small, "--runs", "100", "--json", "--no-charts", "--out", dir.Combine("r"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("small", json.RootElement.GetProperty("scenario").GetProperty("id").GetString());
    }

    [Fact]
    public void VariantOption_RunsTheBaselineAndTheNamedVariantOnly()
    {
        using var dir = new TempDirectory();
        var result = TestCli.Run("run", Small, "--runs", "100", "--variant", "monitored", "--no-charts", "--quiet", "--out", dir.Combine("r"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Out);
        using var summary = JsonDocument.Parse(File.ReadAllText(dir.Combine("r/summary.json")));
        Assert.Equal(["base", "monitored"], summary.RootElement.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
    }

    [Fact]
    public void PerRun_WritesOneRowPerRunAndVariantInRunOrder()
    {
        using var dir = new TempDirectory();
        var result = TestCli.Run("run", Small, "--runs", "1100", "--threads", "2", "--per-run", "--no-charts", "--quiet", "--out", dir.Combine("r"));

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(dir.Combine("r/runs.csv"));
        Assert.StartsWith("run,variant,agreed,round,", lines[0]);
        Assert.Equal(1 + 1100 * 3, lines.Length);
        var runs = lines.Skip(1).Select(l => long.Parse(l[..l.IndexOf(',')])).ToArray();
        Assert.Equal(runs.OrderBy(r => r), runs);
    }

    [Fact]
    public void Cancelled_WritesAPartialReportMarkedIncompleteAndExits130()
    {
        using var dir = new TempDirectory();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var result = TestCli.Run(cancelled.Token, "run", Small, "--runs", "5000", "--no-charts", "--quiet", "--out", dir.Combine("r"));

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("interrupted after 0 of 5,000 runs", result.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(dir.Combine("r/summary.json")));
        Assert.False(summary.RootElement.GetProperty("complete").GetBoolean());
    }

    [Theory]
    [InlineData("--runs", "0", "negotiate: error: --runs must be between 1 and 1,000,000,000,000, got 0; split larger studies into shards (docs/cluster.md)")]
    [InlineData("--threads", "0", "negotiate: error: --threads must be between 1 and 256, got 0; results do not depend on it, and more threads than cores only cost memory")]
    [InlineData("--shard", "4/3", "negotiate: error: --shard must be K/N with 1 <= K <= N, got '4/3'")]
    public void BadOptionValues_ExitWith2AndSayWhatIsWrong(string option, string value, string message)
    {
        using var dir = new TempDirectory();
        var result = TestCli.Run("run", Small, option, value, "--out", dir.Combine("r"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message, result.Error.Trim());
        Assert.False(Directory.Exists(dir.Combine("r")));
    }

    [Fact]
    public void UnknownVariant_IsBadInputNamingTheVariantsThatExist()
    {
        var result = TestCli.Run("run", Small, "--variant", "monitorred");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--variant 'monitorred' is not a variant of", result.Error);
        Assert.Contains("expected one of: base, monitored, impatient-east", result.Error);
    }

    [Fact]
    public void BrokenScenario_GivesFileLineColumnExit2AndNoStackTrace()
    {
        using var dir = new TempDirectory();
        var broken = dir.Combine("broken.yaml");
        File.WriteAllText(broken, File.ReadAllText(Small).Replace("deadline: 12", "deadline: twelve").Replace("strategy: boulware", "stratgy: boulware"));
        var result = TestCli.Run("run", broken, "--out", dir.Combine("r"));

        Assert.Equal(2, result.ExitCode);
        Assert.Matches($@"{Regex(broken)}:\d+:\d+: error: ", result.Error);
        Assert.Contains("did you mean 'strategy'?", result.Error);
        Assert.Contains("twelve", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(dir.Combine("r")));
    }

    [Fact]
    public void ExistingReport_IsReplacedWhole()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, TestCli.Run("run", Small, "--runs", "50", "--per-run", "--no-charts", "--quiet", "--out", dir.Combine("r")).ExitCode);
        Assert.True(File.Exists(dir.Combine("r/runs.csv")));

        Assert.Equal(0, TestCli.Run("run", Small, "--runs", "60", "--no-charts", "--quiet", "--out", dir.Combine("r")).ExitCode);

        Assert.False(File.Exists(dir.Combine("r/runs.csv")));
        Assert.Contains("\"runs\": 60", File.ReadAllText(dir.Combine("r/summary.json")));
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
