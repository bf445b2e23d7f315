using Negotiation.Core.Common;

namespace Negotiation.Core.Model;

/// <summary>
/// Pressure that may arrive during the talks: at <paramref name="Round"/>, with probability
/// <paramref name="Probability"/> (drawn once per run), every effect applies from that round on.
/// </summary>
public sealed record ScenarioEvent(
    string Id,
    string Name,
    int Round,
    Uncertain Probability,
    IReadOnlyList<EventEffect> Effects,
    string? Description = null)
{
    public SourcePosition? Position { get; init; }
}

/// <summary>What an event changes.</summary>
public abstract record EventEffect(string ActorId);

/// <summary>Shifts an actor's reservation value (sanctions lower it; a battlefield gain raises it).</summary>
public sealed record ReservationShift(string ActorId, Uncertain Delta) : EventEffect(ActorId);

/// <summary>Shifts an actor's valuation of one option (discrete) or of the whole issue (continuous).</summary>
public sealed record ValueShift(string ActorId, string IssueId, string? OptionId, Uncertain Delta) : EventEffect(ActorId);
