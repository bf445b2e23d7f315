using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;

namespace Negotiation.Simulation.Tests.Compliance;

/// <summary>
/// The structure of the 9 September 2016 US–Russia arrangement (seed 000): regime flights grounded, a Castello
/// Road pull-back, a Joint Implementation Center that starts once the truce has held seven days,
/// Russia answering for the regime and the US for the opposition, al-Nusra outside the deal. Numbers are
/// illustrative; the tests check directions the model must get right, not forecasts.
/// </summary>
public sealed partial class ComplianceSimulatorTest
{
    private static Scenario Syria2016(double misattribution, bool jic = true) => Ceasefire.Scenario(
        Ceasefire.Design(
            [
                Ceasefire.Provision("ground-flights", 0.06, 0.05, "regime"),
                Ceasefire.Provision("castello-pullback", 0.05, 0.05, "regime", "opposition"),
                Ceasefire.Provision("no-offensives", 0.04, 0.05, "opposition"),
            ],
            jic ? [Ceasefire.Mechanism("jic", MechanismKind.JointMonitoring, stage: "jic")] : [],
            [new Spoiler("nusra", "Jabhat al-Nusra", 0.05, misattribution, ["opposition"])],
            [new Stage("jic", "Joint Implementation Center starts", 7, 0.02)]),
        Ceasefire.Party("usa", Ceasefire.Traits(ResponseKind.ForgivingTitForTat, forgiveness: 0.6), "opposition"),
        Ceasefire.Party("russia", Ceasefire.Traits(ResponseKind.ForgivingTitForTat, forgiveness: 0.4), "regime"),
        Ceasefire.Party("regime", Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1)),
        Ceasefire.Party("opposition", Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1)));

    private static (double Survival, double JicReached, double SpoilerShare) Outcomes(Scenario scenario)
    {
        var rig = new ComplianceRig(scenario);
        const int runs = 4000;
        int held = 0, reached = 0, spoiled = 0;
        for (var r = 0; r < runs; r++)
        {
            var result = rig.Run(r);
            held += result.Cause == CollapseCause.None ? 1 : 0;
            reached += result.Reached(0) ? 1 : 0;
            spoiled += result.Cause == CollapseCause.Spoiler ? 1 : 0;
        }

        return ((double)held / runs, (double)reached / runs, (double)spoiled / runs);
    }

    [Fact]
    public void Syria2016_JicIsReachedOnlyWhenTheFirstWeekHolds()
    {
        var rig = new ComplianceRig(Syria2016(0.4));

        Assert.All(Enumerable.Range(0, 500).Select(r => rig.Run(r)), result => Assert.Equal(result.PeriodsHeld >= 1, result.Reached(0)));
    }

    [Fact]
    public void Syria2016_NusraAttacksTakenForOppositionViolations_ShortenTheTruce()
    {
        var clear = Outcomes(Syria2016(0.0));
        var blurred = Outcomes(Syria2016(0.6));

        Assert.Equal(0, clear.SpoilerShare);
        Assert.True(blurred.SpoilerShare > 0.1);
        Assert.True(blurred.Survival < clear.Survival);
    }

    [Fact]
    public void Syria2016_TheJointImplementationCenter_MakesTheTruceLastLonger()
    {
        var with = Outcomes(Syria2016(0.2));
        var without = Outcomes(Syria2016(0.2, jic: false));

        Assert.True(with.Survival > without.Survival);
    }
}
