using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Negotiation;

/// <summary>
/// Per-worker buffers for <see cref="NegotiationSimulator"/>.Run: allocated once for a model and reused by every
/// run, so a run allocates nothing. Not thread-safe: one per worker thread.
/// </summary>
public sealed class NegotiationWorkspace
{
    public NegotiationWorkspace(NegotiationModel model)
    {
        Model = Guard.NotNull(model);
        var n = model.ActorCount;
        var m = model.IssueCount;
        var t = model.CandidateCount;
        Weight = new double[n * m];
        Value = new double[n * t];
        Util = new double[n * t];
        AftermathKeep = model.Aftermath is null ? [] : new double[n * t];
        var stride = model.CandidateStride;
        UtilPadded = new double[n * stride];
        UtilByCandidate = new double[t * model.ActorStride];
        EvaluatedUtil = new double[model.ActorStride];
        EvaluatedCross = new double[model.ActorStride];
        Moves = new ScoreRows(n, stride);
        MoveRate = new double[stride];
        var packageStride = (model.PackageCount + 7) & ~7;
        Packages = new ScoreRows(model.PackageCount > 0 ? n : 0, packageStride);
        PackageUtilByActor = new double[model.PackageCount > 0 ? n * packageStride : 0];
        MoveCurrent = new int[m];
        ClimbEnds = new ClimbEnds(m);
        Obtainable = new ObtainableSearch(model);
        CurrentUtil = new double[n * stride];
        CurrentCross = new double[n * stride];
        PackageUtil = new double[model.PackageCount * n];
        PackagePrefix = new double[m + 1];
        BestUtility = new double[n];
        ReservationBase = new double[n];
        Trend = new double[n];
        Shift = new double[n];
        Reservation = new double[n];
        Aspiration = new double[n];
        Power = new double[n];
        Exponent = new double[n];
        Start = new double[n];
        Floor = new double[n];
        Reciprocity = new double[n];
        Level = new double[n];
        Fires = new bool[model.Events.Count];
        Offer = new int[m];
        Trial = new int[m];
        Best = new int[m];
        LastOffer = new int[n * m];
        HasLastOffer = new bool[n];
        OfferUtil = new double[n];
        OfferCross = new int[n];
        TrialUtil = new double[n];
        TrialCross = new int[n];
        MoveUtil = new double[n];
        MoveCross = new int[n];
        Tau = new double[n];
        Scratch = new double[n];
        MemberScratch = new double[n];
        PreviousAspiration = new double[n];
        LastFrom = new double[n * n];
        PendingSum = new double[n];
        PendingCount = new int[n];
        OfferValues = new double[m];
        PackageOut = new double[m];
        UtilitiesOut = new double[n];
        ReservationsOut = new double[n];
        DelayCost = new double[n];
        AudienceCost = new double[n];
        Beliefs = new Beliefs(model.Beliefs);
        FirstCandidate = new int[m];
        CandidateUtil = new double[n];
        CandidateCross = new int[n];
        PartyThreshold = new double[n];
        AcceptCount = new double[n + 2];
        ChanceLevel = new int[2 * n];
        ObtainabilityMemo = new ObtainabilityMemo(n, Beliefs.Levels);
    }

    public NegotiationModel Model { get; }

    /// <summary>After Run: the agreed package per issue: option index (discrete) or value (continuous); NaN on breakdown.</summary>
    public ReadOnlySpan<double> Package => PackageOut;

    /// <summary>After Run: per actor, utility of the agreed package, or its reservation value at the end on breakdown.</summary>
    public ReadOnlySpan<double> Utilities => UtilitiesOut;

    /// <summary>After Run: per actor reservation value at the final round.</summary>
    public ReadOnlySpan<double> Reservations => ReservationsOut;

    /// <summary>
    /// After Run: how far the others' shared belief about <paramref name="actor"/>'s reservation value moved from its
    /// prior mean by the end of the talks (docs/model.md §3.3); 0 when nobody holds one.
    /// </summary>
    public double BeliefShift(int actor)
    {
        var set = Model.Beliefs.SharedSetAbout(actor);
        return set < 0 ? 0 : Beliefs.MovementOfMean(set);
    }

