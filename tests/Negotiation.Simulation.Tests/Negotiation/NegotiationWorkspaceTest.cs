using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Negotiation;

public class NegotiationWorkspaceTest
{
    [Fact]
    public void Utility_OfContinuousIssues_FollowsLossShapesAndCurves()
    {
        // One issue [0, 100]; a: ideal 40 quadratic, b: ideal 40 linear, c: curve (10, 0) (90, 1).
        var issue = Issue.Continuous("x", "X", 0, 100, resolution: 11);
        Actor Make(string id, Interest interest) => TestScenarios.Actor(id, StrategySpec.Linear(), 0, null, interest);
        var scenario = TestScenarios.Build("u", [issue],
            [
                Make("a", new Interest("x", 2.0, null, 40.0, LossShape.Quadratic)),
                Make("b", new Interest("x", 1.0, null, 40.0)),
                Make("c", new Interest("x", 1.0, null, null, Curve: [new CurvePoint(10, 0), new CurvePoint(90, 1)])),
            ],
            new Protocol(ProtocolKind.AlternatingOffers, ["a", "b", "c"], SigningRule.Unanimity, ["a"], 1, 1));
        var (_, ws) = TestScenarios.RunOnce(scenario);

        Assert.Equal(1 - 0.6 * 0.6, ws.Utility(0, [100.0]), 12);   // quadratic: 1 − ((100 − 40)/100)²
        Assert.Equal(1 - 0.6, ws.Utility(1, [100.0]), 12);         // linear: 1 − |100 − 40|/100
        Assert.Equal(0.5, ws.Utility(2, [50.0]), 12);              // curve: halfway between (10, 0) and (90, 1)
        Assert.Equal(0.0, ws.Utility(2, [0.0]), 12);               // flat before the first point
        Assert.Equal(1.0, ws.Utility(2, [100.0]), 12);             // flat after the last point
    }

    [Fact]
    public void Utility_OfAnActorWithoutInterests_IsZero()
    {
        var (_, ws) = TestScenarios.RunOnce(TestScenarios.Laptop(StrategySpec.Linear(), StrategySpec.Linear(), kind: ProtocolKind.SingleText));

        Assert.Equal(0.0, ws.Utility(2, [2.0, 0.0, 0.0]));
    }

    [Fact]
    public void Utility_OfDiscreteIssues_IsTheWeightNormalisedSumOfOptionValues()
    {
        // Profile 1 of the Laptop domain, (Mac, 80, 23): (.4452 · 20/30 + .3781 · 20/30 + .1768 · 20/30) / 1.0001.
        var (_, ws) = TestScenarios.RunOnce(TestScenarios.Laptop(StrategySpec.Linear(), StrategySpec.Linear()));

        Assert.Equal((0.4452 + 0.3781 + 0.1768) * 20 / 30 / 1.0001, ws.Utility(0, [1.0, 1.0, 2.0]), 12);
    }

    [Fact]
    public void Workspace_IsReusable_RunsDoNotLeakIntoEachOther()
    {
        // A run whose event shifts values must not change the next run's tables.
        var scenario = TestScenarios.Line(StrategySpec.Linear(), StrategySpec.Hardliner(0), reservationB: Reservation.Constant(0.3),
            events: [new ScenarioEvent("shock", "Shock", 1, 1.0, [new ValueShift("b", "x", null, -0.5)])]);
        var table = new ParameterTable();
        var model = NegotiationModel.Compile(scenario, table);
        var ws = new NegotiationWorkspace(model);
        var p = table.Means();
        var first = NegotiationSimulator.Run(model, p, 1, 0, ws);
        p[table.IndexOf("events.shock.probability")] = 0;
        var second = NegotiationSimulator.Run(model, p, 1, 1, ws);

        Assert.Equal(8, first.Round);   // needs 1 − x/100 − .5 ≥ .3
        Assert.Equal(3, second.Round);  // needs 1 − x/100 ≥ .3
    }

    [Theory]
    [InlineData(3)]   // one vector of four actors
    [InlineData(6)]   // two vectors, the second half padding
    public void AgreedUtilities_AreTheIssueOrderSumsOfTheTables_BitForBit(int actors)
    {
        // The engine sums every actor's utility of a package at once (one vector lane per actor); each lane must add
        // the actor's terms in issue order from 0, exactly as Utility(actor, package) does one actor at a time.
        var agreements = 0;
        for (var seed = 1UL; seed <= 12; seed++)
        {
            var table = new ParameterTable();
            var model = NegotiationModel.Compile(RandomScenarios.Create(seed, actors, 7), table);
            var ws = new NegotiationWorkspace(model);
            var means = table.Means();
            for (var run = 0; run < 10; run++)
            {
                var p = means.Select((x, i) => i % 5 == run % 5 ? x * 0.9 : x).ToArray();
                if (!NegotiationSimulator.Run(model, p, seed, run, ws).Agreed)
                {
                    continue;
                }

                agreements++;
                for (var a = 0; a < actors; a++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(ws.Utility(a, ws.Package)), BitConverter.DoubleToInt64Bits(ws.Utilities[a]));
                }
            }
        }

        Assert.True(agreements >= 10, $"only {agreements} agreements: the test would check too little");
    }
}
