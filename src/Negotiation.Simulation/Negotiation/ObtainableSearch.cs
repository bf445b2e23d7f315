using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Negotiation.Core.Model;

namespace Negotiation.Simulation.Negotiation;

/// <summary>
/// The outside-option test of docs/model.md §5.4, exact: whether some package within an actor's red lines is worth at
/// least a given utility to it and is accepted at their current reservation values, red lines respected, by the
/// parties the signing rule needs (the other signatories, each bloc with its members' consent).
/// Depth-first over the issues (those that move the parties' utilities most first), each issue's candidates
/// best-for-the-actor first; a branch is cut as soon as the parties it can still satisfy — each party's utility so
/// far plus its best terms on the remaining issues, against its threshold — are too few for the signing rule. A
/// complete package is then checked with every party's utility summed issue by issue from the first, as
/// <see cref="NegotiationWorkspace.Evaluate"/> sums it, so the answer is the rule's. The last package that proved a
/// test is tried first the next time. A search that would visit more than <see cref="NodeBudget"/> nodes answers by
/// the package search of §4 instead (<see cref="LastWasExact"/>). One per workspace; allocation free after the first
/// run; not thread-safe.
/// </summary>
internal sealed class ObtainableSearch
{
    /// <summary>
    /// How far below a threshold a branch's optimistic bound may fall before the branch is cut: far above the rounding
    /// of a sum of a few dozen terms of size about 1, so no branch holding an acceptable package is ever cut.
    /// </summary>
    private const double BoundSlack = 1e-12;

    private readonly NegotiationModel _model;
    private readonly Plan?[] _plans;
    private readonly int _lanes;
    private readonly double[] _rows;
    private readonly int[] _rowCandidate;
    private readonly int[] _rowOfCandidate;
    private readonly int[] _issueRowStart;
    private readonly double[] _suffix;
    private readonly double[] _partial;
    private readonly double[] _threshold;
    private readonly double[] _cutBelow;
    private readonly int[] _path;
    private readonly double[] _exact;
    private readonly bool[] _reached;
    private int _preparedActor = -1;
    private long _preparedVersion = -1;
    private double _bestFound;
    private int _nodes;
    private bool _exhausted;

    public ObtainableSearch(NegotiationModel model)
    {
        _model = model;
        _plans = new Plan?[model.ActorCount];
        var widest = 4;
        foreach (var s in model.Signatories)
        {
            if (model.Strategy[s] == StrategyKind.OutsideOption)
            {
                var plan = Plan.For(model, s);
                _plans[s] = plan;
                widest = Math.Max(widest, plan.Lanes);
            }
        }

        _lanes = widest;
        var t = model.CandidateCount;
        var m = model.IssueCount;
        _rows = new double[t * widest];
        _rowCandidate = new int[t];
        _rowOfCandidate = new int[t];
        _issueRowStart = new int[m + 1];
        _suffix = new double[(m + 1) * widest];
        _partial = new double[(m + 1) * widest];
        _threshold = new double[widest];
        _cutBelow = new double[widest];
        _path = new int[m];
        _exact = new double[widest];
        _reached = new bool[widest];
    }

    /// <summary>
    /// Whether <paramref name="actor"/> (an outside-option signatory) can obtain at least <paramref name="minimum"/>:
    /// some package within its red lines worth that much to it that the parties the signing rule needs accept, each
    /// with utility at least its reservation value − <see cref="NegotiationSimulator.Tolerance"/> and no red line crossed.
    /// </summary>
    public bool CanObtain(NegotiationWorkspace ws, int actor, double minimum) => CanObtain(ws, actor, minimum, ws.Reservation);

    /// <summary>
    /// <see cref="CanObtain(NegotiationWorkspace, int, double)"/> with each other party's reservation value taken from
    /// <paramref name="thresholds"/> (by actor) instead of the truth: the walk-out test on beliefs (docs/model.md §5.4).
    /// </summary>
    public bool CanObtain(NegotiationWorkspace ws, int actor, double minimum, ReadOnlySpan<double> thresholds)
    {
        var plan = Prepare(ws, actor, minimum, thresholds);
        LastWasExact = true;
        if (plan.HasWitness && Holds(plan.Witness))
        {
            return true;
        }

        if (!Search(plan, maximise: false))
        {
            return _exhausted ? PackageSearchObtainable(ws, actor, thresholds) >= minimum : false;
        }

        for (var j = 0; j < _path.Length; j++)
        {
            plan.Witness[j] = _rowCandidate[_path[j]];
        }

        plan.HasWitness = true;
        return true;
    }

