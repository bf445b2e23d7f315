namespace Negotiation.Simulation.MonteCarlo.Accumulators;

/// <summary>
/// Per-run differences between a variant and the baseline over the same sampled futures (common random
/// numbers): agreement (−1, 0 or 1), each shared actor's utility, and one-year survival. Their means are the
/// effects; their variances give paired intervals far tighter than comparing two independent samples.
/// </summary>
public sealed class PairedAccumulator
{
    public PairedAccumulator(string variantId, string baselineId, IReadOnlyList<string> sharedActors)
    {
        VariantId = variantId;
        BaselineId = baselineId;
        SharedActors = sharedActors;
        Utility = new Moments[sharedActors.Count];
    }

    public string VariantId { get; }

    public string BaselineId { get; }

    /// <summary>Actors present in both the variant and the baseline, by id.</summary>
    public IReadOnlyList<string> SharedActors { get; }

    public Moments Agreement;

    public Moments Survival;

    public Moments[] Utility { get; }

    public void Add(PairedAccumulator other)
    {
        Agreement.Add(other.Agreement);
        Survival.Add(other.Survival);
        for (var a = 0; a < Utility.Length; a++)
        {
            Utility[a].Add(other.Utility[a]);
        }
    }
}
