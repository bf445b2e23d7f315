using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Negotiation;

/// <summary>How an actor values the candidates of one issue.</summary>
internal enum InterestShape : byte
{
    None,
    Discrete,
    Linear,
    Quadratic,
    Curve,
}

/// <summary>
/// A scenario compiled into flat arrays for the hot loop: issues become candidate lists (options of a discrete
/// issue; a grid plus every ideal, curve point, red-line bound and proposal value of a continuous one), every
/// number becomes a parameter slot, and red lines become a per-actor, per-candidate table. Immutable and
/// shared by all threads; per-run state lives in <see cref="NegotiationWorkspace"/>.
/// </summary>
public sealed class NegotiationModel
{
    /// <summary>Package spaces up to this size are enumerated (exactly) each round; larger ones use coordinate ascent.</summary>
    public const int EnumerationLimit = 4096;

    /// <summary>Coordinate-ascent passes per start point in large package spaces (a fixed budget keeps runs deterministic and bounded).</summary>
    internal const int MaxPasses = 12;

    private NegotiationModel(Scenario scenario, ParameterTable parameters)
    {
        Scenario = scenario;
        var issues = scenario.Issues;
        var actors = scenario.Actors;
        ActorCount = actors.Count;
        IssueCount = issues.Count;
        var n = ActorCount;
        var m = IssueCount;

        // Candidates of every issue, one flat list.
        IssueStart = new int[m + 1];
        var values = new List<double>();
        var issueOf = new List<int>();
        for (var j = 0; j < m; j++)
        {
            IssueStart[j] = values.Count;
            foreach (var v in CandidatesOf(scenario, j))
            {
                values.Add(v);
                issueOf.Add(j);
            }
        }

        IssueStart[m] = values.Count;
        CandidateValues = values.ToArray();
        CandidateIssue = issueOf.ToArray();
        var t = CandidateValues.Length;
        IsContinuous = issues.Select(i => i.Kind == IssueKind.Continuous).ToArray();
        IssueMin = issues.Select(i => i.Min).ToArray();
        IssueMax = issues.Select(i => i.Max).ToArray();

        RedLine = CompileRedLines(scenario, IssueStart, CandidateValues);
        CandidateStride = (t + 3) & ~3;
        RedLinePadded = new double[n * CandidateStride];
        ActorStride = (n + 3) & ~3;
        RedLineByCandidate = new double[t * ActorStride];
        for (var a = 0; a < n; a++)
        {
            for (var c = 0; c < t; c++)
            {
                RedLinePadded[a * CandidateStride + c] = RedLine[a * t + c] ? 1 : 0;
                RedLineByCandidate[c * ActorStride + a] = RedLine[a * t + c] ? 1 : 0;
            }
        }

        // Utility parameters.
        WeightSlot = Filled(n * m, -1);
        IdealSlot = Filled(n * m, -1);
        Shape = new InterestShape[n * m];
        Curves = new CurvePoint[n * m][];
        ValueSlot = Filled(n * t, -1);
        PowerSlot = new int[n];
        ReservationSlot = new int[n];
        TrendSlot = new int[n];
        Strategy = new StrategyKind[n];
        ExponentSlot = new int[n];
        StartSlot = new int[n];
        FloorSlot = Filled(n, -1);
        ReciprocitySlot = new int[n];
        LevelSlot = new int[n];
        DelayCostSlot = new int[n];
        AudienceCostSlot = new int[n];
        for (var a = 0; a < n; a++)
        {
            var actor = actors[a];
            var prefix = "actors." + actor.Id;
            PowerSlot[a] = parameters.Register(prefix + ".power", actor.Power);
            ReservationSlot[a] = parameters.Register(prefix + ".reservation", actor.Reservation.Value);
            TrendSlot[a] = parameters.Register(prefix + ".reservation.trend", actor.Reservation.TrendPerRound);
            foreach (var interest in actor.Interests)
            {
                var j = scenario.IssueIndex(interest.IssueId);
                if (j < 0)
                {
                    continue;
                }

                var issue = issues[j];
                var at = a * m + j;
                var path = prefix + ".interests." + issue.Id;
                WeightSlot[at] = parameters.Register(path + ".weight", interest.Weight);
                if (issue.Kind == IssueKind.Discrete)
                {
                    Shape[at] = InterestShape.Discrete;
                    for (var o = 0; o < issue.Options.Count; o++)
                    {
                        if (interest.OptionValues is not null && interest.OptionValues.TryGetValue(issue.Options[o].Id, out var u))
                        {
                            ValueSlot[a * t + IssueStart[j] + o] = parameters.Register(path + ".values." + issue.Options[o].Id, u);
                        }
                    }
                }
                else if (interest.Curve is { Count: > 0 } curve)
                {
                    Shape[at] = InterestShape.Curve;
                    Curves[at] = curve.OrderBy(p => p.X).ToArray();
                }
                else if (interest.Ideal is not null)
                {
                    Shape[at] = interest.Loss == LossShape.Quadratic ? InterestShape.Quadratic : InterestShape.Linear;
                    IdealSlot[at] = parameters.Register(path + ".ideal", interest.Ideal);
                }
            }

            var strategy = actor.Strategy;
            Strategy[a] = strategy.Kind;
            ExponentSlot[a] = parameters.Register(prefix + ".strategy.e", strategy.Exponent);
            StartSlot[a] = parameters.Register(prefix + ".strategy.start", strategy.Start);
            if (strategy.Floor is not null)
            {
                FloorSlot[a] = parameters.Register(prefix + ".strategy.floor", strategy.Floor);
            }

            ReciprocitySlot[a] = parameters.Register(prefix + ".strategy.reciprocity", strategy.Reciprocity, 1.0);
            LevelSlot[a] = parameters.Register(prefix + ".strategy.level", strategy.Level, 1.0);
            DelayCostSlot[a] = parameters.Register(prefix + ".delayCost", actor.DelayCost, 0.0);
            AudienceCostSlot[a] = parameters.Register(prefix + ".audienceCost", actor.AudienceCost, 0.0);
        }

        // Protocol.
        var protocol = scenario.Protocol;
        Deadline = Guard.Positive(protocol.Deadline);
        Kind = protocol.Kind;
        Signatories = protocol.Signatories.Select(scenario.ActorIndex).Where(i => i >= 0).ToArray();
        IsSignatory = new bool[n];
        foreach (var s in Signatories)
        {
            IsSignatory[s] = true;
        }

        RequiredSignatures = protocol.Rule.Required(Signatories.Length);
        Proposers = protocol.Proposers.Select(scenario.ActorIndex).Where(i => i >= 0).ToArray();
        if (Proposers.Length == 0)
        {
            Proposers = Signatories;
        }

        RecognitionOrder = Proposers.Distinct().Order().ToArray();
        Mediator = protocol.Mediator is null ? -1 : scenario.ActorIndex(protocol.Mediator);
        if (Kind == ProtocolKind.SingleText && Mediator < 0)
        {
            throw new ArgumentException("A single-text protocol needs a mediator that is one of the actors.", nameof(scenario));
        }

        if (Kind == ProtocolKind.AlternatingOffers && Proposers.Length == 0)
        {
            throw new ArgumentException("An alternating-offers protocol needs at least one proposer.", nameof(scenario));
        }

        BlocMembers = new int[n][];
        BlocRequired = new int[n];
        for (var a = 0; a < n; a++)
        {
            var bloc = actors[a].Bloc;
            BlocMembers[a] = bloc is null ? [] : bloc.Members.Select(scenario.ActorIndex).Where(i => i >= 0 && i != a).ToArray();
            BlocRequired[a] = bloc is null ? 0 : bloc.Consent.Required(BlocMembers[a].Length);
        }

        // What a search by self for its own utility reads: its own utility, and the thresholds and utilities of the
        // other signatories and of their and self's bloc members.
        ScoreReads = new bool[n * n];
        for (var self = 0; self < n; self++)
        {
            ScoreReads[self * n + self] = true;
            foreach (var b in BlocMembers[self])
            {
                ScoreReads[self * n + b] = true;
            }

            foreach (var s in Signatories)
            {
                if (s == self)
                {
                    continue;
                }

                ScoreReads[self * n + s] = true;
                foreach (var b in BlocMembers[s])
                {
                    ScoreReads[self * n + b] = true;
                }
            }
        }

        // Rows of the package table (§1) a search can read: the mediator's scan reads every actor's; a proposer's, or an
        // outside-option signatory's walk-out test when it falls back to the package search (§5.4), reads those of the
        // actors its score reads.
        PackageRowRead = new bool[n];
        for (var self = 0; self < n; self++)
        {
            var searches = Kind == ProtocolKind.SingleText
                || Proposers.Contains(self)
                || (IsSignatory[self] && Strategy[self] == StrategyKind.OutsideOption);
            for (var b = 0; b < n && searches; b++)
            {
                PackageRowRead[b] |= Kind == ProtocolKind.SingleText || ScoreReads[self * n + b];
            }
        }

        PlainUnanimity = RequiredSignatures == Signatories.Length && Signatories.All(s => BlocMembers[s].Length == 0);
        if (protocol.Opening is not null)
        {
            var proposal = scenario.Proposals.FirstOrDefault(p => p.Id == protocol.Opening)
                ?? throw new ArgumentException($"Unknown opening proposal '{protocol.Opening}'.", nameof(scenario));
            Opening = ChoicesOf(scenario, proposal);
        }

        Events = new EventSchedule(scenario, parameters, IssueStart, IsContinuous);

        // The end of the talks, who proposes, and beliefs (docs/model.md §3.3).
        Information = protocol.Information;
        Recognition = protocol.Recognition;
        DeadlineMin = Math.Clamp(protocol.DeadlineMin ?? Deadline, 1, Deadline);
        HazardSlot = parameters.Register("protocol.hazard", protocol.Hazard, 0.0);
        OpeningAuthor = protocol.Opening is null
            ? -1
            : scenario.Proposals.First(p => p.Id == protocol.Opening).Author is { } author ? scenario.ActorIndex(author) : -1;
        var observed = new SortedSet<int>(Signatories);
        foreach (var s in Signatories)
        {
            observed.UnionWith(BlocMembers[s]);
        }

        if (Kind == ProtocolKind.AlternatingOffers)
        {
            observed.UnionWith(Proposers);
        }

        if (OpeningAuthor >= 0)
        {
            observed.Add(OpeningAuthor);
        }

        var reservationSlots = ReservationSlot;
        Beliefs = BeliefLayout.Compile(scenario, observed, b => parameters.Values[reservationSlots[b]], Information,
            protocol.BeliefNoise ?? Protocol.DefaultBeliefNoise);

        PackageSpaceSize = SpaceSize(IssueStart);
        (PackageChoices, PackageCrossCount) = PackageSpaceSize <= EnumerationLimit
            ? EnumeratePackages(IssueStart, RedLine, n)
            : ([], []);
        PackageCount = PackageSpaceSize <= EnumerationLimit ? (int)PackageSpaceSize : 0;
        var packageStride = (PackageCount + 7) & ~7;
        PackageCrossByActor = new double[PackageCount > 0 ? n * packageStride : 0];
        for (var k = 0; k < PackageCount; k++)
        {
            for (var a = 0; a < n; a++)
            {
                PackageCrossByActor[a * packageStride + k] = PackageCrossCount[k * n + a];
            }
        }

        PackageFirstChange = new int[PackageCount];
        for (var k = 1; k < PackageCount; k++)
        {
            var j = 0;
            while (j < m && PackageChoices[k * m + j] == PackageChoices[(k - 1) * m + j])
            {
                j++;
            }

            PackageFirstChange[k] = j;
        }
        ParameterCount = parameters.Count;
    }

