using Negotiation.Scenarios.Genius;

namespace Negotiation.Scenarios.Tests.Genius;

/// <summary>The GENIUS-format files under Genius/Fixtures, copied next to the test assembly.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Genius", "Fixtures", name);

    public static GeniusDomain LaptopDomain() => GeniusReader.ReadDomain(Path("laptop_domain.xml"));

    /// <summary>Profile 1: evaluations 12/20/30, 30/20/9, 30/10/20; weights 0.4452, 0.3781, 0.1768.</summary>
    public static GeniusProfile LaptopBuyer(GeniusDomain domain) => GeniusReader.ReadProfile(Path("laptop_buyer.xml"), domain);

    /// <summary>Profile 2: evaluations 12/30/20, 20/30/9, 3/2/1; weights 0.3781, 0.1768, 0.4452; reservation 0.25.</summary>
    public static GeniusProfile LaptopSeller(GeniusDomain domain) => GeniusReader.ReadProfile(Path("laptop_seller.xml"), domain);

    public static GeniusDomain NumericDomain() => GeniusReader.ReadDomain(Path("numeric_domain.xml"));

    public static GeniusProfile NumericProfile(GeniusDomain domain) => GeniusReader.ReadProfile(Path("numeric_profile.xml"), domain);
}
