using Negotiation.Core.Model;
using Negotiation.Simulation.Analysis;
using Negotiation.Simulation.Tests.Negotiation;

namespace Negotiation.Simulation.Tests.Analysis;

public class ScenarioAnalysisTest
{
    private static Scenario Laptop(double r1 = 0, double r2 = 0, IReadOnlyList<RedLine>? redLines1 = null, IReadOnlyList<RedLine>? redLines2 = null) =>
        TestScenarios.Laptop(StrategySpec.Linear(), StrategySpec.Linear(), reservation1: r1, reservation2: r2, redLines1: redLines1, redLines2: redLines2);

    // Utilities (weights normalised by their sum 1.0001):
    //   (HP,60,19):  U1 = (.4452 + .3781 + .1768)/1.0001 = 1,       U2 = (.3781·2/3 + .1768·2/3 + .4452)/1.0001 = .81505
    //   (HP,80,19):  U1 = (.4452 + .3781·2/3 + .1768)/1.0001 = .87398, U2 = (.3781·2/3 + .1768 + .4452)/1.0001 = .87398
    //   (Mac,60,19): U1 = (.4452·2/3 + .3781 + .1768)/1.0001 = .85162, U2 = (.3781 + .1768·2/3 + .4452)/1.0001 = .94107
    //   (Mac,80,19): U1 = (.4452·2/3 + .3781·2/3 + .1768)/1.0001 = .72559, U2 = 1
    [Fact]
    public void Laptop_ParetoSet_IsExactlyTheFourGeniusPackages()
    {
        var analysis = ScenarioAnalysis.Analyze(Laptop());

        Assert.True(analysis.Exhaustive);
        Assert.Equal(27, analysis.PackagesExamined);
        Assert.Equal(["hp, 60, 19", "hp, 80, 19", "mac, 60, 19", "mac, 80, 19"], analysis.ParetoFrontier.Select(p => p.Describe()));
        Assert.Equal(0.87398, analysis.ParetoFrontier[1].Utilities[0], 5);
        Assert.Equal(0.94107, analysis.ParetoFrontier[2].Utilities[1], 5);
    }

    [Fact]
    public void Laptop_NashPoint_IsHp60_19()
    {
        // Products: 1 · .81505 = .8151 > .85162 · .94107 = .8014 > .87398² = .7638 > .72559 · 1.
        var analysis = ScenarioAnalysis.Analyze(Laptop());

        Assert.Equal("hp, 60, 19", analysis.Nash!.Describe());
    }

    [Fact]
    public void Laptop_MaxWelfare_IsHp60_19_AndKalaiSmorodinsky_IsHp80_19()
    {
        // Welfare: 1.81505 > 1.79269 (Mac,60) > 1.74796 (HP,80) > 1.72559 (Mac,80).
        // KS, ideals 1 and 1: min normalised gains .81505, .87398, .85162, .72559: (HP,80,19).
        var analysis = ScenarioAnalysis.Analyze(Laptop());

        Assert.Equal("hp, 60, 19", analysis.MaxWelfare!.Describe());
        Assert.Equal("hp, 80, 19", analysis.KalaiSmorodinsky!.Describe());
    }

    [Fact]
    public void Laptop_NashWithReservations_MaximisesTheProductOfGains()
    {
        // r1 = .5, r2 = .7: gains (HP,60) .5 · .11505 = .0575; (HP,80) .37398 · .17398 = .0651;
        // (Mac,60) .35162 · .24107 = .0848; (Mac,80) .22559 · .3 = .0677: Nash moves to (Mac,60,19).
        var analysis = ScenarioAnalysis.Analyze(Laptop(0.5, 0.7));

        Assert.Equal("mac, 60, 19", analysis.Nash!.Describe());
    }

    [Fact]
    public void Zopa_ExistsWithLowReservations()
    {
        var analysis = ScenarioAnalysis.Analyze(Laptop(0.5, 0.5));

        Assert.True(analysis.Zopa.Exists);
        Assert.True(analysis.Zopa.PackageCount >= 4);
        Assert.Empty(analysis.Zopa.Blockers);
    }

