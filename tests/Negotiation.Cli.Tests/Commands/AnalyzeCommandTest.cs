using System.Text.Json;

namespace Negotiation.Cli.Tests.Commands;

public class AnalyzeCommandTest
{
    [Fact]
    public void Analyze_HeadsEveryPrintedUtilityColumnWithItsActor()
    {
        // syria-coh-2016 has two signatories and four actors: one row per actor (signatories starred), in the
        // scenario's order, each with a number under every point's header.
        var outcome = TestCli.Run("analyze", TestCli.Scenario("syria-coh-2016"), "--variant", "as-agreed");
        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Out.Split('\n');
        var header = lines.First(l => l.TrimStart().StartsWith("Actor", StringComparison.Ordinal));
        var start = Array.IndexOf(lines, header);
        Assert.Matches(@"^ *Actor +BATNA +Best +Nash +Kalai–Smorodinsky +Max +Best$", header);
        var separator = Array.FindIndex(lines, start, l => l.StartsWith('─'));
        var rows = lines.Skip(separator + 1).TakeWhile(l => l.Length > 0).Where(l => l.Contains("0.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, rows.Length);
        Assert.Equal(["United States*", "Russian Federation*", "Syrian government", "Syrian armed opposition"], rows.Select(r => r.Trim().Split("   ")[0].Trim()));
        // The Nash column's numbers end where its header ends (right-aligned under it): header and cells stay tied.
        var nashEnd = header.IndexOf("Nash", StringComparison.Ordinal) + 4;
        Assert.All(rows, r => Assert.Matches(@"^\d\.\d{3}$", r[(nashEnd - 5)..nashEnd]));
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
