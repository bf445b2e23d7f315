using System.Numerics;
using System.Globalization;
using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;
using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Analysis;

/// <summary>A package with every actor's utility of it (scenario actor order).</summary>
public sealed record AnalysedPackage(IReadOnlyList<Term> Terms, IReadOnlyList<double> Utilities)
{
    /// <summary>The terms as text: "HP, 60, 19" (option ids, or values of continuous issues).</summary>
    public string Describe() => string.Join(", ", Terms.Select(t => t.OptionId ?? t.Value?.ToString("G6", CultureInfo.InvariantCulture)));
}

/// <summary>Which of an actor's constraints keeps the zone of possible agreement closed.</summary>
public enum ZopaBlock
{
    /// <summary>Ignoring the actor's red lines would open a zone of agreement.</summary>
    RedLines,

    /// <summary>Ignoring the actor's reservation value (BATNA) would open a zone of agreement.</summary>
    Batna,
}

/// <summary>An actor whose red lines or BATNA alone close the zone of possible agreement.</summary>
public sealed record ZopaBlocker(string ActorId, ZopaBlock Kind);

/// <summary>
/// Whether some package satisfies the signing rule with every needed signatory (and bloc member) weakly preferring
/// it to its reservation value without crossing its red lines, how many packages do, and, when none does, which
/// single actor's red lines or BATNA close the zone. <paramref name="Blockers"/> is empty when the zone is open,
/// and also when no single actor's constraint suffices to open it (the constraints then close it jointly).
/// </summary>
public sealed record ZopaResult(bool Exists, long PackageCount, IReadOnlyList<ZopaBlocker> Blockers);

/// <summary>
/// One signatory's position: its reservation value (round 0, parameter means), the best utility it can get within
/// its own red lines, and the best it can get from packages every other signatory accepts (null when there is none).
/// </summary>
public sealed record ActorPosition(string ActorId, double Reservation, double BestUtility, double? BestAcceptableToOthers);

/// <summary>
/// The bargaining analysis of a scenario at its parameter means (docs/model.md, "Analysis"). Utilities and the
/// points are over <paramref name="Signatories"/>; packages that cross a signatory's red line are excluded from the
/// frontier and the solution points. <paramref name="Exhaustive"/> is false when the package space was too large and
/// a deterministic sample (plus each actor's ideal package) was analysed instead.
/// </summary>
public sealed record ScenarioAnalysisResult(
    string ScenarioId,
    IReadOnlyList<string> Signatories,
    BigInteger PackageSpaceSize,
    long PackagesExamined,
    bool Exhaustive,
    IReadOnlyList<AnalysedPackage> ParetoFrontier,
    AnalysedPackage? Nash,
    AnalysedPackage? KalaiSmorodinsky,
    AnalysedPackage? MaxWelfare,
    ZopaResult Zopa,
    IReadOnlyList<ActorPosition> Positions);

/// <summary>
/// Analysis of a scenario without simulation: Pareto frontier (Pareto 1906), Nash bargaining solution (Nash 1950),
/// Kalai–Smorodinsky point (Kalai &amp; Smorodinsky 1975), maximum welfare and the zone of possible agreement
/// (Raiffa 1982). Uses every parameter's mean and reservation values at round 0.
/// </summary>
public static class ScenarioAnalysis
{
    /// <summary>
    /// The number of packages, exactly: the product of every issue's candidate count. The model's own count saturates
    /// at 2^53 - 1, which <c>analyze</c> printed as if it were the size (50 options on 60 issues is about 8.7e101).
    /// </summary>
    public static BigInteger ExactPackageCount(NegotiationModel model)
    {
        var count = BigInteger.One;
        for (var j = 0; j < model.IssueCount; j++)
        {
            count *= model.Candidates(j).Length;
        }

        return count;
    }

    /// <summary>Package spaces up to this size are analysed exhaustively; larger ones by a sample of this size.</summary>
    public const int ExhaustiveLimit = 1 << 17;

