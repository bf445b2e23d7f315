using Negotiation.Reporting.Statistics;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Tests;

/// <summary>
/// A small summary built by hand (2 variants, 2 actors, one discrete and one continuous issue, compliance), the
/// input of the golden and rendering tests. Numbers are chosen to be easy to check, not realistic; ids and the
/// bases of shares follow SummaryBuilder (breakdowns among failed runs, compliance shares among agreements).
/// </summary>
internal static class SampleSummary
{
    public static SimulationSummary Create(string title = "Border talks, \"round two\"", bool complete = true) => new(
        ScenarioId: "border-talks",
        Title: title,
        SourcePath: "scenarios/border-talks.yaml",
        Seed: 42,
        Runs: 200,
        CompletedRuns: complete ? 200 : 120,
        Complete: complete,
        Variants: [Baseline(), Mediated()],
        Comparisons:
        [
            new VariantComparison(
                "mediated",
                "baseline",
                Intervals.Describe("Agreement rate", 0.15, new Interval(0.0712, 0.2288), DifferenceScale.Probability),
                [
                    new ActorDifference("north", Intervals.Describe("North's expected utility", 0.02, new Interval(-0.01, 0.05), DifferenceScale.Utility)),
                    new ActorDifference("south", Intervals.Describe("South's expected utility", 0.0625, new Interval(0.03, 0.095), DifferenceScale.Utility)),
                ],
                Intervals.Describe("One-year survival", 0.1, new Interval(0.02, 0.18), DifferenceScale.Probability)),
        ],
        Sources: ["001_border.txt", "Treaty text, 1999"]);

    private static VariantSummary Baseline() => new(
        Id: "baseline",
        Name: "Border talks",
        Description: null,
        Runs: 200,
        Agreement: new AgreementSummary(120, 0.6, Intervals.Wilson(120, 200)),
        Rounds: new RoundsSummary(3.5, 3, 5, [0, 10, 30, 40, 25, 15], 7),
        Breakdowns: [new NamedShare("deadline", "Deadline passed", 60, 0.75), new NamedShare("walkout:south", "South walked out", 20, 0.25)],
        Issues:
        [
            new IssueSummary("border", "Border regime", "discrete", [new NamedShare("open", "Open border", 90, 0.75), new NamedShare("closed", "Closed, with checkpoints", 30, 0.25)], null),
            new IssueSummary("troops", "Troop ceiling", "continuous", [], new DistributionSummary(40, 12.5, 10, 20, 30, 40, 50, 60, 75)),
        ],
        Actors:
        [
            new ActorSummary("north", "North, the \"hawk\"", new DistributionSummary(0.55, 0.15, 0.2, 0.3, 0.45, 0.56, 0.66, 0.8, 0.9), 0.7, Intervals.Wilson(140, 200)),
            new ActorSummary("south", "South", new DistributionSummary(0.5, 0.2, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95), 0.55, Intervals.Wilson(110, 200)),
        ],
        Compliance: new ComplianceSummary(
            Horizon: 4,
            PeriodDays: 91.25,
            Holding: [1, 0.9, 0.8, 0.75, 0.7],
            OneYearSurvival: 0.7,
            OneYearCi95: Intervals.Wilson(84, 120),
            FirstViolators: [new NamedShare("north", "North, the \"hawk\"", 20, 20 / 120.0), new NamedShare("militia", "Militia", 16, 16 / 120.0), new NamedShare("none", "No violation detected", 84, 0.7)],
            Causes: [new NamedShare("held", "Held to the horizon", 84, 0.7), new NamedShare("violation", "Detected violation", 20, 20 / 120.0), new NamedShare("spoiler", "Spoiler attack", 16, 16 / 120.0)],
            StagesReached: [new NamedShare("withdrawal", "Troop withdrawal", 100, 100 / 120.0)]),
        Sensitivity:
        [
            new SensitivityEntry("actors.north.reservation", -0.42, -0.1),
            new SensitivityEntry("events.sanctions.probability", 0.18, double.NaN),
        ]);

    private static VariantSummary Mediated() => new(
        Id: "mediated",
        Name: "With a mediator",
        Description: "A neutral chair proposes a single text.",
        Runs: 200,
        Agreement: new AgreementSummary(150, 0.75, Intervals.Wilson(150, 200)),
        Rounds: new RoundsSummary(2.8, 3, 4, [0, 30, 50, 45, 25], 7),
        Breakdowns: [new NamedShare("deadline", "Deadline passed", 50, 1)],
        Issues:
        [
            new IssueSummary("border", "Border regime", "discrete", [new NamedShare("open", "Open border", 105, 0.7), new NamedShare("closed", "Closed, with checkpoints", 45, 0.3)], null),
            new IssueSummary("troops", "Troop ceiling", "continuous", [], new DistributionSummary(35, 10, 5, 18, 28, 35, 42, 52, 70)),
        ],
        Actors:
        [
            new ActorSummary("north", "North, the \"hawk\"", new DistributionSummary(0.57, 0.14, 0.25, 0.33, 0.47, 0.58, 0.67, 0.79, 0.88), 0.74, Intervals.Wilson(148, 200)),
            new ActorSummary("south", "South", new DistributionSummary(0.5625, 0.18, 0.15, 0.28, 0.44, 0.57, 0.69, 0.83, 0.93), 0.66, Intervals.Wilson(132, 200)),
        ],
        Compliance: new ComplianceSummary(
            Horizon: 4,
            PeriodDays: 91.25,
            Holding: [1, 0.95, 0.9, 0.85, 0.8],
            OneYearSurvival: 0.8,
            OneYearCi95: Intervals.Wilson(120, 150),
            FirstViolators: [new NamedShare("north", "North, the \"hawk\"", 18, 0.12), new NamedShare("militia", "Militia", 12, 0.08), new NamedShare("none", "No violation detected", 120, 0.8)],
            Causes: [new NamedShare("held", "Held to the horizon", 120, 0.8), new NamedShare("violation", "Detected violation", 18, 0.12), new NamedShare("spoiler", "Spoiler attack", 12, 0.08)],
            StagesReached: [new NamedShare("withdrawal", "Troop withdrawal", 135, 0.9)]),
        Sensitivity:
        [
            new SensitivityEntry("actors.north.reservation", -0.35, -0.05),
            new SensitivityEntry("events.sanctions.probability", 0.1, 0.02),
        ]);
}