    /// <summary>After Run: per actor aspiration at the final round.</summary>
    public ReadOnlySpan<double> Aspirations => Aspiration;

    /// <summary>
    /// Actor <paramref name="actor"/>'s utility of a package (per issue: option index or value, snapped to the nearest
    /// candidate) under the tables of the last run (after events), for traces and tests.
    /// </summary>
    public double Utility(int actor, ReadOnlySpan<double> package)
    {
        var model = Model;
        var u = 0.0;
        for (var j = 0; j < model.IssueCount; j++)
        {
            u += Util[actor * model.CandidateCount + model.CandidateOf(j, package[j])];
        }

        return u;
    }

    // Per-run utility model: normalised weights [actor, issue], values and weighted contributions [actor, candidate].
    internal double[] Weight { get; }
    internal double[] Value { get; }
    internal double[] Util { get; }

    /// <summary>Issue 16: per actor and candidate, the share of its value expected after signature (<see cref="Compliance.PackageAftermath"/>); empty when none.</summary>
    internal double[] AftermathKeep { get; }

    /// <summary><see cref="Util"/> candidate-major, [c · ActorStride + a] (padding 0), so that <see cref="Evaluate"/> sums every actor at once.</summary>
    internal double[] UtilByCandidate { get; }

    private double[] EvaluatedUtil { get; }
    private double[] EvaluatedCross { get; }

    /// <summary>Package-major copy of <see cref="PackageUtilByActor"/> ([k · n + a]) for the scalar (mediator's) enumeration: call <see cref="PackageUtilities"/>.</summary>
    internal double[] PackageUtil { get; }

    private long _packageUtilVersion = -1;

    /// <summary><see cref="PackageUtil"/>, transposed from the by-actor rows when the tables changed since the last call.</summary>
    internal double[] PackageUtilities()
    {
        if (_packageUtilVersion != UtilVersion)
        {
            var n = Model.ActorCount;
            var stride = Packages.Stride;
            for (var a = 0; a < n; a++)
            {
                for (var k = 0; k < Model.PackageCount; k++)
                {
                    PackageUtil[k * n + a] = PackageUtilByActor[a * stride + k];
                }
            }

            _packageUtilVersion = UtilVersion;
        }

        return PackageUtil;
    }
    internal double[] PackagePrefix { get; }

    // Lane-wise move evaluation (PackageSearch.EvaluateMoves): Util in rows of CandidateStride, and per candidate
    // the score of the package that differs from the trial only in that candidate's issue.
    internal double[] UtilPadded { get; }
    internal ScoreRows Moves { get; }
    internal double[] MoveShortfall => Moves.Shortfall;
    internal double[] MoveOwn => Moves.Own;
    internal double[] MoveOthers => Moves.Others;
    internal double[] MoveValue => Moves.Value;

    /// <summary>Per candidate: the trade-off rate of its move, or 0 when the move does not help (PackageSearch.BestTrade).</summary>
    internal double[] MoveRate { get; }

    // Lane-wise scoring of every package of an enumerated space: package utilities by actor (rows of Packages.Stride).
    internal ScoreRows Packages { get; }
    internal double[] PackageUtilByActor { get; }
    internal int[] MoveCurrent { get; }

    /// <summary>The Move* scores are those of the current trial (within one climb).</summary>
    internal bool MovesFresh { get; set; }

    /// <summary>The current search's climbs: where their trade-off phases ended and what they returned.</summary>
    internal ClimbEnds ClimbEnds { get; }

    /// <summary>The outside-option signatories' walk-out test (docs/model.md §5.4).</summary>
    internal ObtainableSearch Obtainable { get; }

    /// <summary>[b · stride + c]: actor b's utility (and red-line crossing) of the trial's term on candidate c's issue, for the trial in <see cref="MoveCurrent"/>.</summary>
    internal double[] CurrentUtil { get; }
    internal double[] CurrentCross { get; }

    /// <summary>The <see cref="UtilVersion"/> the rows <see cref="CurrentUtil"/> were built under; −1: never.</summary>
    internal long CurrentVersion { get; set; } = -1;

