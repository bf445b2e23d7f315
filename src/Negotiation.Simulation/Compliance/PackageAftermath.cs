using System.Runtime.InteropServices;
using Negotiation.Core.Common;
using Negotiation.Core.Model;

namespace Negotiation.Simulation.Compliance;

/// <summary>
/// The shadow of the future at the table (docs/model-compliance.md, section 11): what each actor expects to get
/// from each term after signature, given the partners' expected compliance under the mechanisms that term brings.
/// A provision tied to a term (<c>when</c>) is violated by each obligated partner i at its opportunities with
/// probability v_i = P(gain &gt; expected response) (section 3, at the first violation: nothing yet held against i),
/// so an actor a not bound by it receives the term's value in a share Π_i (1 − v_i) of the time:
/// <c>keep[a, c] = Π over provisions tied to candidate c, partners i ≠ a bound by it, of (1 − v_i)</c>.
/// The bargaining engine multiplies actor a's utility of candidate c by keep[a, c]. Closed form, one pass per run,
/// no nested simulation; <see cref="Fill"/> allocates nothing. Immutable and shared by all worker threads.
/// </summary>
public sealed class PackageAftermath
{
    private readonly ComplianceModel _model;
    private readonly int[] _issueStart;
    private readonly double[] _candidateTerm;
    private readonly int[] _tied;   // provisions with a term condition, in scenario order
    private readonly TermGroups _groups;
    private readonly int[] _bound;  // actors obligated by some tied provision: the only ones whose surplus is read
    private readonly int[][] _unbound;   // per tied provision: the actors it does not bind, who receive its terms, ascending
    private readonly int[] _readSlots;     // the parameter slots Fill reads, ascending
    private readonly double[] _signature;  // everything else Fill reads, fixed at compile time

    private PackageAftermath(ComplianceModel model, int[] issueStart, double[] candidateTerm, int[] tied)
    {
        _model = model;
        _issueStart = issueStart;
        _candidateTerm = candidateTerm;
        _tied = tied;
        _groups = TermGroups.Build(model, issueStart, candidateTerm, tied);
        _bound = tied.SelectMany(j => model.Obligated[j]).Distinct().Order().ToArray();
        _unbound = tied.Select(j => Enumerable.Range(0, model.ActorCount).Where(a => !model.Obligated[j].Contains(a)).ToArray()).ToArray();
        _readSlots = ReadSlots(model, tied, _bound);
        _signature = Signature();
    }

    /// <summary>How many numbers <see cref="GatherInputs"/> writes.</summary>
    public int InputCount => _readSlots.Length + _bound.Length * (IssueCount + CandidateCount + 1);

    private int IssueCount => _issueStart.Length - 1;

    /// <summary>
    /// True when <paramref name="other"/> computes the same factors from the same inputs (<see cref="GatherInputs"/>):
    /// the same candidates, provisions, mechanisms, partners, responses and parameter slots. Two variants' aftermaths
    /// are alike when the variants leave compliance alone.
    /// </summary>
    public bool SameAs(PackageAftermath other) =>
        ReferenceEquals(this, other) || MemoryMarshal.Cast<double, long>(_signature.AsSpan()).SequenceEqual(MemoryMarshal.Cast<double, long>(other._signature.AsSpan()));

    /// <summary>
    /// Every number of a run that <see cref="Fill"/> reads, in a fixed order: the parameter slots it reads, then per
    /// bound partner its weights, its values and its reservation value. Equal inputs (bit for bit) give equal factors.
    /// </summary>
    public void GatherInputs(ReadOnlySpan<double> p, ReadOnlySpan<double> weight, ReadOnlySpan<double> value, ReadOnlySpan<double> reservation, Span<double> inputs)
    {
        var at = 0;
        foreach (var slot in _readSlots)
        {
            inputs[at++] = p[slot];
        }

        var issues = IssueCount;
        var t = CandidateCount;
        foreach (var i in _bound)
        {
            weight.Slice(i * issues, issues).CopyTo(inputs[at..]);
            at += issues;
            value.Slice(i * t, t).CopyTo(inputs[at..]);
            at += t;
            inputs[at++] = reservation[i];
        }
    }

