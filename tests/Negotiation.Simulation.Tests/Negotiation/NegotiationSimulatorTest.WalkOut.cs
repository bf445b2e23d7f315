using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Negotiation;

public partial class NegotiationSimulatorTest
{
    /// <summary>
    /// The walk-out test searches the quantile levels only until bounds on the two chances settle the decision
    /// (docs/model.md §5.4); a traced run computes both chances exactly. The decisions, and so every run, must be
    /// the same either way: random scenarios where every signatory has an outside option, a private reservation value
    /// and a delay cost, each run once untraced and once traced.
    /// </summary>
    [Fact]
    public void WalkOut_DecidedFromBoundsOnTheChances_IsTheDecisionOfTheExactChances()
    {
        var walkOuts = 0;
        var stays = 0;
        for (var seed = 21UL; seed <= 32; seed++)
        {
            var (w, s) = CompareTracedAndUntraced(seed, 2 + (int)(seed % 4), 3 + (int)(seed % 3));
            walkOuts += w;
            stays += s;
        }

        Assert.True(walkOuts >= 20, $"only {walkOuts} runs ended in a walk-out: the test would not see a wrong 'leave'");
        Assert.True(stays >= 200, $"only {stays} rounds with everyone staying: the test would not see a wrong 'stay'");
    }

    /// <summary>Runs of one random scenario, untraced and traced; their walk-outs and rounds where everyone stayed.</summary>
    private static (int WalkOuts, int Stays) CompareTracedAndUntraced(ulong seed, int actors, int issues)
    {
        var random = RandomScenarios.Create(seed, actors, issues);
        var scenario = random with
        {
            Actors = random.Actors.Select((a, i) => a with
            {
                Strategy = StrategySpec.OutsideOption(0.5 + 0.2 * i),
                Reservation = Reservation.Constant(new UniformDist(0.05, 0.75)),
                DelayCost = new UniformDist(0, 0.04),
            }).ToArray(),
        };
        var table = new ParameterTable();
        var model = NegotiationModel.Compile(scenario, table);
        var sampler = new ParameterSampler(table);
        var p = new double[sampler.Count];
        var untraced = new NegotiationWorkspace(model);
        var traced = new NegotiationWorkspace(model);
        var walkOuts = 0;
        var stays = 0;
        for (var run = 0; run < 60; run++)
        {
            sampler.Sample(seed, run, p);
            var observer = new RecordingObserver();
            var expected = NegotiationSimulator.Run(model, p, seed, run, traced, observer);
            var actual = NegotiationSimulator.Run(model, p, seed, run, untraced);
            Assert.Equal(expected, actual);
            Assert.Equal(traced.Package.ToArray(), untraced.Package.ToArray());
            walkOuts += actual.Cause == BreakdownCause.WalkOut ? 1 : 0;
            stays += actual.Cause == BreakdownCause.WalkOut ? actual.Round - 1 : actual.Round;
        }

        return (walkOuts, stays);
    }
}
