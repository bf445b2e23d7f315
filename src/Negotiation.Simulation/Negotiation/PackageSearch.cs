using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Negotiation.Simulation.Negotiation;

/// <summary>Whose interest a package search serves.</summary>
internal enum SearchGoal : byte
{
    /// <summary>A proposer: the best package for itself among those it expects to be accepted.</summary>
    OwnUtility,

    /// <summary>A mediator: the package the signatories accept that maximises the power-weighted Nash product (or, if none is individually rational, the least-satisfied signatory's gain).</summary>
    Mediation,
}

/// <summary>
/// A package's standing in a search, compared lexicographically: first the searcher's own shortfall from its
/// aspiration, then the others' shortfall from their (estimated) acceptance thresholds under the signing rule,
/// then the value (the searcher's utility, or the mediator's welfare measure).
/// </summary>
internal readonly record struct SearchScore(double Own, double Others, double Value)
{
    public const double Eps = 1e-9;

    public static SearchScore Worst { get; } = new(double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity);

    public bool IsBetterThan(SearchScore other)
    {
        if (Own < other.Own - Eps)
        {
            return true;
        }

        if (Own > other.Own + Eps)
        {
            return false;
        }

        if (Others < other.Others - Eps)
        {
            return true;
        }

        return Others <= other.Others + Eps && Value > other.Value + Eps;
    }
}

/// <summary>
/// Finds packages over the precomputed utility tables, allocation free and deterministic: every package when the
/// space has at most <see cref="NegotiationModel.EnumerationLimit"/>, otherwise coordinate ascent (one issue at a
/// time, every candidate of that issue) from a few start points with a fixed budget of passes.
/// Packages crossing the searcher's own red lines are never considered; each red line of another actor a package
/// crosses adds 2 to that actor's shortfall (more than any utility gap), so packages that avoid others' red lines always win.
/// </summary>
internal static partial class PackageSearch
{
    /// <summary>
    /// The best package for <paramref name="self"/> into <c>workspace.Best</c>; false when every package crosses
    /// its red lines. Others' acceptance thresholds are read from <c>workspace.Tau</c>.
    /// </summary>
    public static bool Find(NegotiationWorkspace ws, int self, double ownTarget, SearchGoal goal, out SearchScore best)
    {
        var model = ws.Model;
        if (model.Enumerates && goal == SearchGoal.OwnUtility)
        {
            return EnumerateLaneWise(ws, self, ownTarget, out best);
        }

        return model.Enumerates
            ? Enumerate(ws, self, ownTarget, goal, out best)
            : Climb(ws, self, ownTarget, goal, out best);
    }

    /// <summary>
    /// As <see cref="Find"/> for a proposer, but climbing only from <paramref name="start"/> (when the space is searched
    /// by climbing rather than enumerated): a search that continues from a package found under lower thresholds.
    /// </summary>
    public static bool FindFrom(NegotiationWorkspace ws, int self, double ownTarget, ReadOnlySpan<int> start)
    {
        if (ws.Model.Enumerates)
        {
            return EnumerateLaneWise(ws, self, ownTarget, out _);
        }

        var best = SearchScore.Worst;
        ws.BestIndex = -1;
        ws.ClimbEnds.Clear();
        start.CopyTo(ws.Trial);
        return ClimbFrom(ws, self, ownTarget, SearchGoal.OwnUtility, ref best);
    }

    private static bool Enumerate(NegotiationWorkspace ws, int self, double ownTarget, SearchGoal goal, out SearchScore best)
    {
        var model = ws.Model;
        var n = model.ActorCount;
        best = SearchScore.Worst;
        var bestIndex = -1;
        var utilities = ws.PackageUtilities();
        var crossings = model.PackageCrossCount;
        for (var k = 0; k < model.PackageCount; k++)
        {
            if (crossings[k * n + self] > 0)
            {
                continue;
            }

            // Cheap pre-check: a package already worse on the first criterion cannot win.
            if (bestIndex >= 0 && goal == SearchGoal.OwnUtility && ownTarget - utilities[k * n + self] > best.Own + SearchScore.Eps)
            {
                continue;
            }

            var score = Score(ws, self, ownTarget, goal, utilities.AsSpan(k * n, n), crossings.AsSpan(k * n, n));
            if (bestIndex < 0 || score.IsBetterThan(best))
            {
                best = score;
                bestIndex = k;
            }
        }

        return KeepPackage(ws, bestIndex);
    }

