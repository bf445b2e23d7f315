using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Negotiation;

public partial class NegotiationSimulatorTest
{
    public static TheoryData<string> AllocationScenarios => ["laptop", "single-text", "tit-for-tat-events", "large-space", "random"];

    private static Scenario AllocationScenario(string name) => name switch
    {
        "laptop" => TestScenarios.Laptop(StrategySpec.Boulware(0.2), StrategySpec.Conceder(2)),
        "single-text" => TestScenarios.Laptop(StrategySpec.Linear(), StrategySpec.Linear(), kind: ProtocolKind.SingleText),
        "tit-for-tat-events" => Sanctions(0.5, new ValueShift("b", "x", null, -0.5)) with
        {
            Actors = Sanctions(0.5, new ValueShift("b", "x", null, -0.5)).Actors.Select(a => a with { Strategy = StrategySpec.TitForTat() }).ToArray(),
        },
        "large-space" => RandomScenarios.Create(11, 4, 9),
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
        for (var run = 0L; run < 200; run++)
        {
            NegotiationSimulator.Run(model, p, 3, run, ws);
        }

        var agreed = 0;
        var allocated = Allocations.InSteadyState(() =>
        {
            agreed = 0;
            for (var run = 200L; run < 700; run++)
            {
                agreed += NegotiationSimulator.Run(model, p, 3, run, ws).Agreed ? 1 : 0;
            }
        });

        Assert.Equal(0, allocated);
        Assert.InRange(agreed, 0, 500);
    }

    [Fact]
    public void LargeSpace_UsesCoordinateAscent() =>
        Assert.False(NegotiationModel.Compile(AllocationScenario("large-space"), new ParameterTable()).Enumerates);
}