    public Scenario Scenario { get; }

    /// <summary>= scenario.Actors.Count, same order.</summary>
    public int ActorCount { get; }

    /// <summary>= scenario.Issues.Count, same order.</summary>
    public int IssueCount { get; }

    /// <summary>Candidates over all issues (options and continuous candidate values).</summary>
    public int CandidateCount => CandidateValues.Length;

    /// <summary>Number of distinct packages of candidates (saturates at a large value).</summary>
    public long PackageSpaceSize { get; }

    /// <summary>True when the package space is small enough to be enumerated exactly each round.</summary>
    public bool Enumerates => PackageCount > 0;

    /// <summary>The parameter table's size when this model was compiled: p must have at least this many slots.</summary>
    public int ParameterCount { get; }

    /// <summary>The candidate values of issue <paramref name="issue"/>: option indices (discrete) or values (continuous), ascending.</summary>
    public ReadOnlySpan<double> Candidates(int issue) =>
        CandidateValues.AsSpan(IssueStart[issue], IssueStart[issue + 1] - IssueStart[issue]);

    internal int[] IssueStart { get; }
    internal double[] CandidateValues { get; }
    internal int[] CandidateIssue { get; }
    internal bool[] IsContinuous { get; }
    internal double[] IssueMin { get; }
    internal double[] IssueMax { get; }
    internal bool[] RedLine { get; }