    /// <summary>Changes whenever the utility tables are rebuilt (every run, every value-shifting event): keys the search's caches.</summary>
    internal long UtilVersion { get; private set; }
    internal double[] BestUtility { get; }

    // Per-run actor parameters and state.
    internal double[] ReservationBase { get; }
    internal double[] Trend { get; }
    internal double[] Shift { get; }
    internal double[] Reservation { get; }
    internal double[] Aspiration { get; }
    internal double[] Power { get; }
    internal double[] Exponent { get; }
    internal double[] Start { get; }
    internal double[] Floor { get; }
    internal double[] Reciprocity { get; }
    internal double[] Level { get; }
    internal bool[] Fires { get; }

    // Private information, delay and the end of the talks (docs/model.md §3.3).
    internal double[] DelayCost { get; }
    internal double[] AudienceCost { get; }

    /// <summary>This run's per-round breakdown hazard.</summary>
    internal double Hazard { get; set; }

    /// <summary>E[T]: the expected number of rounds, the time scale of concessions (docs/model.md §3.3).</summary>
    internal double ExpectedRounds { get; set; }

    /// <summary>This run's last round (drawn when the deadline is uncertain).</summary>
    internal int LastRound { get; set; }

    /// <summary>The opening author's utility of its opening, U_a(x⁰), fixed when the talks start (NaN: no author).</summary>
    internal double OpeningUtility { get; set; } = double.NaN;

    /// <summary>This run's beliefs.</summary>
    internal Beliefs Beliefs { get; }

    /// <summary>The first of a proposer's two candidate packages (docs/model.md §3.3, "Offers under uncertainty").</summary>
    internal int[] FirstCandidate { get; }

    /// <summary>Scratch: every actor's utility and red-line crossings of a candidate package.</summary>
    internal double[] CandidateUtil { get; }
    internal int[] CandidateCross { get; }

    /// <summary>Per actor: the threshold a walk-out test assumes for it.</summary>
    internal double[] PartyThreshold { get; }

    /// <summary>[2·a + slot]: the level the walk-out test of actor a last found (docs/model.md §5.4), where the next one starts.</summary>
    internal int[] ChanceLevel { get; }

    /// <summary>The level at which <paramref name="actor"/>'s walk-out test last found chance <paramref name="slot"/> (0: P(0), 1: P(G/2)).</summary>
    internal ref int LastChanceLevel(int actor, int slot) => ref ChanceLevel[actor * 2 + slot];

    /// <summary>Whether this round is the last the protocol allows (r = D), which every party knows (docs/model.md §4).</summary>
    internal bool InLastPossibleRound { get; set; }

    /// <summary>The walk-out test's remembered answers (docs/model.md §5.4).</summary>
    internal ObtainabilityMemo ObtainabilityMemo { get; }

    /// <summary>Scratch of the Poisson-binomial recursion: probability of exactly j acceptances.</summary>
    internal double[] AcceptCount { get; }

    /// <summary>The streams of the breakdown hazard and of the proposer draw, advanced once per round.</summary>
    internal Rng HazardStream;
    internal Rng RecognitionStream;

    // Packages as candidate indices per issue.
    internal int[] Offer { get; }
    internal int OfferIndex { get; set; }
    internal bool HasOffer { get; set; }
    internal int[] Trial { get; }
    internal int[] Best { get; }
    internal int BestIndex { get; set; }
    internal int[] LastOffer { get; }
    internal bool[] HasLastOffer { get; }
    internal double[] OfferUtil { get; }
    internal int[] OfferCross { get; }
    internal double[] TrialUtil { get; }
    internal int[] TrialCross { get; }
    internal double[] MoveUtil { get; }
    internal int[] MoveCross { get; }
    internal double[] Tau { get; }
    internal double[] Scratch { get; }
    internal double[] MemberScratch { get; }

    // Opponent model and tit-for-tat bookkeeping.
    internal double[] PreviousAspiration { get; }
    internal double[] LastFrom { get; }
    internal double[] PendingSum { get; }
    internal int[] PendingCount { get; }

    /// <summary>The length of <see cref="WriteRoundState"/>'s output.</summary>
    internal int RoundStateLength =>
        Aspiration.Length + PendingSum.Length + PendingCount.Length + LastFrom.Length + LastOffer.Length + HasLastOffer.Length + Offer.Length + 1;

