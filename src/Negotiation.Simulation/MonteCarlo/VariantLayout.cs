using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.Negotiation;

namespace Negotiation.Simulation.MonteCarlo;

/// <summary>The labels and sizes a variant's accumulators need: everything to build a summary without the scenario.</summary>
public sealed record VariantLayout(
    string Id,
    string Name,
    string? Description,
    IReadOnlyList<LabelledItem> Actors,
    IReadOnlyList<IssueLayout> Issues,
    int Deadline,
    double RoundDays,
    ComplianceLayout? Compliance,
    IReadOnlyList<string> UncertainParameters)
{
    /// <summary>Utilities are histogrammed over this range; values outside it still count exactly in min, max and moments.</summary>
    public const double UtilityLow = -1, UtilityHigh = 2;

    public const int UtilityBins = 3000;

    public const int ValueBins = 400;

    /// <summary>The variant's short label for tight places (<see cref="VariantScenario.Short"/>), or null.</summary>
    public string? Short { get; init; }

    public static VariantLayout From(VariantScenario variant, NegotiationModel negotiation, ComplianceModel compliance, IReadOnlyList<string> uncertainParameters)
    {
        var scenario = variant.Scenario;
        return new VariantLayout(
            variant.Id,
            variant.Name,
            variant.Description,
            scenario.Actors.Select(a => new LabelledItem(a.Id, a.Name) { Short = a.Short }).ToArray(),
            scenario.Issues.Select(IssueLayout.From).ToArray(),
            scenario.Protocol.Deadline,
            scenario.Protocol.RoundDays,
            compliance.Enabled
                ? new ComplianceLayout(
                    compliance.Horizon,
                    compliance.PeriodDays,
                    compliance.PartyIds.Select(id => new LabelledItem(id, PartyName(scenario, id)) { Short = scenario.Actors.FirstOrDefault(a => a.Id == id)?.Short }).ToArray(),
                    compliance.StageIds.Select(id => new LabelledItem(id, scenario.Compliance!.Stages.First(s => s.Id == id).Name)).ToArray())
                : null,
            uncertainParameters)
        {
            Short = variant.Short,
        };
    }

    private static string PartyName(Scenario scenario, string id) =>
        scenario.Actors.FirstOrDefault(a => a.Id == id)?.Name
        ?? scenario.Compliance?.Spoilers.FirstOrDefault(s => s.Id == id)?.Name
        ?? id;
}

/// <summary>An id with its display name and, when the scenario gives one, its short label for tight places.</summary>
public sealed record LabelledItem(string Id, string Name)
{
    public string? Short { get; init; }
}

/// <summary>An issue's id, name and, for a discrete issue, its options; for a continuous one its range.</summary>
public sealed record IssueLayout(string Id, string Name, IssueKind Kind, IReadOnlyList<LabelledItem> Options, double Min, double Max)
{
    /// <summary>The issue's short label (<see cref="Issue.Short"/>), or null.</summary>
    public string? Short { get; init; }

    public static IssueLayout From(Issue issue) =>
        new(issue.Id, issue.Name, issue.Kind, issue.Options.Select(o => new LabelledItem(o.Id, o.Label) { Short = o.Short }).ToArray(), issue.Min, issue.Max)
        {
            Short = issue.Short,
        };
}

/// <summary>The compliance phase's horizon and the parties and stages it reports on.</summary>
public sealed record ComplianceLayout(int Horizon, double PeriodDays, IReadOnlyList<LabelledItem> Parties, IReadOnlyList<LabelledItem> Stages)
{
    /// <summary>Periods that make a year (365 days), capped at the horizon.</summary>
    public int OneYearPeriods => Math.Min(Horizon, (int)Math.Ceiling(365 / PeriodDays));
}