    /// <summary>Candidates per actor row in the padded, vector-friendly tables: <see cref="CandidateCount"/> rounded up to 4.</summary>
    internal int CandidateStride { get; }

    /// <summary><see cref="RedLine"/> as 0/1 doubles, rows of <see cref="CandidateStride"/> (padding 0), for lane-wise move evaluation.</summary>
    internal double[] RedLinePadded { get; }

    /// <summary>Actors per row of the candidate-major tables: <see cref="ActorCount"/> rounded up to 4.</summary>
    internal int ActorStride { get; }

    /// <summary><see cref="RedLine"/> candidate-major as 0/1 doubles, [c · ActorStride + a] (padding 0), for summing every actor's crossings at once.</summary>
    internal double[] RedLineByCandidate { get; }

    internal int[] WeightSlot { get; }
    internal int[] IdealSlot { get; }
    internal InterestShape[] Shape { get; }
    internal CurvePoint[][] Curves { get; }
    internal int[] ValueSlot { get; }
    internal int[] PowerSlot { get; }
    internal int[] ReservationSlot { get; }
    internal int[] TrendSlot { get; }
    internal StrategyKind[] Strategy { get; }
    internal int[] ExponentSlot { get; }
    internal int[] StartSlot { get; }
    internal int[] FloorSlot { get; }
    internal int[] ReciprocitySlot { get; }
    internal int[] LevelSlot { get; }
    internal int[] DelayCostSlot { get; }
    internal int[] AudienceCostSlot { get; }

