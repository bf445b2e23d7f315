using Negotiation.Core.Model;
using Negotiation.Simulation.Models.ExpectedUtility;

namespace Negotiation.Reporting.Tests;

/// <summary>
/// The expected-utility forecasts of <see cref="SampleSummary"/>'s two variants, built by hand: 3 rounds, two actors
/// (one with an HTML-hostile name), a discrete issue and a continuous one, the bargaining family's agreed terms on the
/// first variant only. Numbers are easy to check, not realistic.
/// </summary>
internal static class SampleForecast
{
    public static IReadOnlyList<ExpectedUtilitySummary> Create() =>
    [
        new("border-talks", "baseline", 200, 42, 3,
        [
            new IssuePrediction(
                "border", "Border regime", IssueKind.Discrete, ["open", "closed"], 0, 1, null,
                new Band(30, 0, 25, 100), 0.25, [0.7, 0.3], new Band(40, 35, 40, 45), 50, 0.6,
                new AgreedTerms(0.6, 25, [0.75, 0.25]),
                [
                    new PositionPath("north", [100, 80, 60, 50], [100, 50, 20, 0], [100, 100, 100, 100]),
                    new PositionPath("south<b>", [0, 10, 20, 25], [0, 0, 0, 0], [0, 30, 50, 60]),
                ]),
            new IssuePrediction(
                "troops", "Troop ceiling", IssueKind.Continuous, [], 0, 100, "thousand",
                new Band(42, 20, 40, 70), 40, null, new Band(45, 40, 45, 50), 50, 1,
                new AgreedTerms(0.6, 40, null),
                [
                    new PositionPath("north", [20, 30, 35, 40], [20, 25, 30, 30], [20, 35, 40, 50]),
                    new PositionPath("south<b>", [80, 60, 45, 40], [80, 50, 40, 30], [80, 70, 55, 50]),
                ]),
        ]),
        new("border-talks", "mediated", 200, 42, 3,
        [
            new IssuePrediction(
                "border", "Border regime", IssueKind.Discrete, ["open", "closed"], 0, 1, null,
                new Band(20, 0, 10, 60), 0.1, [0.85, 0.15], new Band(40, 35, 40, 45), 50, 0.8, null,
                [
                    new PositionPath("north", [100, 70, 40, 30], [100, 40, 10, 0], [100, 100, 90, 80]),
                    new PositionPath("south<b>", [0, 5, 10, 10], [0, 0, 0, 0], [0, 20, 30, 40]),
                ]),
        ]),
    ];
}