    /// <summary>
    /// Everything earlier rounds have left that later rounds read, as raw bits: aspirations, tit-for-tat bookkeeping,
    /// each proposer's last offer and how every actor valued it, and the offer on the table. The rest of a run's state
    /// is either drawn or derived from the parameters, the round and the events (tables, reservation values) or a
    /// cache that never changes a result (climb memory, move rows, the walk-out witness).
    /// </summary>
    internal void WriteRoundState(Span<long> state)
    {
        var at = Doubles(state, 0, Aspiration);
        at = Doubles(state, at, PendingSum);
        at = Integers(state, at, PendingCount);
        at = Doubles(state, at, LastFrom);
        at = Integers(state, at, LastOffer);
        foreach (var has in HasLastOffer)
        {
            state[at++] = has ? 1 : 0;
        }

        at = Integers(state, at, Offer);
        state[at] = HasOffer ? 1 : 0;

        static int Doubles(Span<long> state, int at, ReadOnlySpan<double> values)
        {
            MemoryMarshal.Cast<double, long>(values).CopyTo(state[at..]);
            return at + values.Length;
        }

        static int Integers(Span<long> state, int at, ReadOnlySpan<int> values)
        {
            foreach (var v in values)
            {
                state[at++] = v;
            }

            return at;
        }
    }

    internal double[] OfferValues { get; }
    internal double[] PackageOut { get; }
    internal double[] UtilitiesOut { get; }
    internal double[] ReservationsOut { get; }

    /// <summary>
    /// Reads this run's parameters from <paramref name="p"/> and builds the utility tables (docs/model.md, "Utility").
    /// </summary>
    internal void Load(ReadOnlySpan<double> p)
    {
        var model = Model;
        var n = model.ActorCount;
        var m = model.IssueCount;
        var t = model.CandidateCount;
        for (var a = 0; a < n; a++)
        {
            var total = 0.0;
            for (var j = 0; j < m; j++)
            {
                var slot = model.WeightSlot[a * m + j];
                var w = slot < 0 ? 0 : Math.Max(0, p[slot]);
                Weight[a * m + j] = w;
                total += w;
            }

            for (var j = 0; j < m; j++)
            {
                Weight[a * m + j] = total > 0 ? Weight[a * m + j] / total : 0;
                if (model.Shape[a * m + j] == InterestShape.Discrete)
                {
                    // The common case inline (as ValueOf): an option's value is its slot's, clamped; unlisted options 0.
                    var valueSlot = model.ValueSlot;
                    for (var c = model.IssueStart[j]; c < model.IssueStart[j + 1]; c++)
                    {
                        var slot = valueSlot[a * t + c];
                        Value[a * t + c] = slot < 0 ? 0 : Math.Clamp(p[slot], 0, 1);
                    }

                    continue;
                }

                for (var c = model.IssueStart[j]; c < model.IssueStart[j + 1]; c++)
                {
                    Value[a * t + c] = ValueOf(p, a, j, c);
                }
            }

            ReservationBase[a] = p[model.ReservationSlot[a]];
            Trend[a] = p[model.TrendSlot[a]];
            Shift[a] = 0;
            Power[a] = Math.Max(0, p[model.PowerSlot[a]]);
            Exponent[a] = p[model.ExponentSlot[a]];
            Start[a] = p[model.StartSlot[a]];
            Floor[a] = model.FloorSlot[a] < 0 ? double.NegativeInfinity : p[model.FloorSlot[a]];
            Reciprocity[a] = p[model.ReciprocitySlot[a]];
            Level[a] = p[model.LevelSlot[a]];
            DelayCost[a] = Math.Max(0, p[model.DelayCostSlot[a]]);
            AudienceCost[a] = Math.Max(0, p[model.AudienceCostSlot[a]]);
        }

        Hazard = Math.Clamp(p[model.HazardSlot], 0, 0.99);
        FillAftermath(p);
        RefreshUtilities();
    }

    private Compliance.AftermathMemo? _aftermathMemo;
    private int _aftermathEntry;