    private static int[] ReadSlots(ComplianceModel model, int[] tied, int[] bound)
    {
        var slots = new List<int>();
        foreach (var j in tied)
        {
            slots.Add(model.ProvisionPenaltySlot[j]);
            slots.Add(model.TemptationSlot[j]);
            if (model.PartialGainSlot[j] >= 0)
            {
                slots.Add(model.PartialGainSlot[j]);
                slots.Add(model.PartialDetectionSlot[j]);
            }
        }

        for (var m = 0; m < model.MechanismCount; m++)
        {
            slots.Add(model.DetectionSlot[m]);
            slots.Add(model.MechanismPenaltySlot[m]);
        }

        foreach (var i in bound)
        {
            slots.Add(model.DiscountSlot[i]);
            foreach (var k in model.Responders[i])
            {
                slots.Add(model.ForgivenessSlot[k]);
                slots.Add(model.ToleranceSlot[k]);
            }
        }

        return slots.Where(slot => slot >= 0).Distinct().Order().ToArray();
    }

    /// <summary>The structure <see cref="Fill"/> follows, as numbers (<see cref="SameAs"/>).</summary>
    private double[] Signature()
    {
        var model = _model;
        var s = new List<double> { model.ActorCount, CandidateCount, model.RateUnitDays, model.MechanismCount };

        // Each list is written after its length, so two different structures never give the same numbers.
        void Add(IEnumerable<int> values)
        {
            var list = values.ToArray();
            s.Add(list.Length);
            s.AddRange(list.Select(v => (double)v));
        }

        Add(_issueStart);
        s.Add(_candidateTerm.Length);
        s.AddRange(_candidateTerm);
        Add(_tied);
        Add(_bound);
        Add(_readSlots);
        Add(_groups.Start);
        Add(_groups.CandidateStart);
        Add(_groups.Candidates);
        for (var k = 0; k < _tied.Length; k++)
        {
            var j = _tied[k];
            var issue = model.ProvisionGate[j]!.Issue;
            Add([issue, model.ProvisionPenaltySlot[j], model.TemptationSlot[j], model.PartialGainSlot[j], model.PartialDetectionSlot[j]]);
            Add(model.Obligated[j]);
            for (var g = _groups.Start[k]; g < _groups.Start[k + 1]; g++)
            {
                Add(_groups.Mechanisms[g]);
            }
        }

        Add(model.DetectionSlot);
        Add(model.MechanismPenaltySlot);
        foreach (var i in _bound)
        {
            Add([model.DiscountSlot[i]]);
            Add(model.Responders[i]);
            foreach (var k in model.Responders[i])
            {
                Add([(int)model.Response[k], model.ForgivenessSlot[k], model.ToleranceSlot[k]]);
            }
        }

        return s.ToArray();
    }

    /// <summary>Candidates (terms of all issues, flat) the factors are given for.</summary>
    public int CandidateCount => _candidateTerm.Length;

    /// <summary>How many factors <see cref="Fill"/> writes: one per actor and candidate.</summary>
    public int FactorCount => _model.ActorCount * CandidateCount;

    /// <summary>
    /// The aftermath of a compliance model for a candidate list (issue j's candidates are
    /// <paramref name="issueStart"/>[j] .. [j + 1] − 1, each an option index or a value, as in a package); null
    /// when compliance is not simulated or no provision is tied to a term (then nothing differs between packages).
    /// </summary>
    public static PackageAftermath? For(ComplianceModel model, ReadOnlySpan<int> issueStart, ReadOnlySpan<double> candidateTerm)
    {
        Guard.NotNull(model);
        if (!model.Enabled)
        {
            return null;
        }

        var tied = Enumerable.Range(0, model.ProvisionCount).Where(j => model.ProvisionGate[j] is not null).ToArray();
        return tied.Length == 0 ? null : new PackageAftermath(model, issueStart.ToArray(), candidateTerm.ToArray(), tied);
    }

