using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Negotiation;

public class ClimbCacheTest
{
    [Theory]
    [InlineData(11UL)]
    [InlineData(12UL)]
    [InlineData(13UL)]
    public void SharedSearchCache_GivesTheResultsOfAnUnsharedWorkspace(ulong seed)
    {
        // Two workspaces of the same scenario share their climbs; they run parameter vectors that are sometimes
        // equal (cache entries of the other workspace must be reused exactly) and sometimes not (they must not be).
        var scenario = RandomScenarios.Create(seed, 4, 9);
        var table = new ParameterTable();
        var model = NegotiationModel.Compile(scenario, table);
        Assert.False(model.Enumerates);
        var alone = new NegotiationWorkspace(model);
        var first = new NegotiationWorkspace(model);
        var second = new NegotiationWorkspace(NegotiationModel.Compile(scenario, new ParameterTable()));
        Assert.True(second.ShareSearchCache(first));

        var means = table.Means();
        double[] Vector(int k) => means.Select((x, i) => i % 3 == k % 3 ? x * 0.8 : x).ToArray();
        for (var run = 0; run < 30; run++)
        {
            foreach (var (workspace, p) in new[] { (first, Vector(run / 2)), (second, Vector((run + 1) / 2)) })
            {
                var expected = NegotiationSimulator.Run(model, p, 5, run, alone);
                var actual = NegotiationSimulator.Run(workspace.Model, p, 5, run, workspace);
                Assert.Equal(expected, actual);
                Assert.Equal(alone.Package.ToArray(), workspace.Package.ToArray());
                Assert.Equal(alone.Utilities.ToArray(), workspace.Utilities.ToArray());
            }
        }
    }

    [Fact]
    public void ShareSearchCache_RefusesAModelThatSearchesDifferently()
    {
        var a = new NegotiationWorkspace(NegotiationModel.Compile(RandomScenarios.Create(11, 4, 9), new ParameterTable()));
        var b = new NegotiationWorkspace(NegotiationModel.Compile(RandomScenarios.Create(12, 4, 9), new ParameterTable()));
        Assert.False(b.ShareSearchCache(a));
    }
}