    /// <summary>
    /// B_a of docs/model.md §5.4: <paramref name="actor"/>'s highest utility among the packages of
    /// <see cref="CanObtain(NegotiationWorkspace, int, double)"/>; −∞ when there is none. For traces: it searches the whole space that the bounds leave.
    /// </summary>
    public double BestObtainable(NegotiationWorkspace ws, int actor) => BestObtainable(ws, actor, ws.Reservation);

    /// <summary><see cref="BestObtainable(NegotiationWorkspace, int)"/> with the other parties' thresholds from <paramref name="thresholds"/>.</summary>
    public double BestObtainable(NegotiationWorkspace ws, int actor, ReadOnlySpan<double> thresholds)
    {
        var plan = Prepare(ws, actor, double.NegativeInfinity, thresholds);
        LastWasExact = true;
        _bestFound = double.NegativeInfinity;
        Search(plan, maximise: true);
        return _exhausted ? PackageSearchObtainable(ws, actor, thresholds) : _bestFound;
    }

    /// <summary>
    /// Nodes (candidates tried on a partial package) one search may visit: a few milliseconds. Under unanimity the
    /// bounds cut so well that tests in random 30-issue scenarios stay near a millisecond; under a k-of-n rule, where
    /// only a count of parties can be cut on, a 20-issue space can need millions. Beyond it the test falls back to the
    /// package search of §4.
    /// </summary>
    public const int NodeBudget = 250_000;

    /// <summary>After a test: false when it hit <see cref="NodeBudget"/> and answered by the package search instead.</summary>
    public bool LastWasExact { get; private set; }

    /// <summary>
    /// The fallback beyond the budget (docs/model.md §5.4): the package search of §4 for the actor's own utility, target
    /// −∞, thresholds at the reservation values; its value when every other party's shortfall is within the
    /// tolerance, −∞ otherwise.
    /// </summary>
    private double PackageSearchObtainable(NegotiationWorkspace ws, int actor, ReadOnlySpan<double> thresholds)
    {
        LastWasExact = false;
        thresholds.CopyTo(ws.Tau);
        return PackageSearch.Find(ws, actor, double.NegativeInfinity, SearchGoal.OwnUtility, out var best) && best.Others <= NegotiationSimulator.Tolerance
            ? best.Value
            : double.NegativeInfinity;
    }

    private Plan Prepare(NegotiationWorkspace ws, int actor, double minimum, ReadOnlySpan<double> thresholds)
    {
        var plan = _plans[actor] ?? throw new ArgumentException("Only an outside-option signatory has a walk-out test.", nameof(actor));
        if (_preparedActor != actor || _preparedVersion != ws.UtilVersion)
        {
            BuildRows(ws, plan);
            _preparedActor = actor;
            _preparedVersion = ws.UtilVersion;
        }

        Array.Fill(_threshold, double.NegativeInfinity);
        _threshold[0] = minimum;
        for (var p = 1; p < plan.Parties.Length; p++)
        {
            _threshold[p] = thresholds[plan.Parties[p]] - NegotiationSimulator.Tolerance;
        }

        for (var p = 0; p < _lanes; p++)
        {
            _cutBelow[p] = _threshold[p] - BoundSlack;
        }

        return plan;
    }

