using System.Globalization;
using System.Text;
using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.MonteCarlo;
using Negotiation.Simulation.MonteCarlo.Accumulators;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Models.Bargaining;

/// <summary>
/// Today's bargaining engine (negotiation, then compliance when a deal is signed) behind the model seam: an adapter
/// over <see cref="CompiledVariant"/> and <see cref="VariantRunner"/>, which it leaves as they are. Its accumulator is
/// the engine's own <see cref="VariantAccumulator"/>, so whatever runs through the seam adds up to what
/// <see cref="MonteCarloRunner"/> reports.
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

/// <summary>The engine's <see cref="VariantAccumulator"/> behind the seam, with the parameter moments the Monte Carlo worker adds itself.</summary>
public sealed class BargainingAccumulator(VariantAccumulator outcomes) : IOutcomeAccumulator
{
    public VariantAccumulator Outcomes { get; } = outcomes;

    public long Runs => Outcomes.Runs;

    public void Add(IModelWorkspace workspace)
    {
        var runner = ((BargainingWorkspace)workspace).Runner;
        var values = runner.UncertainValues;
        Outcomes.Add(runner.Negotiation, runner.NegotiationWorkspace, runner.Compliance, runner.SurvivedOneYear, values);
        var moments = Outcomes.ParameterMoments;
        for (var k = 0; k < values.Length; k++)
        {
            moments[k].Add(values[k]);
        }
    }

    public void Merge(IOutcomeAccumulator other) => Outcomes.Add(((BargainingAccumulator)other).Outcomes);

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