    /// <summary>Takes the shadow-of-the-future factors from <paramref name="memo"/> (one per worker) when another variant computed them from the same inputs.</summary>
    internal void ShareAftermath(Compliance.AftermathMemo memo)
    {
        if (Model.Aftermath is { } aftermath)
        {
            _aftermathMemo = memo;
            _aftermathEntry = memo.Register(aftermath);
        }
    }

    /// <summary>Issue 16: the shadow of the future, the share of each candidate's value each actor expects after signature.</summary>
    private void FillAftermath(ReadOnlySpan<double> p)
    {
        if (Model.Aftermath is not { } aftermath)
        {
            return;
        }

        if (_aftermathMemo is null)
        {
            aftermath.Fill(p, Weight, Value, ReservationBase, AftermathKeep);
        }
        else
        {
            _aftermathMemo.Fill(_aftermathEntry, aftermath, p, Weight, Value, ReservationBase, AftermathKeep);
        }
    }

    /// <summary>Recomputes contributions w·v, each actor's best attainable utility and, when enumerating, every package's utilities.</summary>
    internal void RefreshUtilities()
    {
        UtilVersion++;
        var model = Model;
        var n = model.ActorCount;
        var m = model.IssueCount;
        var t = model.CandidateCount;
        for (var a = 0; a < n; a++)
        {
            var best = 0.0;
            for (var j = 0; j < m; j++)
            {
                var w = Weight[a * m + j];
                var bestOnIssue = double.NegativeInfinity;
                for (var c = model.IssueStart[j]; c < model.IssueStart[j + 1]; c++)
                {
                    var u = w * Value[a * t + c] * (AftermathKeep.Length == 0 ? 1.0 : AftermathKeep[a * t + c]);
                    Util[a * t + c] = u;
                    if (!model.RedLine[a * t + c] && u > bestOnIssue)
                    {
                        bestOnIssue = u;
                    }
                }

                best += double.IsNegativeInfinity(bestOnIssue) ? 0 : bestOnIssue;
            }

            BestUtility[a] = best;
            Util.AsSpan(a * t, t).CopyTo(UtilPadded.AsSpan(a * model.CandidateStride, t));
            for (var c = 0; c < t; c++)
            {
                UtilByCandidate[c * model.ActorStride + a] = Util[a * t + c];
            }
        }

        // Every package's utility Σ_j c_a(x_j), summed over j in order from 0. Consecutive packages (last issue turning
        // fastest) share their leading terms, so the running sums over the first issues are shared too: each package
        // adds only the terms from its first changed issue on. The partial sums are exactly the scalar sum's.
        var choices = model.PackageChoices;
        var firstChange = model.PackageFirstChange;
        var prefix = PackagePrefix;
        for (var a = 0; a < n; a++)
        {
            if (!model.PackageRowRead[a])
            {
                continue;
            }

            var row = a * t;
            prefix[0] = 0.0;
            for (var k = 0; k < model.PackageCount; k++)
            {
                for (var j = firstChange[k]; j < m; j++)
                {
                    prefix[j + 1] = prefix[j] + Util[row + choices[k * m + j]];
                }

                PackageUtilByActor[a * Packages.Stride + k] = prefix[m];
            }
        }
    }

    /// <summary>v_aj(candidate) in [0, 1] (contract, "Utility model").</summary>
    private double ValueOf(ReadOnlySpan<double> p, int a, int j, int c)
    {
        var model = Model;
        var at = a * model.IssueCount + j;
        var x = model.CandidateValues[c];
        var range = model.IssueMax[j] - model.IssueMin[j];
        switch (model.Shape[at])
        {
            case InterestShape.Discrete:
                var slot = model.ValueSlot[a * model.CandidateCount + c];
                return slot < 0 ? 0 : Math.Clamp(p[slot], 0, 1);
            case InterestShape.Linear:
                return Math.Clamp(1 - Math.Abs(x - p[model.IdealSlot[at]]) / range, 0, 1);
            case InterestShape.Quadratic:
                var d = (x - p[model.IdealSlot[at]]) / range;
                return Math.Clamp(1 - d * d, 0, 1);
            case InterestShape.Curve:
                return Math.Clamp(Interpolate(model.Curves[at], x), 0, 1);
            default:
                return 0;
        }
    }

