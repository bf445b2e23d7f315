using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Negotiation;

public class PackageSearchTest
{
    /// <summary>
    /// <paramref name="issues"/> issues with options o0..o3. "a" values o0 1, o1 2/3, o2 1/3, o3 0 everywhere; "b" the
    /// reverse. "a" cares ten times more about the first half of the issues (weight 1 vs .1), "b" about the second half.
    /// </summary>
    private static Scenario LogRolling(int issues)
    {
        var list = Enumerable.Range(0, issues).Select(j => Issue.Discrete("i" + j, "I" + j, "o0", "o1", "o2", "o3")).ToArray();
        Interest Interest(int j, double weight, bool reversed) => new("i" + j, weight,
            Enumerable.Range(0, 4).ToDictionary(o => "o" + o, o => (Uncertain)((reversed ? o : 3 - o) / 3.0)), null);
        var half = issues / 2;
        var a = TestScenarios.Actor("a", StrategySpec.Linear(), 0, null,
            Enumerable.Range(0, issues).Select(j => Interest(j, j < half ? 1 : 0.1, false)).ToArray());
        var b = TestScenarios.Actor("b", StrategySpec.Linear(), 0, null,
            Enumerable.Range(0, issues).Select(j => Interest(j, j < half ? 0.1 : 1, true)).ToArray());
        return TestScenarios.Build("log-rolling", list, [a, b],
            new Protocol(ProtocolKind.AlternatingOffers, ["a", "b"], SigningRule.Unanimity, ["a", "b"], 10, 1));
    }

    [Theory]
    [InlineData(2)]   // 16 packages: enumerated
    [InlineData(8)]   // 65,536 packages: trade-off search
    public void LogRolling_EachSideGetsTheIssuesItCaresAbout_InRound1(int issues)
    {
        // Giving "a" o0 on its half and "b" o3 on its half: U = (half · 1 + half · .1 · 0)/(1.1 · half) = .909 for both,
        // above both round-1 aspirations (1 − .1 = .9). Any other package leaves one of them below .9.
        var scenario = LogRolling(issues);
        var (result, ws) = TestScenarios.RunOnce(scenario);

        Assert.Equal(issues > 4, !NegotiationModel.Compile(scenario, new ParameterTable()).Enumerates);
        Assert.Equal(new NegotiationResult(true, 1, 0, BreakdownCause.None, -1), result);
        Assert.Equal(Enumerable.Range(0, issues).Select(j => j < issues / 2 ? 0.0 : 3.0), ws.Package.ToArray());
        Assert.Equal(1 / 1.1, ws.Utilities[0], 9);
        Assert.Equal(1 / 1.1, ws.Utilities[1], 9);
    }
}
