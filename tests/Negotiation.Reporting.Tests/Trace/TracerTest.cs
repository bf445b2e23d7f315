using Negotiation.Reporting.Trace;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Tests.Trace;

public sealed partial class TracerTest
{
    [Fact]
    public void Replay_TwiceOfTheSameRun_GivesTheSameTrace()
    {
        var compiled = TraceFixture.RiverCompiled();
        Assert.Equal(TraceExport.Json(Tracer.Replay(compiled, 7, 3)), TraceExport.Json(Tracer.Replay(compiled, 7, 3)));
    }

    [Fact]
    public void Replay_RecordsEveryRoundUpToTheEnd_AndTheEventInItsRound()
    {
        var trace = TraceFixture.RiverTrace();
        Assert.Equal(Enumerable.Range(1, trace.Negotiation.Round), trace.Rounds.Select(r => r.Round));
        // The drought fires for sure in round 2 and lowers Downstream's BATNA by 0.2 from then on.
        Assert.Equal([0], trace.Rounds[1].EventsFired);
        Assert.Empty(trace.Rounds[0].EventsFired);
        Assert.Equal(0.5, trace.Rounds[0].Reservations[1], 12);
        Assert.Equal(0.3, trace.Rounds[1].Reservations[1], 12);
    }

    [Fact]
    public void Find_ReturnsTheFirstRunWithTheOutcome_FromTheStartGiven()
    {
        var compiled = TraceFixture.RiverCompiled();
        foreach (var outcome in new[] { TraceOutcome.Agreement, TraceOutcome.Collapse })
        {
            var found = Tracer.Find(compiled, 7, 2, outcome, limit: 1000);
            Assert.NotNull(found);
            Assert.True(found >= 2);
            Assert.Equal(outcome, Outcome(compiled, found.Value, outcome));
            for (var run = 2L; run < found; run++)
            {
                Assert.NotEqual(outcome, Outcome(compiled, run, outcome));
            }
        }
    }

    [Fact]
    public void Find_WithNoSuchRunWithinTheLimit_ReturnsNull()
    {
        // Downstream's BATNA is 1, 0.9 after the drought; the best it can get within Upstream's red line is
        // (2·0.7 + 1·1)/3 = 0.8 (proportional shares, no transition): every run breaks down.
        var set = Scenarios.ScenarioLoader.LoadText(
            TraceFixture.Yaml.Replace("reservation: 0.5", "reservation: 1", StringComparison.Ordinal)
                .Replace("reservation: -0.2", "reservation: -0.1", StringComparison.Ordinal), "river.yaml");
        var compiled = CompiledVariant.Compile(set.Baseline);
        Assert.Null(Tracer.Find(compiled, 7, 0, TraceOutcome.Agreement, limit: 50));
        Assert.Equal(0, Tracer.Find(compiled, 7, 0, TraceOutcome.Breakdown, limit: 50));
    }

    [Fact]
    public void Outcome_Collapse_IsAnAgreementThatEndedBeforeTheHorizon()
    {
        var compiled = TraceFixture.RiverCompiled();
        var run = Tracer.Find(compiled, 7, 0, TraceOutcome.Collapse, limit: 1000)!.Value;
        var trace = Tracer.Replay(compiled, 7, run);
        Assert.True(trace.Negotiation.Agreed);
        Assert.True(trace.Compliance!.Result.PeriodsHeld < trace.Compliance.Horizon);
        Assert.Equal(TraceOutcome.Collapse, trace.Outcome);
    }

    // Agreement is also true of collapsed runs: compare against what Find looks for.
    private static TraceOutcome? Outcome(CompiledVariant compiled, long run, TraceOutcome wanted)
    {
        var trace = Tracer.Replay(compiled, 7, run);
        return wanted switch
        {
            TraceOutcome.Agreement => trace.Negotiation.Agreed ? wanted : null,
            TraceOutcome.Breakdown => trace.Negotiation.Agreed ? null : wanted,
            _ => trace.Outcome == TraceOutcome.Collapse ? wanted : null,
        };
    }
}
