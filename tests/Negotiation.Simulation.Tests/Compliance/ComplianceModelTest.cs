using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Compliance;

public sealed class ComplianceModelTest
{
    private static Scenario Full() =>
        Ceasefire.Scenario(
            Ceasefire.Design(
                [new Provision("flights", "Ground flights", ["government"], new PertDist(0.01, 0.03, 0.08), 0.1)],
                [Ceasefire.Mechanism("jic", MechanismKind.JointMonitoring, detection: 0.7, stage: "jic"), Ceasefire.Mechanism("dmz", MechanismKind.DemilitarisedZone)],
                [new Spoiler("nusra", "Jabhat al-Nusra", 0.3, 0.4, ["rebels"])],
                [new Stage("jic", "JIC starts", 7, 0.02)],
                new RenewalTerms(1825, 365, 0.1)),
            Ceasefire.Party("government"),
            Ceasefire.Party("rebels", Ceasefire.Traits(ResponseKind.GrimTrigger, discount: 0.9)));

    [Fact]
    public void Compile_RegistersEveryNumberUnderItsYamlPath()
    {
        var table = new ParameterTable();
        ComplianceModel.Compile(Full(), table);

        string[] expected =
        [
            "actors.government.compliance.discount", "actors.government.compliance.forgiveness", "actors.government.compliance.tolerance",
            "actors.rebels.compliance.discount", "actors.rebels.compliance.forgiveness", "actors.rebels.compliance.tolerance",
            "compliance.provisions.flights.temptation", "compliance.provisions.flights.penalty",
            "compliance.stages.jic.reward",
            "compliance.mechanisms.jic.detection", "compliance.mechanisms.jic.falseAlarm", "compliance.mechanisms.jic.penalty",
            "compliance.mechanisms.dmz.detection", "compliance.mechanisms.dmz.falseAlarm", "compliance.mechanisms.dmz.penalty",
            "compliance.spoilers.nusra.attackProbability", "compliance.spoilers.nusra.misattribution",
            "compliance.renewal.withdrawalProbability",
        ];
        Assert.Equal(expected, table.Paths);
        Assert.Equal(new PertDist(0.01, 0.03, 0.08), table.Values[table.IndexOf("compliance.provisions.flights.temptation")]);
        Assert.Equal(0.9, table.Values[table.IndexOf("actors.rebels.compliance.discount")].Mean);
    }

    [Fact]
    public void Compile_UnsetMechanismNumbers_TakeTheirKindsDefaults()
    {
        var table = new ParameterTable();
        ComplianceModel.Compile(Full(), table);
        var dmz = MechanismDefaults.For(MechanismKind.DemilitarisedZone);

        Assert.Equal(0.7, table.Values[table.IndexOf("compliance.mechanisms.jic.detection")].Mean);
        Assert.Equal(MechanismDefaults.For(MechanismKind.JointMonitoring).Penalty, table.Values[table.IndexOf("compliance.mechanisms.jic.penalty")].Mean);
        Assert.Equal(dmz.Detection, table.Values[table.IndexOf("compliance.mechanisms.dmz.detection")].Mean);
        Assert.Equal(dmz.FalseAlarm, table.Values[table.IndexOf("compliance.mechanisms.dmz.falseAlarm")].Mean);
    }

    [Fact]
    public void Compile_ExposesPartiesAsActorsThenSpoilers_AndStages()
    {
        var model = ComplianceModel.Compile(Full(), new ParameterTable());

        Assert.True(model.Enabled);
        Assert.Equal(52, model.Horizon);
        Assert.Equal(7, model.PeriodDays);
        Assert.Equal(["government", "rebels", "nusra"], model.PartyIds);
        Assert.Equal(["jic"], model.StageIds);
    }

    [Fact]
    public void Compile_NoComplianceSection_IsDisabled_AndRunReturnsNotSimulated()
    {
        var scenario = Ceasefire.Scenario(null, Ceasefire.Party("a"), Ceasefire.Party("b"));
        var table = new ParameterTable();
        var model = ComplianceModel.Compile(scenario, table);

        var result = ComplianceSimulator.Run(model, [], [], [0.6, 0.6], [0.5, 0.5], 1, 0, new ComplianceWorkspace(model));

        Assert.False(model.Enabled);
        Assert.Equal(0, table.Count);
        Assert.Equal(ComplianceResult.NotSimulated, result);
        Assert.Equal(-1, result.FirstViolator);
    }

