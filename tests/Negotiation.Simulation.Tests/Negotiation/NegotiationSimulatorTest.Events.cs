using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;
using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Tests.Negotiation;

public partial class NegotiationSimulatorTest
{
    private static Scenario Sanctions(double probability, EventEffect effect, double reservationB = 0.3) =>
        TestScenarios.Line(StrategySpec.Linear(), StrategySpec.Hardliner(0), reservationB: Reservation.Constant(reservationB),
            events: [new ScenarioEvent("sanctions", "Sanctions", 3, probability, [effect])]);

    [Fact]
    public void Event_ReservationShift_AppliesFromItsRoundOn()
    {
        // Without the event b (r = .3) accepts a's round-3 offer (U_b = .3). With +.4 from round 3, r_b = .7: round 7.
        var observer = new RecordingObserver();
        var (result, ws) = TestScenarios.RunOnce(Sanctions(1.0, new ReservationShift("b", 0.4)), observer);

        Assert.Equal([(3, 0)], observer.Events);
        Assert.Equal([0.3, 0.3, 0.7, 0.7], observer.Reservations.Take(4).Select(r => Math.Round(r[1], 12)));
        Assert.Equal(7, result.Round);
        Assert.Equal(0.7, ws.Reservations[1], 12);
    }

    [Fact]
    public void Event_WithProbabilityZero_NeverFires()
    {
        var observer = new RecordingObserver();
        var (result, _) = TestScenarios.RunOnce(Sanctions(0.0, new ReservationShift("b", 0.4)), observer);

        Assert.Empty(observer.Events);
        Assert.Equal(3, result.Round);
    }

    [Fact]
    public void Event_ValueShift_LowersTheWholeContinuousIssue()
    {
        // From round 3, v_b(x) = max(0, 1 − x/100 − .5): b (r = .3) needs r/10 − .5 ≥ .3, round 8 (x = 20, U_b = .3).
        var (result, ws) = TestScenarios.RunOnce(Sanctions(1.0, new ValueShift("b", "x", null, -0.5)));

        Assert.Equal(8, result.Round);
        Assert.Equal(0.3, ws.Utilities[1], 9);
        Assert.Equal(0.3, ws.Utility(1, [20.0]), 9);
    }

    [Fact]
    public void Event_Firing_DrawsFromItsOwnStream()
    {
        var scenario = Sanctions(0.5, new ReservationShift("b", 0.4));
        var table = new ParameterTable();
        var model = NegotiationModel.Compile(scenario, table);
        var ws = new NegotiationWorkspace(model);
        var p = table.Means();
        for (var run = 0L; run < 64; run++)
        {
            var rng = Rng.For(42, run, Streams.ForParameter("events.sanctions.fires"));
            var fires = rng.Chance(0.5);
            var result = NegotiationSimulator.Run(model, p, 42, run, ws);
            Assert.Equal(fires ? 7 : 3, result.Round);
        }
    }

    [Fact]
    public void Run_SameSeedAndRun_SameResult()
    {
        var scenario = Sanctions(0.5, new ReservationShift("b", 0.4));
        var table = new ParameterTable();
        var model = NegotiationModel.Compile(scenario, table);
        var (first, second) = (new NegotiationWorkspace(model), new NegotiationWorkspace(model));
        var p = table.Means();
        var rounds = new HashSet<int>();
        for (var run = 0L; run < 32; run++)
        {
            var a = NegotiationSimulator.Run(model, p, 7, run, first);
            NegotiationSimulator.Run(model, p, 7, run + 1, second); // dirty the second workspace with another run first
            var b = NegotiationSimulator.Run(model, p, 7, run, second);
            Assert.Equal(a, b);
            Assert.Equal(first.Package.ToArray(), second.Package.ToArray());
            Assert.Equal(first.Utilities.ToArray(), second.Utilities.ToArray());
            rounds.Add(a.Round);
        }

        Assert.Equal([3, 7], rounds.Order());
    }
}