    private const double Tolerance = 1e-9;

    public static ScenarioAnalysisResult Analyze(Scenario scenario)
    {
        Guard.NotNull(scenario);
        var table = new ParameterTable();
        var model = NegotiationModel.Compile(scenario, table);
        var p = table.Means();
        var space = new PackageSpace(model, p);
        var signatories = model.Signatories;
        var admissible = Enumerable.Range(0, space.Count).Where(k => signatories.All(s => !space.Crosses(k, s))).ToArray();

        var pareto = ParetoFrontier(space, admissible, signatories);
        var nash = Best(admissible, k => signatories.All(s => space.Gain(k, s) > Tolerance),
            k => signatories.Sum(s => Math.Log(space.Gain(k, s))));
        var welfare = Best(admissible, _ => true, k => signatories.Sum(s => space.Utility(k, s)));
        var ks = KalaiSmorodinsky(space, admissible, pareto, signatories);

        var zopaCount = Enumerable.Range(0, space.Count).LongCount(k => space.Signed(k, -1, ZopaBlock.RedLines));
        var blockers = new List<ZopaBlocker>();
        if (zopaCount == 0)
        {
            foreach (var a in space.Involved)
            {
                foreach (var kind in new[] { ZopaBlock.RedLines, ZopaBlock.Batna })
                {
                    if (Enumerable.Range(0, space.Count).Any(k => space.Signed(k, a, kind)))
                    {
                        blockers.Add(new ZopaBlocker(scenario.Actors[a].Id, kind));
                    }
                }
            }
        }

        var positions = signatories.Select(s =>
        {
            var own = Enumerable.Range(0, space.Count).Where(k => !space.Crosses(k, s)).ToArray();
            var acceptable = own.Where(k => signatories.All(o => o == s || space.Accepts(k, o))).ToArray();
            return new ActorPosition(
                scenario.Actors[s].Id,
                space.Reservation[s],
                own.Length == 0 ? 0 : own.Max(k => space.Utility(k, s)),
                acceptable.Length == 0 ? null : acceptable.Max(k => space.Utility(k, s)));
        }).ToArray();

        return new ScenarioAnalysisResult(
            scenario.Metadata.Id,
            signatories.Select(s => scenario.Actors[s].Id).ToArray(),
            ExactPackageCount(model),
            space.Count,
            space.Exhaustive,
            pareto.Select(space.Describe).ToArray(),
            nash < 0 ? null : space.Describe(nash),
            ks < 0 ? null : space.Describe(ks),
            welfare < 0 ? null : space.Describe(welfare),
            new ZopaResult(zopaCount > 0, zopaCount, blockers),
            positions);
    }

    /// <summary>
    /// Non-dominated admissible packages. Sorted by welfare (descending), a package can only be dominated by one
    /// before it, so one pass against the frontier found so far suffices. Returned by the first signatory's utility, descending.
    /// </summary>
    private static int[] ParetoFrontier(PackageSpace space, int[] admissible, int[] signatories)
    {
        var byWelfare = admissible.OrderByDescending(k => signatories.Sum(s => space.Utility(k, s))).ThenBy(k => k).ToArray();
        var frontier = new List<int>();
        foreach (var k in byWelfare)
        {
            if (!frontier.Any(f => Dominates(space, f, k, signatories)))
            {
                frontier.Add(k);
            }
        }

        return frontier.OrderByDescending(k => signatories.Length == 0 ? 0 : space.Utility(k, signatories[0])).ThenBy(k => k).ToArray();
    }

    private static bool Dominates(PackageSpace space, int a, int b, int[] signatories)
    {
        var strictly = false;
        foreach (var s in signatories)
        {
            var (ua, ub) = (space.Utility(a, s), space.Utility(b, s));
            if (ua < ub - Tolerance)
            {
                return false;
            }

            strictly |= ua > ub + Tolerance;
        }

        return strictly;
    }

