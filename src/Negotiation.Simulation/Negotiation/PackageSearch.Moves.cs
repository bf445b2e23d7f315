using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Negotiation.Simulation.Negotiation;

/// <summary>
/// Lane-wise scoring of every single-issue move at once. A local-search step looks at all candidates c, each
/// the trial package with c's issue switched to c; instead of scoring them one by one (every actor's utility,
/// then the shortfall sums), this computes each actor's shortfall for all candidates as one row of vectors, then
/// combines the rows in the very order <see cref="Score"/> adds the terms. Each lane performs exactly the
/// floating-point operations of the scalar score, in the same order, so the results are bit-for-bit the same
/// (the searches, and every run, are unchanged); only the work is shared.
/// </summary>
internal static partial class PackageSearch
{
    /// <summary>
    /// For the searcher <paramref name="self"/> (goal <see cref="SearchGoal.OwnUtility"/>) and every candidate c, the
    /// score of the trial with c's issue set to c: <c>MoveOwn[c]</c>, <c>MoveOthers[c]</c>, <c>MoveValue[c]</c>.
    /// Lanes of the candidate already in the trial, and padding lanes, hold values nobody reads.
    /// </summary>
    private static void EvaluateMoves(NegotiationWorkspace ws, int self, double ownTarget)
    {
        ws.MovesFresh = true;   // for this trial, searcher, target and thresholds: the caller clears it when the trial changes
        var model = ws.Model;
        var n = model.ActorCount;
        var stride = model.CandidateStride;
        var sf = ws.MoveShortfall;
        SyncCurrentRows(ws);

        var needed = model.ScoreReads.AsSpan(self * n, n);
        for (var b = 0; b < n; b++)
        {
            if (needed[b])
            {
                ShortfallRow(ws, b, b == self);
            }
        }

        Combine(ws, ws.Moves, self, ownTarget);
    }

    /// <summary>
    /// Combines the shortfall rows of <paramref name="rows"/> (and the searcher's value row) into the own and others'
    /// shortfalls per lane, in the order <see cref="Score"/> adds them (goal <see cref="SearchGoal.OwnUtility"/>).
    /// </summary>
    private static void Combine(NegotiationWorkspace ws, ScoreRows rows, int self, double ownTarget)
    {
        var model = ws.Model;
        var stride = rows.Stride;
        var sf = rows.Shortfall;

        // Own: max(0, target − U_self) + the consent shortfall of self's bloc members.
        ref var value = ref MemoryMarshal.GetArrayDataReference(rows.Value);
        ref var own = ref MemoryMarshal.GetArrayDataReference(rows.Own);
        var target = Vector256.Create(ownTarget);
        for (var c = 0; c < stride; c += 4)
        {
            var u = Vector256.LoadUnsafe(ref value, (nuint)c);
            Vector256.MaxNative(target - u, Vector256<double>.Zero).StoreUnsafe(ref own, (nuint)c);
        }

        if (model.BlocMembers[self].Length > 0)
        {
            ConsentRow(ws, rows, self);
            AddRow(rows.Own, 0, rows.Members, 0, stride);
        }

        // Others: under plain unanimity the sum of the other signatories' shortfalls in signatory order; otherwise
        // each other signatory's shortfall plus its bloc's consent shortfall, and the sum of the `need` smallest.
        var others = rows.Others;
        Array.Clear(others);
        if (model.PlainUnanimity)
        {
            foreach (var s in model.Signatories)
            {
                if (s != self)
                {
                    AddRow(others, 0, sf, s * stride, stride);
                }
            }

            return;
        }

        var need = model.RequiredSignatures - (model.IsSignatory[self] ? 1 : 0);
        if (need >= model.Signatories.Length - (model.IsSignatory[self] ? 1 : 0))
        {
            // Every other signatory's term is needed: add each (shortfall + consent) in order, without staging rows.
            foreach (var s in model.Signatories)
            {
                if (s == self)
                {
                    continue;
                }

                if (model.BlocMembers[s].Length > 0)
                {
                    ConsentRow(ws, rows, s);
                    AddRow(rows.Members, 0, sf, s * stride, stride);   // consent + shortfall: IEEE addition commutes
                    AddRow(others, 0, rows.Members, 0, stride);
                }
                else
                {
                    AddRow(others, 0, sf, s * stride, stride);
                }
            }

            return;
        }

        var terms = rows.Terms;
        var count = 0;
        foreach (var s in model.Signatories)
        {
            if (s == self)
            {
                continue;
            }

            sf.AsSpan(s * stride, stride).CopyTo(terms.AsSpan(count * stride, stride));
            if (model.BlocMembers[s].Length > 0)
            {
                ConsentRow(ws, rows, s);
                AddRow(terms, count * stride, rows.Members, 0, stride);
            }

            count++;
        }

        SumSmallestRows(terms, count, need, stride, others, 0);
    }

