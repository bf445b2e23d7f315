using System.Text.Json;

namespace Negotiation.Cli.Tests.Commands;

public class AnalyzeCommandTest
{
    [Fact]
    public void Analyze_HeadsEveryPrintedUtilityColumnWithItsActor()
    {
        // syria-coh-2016 has two signatories and four actors; every package line prints four utilities.
        var outcome = TestCli.Run("analyze", TestCli.Scenario("syria-coh-2016"), "--variant", "as-agreed");
        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Out.Split('\n');
        var header = lines.First(l => l.StartsWith("Point", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var nash = lines.First(l => l.StartsWith("Nash", StringComparison.Ordinal));
        var numbers = nash[18..].Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(t => double.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out _)).Count();
        Assert.Equal(4, numbers);
        // One header per number, in the scenario's actor order; signatories starred.
        Assert.Equal(["Point", "usa*", "russia*", "syrian-government", "opposition", "Terms"], header);
    }

    [Fact]
    public void AnalyzeJson_KeysEachUtilityByActorId()
    {
        var outcome = TestCli.Run("analyze", TestCli.Scenario("syria-coh-2016"), "--variant", "as-agreed", "--json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Out);
        var utilities = json.RootElement[0].GetProperty("analysis").GetProperty("nash").GetProperty("utilities");
        Assert.Equal(4, utilities.GetArrayLength());
        var actors = utilities.EnumerateArray().Select(u => u.GetProperty("actor").GetString()).ToList();
        Assert.Equal(actors.Distinct().Count(), actors.Count);
        Assert.All(utilities.EnumerateArray(), u => Assert.InRange(u.GetProperty("utility").GetDouble(), -1, 1));
    }
}
