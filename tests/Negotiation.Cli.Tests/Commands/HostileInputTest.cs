using System.Diagnostics;
using Negotiation.Cli.Commands;
using Negotiation.Cli.Infrastructure;
using Negotiation.Core.Common;
using Negotiation.Scenarios;

namespace Negotiation.Cli.Tests.Commands;

/// <summary>
/// The issue-18 attack on the command line, each case failing before its fix: outputs only where the user said,
/// devices and FIFOs never replaced, user mistakes are exit 2 with a plain message before any simulation, size
/// options bounded.
/// </summary>
public class HostileInputTest
{
    private static readonly string Small = TestCli.TestData("small.yaml");
    private static readonly string Fixtures = TestCli.Repo("tests/Negotiation.Scenarios.Tests/Genius/Fixtures");

    private static void AssertPlainBadInput(CliOutcome result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    private static string MakeFifo(TempDirectory dir, string name)
    {
        var fifo = dir.Combine(name);
        using var mkfifo = Process.Start("mkfifo", fifo)!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        Assert.Equal(FileKind.Special, FileKinds.Of(fifo));
        return fifo;
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("/tmp/negotiate-abs-dir")]
    public void ScenarioIdThatIsAPath_IsRefusedAndNothingIsWritten(string id)
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("evil.yaml");
        File.WriteAllText(file, $"id: \"{id}\"\n" + File.ReadAllText(Small).Replace("id: small\n", "", StringComparison.Ordinal));

        var result = TestCli.Run("run", file, "--runs", "10", "--quiet");

        AssertPlainBadInput(result, "cannot name a report folder");
        Assert.False(Directory.Exists(Path.GetFullPath(Path.Combine("out", id))));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("trace")]
    [InlineData("import-genius")]
    public void DevNullAsOut_IsNeverReplaced(string command)
    {
        if (!File.Exists("/dev/null"))
        {
            return;
        }

        string[] args = command switch
        {
            "run" => ["run", Small, "--runs", "10", "--quiet", "--out", "/dev/null"],
            "trace" => ["trace", Small, "--out", "/dev/null"],
            _ => ["import-genius", Path.Combine(Fixtures, "laptop_domain.xml"), Path.Combine(Fixtures, "laptop_buyer.xml"), Path.Combine(Fixtures, "laptop_seller.xml"), "--out", "/dev/null"],
        };

        var result = TestCli.Run(args);

        AssertPlainBadInput(result, "/dev/null is a device, FIFO or socket; refusing to replace it");
        Assert.Equal(FileKind.Special, FileKinds.Of("/dev/null"));
    }

    [Theory]
    [InlineData("trace")]
    [InlineData("import-genius")]
    [InlineData("run")]
    public void FifoAsOut_IsNeverReplaced(string command)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDirectory();
        var fifo = MakeFifo(dir, "pipe");
        string[] args = command switch
        {
            "run" => ["run", Small, "--runs", "10", "--quiet", "--out", fifo],
            "trace" => ["trace", Small, "--out", fifo],
            _ => ["import-genius", Path.Combine(Fixtures, "laptop_domain.xml"), Path.Combine(Fixtures, "laptop_buyer.xml"), Path.Combine(Fixtures, "laptop_seller.xml"), "--out", fifo],
        };

        var result = TestCli.Run(args);