    /// <summary>An enumeration's winner, package <paramref name="bestIndex"/>, into <c>workspace.Best</c>; false when there is none (−1).</summary>
    private static bool KeepPackage(NegotiationWorkspace ws, int bestIndex)
    {
        ws.BestIndex = bestIndex;
        if (bestIndex < 0)
        {
            return false;
        }

        var m = ws.Model.IssueCount;
        ws.Model.PackageChoices.AsSpan(bestIndex * m, m).CopyTo(ws.Best);
        return true;
    }

    private static bool Climb(NegotiationWorkspace ws, int self, double ownTarget, SearchGoal goal, out SearchScore best)
    {
        var model = ws.Model;
        var m = model.IssueCount;
        best = SearchScore.Worst;
        var found = false;
        ws.BestIndex = -1;
        ws.ClimbEnds.Clear();

        // Start 1: the searcher's ideal package (mediator: the signatories' welfare-maximising one).
        if (StartFromIdeal(ws, self, goal))
        {
            found |= ClimbFrom(ws, self, ownTarget, goal, ref best);
        }

        // Start 2: the package on the table.
        var offer = ws.Offer.AsSpan();
        if (ws.HasOffer)
        {
            offer.CopyTo(ws.Trial);
            found |= ClimbFrom(ws, self, ownTarget, goal, ref best);
        }

        // Start 3: the searcher's own previous offer (targets move slowly, so it is usually close), unless still on the table.
        var previous = ws.LastOffer.AsSpan(self * m, m);
        if (ws.HasLastOffer[self] && !(ws.HasOffer && previous.SequenceEqual(offer)))
        {
            previous.CopyTo(ws.Trial);
            found |= ClimbFrom(ws, self, ownTarget, goal, ref best);
        }

        return found;
    }

    private static bool StartFromIdeal(NegotiationWorkspace ws, int self, SearchGoal goal)
    {
        var model = ws.Model;
        var t = model.CandidateCount;
        for (var j = 0; j < model.IssueCount; j++)
        {
            var bestCandidate = -1;
            var bestValue = double.NegativeInfinity;
            for (var c = model.IssueStart[j]; c < model.IssueStart[j + 1]; c++)
            {
                if (model.RedLine[self * t + c])
                {
                    continue;
                }

                var value = 0.0;
                if (goal == SearchGoal.OwnUtility)
                {
                    value = ws.Util[self * t + c];
                }
                else
                {
                    foreach (var s in model.Signatories)
                    {
                        value += model.RedLine[s * t + c] ? -1 : ws.Util[s * t + c];
                    }
                }

                if (value > bestValue)
                {
                    bestValue = value;
                    bestCandidate = c;
                }
            }

            if (bestCandidate < 0)
            {
                return false;
            }

            ws.Trial[j] = bestCandidate;
        }

        return true;
    }

    /// <summary>Coordinate ascent from <c>workspace.Trial</c>; keeps the result in <c>workspace.Best</c> when it beats <paramref name="best"/>.</summary>
    private static bool ClimbFrom(NegotiationWorkspace ws, int self, double ownTarget, SearchGoal goal, ref SearchScore best)
    {
        var found = ClimbFromTrial(ws, self, ownTarget, goal, out var score);
        if (found && score.IsBetterThan(best))
        {
            best = score;
            ws.Trial.AsSpan().CopyTo(ws.Best);
        }

        return found;
    }