    /// <summary>Private (beliefs over reservation values) or complete information (docs/model.md §3.3).</summary>
    internal InformationKind Information { get; }

    /// <summary>Fixed turns or a power-weighted proposer draw per round (Baron &amp; Ferejohn 1989).</summary>
    internal RecognitionKind Recognition { get; }

    /// <summary>The earliest possible last round; equal to <see cref="Deadline"/> when the deadline is certain.</summary>
    internal int DeadlineMin { get; }

    /// <summary>Slot of the per-round breakdown hazard.</summary>
    internal int HazardSlot { get; }

    /// <summary>The opening text's author (−1: none, or no opening).</summary>
    internal int OpeningAuthor { get; }

    /// <summary>Who holds which beliefs (docs/model.md §3.3).</summary>
    internal BeliefLayout Beliefs { get; }
    internal int Deadline { get; }
    internal ProtocolKind Kind { get; }
    internal int[] Signatories { get; }
    internal bool[] IsSignatory { get; }
    internal int RequiredSignatures { get; }

    /// <summary>Unanimity of signatories none of which is a bloc: the search's fast path.</summary>
    internal bool PlainUnanimity { get; }
    internal int[] Proposers { get; }

    /// <summary>The proposers in actor order: a power-weighted draw does not depend on the order the protocol lists them in.</summary>
    internal int[] RecognitionOrder { get; }
    internal int Mediator { get; }
    internal int[][] BlocMembers { get; }
    internal int[] BlocRequired { get; }

