using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.Negotiation;

namespace Negotiation.Simulation.MonteCarlo.Accumulators;

/// <summary>
/// Everything one variant's runs add up to: counts, exact moments and fixed-bin histograms. Memory is fixed by
/// the layout, never by the number of runs, and <see cref="Add(VariantAccumulator)"/> is exact, so any split
/// of the runs over threads or shards merges into the same bytes.
/// </summary>
public sealed class VariantAccumulator
{
    public VariantAccumulator(VariantLayout layout)
    {
        Layout = layout;
        var actors = layout.Actors.Count;
        Rounds = new long[layout.Deadline + 1];
        Breakdowns = new long[2 + actors];
        BeliefShift = new ExactSum[actors];
        OptionCounts = layout.Issues.Select(i => new long[i.Kind == IssueKind.Discrete ? i.Options.Count : 0]).ToArray();
        IssueValues = layout.Issues.Select(i => new Histogram(i.Min, i.Kind == IssueKind.Continuous ? i.Max : i.Min + 1, VariantLayout.ValueBins)).ToArray();
        IssueMoments = new Moments[layout.Issues.Count];
        Utility = Enumerable.Range(0, actors).Select(_ => new Histogram(VariantLayout.UtilityLow, VariantLayout.UtilityHigh, VariantLayout.UtilityBins)).ToArray();
        UtilityMoments = new Moments[actors];
        BeatBatna = new long[actors];
        var compliance = layout.Compliance;
        Held = new long[(compliance?.Horizon ?? 0) + 1];
        FirstViolators = new long[(compliance?.Parties.Count ?? 0) + 1];
        Causes = new long[Enum.GetValues<CollapseCause>().Length];
        Stages = new long[compliance?.Stages.Count ?? 0];
        var k = layout.UncertainParameters.Count;
        ParameterMoments = new Moments[k];
        ParameterTimesAgreed = new ExactSum[k];
        ParameterTimesSurvived = new ExactSum[k];
    }

    public VariantLayout Layout { get; }

    public long Runs { get; set; }

    public long Agreed { get; set; }

    /// <summary>Agreed runs that held one year (see <see cref="ComplianceLayout.OneYearPeriods"/>).</summary>
    public long SurvivedOneYear { get; set; }

    /// <summary>[r] = agreements reached in round r.</summary>
    public long[] Rounds { get; }

    /// <summary>[0] = deadline passed; [1 + a] = actor a walked out; [1 + actors] = the talks broke down by the hazard.</summary>
    public long[] Breakdowns { get; }

    /// <summary>Runs whose talks ended (in agreement or not) in round 1.</summary>
    public long EndedInRoundOne { get; set; }

    /// <summary>
    /// [a] = Σ over runs of |how far the others' belief about a's reservation value moved| from prior to the end of the
    /// talks (docs/model.md §3.3): divided by <see cref="Runs"/>, how much the talks revealed about a.
    /// </summary>
    public ExactSum[] BeliefShift { get; }

    public long[][] OptionCounts { get; }

    public Histogram[] IssueValues { get; }

    public Moments[] IssueMoments { get; }

    public Histogram[] Utility { get; }

    public Moments[] UtilityMoments { get; }

    public long[] BeatBatna { get; }

    /// <summary>[t] = agreements that held at least t periods.</summary>
    public long[] Held { get; }

    /// <summary>[party] = first detected violator; the last slot counts agreements with no violator.</summary>
    public long[] FirstViolators { get; }

    public long[] Causes { get; }

    public long[] Stages { get; }

    public Moments[] ParameterMoments { get; }

    public ExactSum[] ParameterTimesAgreed { get; }

    public ExactSum[] ParameterTimesSurvived { get; }

