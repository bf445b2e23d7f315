using Negotiation.Core.Common;

namespace Negotiation.Simulation.Compliance;

/// <summary>
/// The mutable state of one compliance run: one per worker thread, allocated once for a model and reused by
/// every run, so <see cref="ComplianceSimulator.Run"/> allocates nothing.
/// </summary>
public sealed class ComplianceWorkspace
{
    public ComplianceWorkspace(ComplianceModel model)
    {
        Guard.NotNull(model);
        Model = model;
        var actors = model.ActorCount;
        Discount = new double[actors];
        Forgiveness = new double[actors];
        Tolerance = new double[actors];
        Surplus = new double[actors];
        StageReward = new double[actors];
        Count = new int[actors];
        RetaliateUntil = new int[actors];
        RetaliationCause = new CollapseCause[actors];
        PenaltiesPaid = new double[actors];
        CountByKind = new int[actors * 3];
        ProvisionApplies = new bool[model.ProvisionCount];
        ProvisionInForce = new bool[model.ProvisionCount];
        MechanismApplies = new bool[model.MechanismCount];
        StageReached = new bool[model.StageCount];
        Gain = new double[model.ObligationCount];
        BaseGain = new double[model.ObligationCount];
        Cost = new double[model.ObligationCount];
        ViolationShare = new double[model.ObligationCount];
        PartialShare = new double[model.ObligationCount];
        PartialGainShare = new double[model.ObligationCount];
        FullAbove = new double[model.ObligationCount];
        PartialAbove = new double[model.ObligationCount];
        PartialDetection = new double[model.ObligationCount];
        Left = new bool[actors];
        NoticeEnds = new int[actors];
        EventMean = new double[model.ObligationCount];
        EventNone = new double[model.ObligationCount];
        AttackMean = new double[model.SpoilerCount];
        AttackNone = new double[model.SpoilerCount];
        Misattribution = new double[model.SpoilerCount];
    }

    /// <summary>After a run: the penalties each actor paid, for its own (apparent) violations and as guarantor of its clients'.</summary>
    public ReadOnlySpan<double> Penalties => PenaltiesPaid;

    internal ComplianceModel Model { get; }

    internal double[] Discount { get; }
    internal double[] Forgiveness { get; }
    internal double[] Tolerance { get; }
    internal double[] Surplus { get; }          // max(0, utility − reservation): the agreement's worth per rate unit
    internal double[] StageReward { get; }      // rewards of reached stages, per rate unit (signatories only)
    internal int[] Count { get; }               // violations seen against each actor (own, and its clients')
    internal int[] CountByKind { get; }         // [actor · 3 + kind − 1]: the same count by kind (violation, false alarm, spoiler)
    internal int[] RetaliateUntil { get; }      // period of a tit-for-tat retaliation; 0 when not retaliating
    internal CollapseCause[] RetaliationCause { get; }
    internal double[] PenaltiesPaid { get; }
    internal bool[] ProvisionApplies { get; }  // the agreed package selects it
    internal bool[] ProvisionInForce { get; }  // selected, started and not lapsed this period
    internal bool[] MechanismApplies { get; }  // the agreed package selects it (its stage may still be pending)
    internal bool[] StageReached { get; }

    // Per obligation (model.ObligationProvision / ObligationActor), as of the last refresh: mean gain of an
    // opportunity (with the early excess at the period's middle), expected cost of violating, share of events that are violations (the rest false alarms), the
    // period's Poisson mean of events and e^(−mean).
    internal double[] Gain { get; }
    internal double[] BaseGain { get; }          // mean gain of one opportunity without the early excess
    internal double[] Cost { get; }
    internal double[] ViolationShare { get; }
    internal double[] PartialShare { get; }      // share of events that are partial violations
    internal double[] PartialGainShare { get; }  // γ: share of the full violation's gain a partial one yields
    internal double[] FullAbove { get; }         // gain above which the full violation is chosen
    internal double[] PartialAbove { get; }      // gain above which (and up to FullAbove) the partial one is chosen
    internal double[] PartialDetection { get; }  // η: share of the full violation's detection (the partial's cost is η · Cost)

    // A party's own withdrawal: gone (its obligations and answers end), and the period its notice runs out (0: none).
    internal bool[] Left { get; }
    internal int[] NoticeEnds { get; }
    internal double WithdrawalChance;            // per period and party that may withdraw
    internal double[] EventMean { get; }
    internal double[] EventNone { get; }

    // Per spoiler: the period's Poisson mean of attacks, e^(−mean), and the chance an attack is misattributed.
    internal double[] AttackMean { get; }
    internal double[] AttackNone { get; }
    internal double[] Misattribution { get; }

    // Monitoring in force: combined detection per violation, the monitors' combined detection (they recognise a
    // spoiler's attack), the false-alarm hazard per obligation and day, and the mechanisms' penalty.
    internal double Detection;
    internal double MonitorsSee;
    internal double FalseAlarmHazard;
    internal double MechanismPenalty;

    // Set when something the rates depend on changed; the simulator then refreshes them.
    internal bool Dirty;
}