    /// <summary>[self · n + b]: does a search by <c>self</c> for its own utility read actor b's utility (self, other signatories, their and self's bloc members)?</summary>
    internal bool[] ScoreReads { get; }

    /// <summary>[b]: may a search read actor b's row of the package utility table? Rows no search reads are not filled.</summary>
    internal bool[] PackageRowRead { get; }

    /// <summary>Issue 16 hook: the compliance phase's per-term kept shares, weighed at the table (null: terms taken at face value).</summary>
    public Compliance.PackageAftermath? Aftermath { get; internal set; }

    internal int[]? Opening { get; }
    internal EventSchedule Events { get; }
    internal int PackageCount { get; }
    internal int[] PackageChoices { get; }
    internal int[] PackageCrossCount { get; }

    /// <summary>[a · stride + k]: <see cref="PackageCrossCount"/> by actor as doubles, rows padded to a multiple of 8 packages.</summary>
    internal double[] PackageCrossByActor { get; }

    /// <summary>[k]: the first issue on which package k differs from package k − 1 (0 for the first package).</summary>
    internal int[] PackageFirstChange { get; }

    /// <summary>
    /// Compiles <paramref name="scenario"/>, registering every number in <paramref name="parameters"/> under its
    /// YAML path (docs/model.md lists them).
    /// </summary>
    public static NegotiationModel Compile(Scenario scenario, ParameterTable parameters) =>
        new(Guard.NotNull(scenario), Guard.NotNull(parameters));

    /// <summary>The candidate index of <paramref name="value"/> (option index or continuous value) on issue <paramref name="issue"/>: the nearest candidate.</summary>
    public int CandidateOf(int issue, double value)
    {
        var best = IssueStart[issue];
        for (var c = IssueStart[issue] + 1; c < IssueStart[issue + 1]; c++)
        {
            if (Math.Abs(CandidateValues[c] - value) < Math.Abs(CandidateValues[best] - value))
            {
                best = c;
            }
        }

        return best;
    }

    internal int[] ChoicesOf(Scenario scenario, Proposal proposal)
    {
        var choices = new int[IssueCount];
        for (var j = 0; j < IssueCount; j++)
        {
            var issue = scenario.Issues[j];
            var term = proposal.Terms.FirstOrDefault(x => x.IssueId == issue.Id)
                ?? throw new ArgumentException($"Proposal '{proposal.Id}' does not settle issue '{issue.Id}'.", nameof(proposal));
            var value = issue.Kind == IssueKind.Discrete ? issue.IndexOf(term.OptionId ?? "") : term.Value ?? double.NaN;
            if (issue.Kind == IssueKind.Discrete && value < 0)
            {
                throw new ArgumentException($"Proposal '{proposal.Id}' names unknown option '{term.OptionId}' of '{issue.Id}'.", nameof(proposal));
            }

            choices[j] = CandidateOf(j, value);
        }

        return choices;
    }

