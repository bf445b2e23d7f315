using Negotiation.Scenarios.Genius;

namespace Negotiation.Scenarios.Tests.Genius;

public partial class ScenarioYamlWriterTest
{
    [Fact]
    public void Write_ImportedLaptop_MatchesTheGoldenFile()
    {
        var domain = Fixture.Path("laptop_domain.xml");
        string[] profiles = [Fixture.Path("laptop_buyer.xml"), Fixture.Path("laptop_seller.xml")];
        var (scenario, _) = GeniusImporter.Import(domain, profiles, new GeniusImportOptions { Names = ["Buyer", "Seller"] });

        var yaml = ScenarioYamlWriter.Write(scenario, GeniusImporter.HeaderComment(domain, profiles));

        var golden = File.ReadAllText(Fixture.Path("laptop.golden.yaml"));
        if (yaml != golden)
        {
            // Left next to the golden file's copy for review: diff it, and copy it over the source if the change is intended.
            File.WriteAllText(Fixture.Path("laptop.actual.yaml"), yaml);
        }

        Assert.Equal(golden, yaml);
    }
}
