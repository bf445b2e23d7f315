using Negotiation.Scenarios.Writing;
using GeniusFixture = Negotiation.Scenarios.Tests.Genius.Fixture;
using Negotiation.Scenarios.Genius;

namespace Negotiation.Scenarios.Tests.Writing;

public partial class ScenarioYamlWriterTest
{
    [Fact]
    public void Write_ImportedLaptop_MatchesTheGoldenFile()
    {
        var domain = GeniusFixture.Path("laptop_domain.xml");
        string[] profiles = [GeniusFixture.Path("laptop_buyer.xml"), GeniusFixture.Path("laptop_seller.xml")];
        var (scenario, _) = GeniusImporter.Import(domain, profiles, new GeniusImportOptions { Names = ["Buyer", "Seller"] });

        var yaml = ScenarioYamlWriter.Write(scenario, GeniusImporter.HeaderComment(domain, profiles));

        var golden = File.ReadAllText(GeniusFixture.Path("laptop.golden.yaml"));
        if (yaml != golden)
        {
            // Left next to the golden file's copy for review: diff it, and copy it over the source if the change is intended.
            File.WriteAllText(GeniusFixture.Path("laptop.actual.yaml"), yaml);
        }

        Assert.Equal(golden, yaml);
    }
}