    /// <summary>
    /// Discrete Kalai–Smorodinsky: among Pareto-optimal, individually rational packages, the one maximising the
    /// smallest normalised gain (U_s − r_s)/(U*_s − r_s), U*_s the signatory's best individually rational utility;
    /// ties by welfare. In a continuous space this is the frontier point on the line from disagreement to ideal.
    /// </summary>
    private static int KalaiSmorodinsky(PackageSpace space, int[] admissible, int[] pareto, int[] signatories)
    {
        var rational = admissible.Where(k => signatories.All(s => space.Gain(k, s) >= -Tolerance)).ToArray();
        if (rational.Length == 0)
        {
            return -1;
        }

        var ideal = signatories.ToDictionary(s => s, s => rational.Max(k => space.Utility(k, s)));
        double Normalised(int k) => signatories.Length == 0 ? 0 : signatories.Min(s =>
        {
            var range = ideal[s] - space.Reservation[s];
            return range > Tolerance ? space.Gain(k, s) / range : 1;
        });

        var candidates = pareto.Where(k => signatories.All(s => space.Gain(k, s) >= -Tolerance)).ToArray();
        var bestScore = candidates.Length == 0 ? 0 : candidates.Max(Normalised);
        return Best(candidates, k => Normalised(k) >= bestScore - Tolerance, k => signatories.Sum(s => space.Utility(k, s)));
    }

    /// <summary>The first package (lowest index) maximising <paramref name="value"/> among those passing <paramref name="filter"/>; -1 if none.</summary>
    private static int Best(IEnumerable<int> packages, Func<int, bool> filter, Func<int, double> value)
    {
        var best = -1;
        var bestValue = double.NegativeInfinity;
        foreach (var k in packages.Where(filter).Order())
        {
            var v = value(k);
            if (best < 0 || v > bestValue + Tolerance)
            {
                best = k;
                bestValue = v;
            }
        }

        return best;
    }

    /// <summary>The packages analysed, with every actor's utility and red-line crossings.</summary>
    private sealed class PackageSpace
    {
        private readonly NegotiationModel _model;
        private readonly int[] _choices;
        private readonly double[] _utility;
        private readonly bool[] _crosses;
        private readonly int _n;
        private readonly int _m;

        public PackageSpace(NegotiationModel model, double[] p)
        {
            _model = model;
            _n = model.ActorCount;
            _m = model.IssueCount;
            var ws = new NegotiationWorkspace(model);
            ws.Load(p);
            Reservation = Enumerable.Range(0, _n).Select(a => p[model.ReservationSlot[a]]).ToArray();
            Exhaustive = model.PackageSpaceSize <= ExhaustiveLimit;
            var packages = Exhaustive ? AllPackages(model) : SampledPackages(model, ws);
            Count = packages.Count;
            _choices = packages.SelectMany(x => x).ToArray();
            _utility = new double[Count * _n];
            _crosses = new bool[Count * _n];
            var crossCount = new int[_n];
            for (var k = 0; k < Count; k++)
            {
                ws.Evaluate(_choices.AsSpan(k * _m, _m), _utility.AsSpan(k * _n, _n), crossCount);
                for (var a = 0; a < _n; a++)
                {
                    _crosses[k * _n + a] = crossCount[a] > 0;
                }
            }

            Involved = model.Signatories.Concat(model.Signatories.SelectMany(s => model.BlocMembers[s])).Distinct().ToArray();
        }

        public int Count { get; }

        public bool Exhaustive { get; }

        public double[] Reservation { get; }

        /// <summary>Signatories and the members of signatory blocs: everyone whose consent is needed.</summary>
        public int[] Involved { get; }

        public double Utility(int k, int a) => _utility[k * _n + a];

        public double Gain(int k, int a) => Utility(k, a) - Reservation[a];

        public bool Crosses(int k, int a) => _crosses[k * _n + a];

