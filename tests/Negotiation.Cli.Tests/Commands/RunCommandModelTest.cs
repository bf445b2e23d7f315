using System.Text.Json;

namespace Negotiation.Cli.Tests.Commands;

/// <summary><c>negotiate run --model</c>: the expected-utility family from the command line.</summary>
public class RunCommandModelTest
{
    [Fact]
    public void ExpectedUtility_DiscreteIssueWithoutOrder_IsBadInputAtTheIssue()
    {
        using var dir = new TempDirectory();
        var result = TestCli.Run("run", TestCli.TestData("small.yaml"), "--model", "expected-utility", "--runs", "50", "--out", dir.Combine("r"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("small.yaml:8:3: error: issue 'border' is discrete", result.Error);
        Assert.Contains("expectedUtility: {scales: {border: [north, middle, south]}}", result.Error);
        Assert.False(Directory.Exists(dir.Combine("r")), "nothing may be written for bad input");
    }

    [Fact]
    public void Both_WritesTheForecastBesideTheReport()
    {
        using var dir = new TempDirectory();
        var result = TestCli.Run("run", TestCli.Scenario("syria-coh-2016"), "--model", "both", "--runs", "300", "--no-charts", "--variant", "no-spoilers", "--out", dir.Combine("r"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Expected-utility forecast", result.Out);
        Assert.True(File.Exists(dir.Combine("r/summary.json")));
        using var json = JsonDocument.Parse(File.ReadAllText(dir.Combine("r/expected-utility.json")));
        var variants = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, variants.Length);
        var flights = variants[0].GetProperty("issues").EnumerateArray().First(i => i.GetProperty("id").GetString() == "flights");
        Assert.Equal(["grounded", "terrorists-only", "unrestricted"], flights.GetProperty("order").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(300, variants[0].GetProperty("runs").GetInt64());
        Assert.True(flights.GetProperty("bargaining").GetProperty("agreedShare").GetDouble() > 0);
        Assert.Equal(9, flights.GetProperty("actors")[0].GetProperty("median").GetArrayLength());   // rounds 0..8
    }

    [Fact]
    public void Both_ReportHtmlShowsTheForecastSection()
    {
        using var dir = new TempDirectory();
        var result = TestCli.Run("run", TestCli.Scenario("syria-coh-2016"), "--model", "both", "--runs", "300", "--variant", "no-spoilers", "--out", dir.Combine("r"));

        Assert.Equal(0, result.ExitCode);
        var html = File.ReadAllText(dir.Combine("r/report.html"));
        Assert.Contains("<section id=\"forecast\">", html, StringComparison.Ordinal);
        Assert.Contains("<figure id=\"chart-forecast-flights\">", html, StringComparison.Ordinal);
        Assert.Contains("Bargaining: mean agreed (runs agreed)", html, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.Combine("r/charts/forecast-flights.png")));
    }

    [Fact]
    public void ExpectedUtility_WritesAForecastReport_AndEitherKindOfReportReplacesTheOther()
    {
        using var dir = new TempDirectory();
        var outDir = dir.Combine("r");
        var forecast = TestCli.Run("run", TestCli.Scenario("syria-coh-2016"), "--model", "expected-utility", "--runs", "200", "--no-charts", "--quiet", "--out", outDir);
        Assert.Equal(0, forecast.ExitCode);
        Assert.Contains("<section id=\"forecast\">", File.ReadAllText(Path.Combine(outDir, "report.html")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "summary.json")));

        var bargaining = TestCli.Run("run", TestCli.Scenario("syria-coh-2016"), "--runs", "200", "--no-charts", "--quiet", "--out", outDir);
        Assert.Equal(0, bargaining.ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));
        Assert.False(File.Exists(Path.Combine(outDir, "expected-utility.json")), "the forecast-only report was replaced, not mixed in");

        var again = TestCli.Run("run", TestCli.Scenario("syria-coh-2016"), "--model", "expected-utility", "--runs", "200", "--no-charts", "--quiet", "--out", outDir);
        Assert.Equal(0, again.ExitCode);
        Assert.False(File.Exists(Path.Combine(outDir, "summary.json")), "the old bargaining report was replaced, not left beside the forecast");
    }

    [Fact]
    public void ExpectedUtility_IntoAForeignDirectory_IsRefusedBeforeRunning()
    {
        using var dir = new TempDirectory();
        var outDir = dir.Combine("mine");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");
        var result = TestCli.Run("run", TestCli.Scenario("syria-coh-2016"), "--model", "expected-utility", "--runs", "200", "--out", outDir);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["notes.txt"], Directory.GetFiles(outDir).Select(Path.GetFileName));
    }

    [Fact]
    public void ExpectedUtility_Json_PrintsTheForecastOnly()
    {
        using var dir = new TempDirectory();
        var result = TestCli.Run("run", TestCli.Scenario("syria-transition-2015"), "--model", "expected-utility", "--runs", "200", "--json", "--out", dir.Combine("r"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var months = json.RootElement[0].GetProperty("issues").EnumerateArray().First(i => i.GetProperty("id").GetString() == "transition-months");
        Assert.InRange(months.GetProperty("outcomeInUnits").GetDouble(), 6, 24);
        Assert.False(File.Exists(dir.Combine("r/summary.json")), "the bargaining family did not run");
        Assert.True(File.Exists(dir.Combine("r/expected-utility.json")));
    }

    [Theory]
    [InlineData("expected-utility")]
    [InlineData("both")]
    public void Shard_WithTheExpectedUtilityFamily_IsRefusedBeforeRunning(string model)
    {
        using var dir = new TempDirectory();
        var result = TestCli.Run("run", TestCli.Scenario("syria-coh-2016"), "--model", model, "--runs", "200", "--shard", "1/2", "--out", dir.Combine("r"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--shard works with --model bargaining only", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("r")));
    }
}
