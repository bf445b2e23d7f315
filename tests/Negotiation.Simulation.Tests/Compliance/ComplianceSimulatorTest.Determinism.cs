using CsCheck;
using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;

namespace Negotiation.Simulation.Tests.Compliance;

public sealed partial class ComplianceSimulatorTest
{
    private static ComplianceRig Busy() => new(Ceasefire.Scenario(
        Ceasefire.Design(
            [Ceasefire.Provision("ceasefire", 0.3, 0.05, "government", "rebels")],
            [Ceasefire.Mechanism("jic", MechanismKind.JointMonitoring, stage: "jic")],
            [new Spoiler("nusra", "al-Nusra", 0.2, 0.3, ["rebels"])],
            [new Stage("jic", "JIC", 7, 0.02)],
            new RenewalTerms(91, 28, 0.2)),
        Ceasefire.Party("government", Ceasefire.Traits(ResponseKind.Proportional, tolerance: 3)),
        Ceasefire.Party("rebels"),
        Ceasefire.Party("guarantor", Ceasefire.Traits(ResponseKind.GrimTrigger), "rebels")));

    [Fact]
    public void Run_SameSeedAndRun_GivesTheSameResult_WhateverRanBefore()
    {
        var fresh = Busy();
        var used = Busy();
        for (var r = 0; r < 50; r++)
        {
            used.Run(r, seed: 9);
        }

        Assert.Equal(fresh.Run(17, seed: 9), used.Run(17, seed: 9));
    }

    [Fact]
    public void Run_SameSeedAndRun_GivesTheSameEvents()
    {
        var first = new RecordingObserver();
        var second = new RecordingObserver();

        Busy().Run(3, seed: 5, observer: first);
        Busy().Run(3, seed: 5, observer: second);

        Assert.Equal(first.Log, second.Log);
    }

    [Fact]
    public void Run_ObserverDoesNotChangeTheResult()
    {
        var rig = Busy();

        Assert.All(Enumerable.Range(0, 100), r => Assert.Equal(rig.Run(r), rig.Run(r, observer: new RecordingObserver())));
    }

    [Fact]
    public void Run_DifferentRuns_GiveDifferentLives()
    {
        var rig = Busy();

        Assert.True(Enumerable.Range(0, 100).Select(r => rig.Run(r)).Distinct().Count() > 10);
    }

    [Fact]
    public void Run_ResultIsAlwaysConsistent()
    {
        // One rig per thread: CsCheck samples on every core, and a rig's workspace serves one thread at a time.
        using var rigs = new ThreadLocal<ComplianceRig>(Busy);
        Gen.Select(Gen.ULong, Gen.Long[0, long.MaxValue]).Sample((seed, run) =>
        {
            var rig = rigs.Value!;
            var result = rig.Run(run, seed);
            return result.PeriodsHeld >= 0 && result.PeriodsHeld <= rig.Model.Horizon
                && (result.Cause != CollapseCause.None || result.PeriodsHeld == rig.Model.Horizon)
                && (result.PeriodsHeld == rig.Model.Horizon || result.Cause != CollapseCause.None)
                && result.FirstViolator >= -1 && result.FirstViolator < rig.Model.PartyIds.Count
                && (result.StagesReached & ~0b1) == 0
                && (result.PeriodsHeld < 1 || result.Reached(0));
        });
    }

    [Fact]
    public void Run_AfterWarmUp_AllocatesNothing()
    {
        var rig = Busy();
        for (var r = 0; r < 50; r++)
        {
            rig.Run(r);
        }

        var held = 0L;
        var allocated = Allocations.InSteadyState(() =>
        {
            for (var r = 0; r < 500; r++)
            {
                held += rig.Run(r).PeriodsHeld;
            }
        });

        Assert.True(held > 0);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Run_OnParallelWorkers_GivesTheSameResultsAsSequentially()
    {
        var sequential = Busy();
        var expected = Enumerable.Range(0, 2000).Select(r => sequential.Run(r)).ToArray();
        var shared = Busy();
        var actual = new ComplianceResult[expected.Length];

        // One workspace per worker over one shared model, as the Monte Carlo runner does.
        Parallel.For(0, 4, worker =>
        {
            var workspace = new ComplianceWorkspace(shared.Model);
            for (var r = worker; r < actual.Length; r += 4)
            {
                actual[r] = ComplianceSimulator.Run(shared.Model, shared.P, shared.Package, shared.Utilities, shared.Reservations, 42, r, workspace);
            }
        });

        Assert.Equal(expected, actual);
    }
}
