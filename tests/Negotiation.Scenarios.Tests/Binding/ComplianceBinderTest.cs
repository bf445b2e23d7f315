using Negotiation.Core.Model;

namespace Negotiation.Scenarios.Tests.Binding;

public class ComplianceBinderTest
{
    /// <summary>Appends a compliance section; its first body line is line 19.</summary>
    private static string WithCompliance(params string[] lines) =>
        Fixture.Minimal + "\ncompliance:\n" + string.Join('\n', lines.Select(l => "  " + l));

    [Fact]
    public void Defaults_AreFiftyTwoWeeklyPeriods()
    {
        var design = Fixture.Load(WithCompliance("provisions: {}")).Baseline.Scenario.Compliance!;
        Assert.Equal((52, 7.0), (design.Horizon, design.PeriodDays));
        Assert.Null(design.Renewal);
    }

    [Fact]
    public void RateUnit_DefaultsToThePeriod_AndIsReadWhenGiven()
    {
        var unset = Fixture.Load(WithCompliance("periodDays: 1", "provisions: {}")).Baseline.Scenario.Compliance!;
        var set = Fixture.Load(WithCompliance("periodDays: 1", "rateUnitDays: 7", "provisions: {}")).Baseline.Scenario.Compliance!;

        Assert.Equal((null, 1.0), (unset.RateUnitDays, unset.RateUnit));
        Assert.Equal((7.0, 7.0), (set.RateUnitDays, set.RateUnit));
    }

    [Fact]
    public void TermsInTime_ProvisionStageAndSunsets_AreRead()
    {
        var design = Fixture.Load(WithCompliance(
            "stages: {day: {afterDays: 28}}",
            "provisions: {p: {obligated: [usa], temptation: 0.1, stage: day, untilDays: 180}}",
            "mechanisms: {m: {type: verification, untilDays: 365}}")).Baseline.Scenario.Compliance!;

        Assert.Equal(("day", 180.0), (design.Provisions[0].Stage, design.Provisions[0].UntilDays));
        Assert.Equal(365.0, design.Mechanisms[0].UntilDays);
    }

    [Fact]
    public void PartialViolationAndWithdrawal_AreRead()
    {
        var design = Fixture.Load(WithCompliance(
            "provisions: {p: {obligated: [usa], temptation: 0.1, partial: {gain: 0.4, detection: 0.1}}}",
            "withdrawal: {probability: 0.02, noticeDays: 90, parties: [usa]}")).Baseline.Scenario.Compliance!;

        Assert.Equal(new PartialViolation(0.4, 0.1), design.Provisions[0].Partial);
        Assert.Equal((0.02, 90.0), (design.Withdrawal!.Probability.Mean, design.Withdrawal.NoticeDays));
        Assert.Equal(["usa"], design.Withdrawal.Parties!);
    }

    [Fact]
    public void PartialGainAboveOne_IsAnError()
    {
        Assert.Contains(
            "compliance.provisions.p.partial.gain is 1.5; expected a number between 0 and 1",
            Fixture.Error(WithCompliance("provisions: {p: {obligated: [usa], temptation: 0.1, partial: {gain: 1.5, detection: 0.1}}}")));
    }

    [Fact]
    public void WithdrawalWithoutProbability_IsAnError()
    {
        Assert.Contains("probability", Fixture.Error(WithCompliance("provisions: {}", "withdrawal: {noticeDays: 90}")));
    }

    [Fact]
    public void ProvisionStageUnknown_SuggestsTheClosest()
    {
        Assert.Contains(
            "unknown stage 'dy'; did you mean 'day'?",
            Fixture.Error(WithCompliance("stages: {day: {afterDays: 28}}", "provisions: {p: {obligated: [usa], temptation: 0.1, stage: dy}}")));
    }

    [Fact]
    public void MechanismStageUnknown_SuggestsTheClosest()
    {
        Assert.Equal(
            "20:47: unknown stage 'jc'; did you mean 'jic'?",
            Fixture.Error(WithCompliance("stages: {jic: {afterDays: 7}}", "mechanisms: {m: {type: verification, stage: jc}}")));
    }

    [Fact]
    public void MechanismDetectionAboveOne_IsAnError()
    {
        Assert.Equal(
            "19:51: compliance.mechanisms.m.detection is 2; expected a number between 0 and 1",
            Fixture.Error(WithCompliance("mechanisms: {m: {type: verification, detection: 2}}")));
    }

    [Fact]
    public void UnknownMechanismType_SuggestsTheClosest()
    {
        Assert.Equal(
            "19:26: compliance.mechanisms.m.type is 'peacekeeper'; did you mean 'peacekeepers'?",
            Fixture.Error(WithCompliance("mechanisms: {m: {type: peacekeeper}}")));
    }

    [Fact]
    public void ProvisionWithNobodyObligated_IsAnError()
    {
        Assert.Equal(
            "19:31: compliance.provisions.p.obligated names nobody; expected at least one actor",
            Fixture.Error(WithCompliance("provisions: {p: {obligated: [], temptation: 0.1}}")));
    }

    [Fact]
    public void ProvisionConditionOnUnknownOption_IsAnError()
    {
        Assert.Equal(
            "19:90: unknown option 'bn' of issue 'accession'; did you mean 'ban'?",
            Fixture.Error(WithCompliance("provisions: {p: {obligated: [usa], temptation: 0.1, when: {issue: accession, options: [bn]}}}")));
    }

    [Fact]
    public void SpoilerAndRenewal_AreRead()
    {
        var design = Fixture.Load(WithCompliance(
            "spoilers: {s: {attackProbability: 0.2, blamedOn: [usa]}}",
            "renewal: {everyDays: 365}")).Baseline.Scenario.Compliance!;
        var spoiler = Assert.Single(design.Spoilers);
        Assert.Equal(("s", new Fixed(0.2), new Fixed(0)), (spoiler.Name, spoiler.AttackProbability, spoiler.Misattribution));
        Assert.Equal(["usa"], spoiler.BlamedOn);
        Assert.Equal(new RenewalTerms(365, 0, 0.0), design.Renewal);
    }
}
