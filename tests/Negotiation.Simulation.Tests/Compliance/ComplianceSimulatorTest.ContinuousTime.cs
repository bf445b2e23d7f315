using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;
using Xunit.Abstractions;

namespace Negotiation.Simulation.Tests.Compliance;

/// <summary>
/// The period is only a discretisation: the generic ceasefire (rates per week) simulated in daily, weekly and
/// 28-day periods holds 364 days equally often, within Monte Carlo error.
/// </summary>
public sealed class ComplianceContinuousTimeTest(ITestOutputHelper output)
{
    private const int Runs = 20_000;

    private double Survival(double periodDays, params Mechanism[] mechanisms)
    {
        var scenario = Ceasefire.Generic(periodDays, mechanisms);
        var survival = new ComplianceRig(scenario, sample: true).Holding(Runs, scenario.Compliance!.Horizon);
        output.WriteLine($"periods of {periodDays} days: holding 364 days {survival:F4}");
        return survival;
    }

    /// <summary>
    /// Tolerance 0.017: each estimate has standard error √(0.66 · 0.34 / 20000) = 0.0033; a difference of two
    /// independent ones √2 · 0.0033 = 0.0047, and 0.017 is 3.6 of those (the runs share their sampled temptations,
    /// so the real error of the difference is smaller). The discretisation error (state held fixed within a period,
    /// a week's retaliation rounded to whole periods) must fit inside it.
    /// </summary>
    [Fact]
    public void GenericCeasefire_DailyWeeklyAndFourWeeklyPeriods_GiveTheSameOneYearSurvival()
    {
        var daily = Survival(1);
        var weekly = Survival(7);
        var fourWeekly = Survival(28);

        Assert.InRange(weekly - daily, -0.017, 0.017);
        Assert.InRange(fourWeekly - daily, -0.017, 0.017);
    }

    [Fact]
    public void GenericCeasefireWithJointMonitoring_DailyAndFourWeeklyPeriods_GiveTheSameOneYearSurvival()
    {
        var monitor = Ceasefire.Mechanism("jmc", MechanismKind.JointMonitoring);

        var daily = Survival(1, monitor);
        var fourWeekly = Survival(28, monitor);

        Assert.InRange(fourWeekly - daily, -0.017, 0.017);
    }

    [Fact]
    public void RatesStatedPerDay_AndTheSameRatesStatedPerWeek_GiveTheSameLives()
    {
        // A temptation of 0.01 per day is 0.07 per week; a spoiler attacking with probability 0.05 a day attacks
        // with 1 − 0.95^7 = 0.30166 a week; δ 0.99 a day is 0.99^7 a week; surplus 0.1/7 a day is 0.1 a week.
        // The hazards are equal, so the runs are identical draw for draw.
        ComplianceResult[] Lives(double unit)
        {
            var perDay = unit == 1;
            var scenario = Ceasefire.Scenario(
                Ceasefire.Design(
                    [Ceasefire.Provision("ceasefire", perDay ? 0.01 : 0.07, 0.1, "government", "rebels")],
                    spoilers: [new Spoiler("s", "s", perDay ? 0.05 : 1 - Math.Pow(0.95, 7), 0.3, ["rebels"])],
                    horizon: 52, periodDays: 7, rateUnitDays: unit),
                Ceasefire.Party("government", Ceasefire.Traits(ResponseKind.ForgivingTitForTat, discount: perDay ? 0.99 : Math.Pow(0.99, 7))),
                Ceasefire.Party("rebels", Ceasefire.Traits(ResponseKind.Proportional, discount: perDay ? 0.99 : Math.Pow(0.99, 7))));
            var rig = new ComplianceRig(scenario, utility: perDay ? 0.5 + 0.1 / 7 : 0.6, reservation: 0.5);
            return Enumerable.Range(0, 2000).Select(r => rig.Run(r)).ToArray();
        }

        Assert.Equal(Lives(7), Lives(1));
    }
}
