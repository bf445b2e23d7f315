using System.Globalization;
using System.Text;
using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.MonteCarlo;
using Negotiation.Simulation.MonteCarlo.Accumulators;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Models.Bargaining;

/// <summary>
/// The bargaining family over the variants of a <see cref="SimulationPlan"/>, as the Monte Carlo core runs it: one
/// <see cref="BargainingModel"/> per variant; a worker's workspaces with followers linked to the baseline's
/// (<see cref="CompiledVariant.FollowsBaseline"/>); paired comparisons with the baseline per run; the <c>--per-run</c> rows.
/// </summary>
public sealed class BargainingPlan : IModelPlan
{
    private readonly BargainingModel[] _models;

    public BargainingPlan(SimulationPlan plan)
    {
        Guard.NotNull(plan);
        Simulation = plan;
        _models = plan.Variants.Select(v => new BargainingModel(v)).ToArray();
    }

    public SimulationPlan Simulation { get; }

    public string Family => BargainingModel.FamilyId;

    public IReadOnlyList<INegotiationModel> Models => _models;

    public IModelWorkspace[] CreateWorkspaces()
    {
        var workspaces = new BargainingWorkspace[_models.Length];
        var draws = new BeliefDraws();   // the variants draw most belief types alike: once per run
        var aftermath = new AftermathMemo();   // and most compute the same shadow of the future
        for (var v = 0; v < workspaces.Length; v++)
        {
            workspaces[v] = new BargainingWorkspace(_models[v]);
            workspaces[v].Runner.NegotiationWorkspace.Beliefs.ShareDraws(draws);
            workspaces[v].Runner.NegotiationWorkspace.ShareAftermath(aftermath);
            if (v > 0 && Simulation.Variants[v].FollowsBaseline)
            {
                workspaces[v].Runner.Follow(workspaces[0].Runner);
            }
        }

        return workspaces;
    }

    public IRunComparison? CreateComparison(IModelWorkspace[] workspaces) =>
        new BargainingComparison(Simulation, Typed(workspaces));

    public IRunRows? CreateRows(IModelWorkspace[] workspaces) => new PerRunRows(Simulation, Typed(workspaces));

    /// <summary>The <see cref="MonteCarloResult"/> of <paramref name="outcome"/>, a run of this plan for <paramref name="request"/>.</summary>
    public MonteCarloResult Result(ModelRunResult outcome, RunRequest request, string fingerprint)
    {
        Guard.NotNull(outcome);
        Guard.NotNull(request);
        var set = Simulation.Set;
        return new MonteCarloResult(
            set.Metadata.Id,
            set.Metadata.Title,
            set.SourcePath,
            set.Metadata.Sources,
            fingerprint,
            request.Seed,
            request.Runs,
            request.Shard is null ? [] : [request.Shard],
            outcome.CompletedRuns,
            outcome.Complete,
            outcome.Variants.Select(v => ((BargainingAccumulator)v).Outcomes).ToArray(),
            ((BargainingComparison)outcome.Comparison!).Pairs);
    }

    private static BargainingWorkspace[] Typed(IModelWorkspace[] workspaces) => workspaces.Cast<BargainingWorkspace>().ToArray();
}

/// <summary>
/// Per run, each variant against the baseline over the same draws (common random numbers): the difference in agreement,
/// in one-year survival when both have a compliance phase, and in each shared actor's utility.
/// </summary>
internal sealed class BargainingComparison : IRunComparison
{
    private readonly BargainingWorkspace[] _workspaces;

    /// <summary>Per variant after the baseline, per shared actor: (its index in the variant, its index in the baseline).</summary>
    private readonly (int Variant, int Baseline)[][] _actorInBaseline;

    public BargainingComparison(SimulationPlan plan, BargainingWorkspace[] workspaces)
    {
        _workspaces = workspaces;
        var baseline = plan.Variants[0];
        Pairs = plan.Variants.Skip(1)
            .Select(v => new PairedAccumulator(
                v.Variant.Id,
                baseline.Variant.Id,
                v.Layout.Actors.Select(a => a.Id).Where(id => baseline.Layout.Actors.Any(b => b.Id == id)).ToArray()))
            .ToArray();
        _actorInBaseline = plan.Variants.Skip(1)
            .Select((v, i) => Pairs[i].SharedActors
                .Select(id => (Variant: IndexOf(v.Layout.Actors, id), Baseline: IndexOf(baseline.Layout.Actors, id)))
                .ToArray())
            .ToArray();
    }

