using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Negotiation;

public class NegotiationModelTest
{
    [Fact]
    public void Compile_RegistersEveryNumberUnderItsYamlPath()
    {
        var scenario = TestScenarios.Line(new StrategySpec(StrategyKind.TimeDependent, 0.5, 0.9, Floor: 0.1), StrategySpec.TitForTat(0.7),
            reservationB: new Reservation(new PertDist(0.1, 0.2, 0.4), -0.01),
            events: [new ScenarioEvent("sanctions", "Sanctions", 2, new UniformDist(0.2, 0.6), [new ReservationShift("b", -0.05)])]);
        var table = new ParameterTable();
        NegotiationModel.Compile(scenario, table);

        string[] expected =
        [
            "actors.a.power", "actors.a.reservation", "actors.a.reservation.trend", "actors.a.interests.x.weight",
            "actors.a.interests.x.ideal", "actors.a.strategy.e", "actors.a.strategy.start", "actors.a.strategy.floor",
            "actors.a.strategy.reciprocity", "actors.a.strategy.level",
            "actors.b.reservation", "actors.b.strategy.reciprocity", "events.sanctions.probability", "events.sanctions.effects.0",
        ];
        Assert.All(expected, path => Assert.True(table.IndexOf(path) >= 0, path));
        Assert.Equal(0.5, table.Values[table.IndexOf("actors.a.strategy.e")].Mean);
        Assert.Equal(0.7, table.Values[table.IndexOf("actors.b.strategy.reciprocity")].Mean);
        Assert.IsType<PertDist>(table.Values[table.IndexOf("actors.b.reservation")]);
        Assert.Equal(-0.05, table.Values[table.IndexOf("events.sanctions.effects.0")].Mean);
    }

    [Fact]
    public void Compile_RegistersDiscreteOptionValues()
    {
        var table = new ParameterTable();
        NegotiationModel.Compile(TestScenarios.Laptop(StrategySpec.Linear(), StrategySpec.Linear()), table);

        Assert.Equal(30.0 / 30, table.Values[table.IndexOf("actors.profile1.interests.laptop.values.hp")].Mean);
        Assert.Equal(20.0 / 30, table.Values[table.IndexOf("actors.profile2.interests.laptop.values.hp")].Mean, 12); // 20 / max(12, 30, 20)
        Assert.Equal(0.1768, table.Values[table.IndexOf("actors.profile1.interests.monitor.weight")].Mean);
    }

    [Fact]
    public void ContinuousCandidates_AreTheGridPlusIdealsRedLineBoundsAndCurvePoints()
    {
        var issue = Issue.Continuous("troops", "Troops", 0, 100, resolution: 5); // grid 0, 25, 50, 75, 100
        var a = TestScenarios.Actor("a", StrategySpec.Linear(), 0, [new RedLine("troops", [], Max: 60)],
            new Interest("troops", 1.0, null, 33.0));
        var b = TestScenarios.Actor("b", StrategySpec.Linear(), 0, null,
            new Interest("troops", 1.0, null, null, Curve: [new CurvePoint(10, 0), new CurvePoint(90, 1)]));
        var scenario = TestScenarios.Build("c", [issue], [a, b],
            new Protocol(ProtocolKind.AlternatingOffers, ["a", "b"], SigningRule.Unanimity, ["a"], 3, 1));
        var model = NegotiationModel.Compile(scenario, new ParameterTable());

        Assert.Equal([0.0, 10, 25, 33, 50, 60, 75, 90, 100], model.Candidates(0).ToArray());
    }

    [Fact]
    public void SmallSpaces_AreEnumerated() =>
        Assert.True(NegotiationModel.Compile(TestScenarios.Laptop(StrategySpec.Linear(), StrategySpec.Linear()), new ParameterTable()).Enumerates);
}
