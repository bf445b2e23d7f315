using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.Negotiation;

namespace Negotiation.Reporting.Trace;

/// <summary>
/// Records a run from the engine's observer callbacks. Spans are copied, since they are only valid during a call.
/// Use one recorder per run.
/// </summary>
public sealed class TraceRecorder : INegotiationObserver, IComplianceObserver
{
    private readonly List<TraceRound> _rounds = [];
    private readonly List<int> _pendingEvents = [];
    private readonly List<ComplianceEntry> _entries = [];
    private RoundBuilder? _round;

    public IReadOnlyList<TraceRound> Rounds => _rounds;

    public NegotiationResult? Negotiation { get; private set; }

    public double[] Package { get; private set; } = [];

    public double[] Utilities { get; private set; } = [];

    public double[] Reservations { get; private set; } = [];

    public IReadOnlyList<ComplianceEntry> Entries => _entries;

    public ComplianceResult? Compliance { get; private set; }

    public void RoundStarted(int round, ReadOnlySpan<double> reservations, ReadOnlySpan<double> aspirations)
    {
        CloseRound();
        _round = new RoundBuilder(round, [.. _pendingEvents], reservations.ToArray(), aspirations.ToArray());
        _pendingEvents.Clear();
    }

    // Events fire before RoundStarted of their round: hold them until the round opens.
    public void EventFired(int round, int eventIndex)
    {
        CloseRound();
        _pendingEvents.Add(eventIndex);
    }

    public void OfferMade(int round, int proposer, ReadOnlySpan<double> package, ReadOnlySpan<double> utilities) =>
        Current(round).Offer = new TraceOffer(proposer, package.ToArray(), utilities.ToArray());

    public void Responded(int round, int actor, int bloc, ResponseReason reason, double utility, double aspiration, double reservation) =>
        Current(round).Responses.Add(new TraceResponse(actor, bloc, reason, utility, aspiration, reservation));

    public void WalkedOut(int round, int actor, double reservation, double bestObtainable) =>
        Current(round).WalkOut = new TraceWalkOut(actor, reservation, bestObtainable);

    public void Believed(int round, int observer, int observed, double mean, double low, double high) =>
        Current(round).Beliefs.Add(new TraceBelief(observer, observed, mean, low, high));

    public void WeighedStaying(int round, int actor, double chanceOfDeal, double valueOfStaying, bool left) =>
        Current(round).Stays.Add(new TraceStay(actor, chanceOfDeal, valueOfStaying, left));

    public void Ended(NegotiationResult result, ReadOnlySpan<double> package, ReadOnlySpan<double> utilities, ReadOnlySpan<double> reservations)
    {
        CloseRound();
        Negotiation = result;
        Package = package.ToArray();
        Utilities = utilities.ToArray();
        Reservations = reservations.ToArray();
    }

    public void PeriodStarted(int period)
    {
    }

    public void StageReached(int period, int stage) => _entries.Add(new StageEntry(period, stage));

    public void Violation(int period, int provision, int party, double gain, double expectedCost) =>
        _entries.Add(new ViolationEntry(period, provision, party, gain, expectedCost));

    public void Detected(int period, int party, CollapseCause kind) => _entries.Add(new DetectionEntry(period, party, kind));

    public void Penalty(int period, int party, double amount, bool asGuarantor) =>
        _entries.Add(new PenaltyEntry(period, party, amount, asGuarantor));

    public void SpoilerAttack(int period, int spoiler, bool misattributed) => _entries.Add(new SpoilerEntry(period, spoiler, misattributed));

    public void Response(int period, int responder, int offender, ResponseAction action) =>
        _entries.Add(new ResponseEntry(period, responder, offender, action));

    public void WithdrawalNotice(int period, int effectivePeriod) => _entries.Add(new WithdrawalEntry(period, effectivePeriod));

    public void PartyWithdrawalNotice(int period, int party, int effectivePeriod) =>
        _entries.Add(new PartyWithdrawalEntry(period, party, effectivePeriod));

    public void Ended(ComplianceResult result) => Compliance = result;

    private RoundBuilder Current(int round) =>
        _round is { } r && r.Round == round ? r : throw new InvalidOperationException($"round {round} reported before it started");

    private void CloseRound()
    {
        if (_round is { } r)
        {
            _rounds.Add(new TraceRound(r.Round, r.Events, r.Reservations, r.Aspirations, r.Offer, r.Responses, r.WalkOut)
            {
                Beliefs = r.Beliefs,
                Stays = r.Stays,
            });
            _round = null;
        }
    }

    private sealed class RoundBuilder(int round, int[] events, double[] reservations, double[] aspirations)
    {
        public int Round { get; } = round;

        public int[] Events { get; } = events;

        public double[] Reservations { get; } = reservations;

        public double[] Aspirations { get; } = aspirations;

        public TraceOffer? Offer { get; set; }

        public List<TraceResponse> Responses { get; } = [];

        public TraceWalkOut? WalkOut { get; set; }

        public List<TraceBelief> Beliefs { get; } = [];

        public List<TraceStay> Stays { get; } = [];
    }
}