    /// <summary>[i] = variant i + 1 against the baseline.</summary>
    public PairedAccumulator[] Pairs { get; }

    public void Add()
    {
        var baseline = _workspaces[0].Runner;
        for (var i = 0; i < Pairs.Length; i++)
        {
            var variant = _workspaces[i + 1].Runner;
            var pair = Pairs[i];
            pair.Agreement.Add((variant.Negotiation.Agreed ? 1 : 0) - (baseline.Negotiation.Agreed ? 1 : 0));
            if (variant.HasCompliance && baseline.HasCompliance)
            {
                pair.Survival.Add((variant.SurvivedOneYear ? 1 : 0) - (baseline.SurvivedOneYear ? 1 : 0));
            }

            var map = _actorInBaseline[i];
            for (var a = 0; a < map.Length; a++)
            {
                pair.Utility[a].Add(variant.NegotiationWorkspace.Utilities[map[a].Variant] - baseline.NegotiationWorkspace.Utilities[map[a].Baseline]);
            }
        }
    }

    public void Merge(IRunComparison other)
    {
        var pairs = ((BargainingComparison)other).Pairs;
        for (var i = 0; i < Pairs.Length; i++)
        {
            Pairs[i].Add(pairs[i]);
        }
    }

    private static int IndexOf(IReadOnlyList<LabelledItem> items, string id)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// Today's bargaining engine (negotiation, then compliance when a deal is signed) as one variant's model behind the
/// seam: an adapter over <see cref="CompiledVariant"/> and <see cref="VariantRunner"/>, which it leaves as they are. Its
/// accumulator is the engine's own <see cref="VariantAccumulator"/>.
/// </summary>
public sealed class BargainingModel : INegotiationModel
{
    public const string FamilyId = "bargaining";

    public BargainingModel(CompiledVariant compiled)
    {
        Compiled = compiled;
        _signatoryRedLines = SignatoryRedLines(compiled.Variant.Scenario);
    }

    public CompiledVariant Compiled { get; }

    public string Family => FamilyId;

    public VariantScenario Variant => Compiled.Variant;

    public ParameterTable Parameters => Compiled.Parameters;

    public static BargainingModel Compile(VariantScenario variant) => new(CompiledVariant.Compile(variant));

    public IModelWorkspace CreateWorkspace() => new BargainingWorkspace(this);

    public IOutcomeAccumulator CreateAccumulator() => new BargainingAccumulator(new VariantAccumulator(Compiled.Layout));

    /// <summary>(issue index, excluded option index or −1, min, max) for every red line of every signatory.</summary>
    private readonly (int Issue, int Option, double Min, double Max)[] _signatoryRedLines;

    internal bool Crosses(ReadOnlySpan<double> package)
    {
        foreach (var (issue, option, min, max) in _signatoryRedLines)
        {
            var term = package[issue];
            if (option >= 0 ? (int)term == option : term < min || term > max)
            {
                return true;
            }
        }

        return false;
    }

    private static (int, int, double, double)[] SignatoryRedLines(Scenario scenario)
    {
        var lines = new List<(int, int, double, double)>();
        foreach (var actor in scenario.Actors.Where(a => scenario.Protocol.Signatories.Contains(a.Id)))
        {
            foreach (var line in actor.RedLines)
            {
                var j = scenario.IssueIndex(line.IssueId);
                if (j < 0)
                {
                    continue;
                }

                var issue = scenario.Issues[j];
                if (issue.Kind == IssueKind.Discrete)
                {
                    lines.AddRange(line.ExcludedOptions.Select(o => (j, issue.IndexOf(o), 0.0, 0.0)).Where(l => l.Item2 >= 0));
                }
                else
                {
                    lines.Add((j, -1, line.Min ?? double.NegativeInfinity, line.Max ?? double.PositiveInfinity));
                }
            }
        }

        return lines.ToArray();
    }
}

/// <summary>What a bargaining trace watches: the negotiation's steps and, after a signature, the compliance phase's.</summary>
public sealed record BargainingObserver(INegotiationObserver? Negotiation, IComplianceObserver? Compliance = null) : IModelObserver;

/// <summary>One worker's <see cref="VariantRunner"/> behind the seam.</summary>
public sealed class BargainingWorkspace : IModelWorkspace
{
    private readonly BargainingModel _model;

