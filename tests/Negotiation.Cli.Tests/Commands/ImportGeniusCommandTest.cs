namespace Negotiation.Cli.Tests.Commands;

/// <summary>The GENIUS Laptop domain, imported, analysed and run end to end.</summary>
public class ImportGeniusCommandTest
{
    private static readonly string Fixtures = TestCli.Repo("tests/Negotiation.Scenarios.Tests/Genius/Fixtures");

    [Fact]
    public void ImportedLaptop_AnalysesToTheKnownNashPointAndRunsWithTimeDependentStrategies()
    {
        using var dir = new TempDirectory();
        var yaml = dir.Combine("laptop.yaml");
        var import = TestCli.Run(
            "import-genius",
            Path.Combine(Fixtures, "laptop_domain.xml"),
            Path.Combine(Fixtures, "laptop_buyer.xml"),
            Path.Combine(Fixtures, "laptop_seller.xml"),
            "--names", "buyer,seller",
            "--out", yaml);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("Wrote", import.Error);

        var analysis = TestCli.Run("analyze", yaml);
        Assert.Equal(0, analysis.ExitCode);
        // The frontier is GENIUS's four packages whatever the reservation values. The seller's profile has
        // reservation 0.25, so the Nash product (u_b − 0)(u_s − 0.25) is 1.000 × 0.565 = 0.565 at (HP, 60, 19) but
        // 0.852 × 0.691 = 0.589 at (Macintosh, 60, 19); maximum welfare stays at (HP, 60, 19): 1.000 + 0.815.
        Assert.Contains("Pareto frontier: 4 package(s)", analysis.Out);
        var lines = analysis.Out.Split('\n');
        Assert.Contains("Laptop: Macintosh, Harddisk: 60 Gb, External Monitor: 19''", lines.Single(l => l.StartsWith("Nash")));
        Assert.Contains("Laptop: HP, Harddisk: 60 Gb, External Monitor: 19''", lines.Single(l => l.StartsWith("Max welfare")));

        var run = TestCli.Run("run", yaml, "--runs", "200", "--quiet", "--out", dir.Combine("report"));
        Assert.Equal(0, run.ExitCode);
        var issues = File.ReadAllText(dir.Combine("report/issues.csv"));
        Assert.Contains("HP", issues);
        Assert.True(File.Exists(dir.Combine("report/charts/rounds.png")));
    }

    [Fact]
    public void MissingProfile_IsBadInput()
    {
        var result = TestCli.Run("import-genius", Path.Combine(Fixtures, "laptop_domain.xml"), "no-such-profile.xml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-profile.xml", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
