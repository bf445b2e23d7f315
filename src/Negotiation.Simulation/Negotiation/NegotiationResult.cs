namespace Negotiation.Simulation.Negotiation;

/// <summary>Why talks ended without agreement.</summary>
public enum BreakdownCause : byte
{
    /// <summary>No breakdown: a package was agreed.</summary>
    None,

    /// <summary>The deadline passed without a package meeting the signing rule.</summary>
    Deadline,

    /// <summary>A signatory walked out: by its beliefs, staying was worth less than its alternative (docs/model.md §5.4).</summary>
    WalkOut,

    /// <summary>The talks broke down for reasons outside the table (the per-round hazard, docs/model.md §3.3).</summary>
    Hazard,
}

/// <summary>
/// The outcome of one simulated negotiation. The agreed package, utilities and reservation values are in the
/// <see cref="NegotiationWorkspace"/> the run used.
/// </summary>
/// <param name="Agreed">True when a package met the signing rule.</param>
/// <param name="Round">1-based round of the agreement or of the breakdown.</param>
/// <param name="Proposer">Actor index of the agreed package's proposer (the mediator for single text); -1 when none or for the opening proposal.</param>
/// <param name="Cause">Why the talks broke down; <see cref="BreakdownCause.None"/> when agreed.</param>
/// <param name="WalkedOut">Actor index of the signatory that walked out; -1 when none.</param>
public readonly record struct NegotiationResult(bool Agreed, int Round, int Proposer, BreakdownCause Cause, int WalkedOut);

/// <summary>Why a signatory (or bloc member) answered a package as it did.</summary>
public enum ResponseReason : byte
{
    /// <summary>Accepted: no red line crossed, utility at least the aspiration and the reservation value.</summary>
    Accepted,

    /// <summary>Rejected: the package crosses one of the actor's red lines.</summary>
    RedLine,

    /// <summary>Rejected: the package's utility is below the actor's current aspiration.</summary>
    BelowAspiration,

    /// <summary>Rejected: the package's utility is below the actor's reservation value (no deal is better).</summary>
    BelowReservation,

    /// <summary>Rejected: the bloc itself would accept, but too few of its members consent.</summary>
    NoBlocConsent,
}

/// <summary>
/// Watches one negotiation round by round (for traces and the CLI's `explain`). Every span is only valid during
/// the call. Packages are given per issue as the option index (discrete) or the value (continuous); utilities
/// and reservation values per actor in scenario order. Rounds are 1-based.
/// </summary>
public interface INegotiationObserver
{
    /// <summary>A round starts, after its events fired: each actor's reservation value and aspiration for the round.</summary>
    void RoundStarted(int round, ReadOnlySpan<double> reservations, ReadOnlySpan<double> aspirations);

    /// <summary>Event <paramref name="eventIndex"/> (scenario order) fired at <paramref name="round"/>; its effects apply from this round on.</summary>
    void EventFired(int round, int eventIndex);

    /// <summary>
    /// A package is on the table: made by <paramref name="proposer"/> (the mediator for single text; -1 for the
    /// opening proposal), with every actor's utility of it.
    /// </summary>
    void OfferMade(int round, int proposer, ReadOnlySpan<double> package, ReadOnlySpan<double> utilities);

    /// <summary>
    /// A signatory (or, when <paramref name="bloc"/> is not -1, a member consulted by that bloc) answered the package
    /// on the table.
    /// </summary>
    void Responded(int round, int actor, int bloc, ResponseReason reason, double utility, double aspiration, double reservation);

    /// <summary>An outside-option actor walked out: its reservation value beat the best it could still obtain (-∞ when nothing is obtainable).</summary>
    void WalkedOut(int round, int actor, double reservation, double bestObtainable);

    /// <summary>
    /// What <paramref name="observer"/> believes about <paramref name="observed"/>'s reservation value at the start of
    /// <paramref name="round"/> (after the round's events and, in round 1, the opening): the weighted mean and the 10th
    /// and 90th percentiles of its types (docs/model.md §3.3).
    /// </summary>
    void Believed(int round, int observer, int observed, double mean, double low, double high)
    {
    }

    /// <summary>
    /// An outside-option signatory weighed staying (docs/model.md §5.4): the chance, by its beliefs, that a deal it
    /// prefers to its alternative exists, the expected value of staying over leaving, and whether it left.
    /// </summary>
    void WeighedStaying(int round, int actor, double chanceOfDeal, double valueOfStaying, bool left)
    {
    }

    /// <summary>The negotiation ended; package, utilities and reservations are the workspace's outputs.</summary>
    void Ended(NegotiationResult result, ReadOnlySpan<double> package, ReadOnlySpan<double> utilities, ReadOnlySpan<double> reservations);
}
