using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Models.ExpectedUtility;

/// <summary>
/// The expected-utility family compiled for one scenario variant: per issue, who takes part and where each of their
/// capability, position and salience comes from (docs/model-expected-utility.md §9). Positions live on a 0–100
/// dimension: a continuous issue by its range, a discrete one by the order of its options the scenario states in
/// <c>expectedUtility.scales</c>. Capability is the actor's power, salience its issue weight over its largest weight,
/// position its ideal (continuous) or best option (discrete) — each read from the same parameter paths as the
/// bargaining family, so both see the same draws in the same run. Immutable; shared by all workers.
/// </summary>
public sealed class ExpectedUtilityModel : INegotiationModel
{
    public const string FamilyId = "expected-utility";

    private ExpectedUtilityModel(VariantScenario variant, ParameterTable parameters, ExpectedUtilitySettings settings, ExpectedUtilityIssue[] issues)
    {
        Variant = variant;
        Parameters = parameters;
        Settings = settings;
        Issues = issues;
        MaxParticipants = issues.Length == 0 ? 0 : issues.Max(i => i.Participants.Length);
    }

    public string Family => FamilyId;

    public VariantScenario Variant { get; }

    public ParameterTable Parameters { get; }

    public ExpectedUtilitySettings Settings { get; }

    public IReadOnlyList<ExpectedUtilityIssue> Issues { get; }

    public int MaxParticipants { get; }

    public IModelWorkspace CreateWorkspace() => new ExpectedUtilityWorkspace(this);

    public IOutcomeAccumulator CreateAccumulator() => new ExpectedUtilityAccumulator(this);