    [Fact]
    public void Compile_UnknownReferences_AreReportedTogether()
    {
        var scenario = Ceasefire.Scenario(
            Ceasefire.Design(
                [Ceasefire.Provision("p", 0.1, 0, "ghost")],
                [Ceasefire.Mechanism("m", MechanismKind.Verification, stage: "never", when: new TermCondition("monitoring", ["perhaps"]))],
                [new Spoiler("s", "s", 0.1, 0.1, ["nobody"])]),
            Ceasefire.Party("a"));

        var error = Assert.Throws<InputException>(() => ComplianceModel.Compile(scenario, new ParameterTable()));

        Assert.Equal(4, error.Diagnostics.Count);
        Assert.Contains(error.Diagnostics, d => d.Message.Contains("unknown actor 'ghost'"));
        Assert.Contains(error.Diagnostics, d => d.Message.Contains("unknown stage 'never'"));
        Assert.Contains(error.Diagnostics, d => d.Message.Contains("unknown option 'perhaps'"));
        Assert.Contains(error.Diagnostics, d => d.Message.Contains("unknown actor 'nobody'"));
    }

    [Theory]
    [InlineData(0, false)] // agreed "none": the provision does not exist
    [InlineData(1, true)]  // agreed "joint"
    public void Provision_WithDiscreteCondition_AppliesOnlyWhenTheAgreedOptionMatches(double agreedOption, bool violations)
    {
        var scenario = Ceasefire.Scenario(
            Ceasefire.Design(
                [new Provision("p", "p", ["rebels"], 1e6, 0, new TermCondition("monitoring", ["joint"]))],
                horizon: 3),
            Ceasefire.Party("government", Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1e9)),
            Ceasefire.Party("rebels"));
        var rig = new ComplianceRig(scenario, package: [agreedOption]);
        var observer = new RecordingObserver();

        rig.Run(0, observer: observer);

        Assert.Equal(violations, observer.Violations.Count > 0);
    }

    [Theory]
    [InlineData(10.0, false)]
    [InlineData(30.0, true)]
    [InlineData(50.0, true)]
    [InlineData(60.0, false)]
    public void Mechanism_WithContinuousCondition_WorksOnlyWhenTheAgreedValueIsInRange(double agreedCeiling, bool falseAlarms)
    {
        // A mechanism that reports a false alarm every period, set up only if the troop ceiling is within [20, 50].
        var troops = Issue.Continuous("troops", "Troop ceiling", 0, 100);
        var scenario = Ceasefire.Scenario(
            Ceasefire.Design(
                [Ceasefire.Provision("p", 0, 0, "rebels")],
                [Ceasefire.Mechanism("m", MechanismKind.Verification, detection: 0, falseAlarm: 1, penalty: 0, when: new TermCondition("troops", [], 20, 50))],
                horizon: 3),
            Ceasefire.Party("government", Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1e9)),
            Ceasefire.Party("rebels")) with { Issues = [troops] };
        var rig = new ComplianceRig(scenario, package: [agreedCeiling]);
        var observer = new RecordingObserver();

        rig.Run(0, observer: observer);

        // With the mechanism, 3 of 3 periods raise an alarm; without it the baseline 0.002 per period almost never does.
        Assert.Equal(falseAlarms, observer.Detections.Where(d => d.Kind == CollapseCause.FalseAlarm).Select(d => d.Period).Distinct().Count() == 3);
    }

    [Fact]
    public void Stage_AfterSevenDaysOfWeeklyPeriods_IsReachedAfterOnePeriod()
    {
        var scenario = Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("p", 0, 0, "rebels")], stages: [new Stage("jic", "JIC", 7, 0)], horizon: 3),
            Ceasefire.Party("government", Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1e9)),
            Ceasefire.Party("rebels"));
        var observer = new RecordingObserver();

        var result = new ComplianceRig(scenario).Run(0, observer: observer);

        Assert.Equal([(2, 0)], observer.Stages); // held period 1 (7 days): runs from period 2
        Assert.True(result.Reached(0));
    }
}