    /// <summary>Coordinate ascent (after the trade-off phase) from <c>workspace.Trial</c>, leaving the result in the trial; false when the start crosses the searcher's red lines.</summary>
    private static bool ClimbFromTrial(NegotiationWorkspace ws, int self, double ownTarget, SearchGoal goal, out SearchScore score)
    {
        var model = ws.Model;
        var n = model.ActorCount;
        var t = model.CandidateCount;
        var util = ws.Util;
        var redLine = model.RedLine;
        ws.Evaluate(ws.Trial, ws.TrialUtil, ws.TrialCross);
        ws.MovesFresh = false;
        if (ws.TrialCross[self] > 0)
        {
            score = SearchScore.Worst;
            return false;
        }

        score = TradeOff(ws, self, ownTarget, goal, Score(ws, self, ownTarget, goal, ws.TrialUtil, ws.TrialCross), out var met);
        if (met >= 0)
        {
            // An earlier start point's climb went on from this very state: its result is this climb's.
            score = ws.ClimbEnds.Result(met, ws.Trial);
            return true;
        }

        var laneWise = goal == SearchGoal.OwnUtility;
        for (var pass = 0; pass < NegotiationModel.MaxPasses; pass++)
        {
            var improved = false;
            // The trade-off phase's last scoring is still valid when it stopped for want of a helpful move.
            var evaluated = laneWise && pass == 0 && ws.MovesFresh;
            for (var j = 0; j < model.IssueCount; j++)
            {
                var current = ws.Trial[j];
                var chosen = current;
                var chosenScore = score;
                if (laneWise)
                {
                    // Every candidate's move scored at once against the current trial; valid until the trial changes.
                    if (!evaluated)
                    {
                        EvaluateMoves(ws, self, ownTarget);
                        evaluated = true;
                    }

                    for (var c = model.IssueStart[j]; c < model.IssueStart[j + 1]; c++)
                    {
                        if (c == current || redLine[self * t + c])
                        {
                            continue;
                        }

                        var moved = new SearchScore(ws.MoveOwn[c], ws.MoveOthers[c], ws.MoveValue[c]);
                        if (moved.IsBetterThan(chosenScore))
                        {
                            chosenScore = moved;
                            chosen = c;
                        }
                    }
                }

                for (var c = model.IssueStart[j]; !laneWise && c < model.IssueStart[j + 1]; c++)
                {
                    if (c == current || redLine[self * t + c])
                    {
                        continue;
                    }

                    for (var b = 0; b < n; b++)
                    {
                        ws.MoveUtil[b] = ws.TrialUtil[b] - util[b * t + current] + util[b * t + c];
                        ws.MoveCross[b] = ws.TrialCross[b] - (redLine[b * t + current] ? 1 : 0) + (redLine[b * t + c] ? 1 : 0);
                    }

                    var moved = Score(ws, self, ownTarget, goal, ws.MoveUtil, ws.MoveCross);
                    if (moved.IsBetterThan(chosenScore))
                    {
                        chosenScore = moved;
                        chosen = c;
                    }
                }

                if (chosen != current)
                {
                    ws.Trial[j] = chosen;
                    ws.Evaluate(ws.Trial, ws.TrialUtil, ws.TrialCross); // exact sums, no drift
                    score = chosenScore;
                    improved = true;
                    evaluated = false;
                }
            }

            if (!improved)
            {
                break;
            }
        }

        ws.ClimbEnds.Complete(ws.Trial, score);
        return true;
    }

    /// <summary>
    /// Log-rolling (Raiffa 1982; the trade-off of Faratin, Sierra &amp; Jennings 2002): from <c>workspace.Trial</c>, repeatedly
    /// make the single-issue change that buys the largest cut in the others' shortfall per unit of the searcher's own
    /// utility given up, without raising its own shortfall, until none helps. Greedy by exchange rate, so it concedes
    /// first on the issues that matter little to the searcher and much to the others, which plain coordinate ascent
    /// (best change issue by issue) can miss. A fixed budget of 2·issues + 2 changes bounds it.
    /// </summary>
    private static SearchScore TradeOff(NegotiationWorkspace ws, int self, double ownTarget, SearchGoal goal, SearchScore score, out int met)
    {
        var model = ws.Model;
        var n = model.ActorCount;
        var t = model.CandidateCount;
        var util = ws.Util;
        var redLine = model.RedLine;
        var budget = 2 * model.IssueCount + 2;
        var stuck = false;
        for (var step = 0; step < budget && score.Others > SearchScore.Eps; step++)
        {
            // An earlier climb of this search found no helpful move in this state: neither would this one.
            met = ws.ClimbEnds.Match(ws.Trial, score, stuckOnly: true);
            if (met >= 0)
            {
                return score;
            }

            var bestRate = 0.0;
            var bestCandidate = -1;
            var bestScore = score;
            var laneWise = goal == SearchGoal.OwnUtility;
            if (laneWise)
            {
                EvaluateMoves(ws, self, ownTarget);
                bestCandidate = BestTrade(ws, self, score, out bestScore);
            }

            for (var c = 0; !laneWise && c < t; c++)
            {
                var j = model.CandidateIssue[c];
                var current = ws.Trial[j];
                if (c == current || redLine[self * t + c])
                {
                    continue;
                }

                SearchScore moved;
                if (laneWise)
                {
                    moved = new SearchScore(ws.MoveOwn[c], ws.MoveOthers[c], ws.MoveValue[c]);
                }
                else
                {
                    for (var b = 0; b < n; b++)
                    {
                        ws.MoveUtil[b] = ws.TrialUtil[b] - util[b * t + current] + util[b * t + c];
                        ws.MoveCross[b] = ws.TrialCross[b] - (redLine[b * t + current] ? 1 : 0) + (redLine[b * t + c] ? 1 : 0);
                    }

                    moved = Score(ws, self, ownTarget, goal, ws.MoveUtil, ws.MoveCross);
                }

                var gain = score.Others - moved.Others;
                if (moved.Own > score.Own + SearchScore.Eps || gain <= SearchScore.Eps)
                {
                    continue;
                }

                var rate = gain / Math.Max(score.Value - moved.Value, 1e-12);
                if (rate > bestRate)
                {
                    bestRate = rate;
                    bestCandidate = c;
                    bestScore = moved;
                }
            }

            if (bestCandidate < 0)
            {
                stuck = true;
                break;
            }

            ws.Trial[model.CandidateIssue[bestCandidate]] = bestCandidate;
            ws.Evaluate(ws.Trial, ws.TrialUtil, ws.TrialCross);
            ws.MovesFresh = false;
            score = bestScore;
        }

        // An earlier climb of this search ended its trade-off in this state: the coordinate ascent would repeat it.
        met = ws.ClimbEnds.Match(ws.Trial, score, stuckOnly: false);
        if (met < 0)
        {
            ws.ClimbEnds.Begin(ws.Trial, score, stuck);
        }

        return score;
    }