        AssertPlainBadInput(result, "is a device, FIFO or socket; refusing to replace it");
        Assert.Equal(FileKind.Special, FileKinds.Of(fifo));
    }

    [Fact]
    public void AtomicFile_RefusesToRenameOverADevice()
    {
        if (!File.Exists("/dev/null"))
        {
            return;
        }

        var e = Assert.Throws<IOException>(() => AtomicFile.WriteAllText("/dev/null", "x"));
        Assert.Contains("refusing to replace it", e.Message, StringComparison.Ordinal);
        Assert.Equal(FileKind.Special, FileKinds.Of("/dev/null"));
    }

    [Fact]
    public void OutThatIsAFile_IsBadInputBeforeSimulating()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("notes.txt");
        File.WriteAllText(file, "mine");

        var result = TestCli.Run("run", Small, "--runs", "10", "--quiet", "--out", file);

        AssertPlainBadInput(result, $"--out {file} is a file; expected a directory for the report");
        Assert.Equal("mine", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("/", "is the root directory")]
    [InlineData(".", "is the current directory or one that holds it")]
    [InlineData("..", "is the current directory or one that holds it")]
    [InlineData("", "--out is empty")]
    [InlineData("  ", "--out is empty")]
    public void OutThatCannotBeAReportFolder_IsBadInput(string output, string message)
    {
        var result = TestCli.Run("run", Small, "--runs", "10", "--quiet", "--out", output);
        AssertPlainBadInput(result, message);
    }

    [Fact]
    public void OutThatIsAForeignNonEmptyFolder_IsBadInputBeforeSimulating()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("thesis.tex"), "mine");

        var result = TestCli.Run("run", Small, "--runs", "10", "--quiet", "--out", dir.Path);

        AssertPlainBadInput(result, "is a directory that is not empty and holds no summary.json");
        Assert.Equal("mine", File.ReadAllText(dir.Combine("thesis.tex")));
    }

    [Fact]
    public void MergeOutThatIsAForeignFolder_IsBadInput()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, TestCli.Run("run", Small, "--runs", "20", "--quiet", "--no-charts", "--out", dir.Combine("r")).ExitCode);
        File.WriteAllText(dir.Combine("thesis.tex"), "mine");

        var result = TestCli.Run("merge", dir.Combine("r"), "--quiet", "--out", dir.Path);

        AssertPlainBadInput(result, "holds no summary.json");
    }

    [Fact]
    public void ReadOnlyOutput_IsFoundBeforeSimulating()
    {
        // /proc refuses new files even to root, so this holds in CI as root too.
        if (!Directory.Exists("/proc/self"))
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var result = TestCli.Run("run", Small, "--runs", "1000000000", "--quiet", "--out", "/proc/negotiate-report");

        AssertPlainBadInput(result, "--out /proc/negotiate-report cannot be written: /proc is not writable");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "the simulation ran before the output was checked");
    }

    [Fact]
    public void OutBelowAFile_IsBadInput()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("file"), "x");
        var result = TestCli.Run("run", Small, "--runs", "10", "--quiet", "--out", dir.Combine("file", "report"));
        AssertPlainBadInput(result, "is not a directory");
    }

    [Fact]
    public void EmptyFileArgument_IsBadInputSayingSo()
    {
        var result = TestCli.Run("run", "", "--runs", "10", "--quiet");
        AssertPlainBadInput(result, "the file name is empty; expected a path to a scenario .yaml file");
    }

    [Fact]
    public void DirectoryAsFileArgument_IsSaidToBeADirectory()
    {
        using var dir = new TempDirectory();
        var result = TestCli.Run("validate", dir.Path);
        AssertPlainBadInput(result, "this is a directory; expected a path to a scenario .yaml file");
    }

    [Fact]
    public void ValidateDevZero_StopsAtTheSizeLimit()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var result = TestCli.Run("validate", "/dev/zero");
        AssertPlainBadInput(result, "/dev/zero:1:1: error: the file is over 1048576 bytes");
    }

    [Fact]
    public void ImportGeniusDevZero_StopsAtTheSizeLimit()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var result = TestCli.Run("import-genius", "/dev/zero", Path.Combine(Fixtures, "laptop_buyer.xml"));
        AssertPlainBadInput(result, "/dev/zero:1:1: error: file is over");
    }

    [Theory]
    [InlineData("--runs", "9223372036854775807", "--runs must be between 1 and 1,000,000,000,000, got 9,223,372,036,854,775,807")]
    [InlineData("--threads", "100000", "--threads must be between 1 and 256, got 100000")]
    public void HugeRunsOrThreads_AreBadInputNotAnInterruption(string option, string value, string message)
    {
        var result = TestCli.Run("run", Small, option, value, "--quiet");
        AssertPlainBadInput(result, message);
    }

    [Fact]
    public void ImportGeniusHugeDeadline_IsRefused()
    {
        var result = TestCli.Run(
            "import-genius", Path.Combine(Fixtures, "laptop_domain.xml"), Path.Combine(Fixtures, "laptop_buyer.xml"), Path.Combine(Fixtures, "laptop_seller.xml"),
            "--deadline", "2147483647");
        AssertPlainBadInput(result, "--deadline must be between 1 and 10000, got 2147483647");
    }

    [Fact]
    public void ImportGeniusThatWouldNotValidate_WritesNothing()
    {
        using var dir = new TempDirectory();
        var zero = dir.Combine("zero.xml");
        File.WriteAllText(zero, File.ReadAllText(Path.Combine(Fixtures, "laptop_buyer.xml"))
            .Replace("0.4452", "0", StringComparison.Ordinal).Replace("0.3781", "0", StringComparison.Ordinal).Replace("0.1768", "0", StringComparison.Ordinal));
        var output = dir.Combine("out.yaml");

        var result = TestCli.Run("import-genius", Path.Combine(Fixtures, "laptop_domain.xml"), zero, Path.Combine(Fixtures, "laptop_seller.xml"), "--out", output);

        AssertPlainBadInput(result, "does not validate, so nothing was written");
        Assert.Contains("every weight in", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void LongWork_IsWarnedAboutBeforeItStarts()
    {
        var set = ScenarioLoader.Load(Small);
        var error = new StringWriter();
        CommonOptions.WarnAboutLongWork(TestCli.Context(new StringWriter(), error), set.Variants.Select(v => v.Scenario), 1_000_000_000);
        // 12 rounds × 2 actors + 52 periods = 76 per run and variant.
        Assert.Contains($"about {76.0 * set.Variants.Count * 1e9:0.#e0} actor-rounds", error.ToString(), StringComparison.Ordinal);

        var quiet = new StringWriter();
        CommonOptions.WarnAboutLongWork(TestCli.Context(new StringWriter(), quiet), set.Variants.Select(v => v.Scenario), 10_000);
        Assert.Equal("", quiet.ToString());
    }

    [Fact]
    public void AnalyzeHugePackageSpace_PrintsItsSizeHonestly()
    {
        Assert.Equal("about 8.67e101", AnalyzeCommand.PackageCount(System.Numerics.BigInteger.Pow(50, 60)));
        Assert.Equal("about 9.01e15", AnalyzeCommand.PackageCount(new System.Numerics.BigInteger(9_012_345_678_901_234)));
        Assert.Equal("999,999,999,999,999", AnalyzeCommand.PackageCount(new System.Numerics.BigInteger(999_999_999_999_999)));
        Assert.Equal("1,000", AnalyzeCommand.PackageCount(1000));
    }

    [Fact]
    public void AnalyzeSixtyIssuesOfFiftyOptions_IsNotSaturated()
    {
        using var dir = new TempDirectory();
        var options = "[" + string.Join(", ", Enumerable.Range(0, 50).Select(k => $"o{k}")) + "]";
        var yaml = "schemaVersion: 1\ntitle: wide\nissues:\n"
            + string.Concat(Enumerable.Range(0, 60).Select(j => $"  i{j}: {{options: {options}}}\n"))
            + "actors:\n  a: {interests: {i0: {weight: 1, values: {o1: 1}}}}\n  b: {interests: {i1: {weight: 1, values: {o2: 1}}}}\n"
            + "protocol: {deadline: 3}\n";
        var file = dir.Combine("wide.yaml");
        File.WriteAllText(file, yaml);

        var result = TestCli.Run("analyze", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Packages: about 8.67e101;", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("9,007,199,254,740,991", result.Out, StringComparison.Ordinal);
    }
}

/// <summary>GENIUS names longer than an id may be (issue 18: the import wrote ids over 80 characters).</summary>
public class GeniusLongNamesTest
{
    [Fact]
    public void ImportOfADomainWithAVeryLongFileName_WritesAScenarioThatValidates()
    {
        var fixtures = TestCli.Repo("tests/Negotiation.Scenarios.Tests/Genius/Fixtures");
        using var dir = new TempDirectory();
        var domain = dir.Combine(new string('d', 150) + "_domain.xml");
        File.Copy(Path.Combine(fixtures, "laptop_domain.xml"), domain);
        var output = dir.Combine("long.yaml");

        var import = TestCli.Run("import-genius", domain, Path.Combine(fixtures, "laptop_buyer.xml"), Path.Combine(fixtures, "laptop_seller.xml"), "--out", output);

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(0, TestCli.Run("validate", output).ExitCode);
        var id = File.ReadAllLines(output).Single(l => l.StartsWith("id: ", StringComparison.Ordinal))[4..];
        Assert.InRange(id.Length, 1, 80);
    }
}
