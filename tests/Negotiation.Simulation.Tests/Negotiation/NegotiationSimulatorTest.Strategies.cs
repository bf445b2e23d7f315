using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;

namespace Negotiation.Simulation.Tests.Negotiation;

public partial class NegotiationSimulatorTest
{
    [Fact]
    public void Laptop_BoulwareVsConceder_AgreesOnHp60_19InRound4()
    {
        // Round 1 (t = .01): Boulware (e = .2) wants ≈ 1, only (HP,60,19) gives it 1; Conceder (e = 2) wants
        //   1 − √.01 = .9 > U2(HP,60,19) = (.3781·20/30 + .1768·20/30 + .4452)/1.0001 = .8151: rejected.
        // Round 2: Conceder wants 1 − √.02 = .8586 and expects Boulware to want ≈ 1 (its round-1 aspiration): (HP,80,19)
        //   is the best for Boulware (U1 = .8741) with U2 ≥ .8586; Boulware (≈ 1) rejects.
        // Round 3: Boulware offers (HP,60,19) again; Conceder wants 1 − √.03 = .8268 > .8151: rejected.
        // Round 4: Conceder wants 1 − √.04 = .8 ≤ .8151, so (HP,60,19) gives Boulware 1: offered and accepted.
        var observer = new RecordingObserver();
        var (result, ws) = TestScenarios.RunOnce(TestScenarios.Laptop(StrategySpec.Boulware(0.2), StrategySpec.Conceder(2)), observer);

        Assert.Equal(new NegotiationResult(true, 4, 1, BreakdownCause.None, -1), result);
        Assert.Equal([2.0, 0.0, 0.0], ws.Package.ToArray()); // HP, 60, 19
        Assert.Equal(1.0, ws.Utilities[0], 9);
        Assert.Equal(0.815133 / 1.0001, ws.Utilities[1], 5);
        Assert.Equal([2.0, 1.0, 0.0], observer.Offers[1].Package); // round 2: (HP, 80, 19)
    }

    [Fact]
    public void Linear_AspirationFallsLinearlyFromBestToReservation()
    {
        // Linear e = 1, Pmax = 1, Pmin = reservation .2, deadline 4: 1 − .8·t for t = .25, .5, .75, 1.
        var observer = new RecordingObserver();
        TestScenarios.RunOnce(TestScenarios.Line(StrategySpec.Linear(), StrategySpec.Hardliner(1.1), deadline: 4, reservationA: 0.2), observer);

        Assert.Equal([0.8, 0.6, 0.4, 0.2], observer.Aspirations.Select(a => Math.Round(a[0], 12)));
    }

    [Fact]
    public void Hardliner_KeepsItsLevel_AndAcceptsOnlyAtOrAboveIt()
    {
        // "a" (linear, deadline 10) offers x = 100(1 − r/10): U_b = r/10. Hardliner b at .7 accepts in round 7 (x = 30).
        var observer = new RecordingObserver();
        var (result, ws) = TestScenarios.RunOnce(TestScenarios.Line(StrategySpec.Linear(), StrategySpec.Hardliner(0.7)), observer);

        Assert.All(observer.Aspirations, a => Assert.Equal(0.7, a[1]));
        Assert.Equal(new NegotiationResult(true, 7, 0, BreakdownCause.None, -1), result);
        Assert.Equal(30, ws.Package[0], 9);
    }

    [Fact]
    public void TitForTat_ConcedesAsMuchAsTheOthersConceded()
    {
        // a's offers give b .1, .2, .3, ... (a concedes .1 of b's utility per round). b starts at Pmax = 1, has
        // nothing to reciprocate in rounds 1–2, then concedes .1 per round: 1, 1, .9, .8, .7, .6. In round 6 the
        // offer gives b .6 ≥ .6: agreed at x = 40.
        var observer = new RecordingObserver();
        var (result, ws) = TestScenarios.RunOnce(TestScenarios.Line(StrategySpec.Linear(), StrategySpec.TitForTat()), observer);

        Assert.Equal([1.0, 1.0, 0.9, 0.8, 0.7, 0.6], observer.Aspirations.Select(a => Math.Round(a[1], 9)));
        Assert.Equal(new NegotiationResult(true, 6, 0, BreakdownCause.None, -1), result);
        Assert.Equal(40, ws.Package[0], 9);
    }

    [Fact]
    public void TitForTat_HalfReciprocity_ConcedesHalfAsFast()
    {
        // b concedes .5 · .1 = .05 per round from round 3: 1, 1, .95, .9, .85, .8, .75, .7. U_b = r/10:
        // round 7: .7 < .75 rejected; round 8: .8 ≥ .7 agreed (x = 20).
        var observer = new RecordingObserver();
        var (result, _) = TestScenarios.RunOnce(TestScenarios.Line(StrategySpec.Linear(), StrategySpec.TitForTat(0.5)), observer);

        Assert.Equal([1.0, 1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7], observer.Aspirations.Select(a => Math.Round(a[1], 9)));
        Assert.Equal(8, result.Round);
    }

    [Fact]
    public void OutsideOption_WalksOut_WhenRisingBatnaBeatsBestObtainable()
    {
        // a (hardliner .95) needs U_a ≥ r_a = .5, so the most b can obtain is x = 50, U_b = .5. b's BATNA is
        // .2 + .1·round: .5 in round 3 (not above .5: stays), .6 in round 4: walks out.
        var scenario = TestScenarios.Line(StrategySpec.Hardliner(0.95), StrategySpec.OutsideOption(), reservationA: 0.5,
            reservationB: new Reservation(0.2, 0.1));
        var observer = new RecordingObserver();
        var (result, ws) = TestScenarios.RunOnce(scenario, observer);

        Assert.Equal(new NegotiationResult(false, 4, -1, BreakdownCause.WalkOut, 1), result);
        Assert.Equal([(4, 1)], observer.WalkOuts);
        Assert.Equal(0.6, ws.Utilities[1], 9);
        Assert.True(double.IsNaN(ws.Package[0]));
    }

    [Fact]
    public void TimeDependent_DoesNotWalkOut_WhenBatnaRises()
    {
        var scenario = TestScenarios.Line(StrategySpec.Hardliner(0.95), StrategySpec.Linear(), reservationA: 0.5,
            reservationB: new Reservation(0.2, 0.1));
        var (result, _) = TestScenarios.RunOnce(scenario);

        Assert.Equal(BreakdownCause.Deadline, result.Cause);
        Assert.Equal(10, result.Round);
    }
}