    [Fact]
    public void Zopa_ClosedByBothBatnas_WhenNoPackageGivesBoth09()
    {
        // The best min(U1, U2) is .87398 < .9. Ignoring profile1's BATNA, (Mac,80,19) gives profile2 1 ≥ .9; and vice versa.
        var analysis = ScenarioAnalysis.Analyze(Laptop(0.9, 0.9));

        Assert.False(analysis.Zopa.Exists);
        Assert.Equal(0, analysis.Zopa.PackageCount);
        Assert.Null(analysis.Nash);
        Assert.Equal([new ZopaBlocker("profile1", ZopaBlock.Batna), new ZopaBlocker("profile2", ZopaBlock.Batna)], analysis.Zopa.Blockers);
        // Packages giving profile2 ≥ .9: (Mac,80,19) and (Mac,60,19); the better for profile1 is (Mac,60,19), .85162 < .9.
        Assert.Equal(0.851615, analysis.Positions[0].BestAcceptableToOthers!.Value, 6); // .8517 / 1.0001
    }

    [Fact]
    public void Zopa_ClosedByRedLines_NamesBothActors()
    {
        // Profile 1 excludes the Dell; profile 2 accepts only the Dell: nothing is within both red lines.
        var analysis = ScenarioAnalysis.Analyze(Laptop(
            redLines1: [new RedLine("laptop", ["dell"])],
            redLines2: [new RedLine("laptop", ["mac", "hp"])]));

        Assert.False(analysis.Zopa.Exists);
        Assert.Empty(analysis.ParetoFrontier);
        Assert.Null(analysis.MaxWelfare);
        Assert.Equal([new ZopaBlocker("profile1", ZopaBlock.RedLines), new ZopaBlocker("profile2", ZopaBlock.RedLines)], analysis.Zopa.Blockers);
    }

    [Fact]
    public void Pareto_ExcludesPackagesAcrossRedLines()
    {
        // Profile 2 refuses the 19-inch monitor: the frontier moves to 20-inch packages only.
        var analysis = ScenarioAnalysis.Analyze(Laptop(redLines2: [new RedLine("monitor", ["19"])]));

        Assert.NotEmpty(analysis.ParetoFrontier);
        Assert.All(analysis.ParetoFrontier, p => Assert.NotEqual("19", p.Terms[2].OptionId));
    }

    [Fact]
    public void LargeSpace_IsSampled_AndTheFrontierIsMutuallyNonDominated()
    {
        var scenario = RandomScenarios.Create(3, 3, 12); // ≥ 2^12 packages
        var analysis = ScenarioAnalysis.Analyze(scenario);
        var signatories = analysis.Signatories.Select(scenario.ActorIndex).ToArray();

        Assert.Equal(analysis.PackageSpaceSize <= ScenarioAnalysis.ExhaustiveLimit, analysis.Exhaustive);
        foreach (var a in analysis.ParetoFrontier)
        {
            foreach (var b in analysis.ParetoFrontier)
            {
                var dominates = signatories.All(s => b.Utilities[s] >= a.Utilities[s]) && signatories.Any(s => b.Utilities[s] > a.Utilities[s] + 1e-9);
                Assert.False(dominates);
            }
        }
    }

    [Fact]
    public void HugeSpace_FindsANarrowZopa_ThatUniformSamplingWouldMiss()
    {
        // 4^10 ≈ 10^6 packages (sampled). With both reservations at .88 only packages close to the log-rolled one
        // (U = 1/1.1 = .909 each) are in the zone; the engine's search supplies it.
        var analysis = ScenarioAnalysis.Analyze(TestScenarios.LogRolling(10, reservation: 0.88));

        Assert.False(analysis.Exhaustive);
        Assert.True(analysis.Zopa.Exists);
        Assert.Equal(1 / 1.1, analysis.Nash!.Utilities[0], 9);
    }
}
