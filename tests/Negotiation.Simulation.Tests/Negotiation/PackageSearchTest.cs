using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Negotiation;

public class PackageSearchTest
{
    [Theory]
    [InlineData(2)]   // 16 packages: enumerated
    [InlineData(8)]   // 65,536 packages: trade-off search
    public void LogRolling_EachSideGetsTheIssuesItCaresAbout_InRound1(int issues)
    {
        // Giving "a" o0 on its half and "b" o3 on its half: U = (half · 1 + half · .1 · 0)/(1.1 · half) = .909 for both,
        // above both round-1 aspirations (1 − .1 = .9). Any other package leaves one of them below .9.
        var scenario = TestScenarios.LogRolling(issues);
        var (result, ws) = TestScenarios.RunOnce(scenario);

        Assert.Equal(issues > 4, !NegotiationModel.Compile(scenario, new ParameterTable()).Enumerates);
        Assert.Equal(new NegotiationResult(true, 1, 0, BreakdownCause.None, -1), result);
        Assert.Equal(Enumerable.Range(0, issues).Select(j => j < issues / 2 ? 0.0 : 3.0), ws.Package.ToArray());
        Assert.Equal(1 / 1.1, ws.Utilities[0], 9);
        Assert.Equal(1 / 1.1, ws.Utilities[1], 9);
    }
}
