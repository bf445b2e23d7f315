using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;

namespace Negotiation.Simulation.Tests.Compliance;

public sealed partial class ComplianceSimulatorTest
{
    [Fact]
    public void Stage_NotReached_WhenTheAgreementCollapsesFirst()
    {
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", Always, 0, "rebels")], [Certain()], stages: [new Stage("jic", "JIC", 7, 0)]),
            Ceasefire.Party("government", Ceasefire.Traits(ResponseKind.GrimTrigger)),
            Ceasefire.Party("rebels")));

        Assert.Equal(new ComplianceResult(0, CollapseCause.Violation, 1, 0), rig.Run(0));
    }

    [Fact]
    public void Stage_SetsItsBitInStagesReached()
    {
        // Second stage (bit 1) after 14 days; the first (bit 0) after 700 days is beyond a 52-week horizon.
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", 0, 0, "rebels")],
                stages: [new Stage("late", "Late", 700, 0), new Stage("early", "Early", 14, 0)]),
            Ceasefire.Party("government", Patient()),
            Ceasefire.Party("rebels")));

        Assert.Equal(0b10, rig.Run(0).StagesReached);
    }

    [Fact]
    public void StagedMechanism_WorksOnlyOnceItsStageIsReached()
    {
        // A mechanism that raises a false alarm every period, attached to a stage reached after 14 days (2 periods):
        // it reports in periods 3, 4, 5 and not in 1, 2.
        var alarm = Ceasefire.Mechanism("alarmist", MechanismKind.JointMonitoring, detection: 0, falseAlarm: 1, penalty: 0, stage: "jic");
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", 0, 0, "rebels")], [alarm], stages: [new Stage("jic", "JIC", 14, 0)], horizon: 5),
            Ceasefire.Party("government", Patient()),
            Ceasefire.Party("rebels")));
        var observer = new RecordingObserver();

        rig.Run(0, observer: observer);

        Assert.Equal([3, 4, 5], observer.Detections.Select(d => d.Period).Distinct());
    }

    [Fact]
    public void StageReward_RaisesTheValueOfKeepingTheAgreement()
    {
        // Government forgiving (0.5): P(collapse | detected) = 0.5; baseline D = 0.5; −ln 0.95 = 0.0512933.
        // Period 1 (before the stage): 0.5 · 0.5 · 0.1 / 0.0512933 = 0.4873931.
        // Period 2 (stage reward 0.05 per week to signatories): 0.5 · 0.5 · 0.15 / 0.0512933 = 0.7310897.
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", Always, 0, "rebels")], stages: [new Stage("jic", "JIC", 7, 0.05)], horizon: 2),
            Ceasefire.Party("government"),
            Ceasefire.Party("rebels")));
        var observer = new RecordingObserver();

        (observer, _) = FirstRunWhere(rig, o => o.Violations.Any(v => v.Period == 1) && o.Violations.Any(v => v.Period == 2));

        Assert.Equal([0.4873931, 0.7310897], observer.Violations.Select(v => Math.Round(v.Cost, 7)).Distinct());
    }

    [Fact]
    public void Withdrawal_NoticeAtRenewal_EndsTheAgreementWhenNoticeRunsOut()
    {
        // Renews every 70 days (10 weekly periods), notice 14 days (2 periods), certain withdrawal:
        // notice at the end of period 10, the agreement ends after period 12.
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", 0, 0, "rebels")], renewal: new RenewalTerms(70, 14, 1.0)),
            Ceasefire.Party("government", Patient()),
            Ceasefire.Party("rebels")));

        Assert.Equal(new ComplianceResult(12, CollapseCause.Withdrawal, -1, 0), rig.Run(0));
    }

    [Fact]
    public void Withdrawal_NoticeRunningPastTheHorizon_IsCensored()
    {
        // The 2022 moratorium: renews every 1825 days with 365 days notice. On a 300-week horizon the first renewal
        // comes at period round(1825/7) = 261 and notice would run to 261 + round(365/7) = 313 > 300.
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("moratorium", 0, 0, "rebels")], renewal: new RenewalTerms(1825, 365, 1.0), horizon: 300),
            Ceasefire.Party("government", Patient()),
            Ceasefire.Party("rebels")));
        var observer = new RecordingObserver();

        var result = rig.Run(0, observer: observer);

        Assert.Equal(CollapseCause.None, result.Cause);
        Assert.Contains("notice 261 until 313", observer.Log);
    }

    [Fact]
    public void Withdrawal_NeverGivenWhenProbabilityIsZero()
    {
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", 0, 0, "rebels")], renewal: new RenewalTerms(7, 0, 0.0)),
            Ceasefire.Party("government", Patient()),
            Ceasefire.Party("rebels")));

        Assert.DoesNotContain(Enumerable.Range(0, 100), r => rig.Run(r).Cause == CollapseCause.Withdrawal);
    }
}