    /// <summary>
    /// The trade-off step over the lane-wise move scores: the candidate with the highest rate of others' shortfall
    /// removed per unit of own value given up (first in candidate order on ties), never raising the own shortfall;
    /// −1 when no move helps. The same tests as the scalar loop of <see cref="TradeOff"/>, on locals.
    /// </summary>
    private static int BestTrade(NegotiationWorkspace ws, int self, SearchScore score, out SearchScore bestScore)
    {
        var model = ws.Model;
        var t = model.CandidateCount;
        var issueOf = model.CandidateIssue.AsSpan(0, t);
        var ownRed = model.RedLine.AsSpan(self * t, t);
        var trial = ws.Trial;
        var own = ws.MoveOwn.AsSpan(0, t);
        var others = ws.MoveOthers.AsSpan(0, t);
        var value = ws.MoveValue.AsSpan(0, t);
        var ownLimit = score.Own + SearchScore.Eps;

        // The rates lane-wise (same IEEE operations per lane); a move that cuts too little or raises the own shortfall
        // gets rate 0, which never beats the initial best rate 0 — as the scalar loop skips it.
        var rates = ws.MoveRate;
        ref var ratesRef = ref MemoryMarshal.GetArrayDataReference(rates);
        ref var ownRef = ref MemoryMarshal.GetArrayDataReference(ws.MoveOwn);
        ref var othersRef = ref MemoryMarshal.GetArrayDataReference(ws.MoveOthers);
        ref var valueRef = ref MemoryMarshal.GetArrayDataReference(ws.MoveValue);
        var scoreOthers = Vector256.Create(score.Others);
        var scoreValue = Vector256.Create(score.Value);
        var eps = Vector256.Create(SearchScore.Eps);
        var limit = Vector256.Create(ownLimit);
        var floor = Vector256.Create(1e-12);
        for (var c = 0; c < rates.Length; c += 4)
        {
            var lane = (nuint)c;
            var gain = scoreOthers - Vector256.LoadUnsafe(ref othersRef, lane);
            var helps = Vector256.GreaterThan(gain, eps) & ~Vector256.GreaterThan(Vector256.LoadUnsafe(ref ownRef, lane), limit);
            var rate = gain / Vector256.Max(scoreValue - Vector256.LoadUnsafe(ref valueRef, lane), floor);
            (rate & helps).StoreUnsafe(ref ratesRef, lane);
        }

        var bestRate = 0.0;
        var best = -1;
        for (var c = 0; c < t; c++)
        {
            if (rates[c] > bestRate && !ownRed[c] && c != trial[issueOf[c]])
            {
                bestRate = rates[c];
                best = c;
            }
        }

        bestScore = best < 0 ? score : new SearchScore(own[best], others[best], value[best]);
        return best;
    }

