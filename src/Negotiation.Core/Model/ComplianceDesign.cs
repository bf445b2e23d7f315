using Negotiation.Core.Common;

namespace Negotiation.Core.Model;

/// <summary>
/// The life of an agreement after signature: who is obliged to do what, how violations are detected and
/// punished, who may spoil it, and which terms are staged or renewable. Simulated for
/// <see cref="Horizon"/> periods of <see cref="PeriodDays"/> days each.
/// </summary>
public sealed record ComplianceDesign(
    int Horizon,
    double PeriodDays,
    IReadOnlyList<Provision> Provisions,
    IReadOnlyList<Mechanism> Mechanisms,
    IReadOnlyList<Spoiler> Spoilers,
    IReadOnlyList<Stage> Stages,
    RenewalTerms? Renewal = null)
{
    public SourcePosition? Position { get; init; }

    /// <summary>
    /// Days in the unit of time the section's rates are written in (temptations, rewards, surplus and discount factors,
    /// attack and false-alarm probabilities). Null: the period (<see cref="PeriodDays"/>), as before the unit could be set.
    /// </summary>
    public double? RateUnitDays { get; init; }

    /// <summary>The rate unit in days: <see cref="RateUnitDays"/>, or the period when unset.</summary>
    public double RateUnit => RateUnitDays ?? PeriodDays;

    /// <summary>When set, a party may leave the agreement on its own, with notice, while the others go on.</summary>
    public WithdrawalTerms? Withdrawal { get; init; }
}

/// <summary>
/// A party's right to leave the agreement while the others go on (a withdrawal clause). Each party in
/// <paramref name="Parties"/> (all the agreement's parties when null) gives notice with probability
/// <paramref name="Probability"/> per rate unit; it leaves <paramref name="NoticeDays"/> later (0: at once).
/// </summary>
public sealed record WithdrawalTerms(Uncertain Probability, double NoticeDays, IReadOnlyList<string>? Parties = null);

/// <summary>
/// Violating a provision partly (a fraction of it): a share <paramref name="Gain"/> of the full violation's gain at a
/// share <paramref name="Detection"/> of its detection probability, chosen by the same weighing as a full violation.
/// </summary>
public sealed record PartialViolation(Uncertain Gain, Uncertain Detection);

/// <summary>Limits a provision or mechanism to agreements whose term on an issue is one of the options or in a range.</summary>
public sealed record TermCondition(string IssueId, IReadOnlyList<string> Options, double? Min = null, double? Max = null);

/// <summary>
/// An obligation: the named actors must do (or stop doing) something. Each period each obligated actor gains
/// <paramref name="Temptation"/> by violating it, and pays <paramref name="Penalty"/> if the violation is detected.
/// </summary>
public sealed record Provision(
    string Id,
    string Name,
    IReadOnlyList<string> Obligated,
    Uncertain Temptation,
    Uncertain Penalty,
    TermCondition? When = null,
    string? Description = null)
{
    public SourcePosition? Position { get; init; }

    /// <summary>When set, the obligation starts only once that stage has been reached (a term that starts on a condition).</summary>
    public string? Stage { get; init; }

    /// <summary>When set, the obligation lapses after this many days (a sunset clause).</summary>
    public double? UntilDays { get; init; }

    /// <summary>When set, the obliged may also violate it partly (a smaller gain at a smaller risk of being seen).</summary>
    public PartialViolation? Partial { get; init; }
}

/// <summary>The kinds of monitoring and enforcement a scenario can attach; defaults per kind are in docs/model.md.</summary>
public enum MechanismKind
{
    JointMonitoring,
    DemilitarisedZone,
    Peacekeepers,
    Verification,
    SanctionsSnapback,
}

/// <summary>
/// A monitoring or enforcement mechanism. Unset numbers take the empirically grounded defaults of its kind.
/// </summary>
/// <param name="Detection">Probability a violation in a period is detected.</param>
/// <param name="FalseAlarm">Probability per period that compliance is wrongly reported as a violation.</param>
/// <param name="Penalty">Extra cost to a detected violator.</param>
/// <param name="Stage">When set, the mechanism works only once that stage has been reached.</param>
public sealed record Mechanism(
    string Id,
    string Name,
    MechanismKind Kind,
    Uncertain? Detection = null,
    Uncertain? FalseAlarm = null,
    Uncertain? Penalty = null,
    string? Stage = null,
    TermCondition? When = null,
    string? Description = null)
{
    public SourcePosition? Position { get; init; }

    /// <summary>When set, the mechanism stops working after this many days (a sunset clause).</summary>
    public double? UntilDays { get; init; }
}

/// <summary>
/// An actor outside the agreement (al-Nusra in 2016) whose attacks look like violations: each period it
/// attacks with <paramref name="AttackProbability"/>, and an attack is taken for a violation by
/// <paramref name="BlamedOn"/> with probability <paramref name="Misattribution"/>.
/// </summary>
public sealed record Spoiler(
    string Id,
    string Name,
    Uncertain AttackProbability,
    Uncertain Misattribution,
    IReadOnlyList<string> BlamedOn,
    string? Description = null)
{
    public SourcePosition? Position { get; init; }
}

/// <summary>
/// A staged term that starts only after the agreement has held <paramref name="AfterDays"/> days (the Joint
/// Implementation Center after seven days); while running it pays every signatory <paramref name="Reward"/> per period.
/// </summary>
public sealed record Stage(string Id, string Name, double AfterDays, Uncertain Reward, string? Description = null)
{
    public SourcePosition? Position { get; init; }
}

/// <summary>
/// Renewal and withdrawal: the agreement renews itself every <paramref name="EveryDays"/> unless a party
/// withdraws, which takes <paramref name="NoticeDays"/> of notice; <paramref name="WithdrawalProbability"/> is
/// the chance per renewal that some party gives notice.
/// </summary>
public sealed record RenewalTerms(double EveryDays, double NoticeDays, Uncertain WithdrawalProbability);