    /// <summary>
    /// Adds one run's outcome. <paramref name="uncertainValues"/> are the run's values of the layout's uncertain
    /// parameters, in order. <see cref="ParameterMoments"/> depend on the draws alone, so the Monte Carlo worker adds
    /// them itself, once per distinct parameter for all the variants that share it.
    /// </summary>
    public void Add(in NegotiationResult negotiation, NegotiationWorkspace workspace, in ComplianceResult compliance, bool survivedOneYear, ReadOnlySpan<double> uncertainValues)
    {
        Runs++;
        if (negotiation.Round == 1)
        {
            EndedInRoundOne++;
        }

        for (var a = 0; a < BeliefShift.Length; a++)
        {
            BeliefShift[a].Add(Math.Abs(workspace.BeliefShift(a)));
        }

        var utilities = workspace.Utilities;
        var reservations = workspace.Reservations;
        for (var a = 0; a < utilities.Length; a++)
        {
            var u = utilities[a];
            Utility[a].Add(u);
            UtilityMoments[a].Add(u);
            if (u > reservations[a])
            {
                BeatBatna[a]++;
            }
        }

        if (negotiation.Agreed)
        {
            Agreed++;
            Rounds[Math.Clamp(negotiation.Round, 0, Rounds.Length - 1)]++;
            var package = workspace.Package;
            for (var i = 0; i < package.Length; i++)
            {
                if (OptionCounts[i].Length > 0)
                {
                    OptionCounts[i][(int)package[i]]++;
                }
                else
                {
                    IssueValues[i].Add(package[i]);
                    IssueMoments[i].Add(package[i]);
                }
            }

            if (Layout.Compliance is not null)
            {
                AddCompliance(compliance, survivedOneYear);
            }

            for (var k = 0; k < uncertainValues.Length; k++)
            {
                ParameterTimesAgreed[k].Add(uncertainValues[k]);
                if (survivedOneYear)
                {
                    ParameterTimesSurvived[k].Add(uncertainValues[k]);
                }
            }
        }
        else
        {
            Breakdowns[negotiation.Cause switch
            {
                BreakdownCause.WalkOut when negotiation.WalkedOut >= 0 => 1 + negotiation.WalkedOut,
                BreakdownCause.Hazard => Breakdowns.Length - 1,
                _ => 0,
            }]++;
        }
    }

    private void AddCompliance(in ComplianceResult compliance, bool survivedOneYear)
    {
        var held = Math.Clamp(compliance.PeriodsHeld, 0, Held.Length - 1);
        for (var t = 0; t <= held; t++)
        {
            Held[t]++;
        }

        if (survivedOneYear)
        {
            SurvivedOneYear++;
        }

        var violator = compliance.FirstViolator;
        FirstViolators[violator >= 0 && violator < FirstViolators.Length - 1 ? violator : FirstViolators.Length - 1]++;
        Causes[(int)compliance.Cause]++;
        for (var s = 0; s < Stages.Length; s++)
        {
            if ((compliance.StagesReached & (1 << s)) != 0)
            {
                Stages[s]++;
            }
        }
    }

    /// <summary>Adds another accumulator of the same layout (exact).</summary>
    public void Add(VariantAccumulator other)
    {
        Runs += other.Runs;
        Agreed += other.Agreed;
        SurvivedOneYear += other.SurvivedOneYear;
        AddAll(Rounds, other.Rounds);
        AddAll(Breakdowns, other.Breakdowns);
        EndedInRoundOne += other.EndedInRoundOne;
        for (var a = 0; a < BeliefShift.Length; a++)
        {
            BeliefShift[a].Add(other.BeliefShift[a]);
        }

        for (var i = 0; i < OptionCounts.Length; i++)
        {
            AddAll(OptionCounts[i], other.OptionCounts[i]);
            IssueValues[i].Add(other.IssueValues[i]);
            IssueMoments[i].Add(other.IssueMoments[i]);
        }

        for (var a = 0; a < Utility.Length; a++)
        {
            Utility[a].Add(other.Utility[a]);
            UtilityMoments[a].Add(other.UtilityMoments[a]);
        }

        AddAll(BeatBatna, other.BeatBatna);
        AddAll(Held, other.Held);
        AddAll(FirstViolators, other.FirstViolators);
        AddAll(Causes, other.Causes);
        AddAll(Stages, other.Stages);
        for (var k = 0; k < ParameterMoments.Length; k++)
        {
            ParameterMoments[k].Add(other.ParameterMoments[k]);
            ParameterTimesAgreed[k].Add(other.ParameterTimesAgreed[k]);
            ParameterTimesSurvived[k].Add(other.ParameterTimesSurvived[k]);
        }
    }

    private static void AddAll(long[] target, long[] source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }
}