    /// <summary>
    /// Fills <paramref name="keep"/>[a · <see cref="CandidateCount"/> + c], the share of its value of candidate c
    /// that actor a expects to receive after signature (1 for terms no partner is bound by).
    /// </summary>
    /// <param name="p">The run's parameter vector.</param>
    /// <param name="weight">Per actor and issue, the run's normalised weight ([a · issues + j]).</param>
    /// <param name="value">Per actor and candidate, the run's value in [0, 1] ([a · candidates + c]).</param>
    /// <param name="reservation">Per actor, the value of no agreement.</param>
    public void Fill(ReadOnlySpan<double> p, ReadOnlySpan<double> weight, ReadOnlySpan<double> value, ReadOnlySpan<double> reservation, Span<double> keep)
    {
        var model = _model;
        var n = model.ActorCount;
        var t = CandidateCount;
        keep[..FactorCount].Fill(1.0);
        Span<double> partner = n <= 128 ? stackalloc double[2 * n] : new double[2 * n];
        var surplus = partner[..n];
        var collapse = partner[n..];
        foreach (var i in _bound)
        {
            surplus[i] = ExpectedSurplus(i, weight, value, reservation);
            collapse[i] = CollapseChance(p, i);
        }

        for (var k = 0; k < _tied.Length; k++)
        {
            var j = _tied[k];
            var gain = OpportunityGain(p, j);
            for (var g = _groups.Start[k]; g < _groups.Start[k + 1]; g++)
            {
                // Every candidate of a group brings the same mechanisms, so the chance is computed once per group.
                var (detection, penalty) = Deterrence(p, j, _groups.Mechanisms[g]);
                foreach (var i in model.Obligated[j])
                {
                    var kept = 1 - ViolationChance(p, j, i, gain, detection, penalty, collapse[i], surplus[i]);
                    for (var q = _groups.CandidateStart[g]; q < _groups.CandidateStart[g + 1]; q++)
                    {
                        var c = _groups.Candidates[q];
                        foreach (var a in _unbound[k])
                        {
                            keep[a * t + c] *= kept;
                        }
                    }
                }
            }
        }
    }

    /// <summary>G, the mean gain of an opportunity to violate <paramref name="provision"/>: its temptation per day times the days of an opportunity.</summary>
    private double OpportunityGain(ReadOnlySpan<double> p, int provision) =>
        Math.Max(0, p[_model.TemptationSlot[provision]]) * MechanismDefaults.OpportunityDays / _model.RateUnitDays;

    /// <summary>
    /// What a violation of <paramref name="provision"/> meets under the mechanisms a term brings (<paramref name="mechanisms"/>,
    /// ascending: those without a condition, staged or not, and those whose condition is on the term's issue and
    /// matches it): the detection D (the baseline's, or any mechanism's) and the penalty P + M.
    /// </summary>
    private (double Detection, double Penalty) Deterrence(ReadOnlySpan<double> p, int provision, int[] mechanisms)
    {
        var model = _model;
        var detection = MechanismDefaults.BaselineDetection;
        var penalty = Math.Max(0, p[model.ProvisionPenaltySlot[provision]]);
        foreach (var m in mechanisms)
        {
            detection = ComplianceRules.EitherOf(detection, Math.Clamp(p[model.DetectionSlot[m]], 0, 1));
            penalty += Math.Max(0, p[model.MechanismPenaltySlot[m]]);
        }

        return (detection, penalty);
    }

    /// <summary>C, the chance that some responder of <paramref name="actor"/> quits over a first sighting: 1 − Π_k (1 − c_k).</summary>
    private double CollapseChance(ReadOnlySpan<double> p, int actor)
    {
        var model = _model;
        var survives = 1.0;
        foreach (var k in model.Responders[actor])
        {
            survives *= 1 - ComplianceRules.CollapseIfDetected(model.Response[k], p[model.ForgivenessSlot[k]], p[model.ToleranceSlot[k]], 1);
        }

        return 1 - survives;
    }

    /// <summary>
    /// The chance that <paramref name="actor"/> takes an opportunity to violate <paramref name="provision"/>:
    /// v = P(G·shock &gt; c), G the mean gain of an opportunity (<see cref="OpportunityGain"/>),
    /// c = D · (P + M + C · surplus / −ln δ) with the detection D and penalty P + M of the term's mechanisms
    /// (<see cref="Deterrence"/>) and C the chance a responder quits over a first sighting (<see cref="CollapseChance"/>).
    /// When the provision can be violated partly, the expected share violated, v_full + γ · v_partial.
    /// </summary>
    private double ViolationChance(ReadOnlySpan<double> p, int provision, int actor, double gain, double detection, double penalty, double collapse, double surplus)
    {
        var model = _model;
        var cost = ComplianceRules.ExpectedViolationCost(detection, penalty, collapse, Math.Clamp(p[model.DiscountSlot[actor]], 0, 0.999999), surplus);
        if (model.PartialGainSlot[provision] < 0)
        {
            return ComplianceRules.ViolationProbability(gain, cost, MechanismDefaults.TemptationNoise);
        }

        // A partial violation takes a share γ of the provision: the expected share violated is v_full + γ · v_partial.
        var gainShare = Math.Clamp(p[model.PartialGainSlot[provision]], 0, 1);
        var (fullAbove, partialAbove) = ComplianceRules.ViolationThresholds(
            cost, gainShare, Math.Clamp(p[model.PartialDetectionSlot[provision]], 0, 1));
        var full = ComplianceRules.ViolationProbability(gain, fullAbove, MechanismDefaults.TemptationNoise);
        var partly = ComplianceRules.ViolationProbability(gain, partialAbove, MechanismDefaults.TemptationNoise) - full;
        return full + gainShare * Math.Max(0, partly);
    }