    /// <summary>Scores one package given every actor's utility of it and its red-line crossings.</summary>
    private static SearchScore Score(
        NegotiationWorkspace ws, int self, double ownTarget, SearchGoal goal, ReadOnlySpan<double> u, ReadOnlySpan<int> cross)
    {
        var model = ws.Model;
        var own = goal == SearchGoal.OwnUtility
            ? Math.Max(0, ownTarget - u[self]) + ConsentShortfall(ws, self, u, cross)
            : 0;

        // The others: the `need` smallest shortfalls among the signatories other than the proposer.
        if (model.PlainUnanimity)
        {
            var sum = 0.0;
            foreach (var s in model.Signatories)
            {
                if (goal != SearchGoal.OwnUtility || s != self)
                {
                    sum += Shortfall(ws, s, u, cross);
                }
            }

            return new SearchScore(own, sum, goal == SearchGoal.OwnUtility ? u[self] : MediationValue(ws, u));
        }

        var count = 0;
        foreach (var s in model.Signatories)
        {
            if (goal == SearchGoal.OwnUtility && s == self)
            {
                continue;
            }

            ws.Scratch[count++] = Shortfall(ws, s, u, cross) + ConsentShortfall(ws, s, u, cross);
        }

        var need = model.RequiredSignatures - (goal == SearchGoal.OwnUtility && model.IsSignatory[self] ? 1 : 0);
        var others = SumSmallest(ws.Scratch.AsSpan(0, count), need);
        var value = goal == SearchGoal.OwnUtility ? u[self] : MediationValue(ws, u);
        return new SearchScore(own, others, value);
    }

    /// <summary>
    /// How far a package is from acceptable to <paramref name="b"/>: the utility gap to its threshold plus
    /// <see cref="RedLinePenalty"/> per red line crossed, so that every crossing removed outweighs any utility gap
    /// and a local search can walk off several crossings one at a time.
    /// </summary>
    private static double Shortfall(NegotiationWorkspace ws, int b, ReadOnlySpan<double> u, ReadOnlySpan<int> cross) =>
        RedLinePenalty * cross[b] + Math.Max(0, ws.Tau[b] - u[b]);

    /// <summary>Shortfall per crossed red line: more than any utility gap (utilities and thresholds are at most 1 unless start &gt; 1).</summary>
    private const double RedLinePenalty = 2;

    private static double ConsentShortfall(NegotiationWorkspace ws, int bloc, ReadOnlySpan<double> u, ReadOnlySpan<int> cross)
    {
        var members = ws.Model.BlocMembers[bloc];
        if (members.Length == 0)
        {
            return 0;
        }

        for (var i = 0; i < members.Length; i++)
        {
            ws.MemberScratch[i] = Shortfall(ws, members[i], u, cross);
        }

        return SumSmallest(ws.MemberScratch.AsSpan(0, members.Length), ws.Model.BlocRequired[bloc]);
    }

    /// <summary>Sum of the <paramref name="need"/> smallest values (partial selection sort; lists are a handful long).</summary>
    private static double SumSmallest(Span<double> values, int need)
    {
        var sum = 0.0;
        if (need >= values.Length)
        {
            foreach (var v in values)
            {
                sum += v;
            }

            return sum;
        }

        for (var i = 0; i < need; i++)
        {
            var min = i;
            for (var k = i + 1; k < values.Length; k++)
            {
                if (values[k] < values[min])
                {
                    min = k;
                }
            }

            (values[i], values[min]) = (values[min], values[i]);
            sum += values[i];
        }

        return sum;
    }

    /// <summary>
    /// Σ_s power_s · ln(U_s − r_s) over the signatories when every gain is positive (the asymmetric Nash product
    /// in logs); otherwise −10⁶ plus the smallest gain, so the mediator first lifts the least-satisfied signatory.
    /// </summary>
    private static double MediationValue(NegotiationWorkspace ws, ReadOnlySpan<double> u)
    {
        var model = ws.Model;
        var minGain = double.PositiveInfinity;
        var totalPower = 0.0;
        foreach (var s in model.Signatories)
        {
            minGain = Math.Min(minGain, u[s] - ws.Reservation[s]);
            totalPower += ws.Power[s];
        }

        if (!(minGain > 0))
        {
            return -1e6 + (double.IsPositiveInfinity(minGain) ? 0 : minGain);
        }

        var value = 0.0;
        foreach (var s in model.Signatories)
        {
            value += (totalPower > 0 ? ws.Power[s] : 1) * Math.Log(u[s] - ws.Reservation[s]);
        }

        return value;
    }
}
