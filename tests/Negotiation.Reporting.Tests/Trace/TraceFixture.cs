using Negotiation.Core.Model;
using Negotiation.Reporting.Trace;
using Negotiation.Scenarios;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Tests.Trace;

/// <summary>A small scenario written for the trace tests, and the shipped scenarios found from the repository root.</summary>
internal static class TraceFixture
{
    /// <summary>
    /// Two signatories over a water-sharing issue (discrete) and a transition period (continuous, 0–10 years);
    /// upstream rejects "equal" shares outright (red line); a drought in round 2 lowers downstream's BATNA for
    /// sure. After signature both are bound by a quota with a strong temptation, a spoiler sometimes attacks, and a
    /// commission starts after two weeks.
    /// </summary>
    public const string Yaml = """
        schemaVersion: 1
        id: river
        title: River treaty
        issues:
          share:
            name: Water share
            options: [upstream-first, proportional, equal]
          years:
            name: Transition
            range: [0, 10]
            unit: years
            resolution: 3
        actors:
          up:
            name: Upstream
            reservation: 0.3
            interests:
              share: {weight: 2, values: {upstream-first: 1, proportional: 0.6, equal: 0}}
              years: {weight: 1, ideal: 10}
            redLines:
              share: [equal]
            strategy: boulware
          down:
            name: Downstream
            reservation: 0.5
            interests:
              share: {weight: 2, values: {upstream-first: 0, proportional: 0.7, equal: 1}}
              years: {weight: 1, ideal: 0}
            strategy: conceder
        protocol:
          signatories: [up, down]
          deadline: 5
        events:
          drought:
            name: Drought
            round: 2
            probability: 1
            effects:
              - {actor: down, reservation: -0.2}
        compliance:
          horizon: 30
          provisions:
            quota:
              name: Withdrawal quota
              obligated: [up, down]
              temptation: 0.15
              penalty: 0.05
          spoilers:
            bandits: {name: Bandits, attackProbability: 0.05, misattribution: 0.5, blamedOn: [down]}
          stages:
            commission: {name: River commission starts, afterDays: 14, reward: 0.01}
        """;

    public static ScenarioSet River() => ScenarioLoader.LoadText(Yaml, "river.yaml");

    public static CompiledVariant RiverCompiled() => CompiledVariant.Compile(River().Baseline);

    public static RunTrace RiverTrace(long run = 0) => Tracer.Replay(RiverCompiled(), 7, run);

    public static ScenarioSet Shipped(string id) => ScenarioLoader.Load(RepositoryFiles.Scenario(id));
}
