using Negotiation.Scenarios.Writing;
using Negotiation.Core.Model;
using Negotiation.Scenarios.Genius;

namespace Negotiation.Scenarios.Tests.Genius;

/// <summary>An imported domain, written as YAML, loads back through the scenario loader into the same scenario.</summary>
public partial class GeniusImporterTest
{
    [Theory]
    [InlineData("laptop")]
    [InlineData("numeric")]
    public void WrittenYaml_LoadsBackWithTheSameIssuesActorsAndValuations(string domain)
    {
        var imported = (domain == "laptop" ? ImportLaptop() : ImportNumeric()).Scenario;

        var yaml = ScenarioYamlWriter.Write(imported, "round trip");
        var loaded = ScenarioLoader.LoadText(yaml, domain + ".yaml").Baseline.Scenario;

        Assert.Equal(imported.Issues.Select(i => (i.Id, i.Kind, i.Options.Count, i.Min, i.Max)), loaded.Issues.Select(i => (i.Id, i.Kind, i.Options.Count, i.Min, i.Max)));
        Assert.Equal(imported.Actors.Select(a => a.Id), loaded.Actors.Select(a => a.Id));
        foreach (var (original, reloaded) in imported.Actors.Zip(loaded.Actors))
        {
            Assert.Equal(original.Reservation.Value.Mean, reloaded.Reservation.Value.Mean);
            foreach (var (a, b) in original.Interests.Zip(reloaded.Interests))
            {
                Assert.Equal(a.IssueId, b.IssueId);
                Assert.Equal(a.Weight.Mean, b.Weight.Mean);
                Assert.Equal(Values(a), Values(b));
                Assert.Equal(a.Curve?.Select(p => (p.X, p.Value)), b.Curve?.Select(p => (p.X, p.Value)));
            }
        }
    }

    private static IEnumerable<(string, double)>? Values(Interest interest) =>
        interest.OptionValues?.Select(kv => (kv.Key, kv.Value.Mean)).OrderBy(kv => kv.Key, StringComparer.Ordinal);
}
