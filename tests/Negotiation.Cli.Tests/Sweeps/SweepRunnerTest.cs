using Negotiation.Cli.Sweeps;
using Negotiation.Reporting.Sweeps;
using Negotiation.Scenarios;

namespace Negotiation.Cli.Tests.Sweeps;

public class SweepRunnerTest
{
    private static readonly string BuyerSeller = TestCli.TestData("buyer-seller.yaml");

    private static SweepResult Sweep(string variant, long runs, params string[] parameters)
    {
        var parsed = parameters.Select(p => SweepParameter.Parse(p, out _)!).ToArray();
        var set = ScenarioLoader.Load(BuyerSeller);
        var plan = SweepRunner.Prepare(BuyerSeller, set, variant, parsed);
        return SweepRunner.Run(plan, seed: 7, runs, threads: 2);
    }

    [Fact]
    public void Grid_FirstParameterVariesSlowest()
    {
        var grid = SweepRunner.Grid([new SweepParameter("a", [1, 2, 3]), new SweepParameter("b", [10, 20])]);
        Assert.Equal(
            [[1, 10], [1, 20], [2, 10], [2, 20], [3, 10], [3, 20]],
            grid.Select(p => p.ToArray()).ToArray());
        Assert.Equal(6, SweepRunner.PointCount([new SweepParameter("a", [1, 2, 3]), new SweepParameter("b", [10, 20])]));
    }

    [Fact]
    public void ParameterWithoutEffect_GivesIdenticalFiguresAtEveryPoint()
    {
        // The observer signs nothing, so its reservation value cannot change the talks. With common random
        // numbers every point replays the same futures, so the signatories' figures agree to the last bit — not
        // just within noise. The tough seller makes the talks fail in some runs, so the rate is not trivially 1.
        var sweep = Sweep("tough-seller", 1_000, "actors.observer.reservation=0:0.9:0.3");
        Assert.Equal(4, sweep.Points.Count);
        var agreement = sweep.Points.Select(p => p.Figure(SweepResult.AgreementRate)!).ToArray();
        Assert.InRange(agreement[0].Estimate, 0.05, 0.95);
        foreach (var id in new[] { SweepResult.AgreementRate, SweepResult.ExpectedUtility("buyer"), SweepResult.ExpectedUtility("seller") })
        {
            var figures = sweep.Points.Select(p => p.Figure(id)!).ToArray();
            Assert.All(figures, f => Assert.Equal(figures[0], f));
        }

        // The observer's own figure does move: on breakdown its utility is its reservation value.
        var observer = sweep.Points.Select(p => p.Figure(SweepResult.ExpectedUtility("observer"))!.Estimate).ToArray();
        Assert.True(observer[^1] > observer[0]);
    }

    [Fact]
    public void HigherReservationOfARequiredSignatory_NeverRaisesTheAgreementCount()
    {
        // Under unanimity the seller must accept; a higher reservation value only removes packages it accepts.
        // With common random numbers this holds run by run, so the counts themselves never rise along the sweep.
        var sweep = Sweep("baseline", 1_000, "actors.seller.reservation=0:0.9:0.1");
        var counts = sweep.Points.Select(p => p.Figure(SweepResult.AgreementRate)!.Count!.Value).ToArray();
        Assert.Equal(10, counts.Length);
        for (var i = 1; i < counts.Length; i++)
        {
            Assert.True(counts[i] <= counts[i - 1], $"agreements rose from {counts[i - 1]} to {counts[i]} at point {i}: {string.Join(", ", counts)}");
        }

        Assert.True(counts[^1] < counts[0], "the sweep should cross the seller's acceptance threshold");
    }

    [Fact]
    public void ShippedScenario_HigherUsReservation_NeverRaisesTheAgreementCount()
    {
        // nato-russia-2022: the United States is a required signatory (unanimity of Russia, the US and NATO).
        var file = TestCli.Scenario("nato-russia-2022");
        var plan = SweepRunner.Prepare(file, ScenarioLoader.Load(file), "russian-drafts", [SweepParameter.Parse("actors.usa.reservation=0.3:0.7:0.1", out _)!]);
        var counts = SweepRunner.Run(plan, seed: 1, runs: 1_000, threads: 2).Points.Select(p => p.Figure(SweepResult.AgreementRate)!.Count!.Value).ToArray();
        Assert.Equal(5, counts.Length);
        Assert.All(counts.Zip(counts.Skip(1)), pair => Assert.True(pair.Second <= pair.First, string.Join(", ", counts)));
        Assert.True(counts[0] > counts[^1]);
    }

    [Fact]
    public void Variant_CanSweepANodeOnlyItHas()
    {
        // events.rival-offer exists only in the tough-seller variant; the baseline is loaded as written.
        var sweep = Sweep("tough-seller", 200, "events.rival-offer.probability=0,1");
        Assert.Equal("tough-seller", sweep.VariantId);
        Assert.Equal(2, sweep.Points.Count);
    }

    [Fact]
    public void Run_IsTheSameForAnyThreadCount()
    {
        var parsed = new[] { SweepParameter.Parse("actors.seller.reservation=0.5,0.7", out _)! };
        var set = ScenarioLoader.Load(BuyerSeller);
        var plan = SweepRunner.Prepare(BuyerSeller, set, "baseline", parsed);
        var one = SweepRunner.Run(plan, seed: 3, runs: 1_500, threads: 1);
        var three = SweepRunner.Run(plan, seed: 3, runs: 1_500, threads: 3);
        Assert.Equal(SweepJson.ToText(one), SweepJson.ToText(three));
    }

    [Fact]
    public void Cancelled_KeepsNoPointAndIsIncomplete()
    {
        var parsed = new[] { SweepParameter.Parse("actors.seller.reservation=0.5,0.7", out _)! };
        var set = ScenarioLoader.Load(BuyerSeller);
        var plan = SweepRunner.Prepare(BuyerSeller, set, "baseline", parsed);
        var sweep = SweepRunner.Run(plan, seed: 3, runs: 1_000, threads: 2, cancellation: new CancellationToken(canceled: true));
        Assert.False(sweep.Complete);
        Assert.Empty(sweep.Points);
        Assert.Equal(2, sweep.PlannedPoints);
    }

    [Fact]
    public void Prepare_InvalidPoint_NamesThePointAndKeepsTheLoadersDiagnostic()
    {
        var parsed = new[] { SweepParameter.Parse("actors.seller.reservation=0.5,1.5", out _)! };
        var set = ScenarioLoader.Load(BuyerSeller);
        var error = Assert.Throws<SweepPointException>(() => SweepRunner.Prepare(BuyerSeller, set, "baseline", parsed));
        Assert.Equal("sweep point actors.seller.reservation=1.5 is not a valid scenario", error.Message);
        Assert.NotEmpty(error.Error.Diagnostics);
    }
}
