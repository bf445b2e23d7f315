using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;

namespace Negotiation.Simulation.Tests.Compliance;

/// <summary>
/// Partial violations (a share of the gain at a share of the detection, chosen by the same weighing) and a party's
/// own withdrawal while the others go on (docs/model-compliance.md, sections 3 and 8).
/// </summary>
public sealed partial class ComplianceSimulatorTest
{
    private static ComplianceTraits Forgiving() => Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1e9);

    [Fact]
    public void ViolationThresholds_ByHand()
    {
        // c = 1, γ = 0.4, η = 0.1: full above c (1 − η) / (1 − γ) = 0.9 / 0.6 = 1.5; partial above c η / γ = 0.25.
        Assert.Equal((1.5, 0.25), ComplianceRules.ViolationThresholds(1, 0.4, 0.1));

        // γ ≤ η: the partial violation never pays more than both others; full above c.
        Assert.Equal((1.0, double.PositiveInfinity), ComplianceRules.ViolationThresholds(1, 0.2, 0.3));

        // γ = 1 (the whole gain at less risk): never the full violation.
        Assert.Equal((double.PositiveInfinity, 0.1), ComplianceRules.ViolationThresholds(1, 1, 0.1));
    }

    [Fact]
    public void GainBetween_LiesInItsBand_AndWithoutAnUpperBoundIsTheMeanGainAboveTheLower()
    {
        var band = ComplianceRules.GainBetween(0.3, 0.125, 0.75, 1);

        Assert.InRange(band, 0.125, 0.75);
        Assert.Equal(ComplianceRules.GainWhenViolating(0.3, 0.125, 1), ComplianceRules.GainBetween(0.3, 0.125, double.PositiveInfinity, 1), 1e-12);
    }

    /// <summary>
    /// Rebels tempted by 0.3 a week, penalty 1, a government that never quits (C = 0): c = D · P = 0.5 · 1 = 0.5.
    /// Violating partly yields 40% of the gain at 10% of the detection: full above 0.5 · 0.9 / 0.6 = 0.75, partial
    /// between 0.5 · 0.1 / 0.4 = 0.125 and 0.75. Per weekly opportunity (after the early excess has gone, periods 17+):
    /// full 1 − Φ(ln(0.75/0.3) + 0.5) = 0.078345, partial (1 − Φ(ln(0.125/0.3) + 0.5)) − 0.078345 = 0.567999.
    /// Counted over 44 weeks × 2,000 runs: standard errors √(v / 88,000) = 0.00094 and 0.0025; allow 4 of them.
    /// Without the partial option the rebels violate fully at 1 − Φ(ln(0.5/0.3) + 0.5) = 0.156050 a week: the partial
    /// option halves full violations and makes most violations small ones.
    /// </summary>
    [Fact]
    public void PartialViolation_ChosenBetweenItsThresholds_AtTheHandComputedRates()
    {
        var provision = Ceasefire.Provision("ceasefire", 0.3, 1, "rebels") with { Partial = new PartialViolation(0.4, 0.1) };
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([provision], horizon: 60),
            Ceasefire.Party("government", Forgiving()),
            Ceasefire.Party("rebels")));
        var observer = new RecordingObserver();
        const int runs = 2000;
        for (var r = 0; r < runs; r++)
        {
            rig.Run(r, observer: observer);
        }

        var late = observer.Violations.Where(v => v.Period >= 17).ToList();
        var weeks = runs * 44.0;
        var full = late.Count(v => v.Cost == 0.5) / weeks;
        var partial = late.Count(v => v.Cost == 0.05) / weeks;

        Assert.Equal(late.Count, late.Count(v => v.Cost is 0.5 or 0.05)); // full at cost c, partial at η · c
        Assert.InRange(full, 0.078345 - 0.0038, 0.078345 + 0.0038);
        Assert.InRange(partial, 0.567999 - 0.0102, 0.567999 + 0.0102);
        Assert.All(late.Where(v => v.Cost == 0.05), v => Assert.InRange(v.Gain, 0.4 * 0.125, 0.4 * 0.75));
    }

    [Fact]
    public void PartialViolation_WithTheSameShareOfGainAndDetection_IsNeverChosen_RunsAsWithout()
    {
        // γ = η: a partial violation is a scaled full one, never strictly better; the runs are those without the option.
        var with = Ceasefire.Provision("ceasefire", 0.3, 1, "rebels") with { Partial = new PartialViolation(0.5, 0.5) };
        ComplianceResult[] Lives(Provision provision)
        {
            var rig = new ComplianceRig(Ceasefire.Scenario(
                Ceasefire.Design([provision], horizon: 52),
                Ceasefire.Party("government", Ceasefire.Traits(ResponseKind.GrimTrigger)),
                Ceasefire.Party("rebels")));
            return Enumerable.Range(0, 500).Select(r => rig.Run(r)).ToArray();
        }

        Assert.Equal(Lives(Ceasefire.Provision("ceasefire", 0.3, 1, "rebels")), Lives(with));
    }

    private static Scenario ThreeParties(WithdrawalTerms withdrawal, double militiaTemptation = 0) =>
        Ceasefire.Scenario(
            Ceasefire.Design(
                [Ceasefire.Provision("ceasefire", 0, 0, "government", "rebels"), Ceasefire.Provision("militia-lines", militiaTemptation, 0, "militia")],
                horizon: 20) with { Withdrawal = withdrawal },
            Ceasefire.Party("government", Forgiving()),
            Ceasefire.Party("rebels", Forgiving()),
            Ceasefire.Party("militia", Forgiving()));

    [Fact]
    public void PartyWithdrawal_WithNotice_LeavesWhenItRunsOut_AndTheOthersGoOn()
    {
        // Probability 1 per week: the militia gives notice in period 1; 14 days of notice are 2 weekly periods, so it
        // leaves at the end of period 3; two parties remain and the agreement holds to the horizon (20).
        var rig = new ComplianceRig(ThreeParties(new WithdrawalTerms(1.0, 14, ["militia"])));
        var observer = new RecordingObserver();

        var result = rig.Run(0, observer: observer);

        Assert.Equal([(1, 2, 3)], observer.PartyNotices);
        Assert.Equal(new ComplianceResult(20, CollapseCause.None, -1, 0, Withdrawn: 1 << 2), result);
        Assert.True(result.Left(2));
        Assert.False(result.Left(0));
    }

    [Fact]
    public void PartyWithdrawal_ItsObligationsEndWhenItLeaves()
    {
        // The militia violates at every opportunity until it leaves at the end of period 1 (no notice); none after.
        var rig = new ComplianceRig(ThreeParties(new WithdrawalTerms(1.0, 0, ["militia"]), militiaTemptation: Always));
        var observer = new RecordingObserver();
        for (var r = 0; r < 200; r++)
        {
            rig.Run(r, observer: observer);
        }

        Assert.Contains(observer.Violations, v => v.Party == 2 && v.Period == 1);
        Assert.DoesNotContain(observer.Violations, v => v.Party == 2 && v.Period > 1);
    }

    [Fact]
    public void PartyWithdrawal_InATwoPartyAgreement_EndsIt()
    {
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", 0, 0, "government", "rebels")], horizon: 20) with
            {
                Withdrawal = new WithdrawalTerms(1.0, 0, ["rebels"]),
            },
            Ceasefire.Party("government", Forgiving()),
            Ceasefire.Party("rebels", Forgiving())));

        Assert.Equal(new ComplianceResult(1, CollapseCause.Withdrawal, -1, 0, Withdrawn: 1 << 1), rig.Run(0));
    }

    /// <summary>
    /// Two parties that may each withdraw with probability 0.1 a week, no notice: the agreement ends at the end of the
    /// period of the first notice, so it is still in force after 28 days (PeriodsHeld ≥ 28/Δ + 1) when nobody gave notice
    /// in those 28 days: 0.9^(2·4) = 0.430467, whether simulated in weekly or daily periods (0.1 a week is 1 − 0.9^(1/7)
    /// a day). Standard error over 20,000 runs √(0.4305 · 0.5695 / 20000) = 0.0035; allow 4.
    /// </summary>
    [Theory]
    [InlineData(7)]
    [InlineData(1)]
    public void PartyWithdrawal_Hazard_IsPerRateUnit_WhateverThePeriod(double periodDays)
    {
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("ceasefire", 0, 0, "government", "rebels")],
                horizon: (int)(70 / periodDays), periodDays: periodDays, rateUnitDays: 7) with
            {
                Withdrawal = new WithdrawalTerms(0.1, 0),
            },
            Ceasefire.Party("government", Forgiving()),
            Ceasefire.Party("rebels", Forgiving())));

        var holding = rig.Holding(20_000, (int)(28 / periodDays) + 1);

        Assert.InRange(holding, 0.430467 - 0.014, 0.430467 + 0.014);
    }
}