    /// <summary>
    /// The candidates no needed party's red line excludes, per issue best-for-the-actor first (ties in candidate
    /// order), as rows of every party's utility (−∞ where a party that may be left out has a red line), and per issue
    /// the sum of every party's best terms from that issue on.
    /// </summary>
    private void BuildRows(NegotiationWorkspace ws, Plan plan)
    {
        var model = _model;
        var t = model.CandidateCount;
        var m = model.IssueCount;
        var util = ws.Util;
        var self = plan.Parties[0];
        var count = 0;
        for (var j = 0; j < m; j++)
        {
            _issueRowStart[j] = count;
            for (var c = model.IssueStart[j]; c < model.IssueStart[j + 1]; c++)
            {
                _rowOfCandidate[c] = -1;
                if (plan.Excluded[c])
                {
                    continue;
                }

                // Insertion into this issue's rows, highest utility to the actor first.
                var at = count;
                while (at > _issueRowStart[j] && util[self * t + _rowCandidate[at - 1]] < util[self * t + c])
                {
                    _rowCandidate[at] = _rowCandidate[at - 1];
                    at--;
                }

                _rowCandidate[at] = c;
                count++;
            }
        }

        _issueRowStart[m] = count;
        for (var r = 0; r < count; r++)
        {
            var c = _rowCandidate[r];
            _rowOfCandidate[c] = r;
            var row = _rows.AsSpan(r * _lanes, _lanes);
            row.Clear();
            for (var p = 0; p < plan.Parties.Length; p++)
            {
                var b = plan.Parties[p];
                row[p] = model.RedLine[b * t + c] ? double.NegativeInfinity : util[b * t + c];
            }
        }

        if (!plan.HasOrder)
        {
            Order(plan);
        }

        _suffix.AsSpan(m * _lanes, _lanes).Clear();
        for (var d = m - 1; d >= 0; d--)
        {
            var j = plan.DepthIssue[d];
            for (var p = 0; p < _lanes; p++)
            {
                var best = double.NegativeInfinity;
                for (var r = _issueRowStart[j]; r < _issueRowStart[j + 1]; r++)
                {
                    best = Math.Max(best, _rows[r * _lanes + p]);
                }

                _suffix[d * _lanes + p] = _suffix[(d + 1) * _lanes + p] + best;
            }
        }
    }

    /// <summary>
    /// The order in which the search decides the issues: those that move the parties' utilities most first, so that
    /// bounds cut early — by the sum over the parties of each one's spread between its best and worst term on the
    /// issue in the first run's tables (ties in issue order). Any order gives the same answers (a complete package is
    /// checked exactly), so one computed once serves every run; without it, 40-issue random scenarios took seconds
    /// for a single test instead of milliseconds.
    /// </summary>
    private void Order(Plan plan)
    {
        var m = _model.IssueCount;
        var spread = new double[m];
        for (var j = 0; j < m; j++)
        {
            for (var p = 0; p < plan.Parties.Length; p++)
            {
                var (low, high) = (double.PositiveInfinity, double.NegativeInfinity);
                for (var r = _issueRowStart[j]; r < _issueRowStart[j + 1]; r++)
                {
                    var u = _rows[r * _lanes + p];
                    if (double.IsFinite(u))
                    {
                        (low, high) = (Math.Min(low, u), Math.Max(high, u));
                    }
                }

                spread[j] += high > low ? high - low : 0;
            }
        }

        // Once per plan, so this allocation is not a run's.
        Enumerable.Range(0, m).OrderByDescending(j => spread[j]).ToArray().CopyTo(plan.DepthIssue, 0);
        plan.HasOrder = true;
    }

    /// <summary>Whether the package <paramref name="candidates"/> (one candidate per issue) passes the test as prepared.</summary>
    private bool Holds(int[] candidates)
    {
        for (var j = 0; j < candidates.Length; j++)
        {
            var r = _rowOfCandidate[candidates[j]];
            if (r < 0)
            {
                return false;
            }

            _path[j] = r;
        }

        return PassesExactly(_plans[_preparedActor]!, _path);
    }

    /// <summary>
    /// Whether the package whose rows are <paramref name="rowOfIssue"/> (issue by issue) passes: every party's
    /// utility summed issue by issue from the first, as everywhere else, against the exact thresholds. Its utility
    /// to the actor is left in <c>_exact[0]</c>.
    /// </summary>
    private bool PassesExactly(Plan plan, ReadOnlySpan<int> rowOfIssue)
    {
        ref var total = ref MemoryMarshal.GetArrayDataReference(_exact);
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        for (nuint p = 0; p < (nuint)_lanes; p += 4)
        {
            // Lane by lane the sum from 0.0 in issue order, as Evaluate's.
            var sum = Vector256<double>.Zero;
            foreach (var r in rowOfIssue)
            {
                sum += Vector256.LoadUnsafe(ref rows, (nuint)(r * _lanes) + p);
            }

            sum.StoreUnsafe(ref total, p);
        }

        return Passes(plan, ref total, ref total, ref MemoryMarshal.GetArrayDataReference(_threshold), withRest: false);
    }

