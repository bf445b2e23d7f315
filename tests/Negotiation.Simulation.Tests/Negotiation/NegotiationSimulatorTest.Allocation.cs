using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Negotiation;

public partial class NegotiationSimulatorTest
{
    public static TheoryData<string> AllocationScenarios => ["laptop", "single-text", "tit-for-tat-events", "large-space", "random", "private-information", "nato-russia"];

    private static Scenario AllocationScenario(string name) => name switch
    {
        "laptop" => TestScenarios.Laptop(StrategySpec.Boulware(0.2), StrategySpec.Conceder(2)),
        "single-text" => TestScenarios.Laptop(StrategySpec.Linear(), StrategySpec.Linear(), kind: ProtocolKind.SingleText),
        "tit-for-tat-events" => Sanctions(0.5, new ValueShift("b", "x", null, -0.5)) with
        {
            Actors = Sanctions(0.5, new ValueShift("b", "x", null, -0.5)).Actors.Select(a => a with { Strategy = StrategySpec.TitForTat() }).ToArray(),
        },
        "large-space" => RandomScenarios.Create(11, 4, 9),
        // Uncertain reservation values under every distribution form, a hazard, an uncertain deadline, power-weighted
        // proposers, delay costs, a misperceived prior and an opening with an author: beliefs drawn and updated per run.
        "private-information" => PrivateInformation(),
        "nato-russia" => ShippedScenarios.Load("nato-russia-2022").Baseline.Scenario,
        _ => RandomScenarios.Create(5, 3, 4, majority: true),
    };

    [Theory]
    [MemberData(nameof(AllocationScenarios))]
    public void Run_AfterWarmUp_AllocatesNothing(string name)
    {
        var scenario = AllocationScenario(name);
        var table = new ParameterTable();
        var model = NegotiationModel.Compile(scenario, table);
        var ws = new NegotiationWorkspace(model);
        var p = table.Means();
        var sampler = new ParameterSampler(table);
        for (var run = 0L; run < 200; run++)
        {
            sampler.Sample(3, run, p);
            NegotiationSimulator.Run(model, p, 3, run, ws);
        }

        var agreed = 0;
        var allocated = Allocations.InSteadyState(() =>
        {
            agreed = 0;
            for (var run = 200L; run < 700; run++)
            {
                sampler.Sample(3, run, p);
                agreed += NegotiationSimulator.Run(model, p, 3, run, ws).Agreed ? 1 : 0;
            }
        });

        Assert.Equal(0, allocated);
        Assert.InRange(agreed, 0, 500);
    }

    private static Scenario PrivateInformation()
    {
        var random = RandomScenarios.Create(21, 4, 5);
        Uncertain[] priors = [new PertDist(0.1, 0.3, 0.6), new UniformDist(0.1, 0.5), new NormalDist(0.3, 0.1, 0, 1), new TriangularDist(0.1, 0.2, 0.5)];
        var actors = random.Actors.Select((a, i) => a with
        {
            Reservation = Reservation.Constant(priors[i % priors.Length]),
            DelayCost = 0.005,
            AudienceCost = 0.5,
            Beliefs = i == 0 ? new Dictionary<string, Uncertain> { [random.Actors[1].Id] = new BetaDist(2, 3, 0, 1) } : null,
        }).ToArray();
        var opening = new Proposal("open", "Open", random.Issues.Select(i => i.Kind == IssueKind.Discrete
            ? Term.Option(i.Id, i.Options[0].Id) : Term.Number(i.Id, i.Min)).ToList()) { Author = actors[0].Id };
        return random with
        {
            Actors = actors,
            Proposals = [opening],
            Protocol = random.Protocol with
            {
                Opening = "open",
                Hazard = 0.05,
                DeadlineMin = Math.Max(1, random.Protocol.Deadline - 2),
                Recognition = RecognitionKind.Power,
            },
        };
    }

    [Fact]
    public void LargeSpace_UsesCoordinateAscent() =>
        Assert.False(NegotiationModel.Compile(AllocationScenario("large-space"), new ParameterTable()).Enumerates);
}
