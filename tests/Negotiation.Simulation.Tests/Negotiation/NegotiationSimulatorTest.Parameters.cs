using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Negotiation;

public partial class NegotiationSimulatorTest
{
    [Fact]
    public void Run_ReadsEveryNumberFromP_NotFromTheScenario()
    {
        // Means: r_b = .6, agreement in round 6 (U_b = .6). Setting the slot to .65 moves it to round 7;
        // setting b's weight slot to 0 makes b indifferent (U_b = 0 < r_b): no agreement.
        var scenario = TestScenarios.Line(StrategySpec.Linear(), StrategySpec.Hardliner(0), reservationB: new Reservation(new UniformDist(0.5, 0.7), 0.0));
        var table = new ParameterTable();
        var model = NegotiationModel.Compile(scenario, table);
        var ws = new NegotiationWorkspace(model);
        var p = table.Means();

        Assert.Equal(6, NegotiationSimulator.Run(model, p, 1, 0, ws).Round);
        p[table.IndexOf("actors.b.reservation")] = 0.65;
        Assert.Equal(7, NegotiationSimulator.Run(model, p, 1, 0, ws).Round);
        p[table.IndexOf("actors.b.interests.x.weight")] = 0;
        Assert.False(NegotiationSimulator.Run(model, p, 1, 0, ws).Agreed);
    }

    [Fact]
    public void Run_WithAnotherModelsWorkspace_Throws()
    {
        var scenario = TestScenarios.Line(StrategySpec.Linear(), StrategySpec.Linear());
        var table = new ParameterTable();
        var model = NegotiationModel.Compile(scenario, table);
        var other = NegotiationModel.Compile(scenario, new ParameterTable());

        Assert.Throws<ArgumentException>(() => NegotiationSimulator.Run(model, table.Means(), 1, 0, new NegotiationWorkspace(other)));
    }

    [Fact]
    public void Run_WithTooFewParameters_Throws()
    {
        var table = new ParameterTable();
        var model = NegotiationModel.Compile(TestScenarios.Line(StrategySpec.Linear(), StrategySpec.Linear()), table);

        Assert.Throws<ArgumentException>(() => NegotiationSimulator.Run(model, new double[table.Count - 1], 1, 0, new NegotiationWorkspace(model)));
    }

    [Fact]
    public void Compile_SingleTextWithoutMediator_Throws()
    {
        var scenario = TestScenarios.Line(StrategySpec.Linear(), StrategySpec.Linear());
        scenario = scenario with { Protocol = scenario.Protocol with { Kind = ProtocolKind.SingleText } };

        Assert.Throws<ArgumentException>(() => NegotiationModel.Compile(scenario, new ParameterTable()));
    }
}
