using Negotiation.Simulation.Models;
using Negotiation.Simulation.Models.Bargaining;
using Negotiation.Simulation.Models.ExpectedUtility;
using Negotiation.Simulation.MonteCarlo;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Models;

/// <summary>
/// What every model family behind the seam must do: give the same accumulated state for any thread count and any
/// split into shards, allocate nothing per run, and never produce an outcome that crosses a red line of an actor
/// whose consent it needed (families without red lines say so and are checked to).
/// </summary>
public class ModelFamilyContractTest
{
    public static TheoryData<string, string> Families => new()
    {
        { BargainingModel.FamilyId, "syria-coh-2016" },
        { BargainingModel.FamilyId, "nato-russia-2022" },
        { ExpectedUtilityModel.FamilyId, "syria-coh-2016" },
        { ExpectedUtilityModel.FamilyId, "syria-transition-2015" },
        { ExpectedUtilityModel.FamilyId, "nato-russia-2022" },
    };

    private static INegotiationModel Compile(string family, string scenario)
    {
        var baseline = ShippedScenarios.Load(scenario).Baseline;
        return family == BargainingModel.FamilyId ? BargainingModel.Compile(baseline) : ExpectedUtilityModel.Compile(baseline);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Run_AnyThreadCount_SameState(string family, string scenario)
    {
        var model = Compile(family, scenario);
        var one = ModelRunner.Run(model, new RunRequest(5, 1100, 1));
        var three = ModelRunner.Run(model, new RunRequest(5, 1100, 3));
        Assert.Equal(1100, one.Runs);
        Assert.Equal(one.StateDigest(), three.StateDigest());
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Run_InShards_MergesToTheWhole(string family, string scenario)
    {
        var model = Compile(family, scenario);
        var whole = ModelRunner.Run(model, new RunRequest(9, 1100, 2));
        var first = ModelRunner.Run(model, new RunRequest(9, 1100, 1, new ShardSpec(1, 3)));
        foreach (var k in new[] { 2, 3 })
        {
            first.Merge(ModelRunner.Run(model, new RunRequest(9, 1100, 2, new ShardSpec(k, 3))));
        }

        Assert.Equal(1100, first.Runs);
        Assert.Equal(whole.StateDigest(), first.StateDigest());
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Run_AfterWarmUp_AllocatesNothing(string family, string scenario)
    {
        var model = Compile(family, scenario);
        var workspace = model.CreateWorkspace();
        var accumulator = model.CreateAccumulator();
        var sampler = new ParameterSampler(model.Parameters);
        ModelRunner.RunChunk(sampler, workspace, accumulator, 3, 0, 300);
        var next = 300L;
        var allocated = Allocations.InSteadyState(() =>
        {
            ModelRunner.RunChunk(sampler, workspace, accumulator, 3, next, next + 50);
            next += 50;
        });
        Assert.Equal(0, allocated);
        Assert.True(accumulator.Runs >= 500);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Run_NeverCrossesARedLineOfASignatory(string family, string scenario)
    {
        var model = Compile(family, scenario);
        var workspace = model.CreateWorkspace();
        var sampler = new ParameterSampler(model.Parameters);
        var agreedOrPredicted = 0;
        for (var run = 0L; run < 400; run++)
        {
            sampler.Sample(11, run, workspace.Parameters);
            workspace.Run(11, run);
            Assert.False(workspace.CrossesRedLine, $"run {run} crosses a red line");
            agreedOrPredicted += workspace is BargainingWorkspace b ? (b.Runner.Negotiation.Agreed ? 1 : 0) : 1;
        }

        Assert.True(agreedOrPredicted > 0, "no run reached an outcome: the check would be vacuous");
    }

    [Fact]
    public void CrossesRedLine_DetectsAnAgreedPackageOnAnExcludedOption()
    {
        // The check itself must be able to fail: the US excludes 'terrorists-only' on flights in syria-coh-2016.
        var model = (BargainingModel)Compile(BargainingModel.FamilyId, "syria-coh-2016");
        var scenario = model.Variant.Scenario;
        var package = new double[scenario.Issues.Count];
        Assert.False(model.Crosses(package));   // option 0 everywhere: grounded, nationwide, ... (the US's own demands)
        package[scenario.IssueIndex("flights")] = scenario.Issue("flights").IndexOf("terrorists-only");
        Assert.True(model.Crosses(package));
    }

    [Theory]
    [InlineData("syria-coh-2016")]
    [InlineData("nato-russia-2022")]
    public void Bargaining_ThroughTheSeam_AddsUpToTheMonteCarloRunner(string scenario)
    {
        var set = ShippedScenarios.Load(scenario);
        var plan = SimulationPlan.Compile(set, [set.Baseline.Id]);
        var direct = MonteCarloRunner.Run(plan, new RunRequest(4, 1200, 2), "f");
        var seam = ModelRunner.Run(new BargainingModel(plan.Variants[0]), new RunRequest(4, 1200, 3));
        Assert.Equal(new BargainingAccumulator(direct.Variants[0]).StateDigest(), seam.StateDigest());
    }
}
