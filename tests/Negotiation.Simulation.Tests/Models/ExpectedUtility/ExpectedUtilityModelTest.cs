using Negotiation.Core.Common;
using Negotiation.Scenarios;
using Negotiation.Simulation.Models.ExpectedUtility;

namespace Negotiation.Simulation.Tests.Models.ExpectedUtility;

/// <summary>How the family reads a scenario: capability = power, salience = weight over the largest weight, position on 0–100.</summary>
public class ExpectedUtilityModelTest
{
    private const string Yaml = """
        schemaVersion: 1
        title: Two issues
        issues:
          border:
            options: [north, middle, south]
          troops:
            range: [10, 60]
        actors:
          east:
            power: 3
            interests:
              border: {weight: 0.2, values: {north: 1, middle: 0.6}}
              troops: {weight: 0.8, ideal: 20}
          west:
            power: 1
            interests:
              border: {weight: 0.5, values: {south: 1}}
              troops: {weight: 0.5, ideal: 60}
        protocol:
          deadline: 5
        """;

    private const string Scales = "\nexpectedUtility:\n  scales:\n    border: [south, middle, north]\n";

    [Fact]
    public void Inputs_ComeFromPowerWeightsIdealsAndTheStatedOrder()
    {
        var model = ExpectedUtilityModel.Compile(ScenarioLoader.LoadText(Yaml + Scales, "s.yaml").Baseline);
        var ws = (ExpectedUtilityWorkspace)model.CreateWorkspace();
        var observer = new Recorder();
        model.Parameters.Means().CopyTo(ws.Parameters);
        ws.Run(1, 0, observer);

        // border, in the order south (0), middle (50), north (100): east prefers north -> 100, west south -> 0.
        // saliences: east 0.2/0.8 = 0.25, west 0.5/0.5 = 1; capabilities 3 and 1.
        Assert.Equal([100.0, 0.0], observer.Starts["border"]);
        // troops on [10, 60]: east's ideal 20 -> 20, west's 60 -> 100.
        Assert.Equal([20.0, 100.0], observer.Starts["troops"]);
        // compromise model on border: (3·0.25·100 + 1·1·0) / (0.75 + 1) = 42.857...
        Assert.Equal(75.0 / 1.75, ws.CompromiseMean[0], 9);
        // and on troops (saliences 1 and 1): (3·20 + 1·100) / 4 = 40
        Assert.Equal(40, ws.CompromiseMean[1], 9);
    }

    [Fact]
    public void DiscreteIssueWithoutOrder_IsAnErrorAtTheIssue()
    {
        var e = Assert.Throws<InputException>(() => ExpectedUtilityModel.Compile(ScenarioLoader.LoadText(Yaml, "s.yaml").Baseline));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(("s.yaml", 4, 3), (d.Position.File, d.Position.Line, d.Position.Column));
        Assert.Contains("issue 'border' is discrete", d.Message);
    }

    [Fact]
    public void ExplicitInputs_ReplaceTheDerivedOnes()
    {
        var yaml = Yaml + "\nexpectedUtility:\n  actors:\n    east:\n      border: {capability: 5, position: 30, salience: 0.4}\n    west:\n      border: {capability: 1, position: 90, salience: 1}\n";
        var model = ExpectedUtilityModel.Compile(ScenarioLoader.LoadText(yaml, "s.yaml").Baseline);
        var ws = (ExpectedUtilityWorkspace)model.CreateWorkspace();
        model.Parameters.Means().CopyTo(ws.Parameters);
        ws.Run(1, 0);
        // (5·0.4·30 + 1·1·90) / (2 + 1) = 50
        Assert.Equal(50, ws.CompromiseMean[0], 9);
    }

    private sealed class Recorder : IExpectedUtilityObserver
    {
        public Dictionary<string, double[]> Starts { get; } = [];

        public void OnIssue(ExpectedUtilityIssue issue, ExpectedUtilityGame game) => Starts[issue.Issue.Id] = game.Positions(0).ToArray();
    }
}
