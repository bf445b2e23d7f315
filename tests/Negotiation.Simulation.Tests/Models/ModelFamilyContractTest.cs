using System.Globalization;
using Negotiation.Simulation.Models;
using Negotiation.Simulation.Models.Bargaining;
using Negotiation.Simulation.Models.ExpectedUtility;
using Negotiation.Simulation.MonteCarlo;
using Negotiation.Simulation.MonteCarlo.Accumulators;

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

    /// <summary>Every variant of the scenario, as the command line runs them.</summary>
    private static IModelPlan Plan(string family, string scenario)
    {
        var set = ShippedScenarios.Load(scenario);
        return family == BargainingModel.FamilyId
            ? new BargainingPlan(SimulationPlan.Compile(set))
            : new ExpectedUtilityPlan(set.Variants.Select(v => ExpectedUtilityModel.Compile(v)).ToArray());
    }

    /// <summary>Every variant's accumulated state and, for the bargaining family, the paired comparisons.</summary>
    internal static string Digest(IReadOnlyList<IOutcomeAccumulator> variants, IRunComparison? comparison)
    {
        var text = string.Join("\n--\n", variants.Select(v => v.StateDigest()));
        if (comparison is BargainingComparison pairs)
        {
            text += "\n--\n" + PairsDigest(pairs.Pairs);
        }

        return text;
    }

    internal static string PairsDigest(IEnumerable<PairedAccumulator> pairs)
    {
        static string Moment(Moments m) => $"{m.Count}/{m.Sum.Raw.ToString(CultureInfo.InvariantCulture)}/{m.SumOfSquares.Raw.ToString(CultureInfo.InvariantCulture)}";
        return string.Join('\n', pairs.Select(p => $"{p.VariantId}-{p.BaselineId} {Moment(p.Agreement)} {Moment(p.Survival)} {string.Join(',', p.Utility.Select(Moment))}"));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Run_AnyThreadCount_SameState(string family, string scenario)
    {
        var plan = Plan(family, scenario);
        var one = MonteCarloRunner.Run(plan, new RunRequest(5, 1100, 1));
        var three = MonteCarloRunner.Run(plan, new RunRequest(5, 1100, 3));
        Assert.Equal(1100, one.CompletedRuns);
        Assert.True(one.Complete);
        Assert.Equal(Digest(one.Variants, one.Comparison), Digest(three.Variants, three.Comparison));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Run_InShards_MergesToTheWhole(string family, string scenario)
    {
        var plan = Plan(family, scenario);
        var whole = MonteCarloRunner.Run(plan, new RunRequest(9, 1100, 2));
        var first = MonteCarloRunner.Run(plan, new RunRequest(9, 1100, 1, new ShardSpec(1, 3)));
        foreach (var k in new[] { 2, 3 })
        {
            var shard = MonteCarloRunner.Run(plan, new RunRequest(9, 1100, 2, new ShardSpec(k, 3)));
            for (var v = 0; v < first.Variants.Count; v++)
            {
                first.Variants[v].Merge(shard.Variants[v]);
            }

            first.Comparison?.Merge(shard.Comparison!);
        }

        Assert.Equal(1100, first.Variants[0].Runs);
        Assert.Equal(Digest(whole.Variants, whole.Comparison), Digest(first.Variants, first.Comparison));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Run_AfterWarmUp_AllocatesNothing(string family, string scenario)
    {
        var worker = new MonteCarloWorker(Plan(family, scenario), 3, keepRows: false);
        worker.RunChunk(0, 200);
        var next = 200L;
        var allocated = Allocations.InSteadyState(() =>
        {
            worker.RunChunk(next, next + 40);
            next += 40;
        });
        Assert.Equal(0, allocated);
        Assert.True(worker.Accumulators[0].Runs >= 360);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Run_NeverCrossesARedLineOfASignatory(string family, string scenario)
    {
        var replay = new ModelReplay(Compile(family, scenario));
        var workspace = replay.Workspace;
        var agreedOrPredicted = 0;
        for (var run = 0L; run < 400; run++)
        {
            replay.Run(11, run);
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

    /// <summary>
    /// The Monte Carlo core runs the bargaining family through the seam — shared draws, followers, chunks, threads, moments
    /// folded at the end — and must add up to exactly what a plain loop gets by simulating every run of every variant on
    /// its own (its own sampler, no following) and adding it up by hand.
    /// </summary>
    [Theory]
    [InlineData("syria-coh-2016")]
    [InlineData("nato-russia-2022")]
    public void Bargaining_ThroughTheSeam_EqualsAPlainLoopOverEveryRun(string scenario)
    {
        const int runs = 700;
        var plan = SimulationPlan.Compile(ShippedScenarios.Load(scenario));
        var core = MonteCarloRunner.Run(plan, new RunRequest(4, runs, 2), "f");

        var runners = plan.Variants.Select(v => new VariantRunner(v)).ToArray();
        var outcomes = plan.Variants.Select(v => new VariantAccumulator(v.Layout)).ToArray();
        var pairs = core.Comparisons.Select(p => new PairedAccumulator(p.VariantId, p.BaselineId, p.SharedActors)).ToArray();
        for (var run = 0L; run < runs; run++)
        {
            for (var v = 0; v < runners.Length; v++)
            {
                var r = runners[v];
                r.Simulate(4, run);
                outcomes[v].Add(r.Negotiation, r.NegotiationWorkspace, r.Compliance, r.SurvivedOneYear, r.UncertainValues);
                for (var k = 0; k < r.UncertainValues.Length; k++)
                {
                    outcomes[v].ParameterMoments[k].Add(r.UncertainValues[k]);
                }
            }

            var b = runners[0];
            for (var i = 0; i < pairs.Length; i++)
            {
                var r = runners[i + 1];
                pairs[i].Agreement.Add((r.Negotiation.Agreed ? 1 : 0) - (b.Negotiation.Agreed ? 1 : 0));
                if (r.HasCompliance && b.HasCompliance)
                {
                    pairs[i].Survival.Add((r.SurvivedOneYear ? 1 : 0) - (b.SurvivedOneYear ? 1 : 0));
                }

                var shared = pairs[i].SharedActors;
                for (var a = 0; a < shared.Count; a++)
                {
                    var inVariant = plan.Variants[i + 1].Layout.Actors.ToList().FindIndex(x => x.Id == shared[a]);
                    var inBaseline = plan.Variants[0].Layout.Actors.ToList().FindIndex(x => x.Id == shared[a]);
                    pairs[i].Utility[a].Add(r.NegotiationWorkspace.Utilities[inVariant] - b.NegotiationWorkspace.Utilities[inBaseline]);
                }
            }
        }

        Assert.True(plan.Variants.Count > 2 && pairs.Length == plan.Variants.Count - 1);
        Assert.True(outcomes[0].Agreed > 0 && outcomes[0].ParameterMoments.Length > 0, "nothing agreed or nothing uncertain: the comparison would be vacuous");
        for (var v = 0; v < outcomes.Length; v++)
        {
            Assert.Equal(new BargainingAccumulator(outcomes[v]).StateDigest(), new BargainingAccumulator(core.Variants[v]).StateDigest());
        }

        Assert.Equal(PairsDigest(pairs), PairsDigest(core.Comparisons));
    }

    [Fact]
    public void PerRunRows_WithAFamilyThatWritesNone_IsRefused()
    {
        var plan = Plan(ExpectedUtilityModel.FamilyId, "syria-coh-2016");
        var error = Assert.Throws<ArgumentException>(() => MonteCarloRunner.Run(plan, new RunRequest(1, 10, 1), perRun: new NoSink()));
        Assert.Contains("expected-utility family writes no per-run rows", error.Message, StringComparison.Ordinal);
    }

    private sealed class NoSink : IPerRunSink
    {
        public void Begin(string header) => throw new InvalidOperationException("no header expected");

        public void Write(long chunk, string rows) => throw new InvalidOperationException("no rows expected");
    }
}