    /// <summary>The depth-first search from the empty package; with no issues, the empty package is the only one.</summary>
    private bool Search(Plan plan, bool maximise)
    {
        _nodes = 0;
        _exhausted = false;
        _partial.AsSpan(0, _lanes).Clear();
        if (_model.IssueCount > 0)
        {
            return Descend(0, plan, maximise);
        }

        var found = Passes(plan, ref _partial[0], ref _partial[0], ref _threshold[0], withRest: false);
        _bestFound = found ? 0 : double.NegativeInfinity;
        return found;
    }

    /// <summary>
    /// Tries every row of the issue decided at depth <paramref name="depth"/> on the partial package in
    /// <c>_partial[depth]</c>; true when a complete package passes (its rows, issue by issue, in <c>_path</c>).
    /// Maximising, it records the best utility to the actor in <c>_bestFound</c>, raises the actor's threshold past it
    /// and goes on. The partial sums follow the depth order, so they only cut (with slack); a complete package is
    /// then checked exactly, its utilities summed in issue order.
    /// </summary>
    private bool Descend(int depth, Plan plan, bool maximise)
    {
        var j = plan.DepthIssue[depth];
        var m = _model.IssueCount;
        var lanes = _lanes;
        ref var partial = ref MemoryMarshal.GetArrayDataReference(_partial);
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref var suffix = ref MemoryMarshal.GetArrayDataReference(_suffix);
        ref var cutBelow = ref MemoryMarshal.GetArrayDataReference(_cutBelow);
        var here = (nuint)(depth * lanes);
        var next = (nuint)((depth + 1) * lanes);
        var complete = depth + 1 == m;
        for (var r = _issueRowStart[j]; r < _issueRowStart[j + 1]; r++)
        {
            if (++_nodes > NodeBudget)
            {
                _exhausted = true;
                return false;
            }

            var row = (nuint)(r * lanes);
            for (nuint p = 0; p < (nuint)lanes; p += 4)
            {
                (Vector256.LoadUnsafe(ref partial, here + p) + Vector256.LoadUnsafe(ref rows, row + p)).StoreUnsafe(ref partial, next + p);
            }

            // The actor itself (lane 0) is always needed, and its rows come best for it first: once its bound falls
            // short, it falls short for every later row of this issue too.
            if (Unsafe.Add(ref partial, next) + Unsafe.Add(ref suffix, next) < cutBelow)
            {
                break;
            }

            if (!Passes(plan, ref Unsafe.Add(ref partial, next), ref Unsafe.Add(ref suffix, next), ref cutBelow, withRest: true))
            {
                continue;
            }

            _path[j] = r;
            if (complete)
            {
                if (!PassesExactly(plan, _path))
                {
                    continue;
                }

                if (!maximise)
                {
                    return true;
                }

                _bestFound = _exact[0];
                _threshold[0] = Math.BitIncrement(_bestFound);
                _cutBelow[0] = _threshold[0] - BoundSlack;
                continue;
            }

            if (Descend(depth + 1, plan, maximise) && !maximise)
            {
                return true;
            }

            if (_exhausted)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the parties whose <paramref name="sum"/> (plus <paramref name="rest"/>, <paramref name="withRest"/>) is
    /// at least <paramref name="limit"/> satisfy the signing rule. When every party is needed, a lane below its limit
    /// settles it; otherwise each lane's answer goes to the rule.
    /// </summary>
    private bool Passes(Plan plan, ref double sum, ref double rest, ref double limit, bool withRest)
    {
        for (var p = 0; p < _lanes; p += 4)
        {
            var lane = (nuint)p;
            var value = Vector256.LoadUnsafe(ref sum, lane);
            if (withRest)
            {
                value += Vector256.LoadUnsafe(ref rest, lane);
            }

            var reached = Vector256.GreaterThanOrEqual(value, Vector256.LoadUnsafe(ref limit, lane)).ExtractMostSignificantBits();
            if (plan.AllNeeded)
            {
                if (reached != 0b1111)
                {
                    return false;
                }

                continue;
            }

            for (var k = 0; k < 4; k++)
            {
                _reached[p + k] = (reached >> k & 1) != 0;
            }
        }

        return plan.AllNeeded || plan.Accepts(_reached);
    }

    /// <summary>
    /// One outside-option signatory's test: the parties (lane 0 the actor itself, then every other signatory and bloc
    /// member once) and the signing rule over them.
    /// </summary>
    private sealed class Plan
    {
        private Plan(int[] parties, bool[] needed, bool[] excluded, int need, int[] signatoryLane, int[][] memberLanes, int[] memberNeed, int issueCount)
        {
            Parties = parties;
            Excluded = excluded;
            Need = need;
            SignatoryLane = signatoryLane;
            MemberLanes = memberLanes;
            MemberNeed = memberNeed;
            // Every party needed: the signing rule holds exactly when every party reaches its threshold.
            AllNeeded = needed.All(x => x);
            Lanes = (parties.Length + 3) & ~3;
            DepthIssue = new int[issueCount];
            Witness = new int[issueCount];
        }

        /// <summary>Actor per lane; lane 0 is the actor being tested.</summary>
        public int[] Parties { get; }

        /// <summary>Per candidate: on a red line of the actor or of a party every acceptable package needs.</summary>
        public bool[] Excluded { get; }

        /// <summary>How many of the other signatories must accept.</summary>
        public int Need { get; }

        public int[] SignatoryLane { get; }

        public int[][] MemberLanes { get; }

        public int[] MemberNeed { get; }

        /// <summary>Parties rounded up to whole vectors of four.</summary>
        public int Lanes { get; }

        /// <summary>The issue decided at each depth of the search, set when the plan's rows are first built (<see cref="HasOrder"/>).</summary>
        public int[] DepthIssue { get; }

        public bool HasOrder { get; set; }

        /// <summary>Every party needed (unanimity, blocs by unanimity): a package passes only when every party's does.</summary>
        public bool AllNeeded { get; }

        public int[] Witness { get; }

        public bool HasWitness { get; set; }

        public static Plan For(NegotiationModel model, int self)
        {
            var parties = new List<int> { self };
            int LaneOf(int actor)
            {
                var lane = parties.IndexOf(actor);
                if (lane < 0)
                {
                    lane = parties.Count;
                    parties.Add(actor);
                }

                return lane;
            }

            var others = model.Signatories.Where(s => s != self).ToArray();
            var signatoryLane = others.Select(LaneOf).ToArray();
            var memberLanes = others.Select(s => model.BlocMembers[s].Select(LaneOf).ToArray()).ToArray();
            var memberNeed = others.Select(s => model.BlocRequired[s]).ToArray();
            var need = model.RequiredSignatures - 1;
            // A party every acceptable package needs: a needed signatory, or a member of a needed bloc whose consent rule
            // needs every member. Candidates on their red lines (or the actor's) are never tried.
            var needed = new bool[parties.Count];
            needed[0] = true;
            if (need >= others.Length)
            {
                for (var i = 0; i < others.Length; i++)
                {
                    needed[signatoryLane[i]] = true;
                    if (memberNeed[i] >= memberLanes[i].Length)
                    {
                        foreach (var lane in memberLanes[i])
                        {
                            needed[lane] = true;
                        }
                    }
                }
            }

            var t = model.CandidateCount;
            var excluded = new bool[t];
            for (var c = 0; c < t; c++)
            {
                for (var p = 0; p < parties.Count; p++)
                {
                    excluded[c] |= needed[p] && model.RedLine[parties[p] * t + c];
                }
            }

            return new Plan(parties.ToArray(), needed, excluded, need, signatoryLane, memberLanes, memberNeed, model.IssueCount);
        }

        /// <summary>
        /// Whether the parties that <paramref name="reached"/> their thresholds satisfy the signing rule: the actor
        /// itself, and at least <see cref="Need"/> other signatories each with at least its bloc's required members.
        /// </summary>
        public bool Accepts(ReadOnlySpan<bool> reached)
        {
            if (!reached[0])
            {
                return false;
            }

            var signed = 0;
            for (var i = 0; i < SignatoryLane.Length; i++)
            {
                if (!reached[SignatoryLane[i]])
                {
                    continue;
                }

                var consent = 0;
                foreach (var lane in MemberLanes[i])
                {
                    consent += reached[lane] ? 1 : 0;
                }

                signed += consent >= MemberNeed[i] ? 1 : 0;
            }

            return signed >= Need;
        }
    }
}
