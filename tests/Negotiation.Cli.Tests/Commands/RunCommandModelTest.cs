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
}
