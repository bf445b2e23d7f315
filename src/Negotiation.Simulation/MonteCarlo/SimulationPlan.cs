using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.MonteCarlo;

/// <summary>One variant compiled for simulation: its parameter table, negotiation and compliance models, and layout.</summary>
public sealed class CompiledVariant
{
    private CompiledVariant(VariantScenario variant, ParameterTable parameters, NegotiationModel negotiation, ComplianceModel compliance)
    {
        Variant = variant;
        Parameters = parameters;
        Negotiation = negotiation;
        Compliance = compliance;
        UncertainSlots = parameters.UncertainSlots().ToArray();
        Layout = VariantLayout.From(variant, negotiation, compliance, UncertainSlots.Select(s => parameters.Paths[s]).ToArray());
    }

    public VariantScenario Variant { get; }

    public ParameterTable Parameters { get; }

    public NegotiationModel Negotiation { get; }

    public ComplianceModel Compliance { get; }

    /// <summary>Parameter slots drawn per run, in the order the sensitivity analysis reports them.</summary>
    public IReadOnlyList<int> UncertainSlots { get; }

    public VariantLayout Layout { get; }

    /// <summary>
    /// The baseline with another opening text and nothing else (<see cref="VariantScenario.OnlyOpeningDiffers"/>, both
    /// with an opening, the same parameters): its runs may take the baseline's ending once their rounds repeat it.
    /// </summary>
    public bool FollowsBaseline { get; internal set; }

    public static CompiledVariant Compile(VariantScenario variant)
    {
        var parameters = new ParameterTable();
        var negotiation = NegotiationModel.Compile(variant.Scenario, parameters);
        var compliance = ComplianceModel.Compile(variant.Scenario, parameters);
        negotiation.Aftermath = PackageAftermath.For(compliance, negotiation.IssueStart, negotiation.CandidateValues);
        return new CompiledVariant(variant, parameters, negotiation, compliance);
    }
}

/// <summary>
/// The variants of a scenario file compiled once, before the first run; the baseline first. Immutable and
/// shared by all worker threads.
/// </summary>
public sealed class SimulationPlan
{
    private SimulationPlan(ScenarioSet set, IReadOnlyList<CompiledVariant> variants)
    {
        Set = set;
        Variants = variants;
    }

    public ScenarioSet Set { get; }

    public IReadOnlyList<CompiledVariant> Variants { get; }

    /// <summary>
    /// Compiles the baseline and the variants named in <paramref name="variantIds"/> (all when null or empty).
    /// The baseline is always included, since every comparison is made against it.
    /// </summary>
    public static SimulationPlan Compile(ScenarioSet set, IReadOnlyCollection<string>? variantIds = null)
    {
        var chosen = set.Variants
            .Where((v, i) => i == 0 || variantIds is null || variantIds.Count == 0 || variantIds.Contains(v.Id))
            .Select(CompiledVariant.Compile)
            .ToArray();
        var baseline = chosen[0];
        foreach (var variant in chosen.Skip(1))
        {
            // Under private information an opening is a move others learn from, and an opening with an author commits it
            // (docs/model.md §3.3): the round state holds neither beliefs nor commitments, so only complete-information
            // variants with unattributed openings may follow.
            variant.FollowsBaseline = variant.Variant.OnlyOpeningDiffers
                && baseline.Negotiation.Information == Core.Model.InformationKind.Complete
                && baseline.Negotiation.OpeningAuthor < 0 && variant.Negotiation.OpeningAuthor < 0
                && baseline.Negotiation.Opening is not null && variant.Negotiation.Opening is not null
                && baseline.Parameters.Paths.SequenceEqual(variant.Parameters.Paths)
                && baseline.Parameters.Values.SequenceEqual(variant.Parameters.Values);
        }

        return new SimulationPlan(set, chosen);
    }
}
