using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;

namespace Negotiation.Simulation.Tests.Negotiation;

public partial class NegotiationSimulatorTest
{
    [Fact]
    public void Acceptance_AtExactlyTheReservationValue_Accepts()
    {
        // b (hardliner at 0, so only its reservation binds) with r_b = .6: a's round-6 offer gives exactly .6.
        var (result, ws) = TestScenarios.RunOnce(TestScenarios.Line(StrategySpec.Linear(), StrategySpec.Hardliner(0),
            reservationB: Reservation.Constant(0.6)));

        Assert.Equal(6, result.Round);
        Assert.Equal(0.6, ws.Utilities[1], 9);
    }

    [Fact]
    public void Acceptance_BelowTheReservationValue_Rejects_EvenAboveAspiration()
    {
        // r_b = .65: the round-6 offer (.6) is above b's aspiration 0 but below its BATNA; round 7 gives .7.
        var observer = new RecordingObserver();
        var (result, _) = TestScenarios.RunOnce(TestScenarios.Line(StrategySpec.Linear(), StrategySpec.Hardliner(0),
            reservationB: Reservation.Constant(0.65)), observer);

        Assert.Equal(7, result.Round);
        Assert.Contains((6, 1, -1, ResponseReason.BelowReservation), observer.Responses);
    }

    [Fact]
    public void Acceptance_BelowAspiration_RejectsWithThatReason()
    {
        var observer = new RecordingObserver();
        TestScenarios.RunOnce(TestScenarios.Line(StrategySpec.Linear(), StrategySpec.Hardliner(0.7)), observer);

        Assert.Contains((6, 1, -1, ResponseReason.BelowAspiration), observer.Responses);
        Assert.Contains((7, 1, -1, ResponseReason.Accepted), observer.Responses);
    }

    [Fact]
    public void Deadline_WithoutAgreement_ReportsReservationsAsUtilities()
    {
        var (result, ws) = TestScenarios.RunOnce(TestScenarios.Line(StrategySpec.Hardliner(0.9), StrategySpec.Hardliner(0.9),
            reservationA: 0.1, reservationB: new Reservation(0.2, 0.01)));

        Assert.Equal(new NegotiationResult(false, 10, -1, BreakdownCause.Deadline, -1), result);
        Assert.Equal([0.1, 0.3], ws.Utilities.ToArray().Select(u => Math.Round(u, 12)));  // .2 + .01 · 10
        Assert.Equal([0.1, 0.3], ws.Reservations.ToArray().Select(u => Math.Round(u, 12)));
    }

    [Fact]
    public void SingleText_MediatorDraftsTheNashPackage_OnceEveryoneCanAcceptIt()
    {
        // Both linear, deadline 10: aspirations .9 then .8. Round 1: no package gives both ≥ .9; the mediator drafts
        // the least-short one, (Mac,60,19) (shortfall .9 − .8517 = .048). Round 2: (HP,60,19), (HP,80,19), (Mac,60,19)
        // give both ≥ .8; the Nash product picks (HP,60,19) (1 · .8151 > .8517 · .9412 > .874²).
        var observer = new RecordingObserver();
        var (result, ws) = TestScenarios.RunOnce(
            TestScenarios.Laptop(StrategySpec.Linear(), StrategySpec.Linear(), deadline: 10, kind: ProtocolKind.SingleText), observer);

        Assert.Equal([1.0, 0.0, 0.0], observer.Offers[0].Package);
        Assert.Equal(new NegotiationResult(true, 2, 2, BreakdownCause.None, -1), result);
        Assert.Equal([2.0, 0.0, 0.0], ws.Package.ToArray());
    }

    [Fact]
    public void Opening_IsOnTheTableInRound1_ThenProposersTakeTurns()
    {
        var scenario = TestScenarios.Laptop(StrategySpec.Boulware(), StrategySpec.Conceder()) with { };
        scenario = scenario with
        {
            Proposals = [new Proposal("dell-deal", "Dell deal", [Term.Option("laptop", "dell"), Term.Option("harddisk", "120"), Term.Option("monitor", "23")])],
            Protocol = scenario.Protocol with { Opening = "dell-deal" },
        };
        var observer = new RecordingObserver();
        TestScenarios.RunOnce(scenario, observer);

        Assert.Equal((1, -1), (observer.Offers[0].Round, observer.Offers[0].Proposer));
        Assert.Equal([0.0, 2.0, 2.0], observer.Offers[0].Package);
        Assert.Equal((2, 0), (observer.Offers[1].Round, observer.Offers[1].Proposer));
        Assert.Equal((3, 1), (observer.Offers[2].Round, observer.Offers[2].Proposer));
    }
}