        public bool Accepts(int k, int a, int relaxed = -1, ZopaBlock kind = ZopaBlock.RedLines) =>
            (!Crosses(k, a) || (a == relaxed && kind == ZopaBlock.RedLines))
            && (Gain(k, a) >= -Tolerance || (a == relaxed && kind == ZopaBlock.Batna));

        /// <summary>True when package k meets the signing rule, with bloc consent, ignoring one actor's red lines or BATNA.</summary>
        public bool Signed(int k, int relaxed, ZopaBlock kind)
        {
            var signatures = 0;
            foreach (var s in _model.Signatories)
            {
                if (!Accepts(k, s, relaxed, kind))
                {
                    continue;
                }

                var members = _model.BlocMembers[s];
                var consent = members.Count(member => Accepts(k, member, relaxed, kind));
                signatures += consent >= _model.BlocRequired[s] ? 1 : 0;
            }

            return signatures >= _model.RequiredSignatures;
        }

        public AnalysedPackage Describe(int k)
        {
            var scenario = _model.Scenario;
            var terms = new Term[_m];
            for (var j = 0; j < _m; j++)
            {
                var issue = scenario.Issues[j];
                var value = _model.CandidateValues[_choices[k * _m + j]];
                terms[j] = issue.Kind == IssueKind.Discrete ? Term.Option(issue.Id, issue.Options[(int)value].Id) : Term.Number(issue.Id, value);
            }

            return new AnalysedPackage(terms, _utility.AsSpan(k * _n, _n).ToArray());
        }

        private static List<int[]> AllPackages(NegotiationModel model)
        {
            var m = model.IssueCount;
            var packages = new List<int[]>();
            var digits = new int[m];
            for (var k = 0L; k < model.PackageSpaceSize; k++)
            {
                packages.Add(Enumerable.Range(0, m).Select(j => model.IssueStart[j] + digits[j]).ToArray());
                for (var j = m - 1; j >= 0; j--)
                {
                    if (++digits[j] < model.IssueStart[j + 1] - model.IssueStart[j])
                    {
                        break;
                    }

                    digits[j] = 0;
                }
            }

            return packages;
        }

        /// <summary>Each actor's ideal package, the engine's searches, then a fixed-seed uniform sample: an inner approximation of the frontier.</summary>
        private static List<int[]> SampledPackages(NegotiationModel model, NegotiationWorkspace ws)
        {
            var m = model.IssueCount;
            var t = model.CandidateCount;
            var packages = new List<int[]>();
            for (var a = 0; a < model.ActorCount; a++)
            {
                packages.Add(Enumerable.Range(0, m).Select(j =>
                {
                    var best = model.IssueStart[j];
                    for (var c = best; c < model.IssueStart[j + 1]; c++)
                    {
                        if ((!model.RedLine[a * t + c] && ws.Util[a * t + c] > ws.Util[a * t + best]) || model.RedLine[a * t + best])
                        {
                            best = c;
                        }
                    }

                    return best;
                }).ToArray());
            }

            // The engine's own searches find what a uniform sample misses in a huge space: for each signatory, the best
            // package for it that every other signatory prefers to no deal, and the Nash-product text a mediator would draft.
            for (var a = 0; a < model.ActorCount; a++)
            {
                ws.Reservation[a] = ws.ReservationBase[a];
                ws.Tau[a] = ws.ReservationBase[a];
            }

            foreach (var s in model.Signatories)
            {
                foreach (var goal in new[] { SearchGoal.OwnUtility, SearchGoal.Mediation })
                {
                    if (PackageSearch.Find(ws, s, double.NegativeInfinity, goal, out _))
                    {
                        packages.Add(ws.Best.ToArray());
                    }
                }
            }

            var rng = Rng.For(0, 0, Streams.ForParameter("analysis.sample"));
            while (packages.Count < ExhaustiveLimit)
            {
                packages.Add(Enumerable.Range(0, m)
                    .Select(j => model.IssueStart[j] + rng.NextInt(model.IssueStart[j + 1] - model.IssueStart[j])).ToArray());
            }

            return packages;
        }
    }
}