    /// <summary>
    /// Lane-wise <see cref="Enumerate"/> for goal <see cref="SearchGoal.OwnUtility"/>: every package's score at once
    /// from the package utilities by actor, then the same scan in package order (same skips, same comparisons).
    /// </summary>
    private static bool EnumerateLaneWise(NegotiationWorkspace ws, int self, double ownTarget, out SearchScore best)
    {
        var model = ws.Model;
        var n = model.ActorCount;
        var rows = ws.Packages;
        var stride = rows.Stride;
        ref var utilities = ref MemoryMarshal.GetArrayDataReference(ws.PackageUtilByActor);
        ref var crossings = ref MemoryMarshal.GetArrayDataReference(model.PackageCrossByActor);
        ref var sf = ref MemoryMarshal.GetArrayDataReference(rows.Shortfall);
        var needed = model.ScoreReads.AsSpan(self * n, n);
        var penalty = Vector256.Create(RedLinePenalty);
        for (var b = 0; b < n; b++)
        {
            if (!needed[b])
            {
                continue;
            }

            // As Shortfall: 2·crossings + max(0, τ_b − U_b(x)).
            var tau = Vector256.Create(ws.Tau[b]);
            var row = (nuint)(b * stride);
            for (var k = 0; k < stride; k += 4)
            {
                var at = row + (nuint)k;
                var u = Vector256.LoadUnsafe(ref utilities, at);
                (penalty * Vector256.LoadUnsafe(ref crossings, at) + Vector256.MaxNative(tau - u, Vector256<double>.Zero)).StoreUnsafe(ref sf, at);
            }
        }

        ws.PackageUtilByActor.AsSpan(self * stride, stride).CopyTo(rows.Value);
        Combine(ws, rows, self, ownTarget);

        best = SearchScore.Worst;
        var bestIndex = -1;
        var cross = model.PackageCrossCount;
        var own = rows.Own;
        var others = rows.Others;
        var value = rows.Value;
        for (var k = 0; k < model.PackageCount; k++)
        {
            if (cross[k * n + self] > 0)
            {
                continue;
            }

            var score = new SearchScore(own[k], others[k], value[k]);
            if (bestIndex < 0 || score.IsBetterThan(best))
            {
                best = score;
                bestIndex = k;
            }
        }

        return KeepPackage(ws, bestIndex);
    }

    /// <summary>
    /// Brings the rows <c>CurrentUtil</c>/<c>CurrentCross</c> (each actor's utility and crossing of the trial's term on
    /// every candidate's issue) up to date with <c>workspace.Trial</c>, rewriting only the issues that changed.
    /// </summary>
    private static void SyncCurrentRows(NegotiationWorkspace ws)
    {
        var model = ws.Model;
        var n = model.ActorCount;
        var m = model.IssueCount;
        var stride = model.CandidateStride;
        var full = ws.CurrentVersion != ws.UtilVersion;
        ws.CurrentVersion = ws.UtilVersion;
        var current = ws.MoveCurrent;
        var trial = ws.Trial;
        var util = ws.UtilPadded;
        var red = model.RedLinePadded;
        var curUtil = ws.CurrentUtil;
        var curCross = ws.CurrentCross;
        for (var j = 0; j < m; j++)
        {
            var choice = trial[j];
            if (!full && current[j] == choice)
            {
                continue;
            }

            current[j] = choice;
            var from = model.IssueStart[j];
            var to = model.IssueStart[j + 1];
            for (var b = 0; b < n; b++)
            {
                var row = b * stride;
                var u = util[row + choice];
                var x = red[row + choice];
                for (var c = row + from; c < row + to; c++)
                {
                    curUtil[c] = u;
                    curCross[c] = x;
                }
            }
        }
    }

