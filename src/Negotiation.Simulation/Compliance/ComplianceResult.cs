namespace Negotiation.Simulation.Compliance;

/// <summary>Why an agreement ended before the horizon.</summary>
public enum CollapseCause : byte
{
    /// <summary>It did not end: it held to the horizon (censored), or compliance was not simulated.</summary>
    None,

    /// <summary>A party answered a detected real violation by abandoning the agreement.</summary>
    Violation,

    /// <summary>A party answered a false alarm (compliance reported as a violation) by abandoning the agreement.</summary>
    FalseAlarm,

    /// <summary>A party answered a spoiler's attack, misattributed to a party, by abandoning the agreement.</summary>
    Spoiler,

    /// <summary>Withdrawal: notice given at a renewal date ran out, or parties left under the withdrawal clause until fewer than two remained.</summary>
    Withdrawal,

    /// <summary>Every provision lapsed at its sunset: the agreement ran its course.</summary>
    Expiry,
}

/// <summary>
/// The life of one agreement after signature.
/// </summary>
/// <param name="PeriodsHeld">Full periods the agreement was in force; equals the horizon with <see cref="CollapseCause.None"/> when it survived (censored).</param>
/// <param name="Cause">Why it ended, or <see cref="CollapseCause.None"/>.</param>
/// <param name="FirstViolator">Index into <see cref="ComplianceModel.PartyIds"/> of the first party whose real violation was detected or to whom a spoiler attack was attributed (the spoiler's own index); -1 when none. False alarms do not count: nobody broke the agreement.</param>
/// <param name="StagesReached">Bit k is set when stage k (<see cref="ComplianceModel.StageIds"/> order) was reached.</param>
/// <param name="Withdrawn">Bit a is set when actor a left under the withdrawal clause (the others going on, or not).</param>
public readonly record struct ComplianceResult(int PeriodsHeld, CollapseCause Cause, int FirstViolator, int StagesReached, int Withdrawn = 0)
{
    /// <summary>What <see cref="ComplianceSimulator.Run"/> returns when the scenario has no compliance section.</summary>
    public static ComplianceResult NotSimulated { get; } = new(0, CollapseCause.None, -1, 0);

    /// <summary>True when stage <paramref name="stage"/> was reached.</summary>
    public bool Reached(int stage) => (StagesReached & (1 << stage)) != 0;

    /// <summary>True when actor <paramref name="actor"/> left under the withdrawal clause.</summary>
    public bool Left(int actor) => (Withdrawn & (1 << Math.Min(actor, 30))) != 0;
}
