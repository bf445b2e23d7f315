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
        ProvisionActive = new bool[model.ProvisionCount];
        MechanismApplies = new bool[model.MechanismCount];
        StageReached = new bool[model.StageCount];
    }

    /// <summary>After a run: the penalties each actor paid, for its own (apparent) violations and as guarantor of its clients'.</summary>
    public ReadOnlySpan<double> Penalties => PenaltiesPaid;

    internal ComplianceModel Model { get; }

    internal double[] Discount { get; }
    internal double[] Forgiveness { get; }
    internal double[] Tolerance { get; }
    internal double[] Surplus { get; }          // max(0, utility − reservation): the agreement's worth per period
    internal double[] StageReward { get; }      // rewards of reached stages, per period (signatories only)
    internal int[] Count { get; }               // violations seen against each actor (own, and its clients')
    internal int[] RetaliateUntil { get; }      // period of a tit-for-tat retaliation; 0 when not retaliating
    internal CollapseCause[] RetaliationCause { get; }
    internal double[] PenaltiesPaid { get; }
    internal bool[] ProvisionActive { get; }
    internal bool[] MechanismApplies { get; }  // the agreed package selects it (its stage may still be pending)
    internal bool[] StageReached { get; }

    // Monitoring in force this period: combined detection, false alarm, and the mechanisms' penalty.
    internal double Detection;
    internal double FalseAlarm;
    internal double MechanismPenalty;

    // Box–Muller gives normals in pairs; the second is kept for the next draw.
    internal double SpareNormal;
    internal bool HasSpareNormal;
}