    internal BargainingWorkspace(BargainingModel model)
    {
        _model = model;
        Runner = new VariantRunner(model.Compiled);
    }

    public VariantRunner Runner { get; }

    public Span<double> Parameters => Runner.ParameterBuffer;

    public void Run(ulong seed, long run, IModelObserver? observer = null)
    {
        var watch = observer as BargainingObserver;
        if (observer is not null && watch is null)
        {
            throw new ArgumentException("the bargaining family is watched by a BargainingObserver", nameof(observer));
        }

        Runner.SimulateSampled(seed, run, watch?.Negotiation, watch?.Compliance);
    }

    public bool CrossesRedLine => Runner.Negotiation.Agreed && _model.Crosses(Runner.NegotiationWorkspace.Package);
}

/// <summary>The engine's <see cref="VariantAccumulator"/> behind the seam.</summary>
public sealed class BargainingAccumulator(VariantAccumulator outcomes) : IOutcomeAccumulator
{
    public VariantAccumulator Outcomes { get; } = outcomes;

    public long Runs => Outcomes.Runs;

    public void Add(IModelWorkspace workspace)
    {
        var runner = ((BargainingWorkspace)workspace).Runner;
        Outcomes.Add(runner.Negotiation, runner.NegotiationWorkspace, runner.Compliance, runner.SurvivedOneYear, runner.UncertainValues);
    }

    public void Merge(IOutcomeAccumulator other) => Outcomes.Add(((BargainingAccumulator)other).Outcomes);

    /// <summary>Uncertain slots are the layout's uncertain parameters, in the same order (<see cref="CompiledVariant.UncertainSlots"/>).</summary>
    public void AddParameterMoments(ReadOnlySpan<Moments> moments)
    {
        var own = Outcomes.ParameterMoments;
        for (var k = 0; k < own.Length; k++)
        {
            own[k].Add(moments[k]);
        }
    }

    public string StateDigest()
    {
        var o = Outcomes;
        var text = new StringBuilder();
        void Line(string name, IEnumerable<string> values) => text.Append(name).Append(' ').AppendJoin(',', values).Append('\n');
        static string Sum(ExactSum s) => s.Raw.ToString(CultureInfo.InvariantCulture);
        static string Moment(Moments m) => $"{m.Count}/{Sum(m.Sum)}/{Sum(m.SumOfSquares)}";
        static string Hist(Histogram h) => string.Join(' ', h.Counts.ToArray()) + $"|{h.Min:R}|{h.Max:R}";
        Line("runs", [o.Runs.ToString(CultureInfo.InvariantCulture), o.Agreed.ToString(CultureInfo.InvariantCulture), o.SurvivedOneYear.ToString(CultureInfo.InvariantCulture)]);
        Line("rounds", o.Rounds.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        Line("breakdowns", o.Breakdowns.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        Line("options", o.OptionCounts.Select(c => string.Join(' ', c)));
        Line("issues", o.IssueValues.Select(Hist));
        Line("issue-moments", o.IssueMoments.Select(Moment));
        Line("utility", o.Utility.Select(Hist));
        Line("utility-moments", o.UtilityMoments.Select(Moment));
        Line("batna", o.BeatBatna.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        Line("held", o.Held.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        Line("violators", o.FirstViolators.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        Line("causes", o.Causes.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        Line("stages", o.Stages.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        Line("parameters", o.ParameterMoments.Select(Moment));
        Line("agreed-times", o.ParameterTimesAgreed.Select(Sum));
        Line("survived-times", o.ParameterTimesSurvived.Select(Sum));
        return text.ToString();
    }
}
