using Negotiation.Core.Common;

namespace Negotiation.Core.Model;

/// <summary>Title, description and sources of a scenario.</summary>
/// <param name="Id">A short identifier (the file name without extension unless the file gives one).</param>
/// <param name="Sources">Where the scenario's facts come from: seed file names or other public sources.</param>
public sealed record ScenarioMetadata(
    string Id,
    string Title,
    string? Description,
    IReadOnlyList<string> Sources,
    int SchemaVersion);

/// <summary>
/// A complete, validated negotiation scenario: every reference in it resolves. Built by the scenario loader
/// (or by hand in tests) and compiled by the simulation layer; it knows nothing of YAML.
/// </summary>
public sealed record Scenario(
    ScenarioMetadata Metadata,
    IReadOnlyList<Issue> Issues,
    IReadOnlyList<Actor> Actors,
    IReadOnlyList<Proposal> Proposals,
    Protocol Protocol,
    IReadOnlyList<ScenarioEvent> Events,
    ComplianceDesign? Compliance)
{
    /// <summary>The optional <c>expectedUtility:</c> section (order of discrete options, explicit inputs); null when absent.</summary>
    public ExpectedUtilityDesign? ExpectedUtility { get; init; }

    public Issue Issue(string id) => Issues.First(i => i.Id == id);

    public Actor Actor(string id) => Actors.First(a => a.Id == id);

    public int IssueIndex(string id) => IndexOf(Issues, i => i.Id == id);

    public int ActorIndex(string id) => IndexOf(Actors, a => a.Id == id);

    private static int IndexOf<T>(IReadOnlyList<T> list, Func<T, bool> match)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (match(list[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// One variant of a scenario: the base scenario with a variant's overrides applied. The baseline variant
/// (the unmodified base, id "baseline" unless the file names another) comes first in a <see cref="ScenarioSet"/>.
/// </summary>
public sealed record VariantScenario(string Id, string Name, string? Description, Scenario Scenario)
{
    /// <summary>
    /// True when this variant is the baseline with another opening proposal and nothing else changed (the loader
    /// compares the two documents after every override); false when anything else differs or it is not known. The
    /// Monte Carlo core then reuses the baseline's run once this variant's rounds repeat it (docs/model.md §10).
    /// </summary>
    public bool OnlyOpeningDiffers { get; init; }

    /// <summary>A short label for chart axes, legends and table headers (<c>short:</c>); null: those places wrap <see cref="Name"/>.</summary>
    public string? Short { get; init; }
}

/// <summary>A loaded scenario file: its variants, baseline first.</summary>
public sealed record ScenarioSet(string SourcePath, IReadOnlyList<VariantScenario> Variants)
{
    public VariantScenario Baseline => Variants[0];

    public ScenarioMetadata Metadata => Baseline.Scenario.Metadata;
}