    /// <summary>Actor <paramref name="b"/>'s shortfall for every move: 2·(crossings) + max(0, τ_b − U_b), as in <see cref="Shortfall"/>.</summary>
    private static void ShortfallRow(NegotiationWorkspace ws, int b, bool isSelf)
    {
        var model = ws.Model;
        var stride = model.CandidateStride;
        var tau = Vector256.Create(ws.Tau[b]);
        var penalty = Vector256.Create(RedLinePenalty);
        var trialUtil = Vector256.Create(ws.TrialUtil[b]);
        var trialCross = Vector256.Create((double)ws.TrialCross[b]);
        var row = (nuint)(b * stride);
        ref var up = ref MemoryMarshal.GetArrayDataReference(ws.UtilPadded);
        ref var rp = ref MemoryMarshal.GetArrayDataReference(model.RedLinePadded);
        ref var cu = ref MemoryMarshal.GetArrayDataReference(ws.CurrentUtil);
        ref var cx = ref MemoryMarshal.GetArrayDataReference(ws.CurrentCross);
        ref var sf = ref MemoryMarshal.GetArrayDataReference(ws.MoveShortfall);
        ref var value = ref MemoryMarshal.GetArrayDataReference(ws.MoveValue);
        for (var c = 0; c < stride; c += 4)
        {
            var at = row + (nuint)c;

            // The scalar move, left to right: TrialUtil − util[current] + util[c]; crossings are small integers, exact.
            var u = (trialUtil - Vector256.LoadUnsafe(ref cu, at)) + Vector256.LoadUnsafe(ref up, at);
            var x = (trialCross - Vector256.LoadUnsafe(ref cx, at)) + Vector256.LoadUnsafe(ref rp, at);
            (penalty * x + Vector256.MaxNative(tau - u, Vector256<double>.Zero)).StoreUnsafe(ref sf, at);
            if (isSelf)
            {
                u.StoreUnsafe(ref value, (nuint)c);
            }
        }
    }

    /// <summary>Bloc <paramref name="bloc"/>'s consent shortfall per lane into <c>rows.Members</c> (the sum of its smallest member shortfalls), as in <see cref="ConsentShortfall"/>.</summary>
    private static void ConsentRow(NegotiationWorkspace ws, ScoreRows rows, int bloc)
    {
        var model = ws.Model;
        var stride = rows.Stride;
        var members = model.BlocMembers[bloc];
        var target = rows.Members;
        target.AsSpan().Clear();
        if (model.BlocRequired[bloc] >= members.Length)
        {
            foreach (var member in members)
            {
                AddRow(target, 0, rows.Shortfall, member * stride, stride);
            }

            return;
        }

        var scratch = rows.ConsentScratch;
        for (var i = 0; i < members.Length; i++)
        {
            rows.Shortfall.AsSpan(members[i] * stride, stride).CopyTo(scratch.AsSpan(i * stride, stride));
        }

        SumSmallestRows(scratch, members.Length, model.BlocRequired[bloc], stride, target, 0);
    }

    /// <summary>
    /// Lane-wise <see cref="SumSmallest"/>: per lane, the sum of the <paramref name="need"/> smallest of the
    /// <paramref name="count"/> rows, added in the same order (all in row order when every row is needed, else
    /// ascending). Rows may be reordered. <paramref name="target"/> must hold zeros.
    /// </summary>
    private static void SumSmallestRows(double[] rows, int count, int need, int stride, double[] target, int at)
    {
        if (need >= count)
        {
            for (var i = 0; i < count; i++)
            {
                AddRow(target, at, rows, i * stride, stride);
            }

            return;
        }

        ref var r = ref MemoryMarshal.GetArrayDataReference(rows);
        ref var sum = ref MemoryMarshal.GetArrayDataReference(target);
        for (var c = 0; c < stride; c += 4)
        {
            var lane = (nuint)c;
            var total = Vector256.LoadUnsafe(ref sum, (nuint)at + lane);
            for (var i = 0; i < need; i++)
            {
                // Bring the smallest remaining value of each lane to row i (what the scalar selection sort adds next).
                var smallest = Vector256.LoadUnsafe(ref r, (nuint)(i * stride) + lane);
                for (var k = i + 1; k < count; k++)
                {
                    var other = Vector256.LoadUnsafe(ref r, (nuint)(k * stride) + lane);
                    var less = Vector256.LessThan(other, smallest);
                    Vector256.ConditionalSelect(less, smallest, other).StoreUnsafe(ref r, (nuint)(k * stride) + lane);
                    smallest = Vector256.ConditionalSelect(less, other, smallest);
                }

                total += smallest;
            }

            total.StoreUnsafe(ref sum, (nuint)at + lane);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(double[] target, int at, double[] source, int from, int stride)
    {
        ref var t = ref MemoryMarshal.GetArrayDataReference(target);
        ref var s = ref MemoryMarshal.GetArrayDataReference(source);
        for (var c = 0; c < stride; c += 4)
        {
            var lane = (nuint)c;
            (Vector256.LoadUnsafe(ref t, (nuint)at + lane) + Vector256.LoadUnsafe(ref s, (nuint)from + lane))
                .StoreUnsafe(ref t, (nuint)at + lane);
        }
    }
}
