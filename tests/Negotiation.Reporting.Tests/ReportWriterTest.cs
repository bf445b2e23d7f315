using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Tests;

public sealed class ReportWriterTest
{
    private static readonly string[] Tables =
        ["agreement.csv", "breakdowns.csv", "rounds.csv", "issues.csv", "issue_values.csv", "actors.csv", "survival.csv", "compliance.csv", "comparison.csv", "sensitivity.csv"];

    [Fact]
    public void Write_NewDirectory_WritesJsonTablesChartsAndPage()
    {
        using var temp = new TempDirectory();
        string report = temp.Combine("out", "border-talks");
        IReadOnlyList<string> files = ReportWriter.Write(SampleSummary.Create(), report, new ReportOptions());

        Assert.True(File.Exists(Path.Combine(report, "summary.json")));
        Assert.True(File.Exists(Path.Combine(report, "report.html")));
        Assert.All(Tables, t => Assert.True(File.Exists(Path.Combine(report, t)), t));
        foreach (string chart in new[] { "agreement", "rounds", "issue-border", "issue-troops", "utility", "survival", "tornado-baseline", "tornado-mediated" })
        {
            Assert.True(File.Exists(Path.Combine(report, "charts", chart + ".png")), chart + ".png");
            Assert.True(File.Exists(Path.Combine(report, "charts", chart + ".svg")), chart + ".svg");
        }

        Assert.Equal(files.Count, Directory.EnumerateFiles(report, "*", SearchOption.AllDirectories).Count());
        Assert.Equal(["border-talks"], Directory.EnumerateFileSystemEntries(temp.Combine("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_WithoutCharts_WritesNoChartFilesButThePageStillShowsThem()
    {
        using var temp = new TempDirectory();
        string report = temp.Combine("r");
        ReportWriter.Write(SampleSummary.Create(), report, new ReportOptions(WriteCharts: false));
        Assert.False(Directory.Exists(Path.Combine(report, "charts")));
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(report, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ExistingReport_IsReplacedAndNoHiddenDirectoryIsLeft()
    {
        using var temp = new TempDirectory();
        string report = temp.Combine("r");
        ReportWriter.Write(SampleSummary.Create(), report, new ReportOptions(WriteCharts: false));
        File.WriteAllText(Path.Combine(report, "stale.txt"), "from an older version");

        ReportWriter.Write(SampleSummary.Create(title: "Second run"), report, new ReportOptions(WriteCharts: false));

        Assert.Contains("Second run", File.ReadAllText(Path.Combine(report, "summary.json")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(report, "stale.txt")));
        Assert.Equal(["r"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("summary.json")]
    [InlineData("survival.csv")]
    [InlineData("charts/utility.png")]
    [InlineData("report.html")]
    [InlineData("<swap>")]
    public void Write_FailingMidway_LeavesThePreviousReportIntact(string failAt)
    {
        using var temp = new TempDirectory();
        string report = temp.Combine("r");
        ReportWriter.Write(SampleSummary.Create(title: "First run"), report, new ReportOptions(WriteCharts: false));
        string[] before = Snapshot(report);

        void Fail(string step)
        {
            if (step.Replace('\\', '/') == failAt)
            {
                throw new IOException("disk full (injected)");
            }
        }

        var error = Assert.Throws<IOException>(() => ReportWriter.WriteCore(SampleSummary.Create(title: "Second run"), report, new ReportOptions(), Fail));

        Assert.Equal("disk full (injected)", error.Message);
        Assert.Equal(before, Snapshot(report));
        Assert.Contains("First run", File.ReadAllText(Path.Combine(report, "summary.json")), StringComparison.Ordinal);
        Assert.Equal(["r"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_FailingOnAFreshDirectory_LeavesNothingBehind()
    {
        using var temp = new TempDirectory();
        Assert.Throws<IOException>(() => ReportWriter.WriteCore(SampleSummary.Create(), temp.Combine("r"), new ReportOptions(WriteCharts: false), step => throw new IOException(step)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Write_IntoANonEmptyDirectoryThatIsNotAReport_RefusesAndKeepsItsFiles()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("thesis.docx"), "precious");
        var error = Assert.Throws<IOException>(() => ReportWriter.Write(SampleSummary.Create(), temp.Path, new ReportOptions()));
        Assert.Contains("refusing", error.Message, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(temp.Combine("thesis.docx")));
    }

    [Fact]
    public void Write_OverAFile_Refuses()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("r"), "a file");
        Assert.Throws<IOException>(() => ReportWriter.Write(SampleSummary.Create(), temp.Combine("r"), new ReportOptions()));
    }

    [Fact]
    public void Write_IntoAnEmptyExistingDirectory_Succeeds()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("r"));
        ReportWriter.Write(SampleSummary.Create(), temp.Combine("r") + Path.DirectorySeparatorChar, new ReportOptions(WriteCharts: false));
        Assert.True(File.Exists(temp.Combine("r", "summary.json")));
    }

    [Fact]
    public void Write_SummaryJsonAndTables_AreTheGoldenBytes()
    {
        using var temp = new TempDirectory();
        string report = temp.Combine("r");
        ReportWriter.Write(SampleSummary.Create(), report, new ReportOptions(WriteCharts: false));
        foreach (string file in Tables.Append("summary.json"))
        {
            Golden.Verify(file, File.ReadAllBytes(Path.Combine(report, file)));
        }
    }

    [Fact]
    public void Write_SummaryWithoutVariants_StillWritesAValidReport()
    {
        using var temp = new TempDirectory();
        SimulationSummary empty = SampleSummary.Create() with { Variants = [], Comparisons = [], Sources = [] };
        ReportWriter.Write(empty, temp.Combine("r"), new ReportOptions());
        Assert.True(File.Exists(temp.Combine("r", "report.html")));
        Assert.Equal("variant,name,runs,agreements,rate,ci95_low,ci95_high,rounds_mean,rounds_median,rounds_p90,one_year_survival,one_year_ci95_low,one_year_ci95_high,scenario_id,seed,complete\n", File.ReadAllText(temp.Combine("r", "agreement.csv")));
    }

    [Fact]
    public void Write_VariantWithNoAgreementsNoActorsAndAnIssueWithoutOutcomes_Succeeds()
    {
        using var temp = new TempDirectory();
        SimulationSummary s = SampleSummary.Create();
        VariantSummary v = s.Variants[0] with
        {
            Agreement = new AgreementSummary(0, 0, new Interval(0, 0.0188)),
            Rounds = new RoundsSummary(double.NaN, double.NaN, double.NaN, [0], 7),
            Issues = [s.Variants[0].Issues[0] with { Outcomes = [] }, s.Variants[0].Issues[1] with { Values = null }],
            Actors = [],
            Compliance = s.Variants[0].Compliance! with { OneYearSurvival = double.NaN, Holding = [1] },
            Sensitivity = [],
        };
        s = s with { Variants = [v], Comparisons = [] };
        ReportWriter.Write(s, temp.Combine("r"), new ReportOptions(ReportTheme.Projector));
        string html = File.ReadAllText(temp.Combine("r", "report.html"));
        Assert.Contains("<strong>0.0%</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ExtraFiles_AreSwappedInWithTheReport()
    {
        using var temp = new TempDirectory();
        var extra = new ReportExtraFile("state/result.state", s => s.Write("state"u8));
        IReadOnlyList<string> files = ReportWriter.Write(SampleSummary.Create(), temp.Combine("r"), new ReportOptions(WriteCharts: false, ExtraFiles: [extra]));
        Assert.Equal("state", File.ReadAllText(temp.Combine("r", "state", "result.state")));
        Assert.Contains(Path.Combine("state", "result.state"), files);
    }

    [Fact]
    public void Write_FailingExtraFile_LeavesThePreviousReportIntact()
    {
        using var temp = new TempDirectory();
        string report = temp.Combine("r");
        ReportWriter.Write(SampleSummary.Create(title: "First run"), report, new ReportOptions(WriteCharts: false));
        var failing = new ReportExtraFile("runs.csv", _ => throw new IOException("source vanished"));
        Assert.Throws<IOException>(() => ReportWriter.Write(SampleSummary.Create(title: "Second run"), report, new ReportOptions(WriteCharts: false, ExtraFiles: [failing])));
        Assert.Contains("First run", File.ReadAllText(Path.Combine(report, "summary.json")), StringComparison.Ordinal);
        Assert.Equal(["r"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("summary.json")]
    [InlineData("a//b")]
    public void Write_ExtraFileOutsideOrCollidingWithTheReport_IsRejected(string name)
    {
        using var temp = new TempDirectory();
        var extra = new ReportExtraFile(name, s => s.WriteByte(1));
        Assert.Throws<ArgumentException>(() => ReportWriter.Write(SampleSummary.Create(), temp.Combine("r"), new ReportOptions(WriteCharts: false, ExtraFiles: [extra])));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Write_StoppedBeforeAnyResult_WritesUndefinedFiguresInsteadOfFailing()
    {
        // The summary builder leaves distributions without data null, even the actors' utility.
        using var temp = new TempDirectory();
        SimulationSummary s = SampleSummary.Create(complete: false);
        VariantSummary v = s.Variants[0] with
        {
            Actors = s.Variants[0].Actors.Select(a => a with { Utility = null! }).ToList(),
            Issues = s.Variants[0].Issues.Select(i => i with { Values = null }).ToList(),
        };
        s = s with { Variants = [v, s.Variants[1]] };
        ReportWriter.Write(s, temp.Combine("r"), new ReportOptions());
        Assert.Contains("baseline,north,\"North, the \"\"hawk\"\"\",,,,,,,,,,0.7,", File.ReadAllText(temp.Combine("r", "actors.csv")), StringComparison.Ordinal);
        Assert.Contains("Border talks", ConsoleReport.Render(s, color: false), StringComparison.Ordinal);
    }

    // Relative path and content of every file, to compare a directory before and after.
    private static string[] Snapshot(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(directory, f) + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))
            .ToArray();
}
