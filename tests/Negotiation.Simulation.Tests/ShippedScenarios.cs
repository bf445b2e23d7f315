using Negotiation.Core.Model;
using Negotiation.Scenarios;

namespace Negotiation.Simulation.Tests;

/// <summary>The scenario files shipped in <c>scenarios/</c>, found above the test binaries.</summary>
internal static class ShippedScenarios
{
    public static ScenarioSet Load(string id) => ScenarioLoader.Load(RepositoryFiles.Scenario(id));

    /// <summary>A shipped scenario with every variant under complete information (docs/model.md §3.3).</summary>
    public static ScenarioSet LoadComplete(string id) => Complete(Load(id));

    /// <summary>Every variant of <paramref name="set"/> under complete information.</summary>
    public static ScenarioSet Complete(ScenarioSet set) =>
        set with { Variants = set.Variants.Select(Complete).ToList() };

    /// <summary><paramref name="variant"/> under complete information.</summary>
    public static VariantScenario Complete(VariantScenario variant) =>
        variant with { Scenario = Complete(variant.Scenario) };

    /// <summary>
    /// A shipped scenario under complete information with no author on any proposal: the setting in which a variant
    /// that changes only the opening follows the baseline's runs (docs/model.md §10).
    /// </summary>
    public static ScenarioSet LoadUnattributedComplete(string id)
    {
        var set = LoadComplete(id);
        return set with
        {
            Variants = set.Variants.Select(v => v with
            {
                Scenario = v.Scenario with { Proposals = v.Scenario.Proposals.Select(p => p with { Author = null }).ToList() },
            }).ToList(),
        };
    }

    /// <summary><paramref name="scenario"/> under complete information.</summary>
    public static Scenario Complete(Scenario scenario) =>
        scenario with { Protocol = scenario.Protocol with { Information = InformationKind.Complete } };
}