    private static IEnumerable<double> CandidatesOf(Scenario scenario, int j)
    {
        var issue = scenario.Issues[j];
        if (issue.Kind == IssueKind.Discrete)
        {
            return Enumerable.Range(0, issue.Options.Count).Select(o => (double)o);
        }

        var min = issue.Min;
        var max = issue.Max;
        var points = new List<double>();
        var resolution = Math.Max(2, issue.Resolution);
        for (var i = 0; i < resolution; i++)
        {
            points.Add(i == resolution - 1 ? max : min + (max - min) * i / (resolution - 1));
        }

        foreach (var actor in scenario.Actors)
        {
            foreach (var interest in actor.Interests.Where(x => x.IssueId == issue.Id))
            {
                if (interest.Ideal is not null)
                {
                    points.Add(interest.Ideal.Mean);
                }

                if (interest.Curve is not null)
                {
                    points.AddRange(interest.Curve.Select(p => p.X));
                }
            }

            foreach (var line in actor.RedLines.Where(x => x.IssueId == issue.Id))
            {
                if (line.Min is { } lo)
                {
                    points.Add(lo);
                }

                if (line.Max is { } hi)
                {
                    points.Add(hi);
                }
            }
        }

        foreach (var proposal in scenario.Proposals)
        {
            foreach (var term in proposal.Terms.Where(x => x.IssueId == issue.Id && x.Value is not null))
            {
                points.Add(term.Value!.Value);
            }
        }

        // Keep what lies in range, sorted, without near-duplicates.
        var tolerance = 1e-9 * (max - min);
        var sorted = points.Where(double.IsFinite).Select(x => Math.Clamp(x, min, max)).Order().ToList();
        var distinct = new List<double>();
        foreach (var x in sorted)
        {
            if (distinct.Count == 0 || x - distinct[^1] > tolerance)
            {
                distinct.Add(x);
            }
        }

        return distinct;
    }

    /// <summary>Per actor and candidate: does the candidate cross one of the actor's red lines?</summary>
    private static bool[] CompileRedLines(Scenario scenario, int[] issueStart, double[] candidates)
    {
        var t = candidates.Length;
        var redLine = new bool[scenario.Actors.Count * t];
        for (var a = 0; a < scenario.Actors.Count; a++)
        {
            foreach (var line in scenario.Actors[a].RedLines)
            {
                var j = scenario.IssueIndex(line.IssueId);
                if (j < 0)
                {
                    continue;
                }

                for (var c = issueStart[j]; c < issueStart[j + 1]; c++)
                {
                    redLine[a * t + c] |= Crosses(scenario.Issues[j], line, candidates[c]);
                }
            }
        }

        return redLine;
    }

    /// <summary>The number of packages of candidates, saturating far below overflow.</summary>
    private static long SpaceSize(int[] issueStart)
    {
        long size = 1;
        for (var j = 0; j + 1 < issueStart.Length; j++)
        {
            size = Math.Min(size * (issueStart[j + 1] - issueStart[j]), long.MaxValue / 1024);
        }

        return size;
    }

    /// <summary>Every package (candidate index per issue, the last issue turning fastest) and each actor's red-line crossings of it.</summary>
    private static (int[] Choices, int[] CrossCount) EnumeratePackages(int[] issueStart, bool[] redLine, int actors)
    {
        var m = issueStart.Length - 1;
        var t = issueStart[m];
        var count = (int)SpaceSize(issueStart);
        var choices = new int[count * m];
        var crossCount = new int[count * actors];
        var digits = new int[m];
        for (var k = 0; k < count; k++)
        {
            for (var j = 0; j < m; j++)
            {
                var c = issueStart[j] + digits[j];
                choices[k * m + j] = c;
                for (var a = 0; a < actors; a++)
                {
                    crossCount[k * actors + a] += redLine[a * t + c] ? 1 : 0;
                }
            }

            for (var j = m - 1; j >= 0; j--)
            {
                if (++digits[j] < issueStart[j + 1] - issueStart[j])
                {
                    break;
                }

                digits[j] = 0;
            }
        }

        return (choices, crossCount);
    }

    private static bool Crosses(Issue issue, RedLine line, double candidate)
    {
        if (issue.Kind == IssueKind.Discrete)
        {
            return line.ExcludedOptions.Contains(issue.Options[(int)candidate].Id);
        }

        var tolerance = 1e-9 * (issue.Max - issue.Min);
        return (line.Min is { } lo && candidate < lo - tolerance) || (line.Max is { } hi && candidate > hi + tolerance);
    }

    private static int[] Filled(int length, int value)
    {
        var array = new int[length];
        Array.Fill(array, value);
        return array;
    }
}
