using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.Negotiation;

namespace Negotiation.Reporting.Trace;

/// <summary>
/// Everything that happened in one simulated run: the rounds of the negotiation and the periods of the agreement's
/// life. Recorded by <see cref="TraceRecorder"/> from the engine's observers while <see cref="Tracer"/> replays the
/// run through the same code the Monte Carlo workers use. Actor indices follow the scenario's actor list; party
/// indices in compliance entries follow <see cref="Parties"/> (actors, then spoilers).
/// </summary>
public sealed record RunTrace(
    VariantScenario Variant,
    ulong Seed,
    long Run,
    IReadOnlyList<TraceRound> Rounds,
    NegotiationResult Negotiation,
    IReadOnlyList<double> Package,
    IReadOnlyList<double> Utilities,
    IReadOnlyList<double> Reservations,
    TraceCompliance? Compliance)
{
    public Scenario Scenario => Variant.Scenario;

    /// <summary>The parties of the compliance phase by id and name: actors, then spoilers (empty without one).</summary>
    public IReadOnlyList<(string Id, string Name)> Parties =>
        Scenario.Actors.Select(a => (a.Id, a.Name))
            .Concat(Scenario.Compliance?.Spoilers.Select(s => (s.Id, s.Name)) ?? [])
            .ToArray();

    /// <summary>Signatories by actor index, in protocol order.</summary>
    public IReadOnlyList<int> Signatories => Scenario.Protocol.Signatories.Select(Scenario.ActorIndex).Where(i => i >= 0).ToArray();

    /// <summary>How the run ended, in the words of <c>--find</c>.</summary>
    public TraceOutcome Outcome => !Negotiation.Agreed ? TraceOutcome.Breakdown
        : Compliance is { Result.Cause: not CollapseCause.None } ? TraceOutcome.Collapse
        : TraceOutcome.Agreement;

    /// <summary>The round whose offer was agreed, or null on breakdown.</summary>
    public TraceRound? AgreedRound => Negotiation.Agreed ? Rounds.FirstOrDefault(r => r.Round == Negotiation.Round) : null;
}

/// <summary>The outcomes <c>negotiate trace --find</c> looks for.</summary>
public enum TraceOutcome
{
    /// <summary>A package was agreed (whatever happened to it afterwards).</summary>
    Agreement,

    /// <summary>No package was agreed: the deadline passed or a signatory walked out.</summary>
    Breakdown,

    /// <summary>A package was agreed and then ended before the compliance horizon (violation, false alarm, spoiler or withdrawal).</summary>
    Collapse,
}

/// <summary>One round: reservation values and aspirations at its start, events that fired, the offer and the answers.</summary>
public sealed record TraceRound(
    int Round,
    IReadOnlyList<int> EventsFired,
    IReadOnlyList<double> Reservations,
    IReadOnlyList<double> Aspirations,
    TraceOffer? Offer,
    IReadOnlyList<TraceResponse> Responses,
    TraceWalkOut? WalkOut)
{
    /// <summary>What each signatory and proposer believed about the others' reservation values at the start of the round.</summary>
    public IReadOnlyList<TraceBelief> Beliefs { get; init; } = [];

    /// <summary>How each outside-option signatory weighed staying this round (docs/model.md §5.4).</summary>
    public IReadOnlyList<TraceStay> Stays { get; init; } = [];
}

/// <summary><paramref name="Observer"/>'s belief about <paramref name="Observed"/>'s reservation value: mean and 80% band.</summary>
public sealed record TraceBelief(int Observer, int Observed, double Mean, double Low, double High);

/// <summary>
/// An outside-option signatory weighed staying: by its beliefs, the chance a deal it prefers exists and the expected
/// value of staying over leaving (−∞ when no deal is possible); it left when that value was below 0.
/// </summary>
public sealed record TraceStay(int Actor, double ChanceOfDeal, double ValueOfStaying, bool Left);

/// <summary>A package on the table: per issue the option index (discrete) or the value (continuous), and every actor's utility of it.</summary>
/// <param name="Proposer">Actor index of the proposer (the mediator for single text); -1 for the opening proposal.</param>
public sealed record TraceOffer(int Proposer, IReadOnlyList<double> Package, IReadOnlyList<double> Utilities);

/// <summary>An answer to the offer; <paramref name="Bloc"/> is the bloc that consulted this member, -1 for a signatory's own answer.</summary>
public sealed record TraceResponse(int Actor, int Bloc, ResponseReason Reason, double Utility, double Aspiration, double Reservation)
{
    public bool Accepted => Reason == ResponseReason.Accepted;
}

/// <summary>An outside-option signatory left: its reservation value beat the best it could still obtain (−∞: nothing).</summary>
public sealed record TraceWalkOut(int Actor, double Reservation, double BestObtainable);

/// <summary>The compliance phase of an agreed run: every entry in the order the simulator reported it, and how it ended.</summary>
public sealed record TraceCompliance(int Horizon, double PeriodDays, IReadOnlyList<ComplianceEntry> Entries, ComplianceResult Result);

/// <summary>Something that happened in a period of the agreement's life.</summary>
public abstract record ComplianceEntry(int Period);

/// <summary>Stage <paramref name="Stage"/> (scenario order) was reached; it runs from <paramref name="Period"/>.</summary>
public sealed record StageEntry(int Period, int Stage) : ComplianceEntry(Period);

/// <summary>A party chose to violate a provision: its noisy gain exceeded its expected cost.</summary>
public sealed record ViolationEntry(int Period, int Provision, int Party, double Gain, double ExpectedCost) : ComplianceEntry(Period);

/// <summary>A party was seen to violate: a detected violation, a false alarm or a misattributed spoiler attack.</summary>
public sealed record DetectionEntry(int Period, int Party, CollapseCause Kind) : ComplianceEntry(Period);

/// <summary>A party paid a penalty, for itself or as guarantor of its client.</summary>
public sealed record PenaltyEntry(int Period, int Party, double Amount, bool AsGuarantor) : ComplianceEntry(Period);

/// <summary>A spoiler attacked; misattributed attacks are blamed on parties.</summary>
public sealed record SpoilerEntry(int Period, int Spoiler, bool Misattributed) : ComplianceEntry(Period);

/// <summary>A party answered what it saw (offender −1: the end of its retaliation).</summary>
public sealed record ResponseEntry(int Period, int Responder, int Offender, ResponseAction Action) : ComplianceEntry(Period);

/// <summary>Notice of withdrawal given at a renewal date; the agreement ends after <paramref name="EffectivePeriod"/>.</summary>
public sealed record WithdrawalEntry(int Period, int EffectivePeriod) : ComplianceEntry(Period);

/// <summary>
/// <paramref name="Party"/> gave notice under the agreement's withdrawal clause; it leaves after
/// <paramref name="EffectivePeriod"/>, and the others go on while two parties remain.
/// </summary>
public sealed record PartyWithdrawalEntry(int Period, int Party, int EffectivePeriod) : ComplianceEntry(Period);
