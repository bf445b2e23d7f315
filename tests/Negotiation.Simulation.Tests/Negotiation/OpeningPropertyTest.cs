using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;
using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Tests.Negotiation;

/// <summary>
/// Openings with an author (docs/model.md §3.3) over random bilateral and multilateral scenarios: a softer opening (lower
/// utility for its author) never lowers the chance of a deal beyond Monte Carlo error. Each scenario is run with both
/// openings over the same sampled futures, and the paired difference of the agreement indicator is tested.
/// </summary>
public class OpeningPropertyTest
{
    private const int Runs = 1500;

    [Theory]
    [InlineData(1UL, 2)]
    [InlineData(2UL, 2)]
    [InlineData(3UL, 3)]
    [InlineData(4UL, 3)]
    [InlineData(5UL, 4)]
    [InlineData(6UL, 2)]
    [InlineData(7UL, 3)]
    [InlineData(9UL, 4)]
    [InlineData(10UL, 4)]
    [InlineData(11UL, 2)]
    [InlineData(12UL, 3)]
    public void SofterOpening_NeverLowersTheChanceOfADeal(ulong seed, int actors)
    {
        var (demanding, soft) = Openings(seed, actors);
        var d = PairedAgreement(demanding, soft, seed, out var deals);
        var mean = d.Average();
        var sd = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (d.Length - 1));
        var se = sd / Math.Sqrt(d.Length);
        Assert.True(mean >= -3 * se - 1e-12, $"seed {seed}: the softer opening lowered agreement by {-mean:0.0000} (se {se:0.0000})");
        Assert.True(deals >= 20, $"seed {seed}: only {deals} agreements over both openings; the test would pass vacuously");
    }

    /// <summary>Per run: agreed with the soft opening − agreed with the demanding one (same draws).</summary>
    private static double[] PairedAgreement(Scenario demanding, Scenario soft, ulong seed, out int deals)
    {
        var tableA = new ParameterTable();
        var modelA = NegotiationModel.Compile(demanding, tableA);
        var tableB = new ParameterTable();
        var modelB = NegotiationModel.Compile(soft, tableB);
        var sampler = new ParameterSampler(tableA);
        var p = new double[sampler.Count];
        var wsA = new NegotiationWorkspace(modelA);
        var wsB = new NegotiationWorkspace(modelB);
        var d = new double[Runs];
        deals = 0;
        for (var run = 0; run < Runs; run++)
        {
            sampler.Sample(seed, run, p);
            var a = NegotiationSimulator.Run(modelA, p, seed, run, wsA).Agreed;
            var b = NegotiationSimulator.Run(modelB, p, seed, run, wsB).Agreed;
            d[run] = (b ? 1 : 0) - (a ? 1 : 0);
            deals += (a ? 1 : 0) + (b ? 1 : 0);
        }

        return d;
    }

    /// <summary>
    /// A random scenario with private, uncertain reservation values and an author (actor 0, audience cost 0.5), with
    /// two openings: the author's best of 200 random packages, and among them the one the others value most (summed)
    /// that is worth less to the author.
    /// </summary>
    internal static (Scenario Demanding, Scenario Soft) Openings(ulong seed, int actorCount)
    {
        var random = RandomScenarios.Create(seed, actorCount, 3);
        var baseScenario = random with
        {
            Actors = random.Actors.Select((a, i) => a with
            {
                Reservation = Reservation.Constant(new UniformDist(0.05, 0.45)),
                AudienceCost = i == 0 ? 0.5 : null,
                Strategy = a.Strategy.Kind is StrategyKind.Hardliner or StrategyKind.TitForTat ? StrategySpec.Linear() : a.Strategy,
            }).ToArray(),
            Protocol = random.Protocol with { Deadline = Math.Max(random.Protocol.Deadline, 6) },
        };
        var table = new ParameterTable();
        var model = NegotiationModel.Compile(baseScenario, table);
        var ws = new NegotiationWorkspace(model);
        NegotiationSimulator.Run(model, table.Means(), 1, 0, ws); // loads the utility tables at the means
        var rng = Rng.For(seed, 99, 7);
        var packages = Enumerable.Range(0, 200).Select(_ => baseScenario.Issues.Select(i =>
            i.Kind == IssueKind.Discrete ? rng.NextInt(i.Options.Count) : i.Min + (i.Max - i.Min) * rng.NextInt(6) / 5.0).ToArray()).ToList();
        double Own(double[] x) => ws.Utility(0, x);
        double Others(double[] x) => Enumerable.Range(1, actorCount - 1).Sum(a => ws.Utility(a, x));
        var demanding = packages.MaxBy(Own)!;
        var soft = packages.Where(x => Own(x) < Own(demanding) - 0.05).MaxBy(Others) ?? packages.MinBy(Own)!;
        return (WithOpening(baseScenario, demanding), WithOpening(baseScenario, soft));
    }

    private static Scenario WithOpening(Scenario scenario, double[] package)
    {
        var terms = scenario.Issues.Select((issue, j) => issue.Kind == IssueKind.Discrete
            ? Term.Option(issue.Id, issue.Options[(int)package[j]].Id)
            : Term.Number(issue.Id, package[j])).ToList();
        var opening = new Proposal("opening", "Opening", terms) { Author = scenario.Actors[0].Id };
        return scenario with { Proposals = [opening], Protocol = scenario.Protocol with { Opening = "opening" } };
    }
}