    /// <summary>
    /// What actor i expects to gain from an agreement, before one is reached: half the way from its no-deal value to
    /// its best attainable utility, max(0, (best − r) / 2) (JUDGEMENT: a deal splits the difference).
    /// </summary>
    private double ExpectedSurplus(int i, ReadOnlySpan<double> weight, ReadOnlySpan<double> value, ReadOnlySpan<double> reservation)
    {
        var issues = _issueStart.Length - 1;
        var t = CandidateCount;
        var best = 0.0;
        for (var j = 0; j < issues; j++)
        {
            var top = 0.0;
            for (var c = _issueStart[j]; c < _issueStart[j + 1]; c++)
            {
                top = Math.Max(top, value[i * t + c]);
            }

            best += weight[i * issues + j] * top;
        }

        return Math.Max(0, (best - reservation[i]) / 2);
    }

    /// <summary>
    /// Per tied provision (k, its index in the tied list), the candidates its condition matches, grouped by the
    /// mechanisms they bring: two candidates are in one group when every mechanism's condition applies to both or to
    /// neither (<see cref="MechanismApplies"/>). <see cref="ViolationChance"/> reads a term only through those
    /// conditions, so it is the same for every candidate of a group. Groups of provision k are
    /// <c>Start[k] .. Start[k + 1] − 1</c>; group g's candidates are <c>Candidates[CandidateStart[g] .. CandidateStart[g + 1] − 1]</c>
    /// and the mechanisms they bring <c>Mechanisms[g]</c>, ascending.
    /// </summary>
    private sealed record TermGroups(int[] Start, int[] CandidateStart, int[] Candidates, int[][] Mechanisms)
    {
        public static TermGroups Build(ComplianceModel model, int[] issueStart, double[] candidateTerm, int[] tied)
        {
            var start = new List<int> { 0 };
            var candidateStart = new List<int> { 0 };
            var candidates = new List<int>();
            var mechanisms = new List<int[]>();
            foreach (var j in tied)
            {
                var gate = model.ProvisionGate[j]!;
                var issue = gate.Issue;
                var groups = new List<(int[] Mechanisms, List<int> Members)>();
                for (var c = issueStart[issue]; c < issueStart[issue + 1]; c++)
                {
                    if (!gate.MatchesTerm(candidateTerm[c]))
                    {
                        continue;
                    }

                    var brings = Enumerable.Range(0, model.MechanismCount).Where(m => MechanismApplies(model, m, issue, candidateTerm[c])).ToArray();
                    var group = groups.FindIndex(g => g.Mechanisms.SequenceEqual(brings));
                    if (group < 0)
                    {
                        groups.Add((brings, [c]));
                    }
                    else
                    {
                        groups[group].Members.Add(c);
                    }
                }

                foreach (var (brings, members) in groups)
                {
                    candidates.AddRange(members);
                    candidateStart.Add(candidates.Count);
                    mechanisms.Add(brings);
                }

                start.Add(candidateStart.Count - 1);
            }

            return new TermGroups(start.ToArray(), candidateStart.ToArray(), candidates.ToArray(), mechanisms.ToArray());
        }
    }

    /// <summary>True when mechanism m comes with term <paramref name="term"/> on <paramref name="issue"/>: it has no condition, or its condition is on that issue and matches the term.</summary>
    private static bool MechanismApplies(ComplianceModel model, int m, int issue, double term)
    {
        var gate = model.MechanismGate[m];
        return gate is null || (gate.Issue == issue && gate.MatchesTerm(term));
    }
}