    /// <summary>Compiles the family; a discrete issue without a stated order of its options is an <see cref="InputException"/> at the issue.</summary>
    public static ExpectedUtilityModel Compile(VariantScenario variant, ExpectedUtilitySettings? settings = null)
    {
        var scenario = variant.Scenario;
        var design = scenario.ExpectedUtility ?? ExpectedUtilityDesign.Empty;
        settings ??= ExpectedUtilitySettings.Default;
        if (design.Rounds is { } rounds)
        {
            settings = settings with { MaxRounds = rounds };
        }

        var table = new ParameterTable();
        var errors = new List<Diagnostic>();
        var issues = new List<ExpectedUtilityIssue>();
        for (var j = 0; j < scenario.Issues.Count; j++)
        {
            var issue = scenario.Issues[j];
            var participants = new List<Participant>();
            design.Scales.TryGetValue(issue.Id, out var order);
            var optionAt = order?.Select(issue.IndexOf).ToArray();
            for (var a = 0; a < scenario.Actors.Count; a++)
            {
                var actor = scenario.Actors[a];
                var prefix = "actors." + actor.Id;
                if (design.Inputs.FirstOrDefault(i => i.ActorId == actor.Id && i.IssueId == issue.Id) is { } input)
                {
                    var path = $"expectedUtility.actors.{actor.Id}.{issue.Id}";
                    participants.Add(new Participant(
                        a,
                        table.Register(path + ".capability", input.Capability),
                        table.Register(path + ".salience", input.Salience),
                        [],
                        PositionSource.Explicit,
                        table.Register(path + ".position", input.Position),
                        [],
                        double.NaN));
                    continue;
                }

                if (actor.Interests.FirstOrDefault(i => i.IssueId == issue.Id) is not { } interest)
                {
                    continue;
                }

                var capability = table.Register(prefix + ".power", actor.Power);
                var weights = actor.Interests
                    .Where(i => scenario.IssueIndex(i.IssueId) >= 0)
                    .Select(i => table.Register($"{prefix}.interests.{i.IssueId}.weight", i.Weight))
                    .ToArray();
                var weight = table.Register($"{prefix}.interests.{issue.Id}.weight", interest.Weight);
                var interestPath = $"{prefix}.interests.{issue.Id}";
                if (issue.Kind == IssueKind.Discrete)
                {
                    if (optionAt is null)
                    {
                        continue;   // reported once per issue below
                    }

                    var values = optionAt
                        .Select(o => interest.OptionValues is not null && interest.OptionValues.TryGetValue(issue.Options[o].Id, out var u)
                            ? table.Register(interestPath + ".values." + issue.Options[o].Id, u)
                            : -1)
                        .ToArray();
                    participants.Add(new Participant(a, capability, weight, weights, PositionSource.BestOption, -1, values, double.NaN));
                }
                else if (interest.Curve is { Count: > 0 } curve)
                {
                    var peak = curve.OrderByDescending(p => p.Value).ThenBy(p => p.X).First().X;
                    participants.Add(new Participant(a, capability, weight, weights, PositionSource.Fixed, -1, [], Scale(peak, issue)));
                }
                else if (interest.Ideal is not null)
                {
                    participants.Add(new Participant(a, capability, weight, weights, PositionSource.Ideal, table.Register(interestPath + ".ideal", interest.Ideal), [], double.NaN));
                }
            }

            if (issue.Kind == IssueKind.Discrete && order is null && scenario.Actors.Any(a => a.Interests.Any(i => i.IssueId == issue.Id)
                    && !design.Inputs.Any(x => x.ActorId == a.Id && x.IssueId == issue.Id)))
            {
                errors.Add(Diagnostic.Error(
                    issue.Position ?? new SourcePosition(variant.Scenario.Metadata.Id, 1, 1),
                    $"issue '{issue.Id}' is discrete, and the expected-utility model places positions on one 0-100 dimension; "
                    + $"expected the order of its options, e.g. expectedUtility: {{scales: {{{issue.Id}: [{string.Join(", ", issue.Options.Select(o => o.Id))}]}}}}"));
            }

            issues.Add(new ExpectedUtilityIssue(issue, order ?? issue.Options.Select(o => o.Id).ToArray(), participants.ToArray()));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return new ExpectedUtilityModel(variant, table, settings, issues.ToArray());
    }

    /// <summary>A continuous issue's value on the 0–100 dimension.</summary>
    public static double Scale(double value, Issue issue) =>
        issue.Max > issue.Min ? Math.Clamp(100 * (value - issue.Min) / (issue.Max - issue.Min), 0, 100) : 50;

    /// <summary>A 0–100 position back in the issue's own units (continuous), or as a fractional option index along the stated order (discrete).</summary>
    public static double Unscale(double position, ExpectedUtilityIssue layout) =>
        layout.Issue.Kind == IssueKind.Continuous
            ? layout.Issue.Min + position / 100 * (layout.Issue.Max - layout.Issue.Min)
            : position / 100 * (layout.Order.Count - 1);
}

/// <summary>Where a participant's starting position comes from.</summary>
public enum PositionSource : byte
{
    /// <summary>The scenario's <c>expectedUtility.actors</c> entry (already on 0–100).</summary>
    Explicit,

    /// <summary>The ideal point of a continuous issue, scaled by the issue's range.</summary>
    Ideal,

    /// <summary>The peak of a piecewise-linear valuation (fixed).</summary>
    Fixed,

    /// <summary>The option the actor values most in this run, placed by the stated order.</summary>
    BestOption,
}

/// <summary>One actor taking part in one issue's game, with the parameter slots its inputs are read from.</summary>
/// <param name="Actor">Index in the scenario's actors.</param>
/// <param name="CapabilitySlot">Power (or explicit capability).</param>
/// <param name="SalienceSlot">The issue's weight (or explicit salience when <paramref name="WeightSlots"/> is empty).</param>
/// <param name="WeightSlots">All of the actor's issue weights: salience is the weight over the largest of them.</param>
/// <param name="PositionSlot">The explicit position or the ideal point; −1 otherwise.</param>
/// <param name="OptionValueSlots">Discrete: the value slot of each option in the stated order (−1: unlisted, worth 0).</param>
/// <param name="FixedPosition">The position when <see cref="PositionSource.Fixed"/>.</param>
public sealed record Participant(
    int Actor,
    int CapabilitySlot,
    int SalienceSlot,
    int[] WeightSlots,
    PositionSource Source,
    int PositionSlot,
    int[] OptionValueSlots,
    double FixedPosition);

/// <summary>One issue of the compiled family: the issue, its order of options (discrete), and its participants.</summary>
public sealed record ExpectedUtilityIssue(Issue Issue, IReadOnlyList<string> Order, Participant[] Participants);