    /// <summary>Piecewise-linear through the points, flat beyond the first and last.</summary>
    internal static double Interpolate(CurvePoint[] curve, double x)
    {
        if (x <= curve[0].X)
        {
            return curve[0].Value;
        }

        for (var i = 1; i < curve.Length; i++)
        {
            if (x <= curve[i].X)
            {
                var (x0, y0, x1, y1) = (curve[i - 1].X, curve[i - 1].Value, curve[i].X, curve[i].Value);
                return x1 > x0 ? y0 + (y1 - y0) * (x - x0) / (x1 - x0) : y1;
            }
        }

        return curve[^1].Value;
    }

    /// <summary>Applies a value shift of <paramref name="delta"/> to actor <paramref name="a"/>'s valuation of one candidate or a whole issue.</summary>
    internal void ShiftValue(int a, int issue, int candidate, double delta)
    {
        var model = Model;
        var t = model.CandidateCount;
        var from = candidate < 0 ? model.IssueStart[issue] : candidate;
        var to = candidate < 0 ? model.IssueStart[issue + 1] : candidate + 1;
        for (var c = from; c < to; c++)
        {
            Value[a * t + c] = Math.Clamp(Value[a * t + c] + delta, 0, 1);
        }
    }

    /// <summary>Utility of the package in <paramref name="choices"/> (candidate indices) to every actor, and its red-line crossings.</summary>
    /// <remarks>
    /// All actors at once, four per vector, from the candidate-major tables: each lane adds its actor's terms in issue
    /// order from 0, exactly the scalar sum Σ_j Util[a, x_j]; crossings are small integers, exact as doubles.
    /// </remarks>
    internal void Evaluate(ReadOnlySpan<int> choices, Span<double> utilities, Span<int> crossings)
    {
        var n = Model.ActorCount;
        var stride = Model.ActorStride;
        ref var util = ref MemoryMarshal.GetArrayDataReference(UtilByCandidate);
        ref var cross = ref MemoryMarshal.GetArrayDataReference(Model.RedLineByCandidate);
        ref var sumU = ref MemoryMarshal.GetArrayDataReference(EvaluatedUtil);
        ref var sumX = ref MemoryMarshal.GetArrayDataReference(EvaluatedCross);
        for (var a = 0; a < stride; a += 4)
        {
            var u = Vector256<double>.Zero;
            var x = Vector256<double>.Zero;
            foreach (var choice in choices)
            {
                var at = (nuint)(choice * stride + a);
                u += Vector256.LoadUnsafe(ref util, at);
                x += Vector256.LoadUnsafe(ref cross, at);
            }

            u.StoreUnsafe(ref sumU, (nuint)a);
            x.StoreUnsafe(ref sumX, (nuint)a);
        }

        EvaluatedUtil.AsSpan(0, n).CopyTo(utilities);
        for (var a = 0; a < n; a++)
        {
            crossings[a] = (int)EvaluatedCross[a];
        }
    }

    /// <summary>Writes the candidates' values (option index or number) of a package.</summary>
    internal void Describe(ReadOnlySpan<int> choices, Span<double> values)
    {
        for (var j = 0; j < choices.Length; j++)
        {
            values[j] = Model.CandidateValues[choices[j]];
        }
    }
}

/// <summary>
/// Buffers for scoring many packages at once, lane-wise (one lane per candidate move or per package): per actor a
/// shortfall row, the searcher's value row, and the resulting own and others' shortfalls; rows of <see cref="Stride"/>.
/// </summary>
internal sealed class ScoreRows
{
    public ScoreRows(int actors, int stride)
    {
        Stride = stride;
        Shortfall = new double[actors * stride];
        Terms = new double[actors * stride];
        ConsentScratch = new double[actors * stride];
        Value = new double[stride];
        Own = new double[stride];
        Others = new double[stride];
        Members = new double[stride];
    }

    public int Stride { get; }
    public double[] Shortfall { get; }
    public double[] Terms { get; }
    public double[] ConsentScratch { get; }
    public double[] Value { get; }
    public double[] Own { get; }
    public double[] Others { get; }
    public double[] Members { get; }
}
