using Negotiation.Cli.Infrastructure;

namespace Negotiation.Cli.Tests.Commands;

/// <summary><c>negotiate slides</c>: the deck alone, from the results a run wrote, without simulating again.</summary>
public class SlidesCommandTest
{
    [Fact]
    public void Slides_FromARunsDirectory_IsTheDeckTheRunWrote_ByteForByte()
    {
        using var dir = new TempDirectory();
        var report = dir.Combine("r");
        Assert.Equal(0, TestCli.Run("run", TestCli.Scenario("syria-coh-2016"), "--runs", "300", "--out", report, "-q", "--theme", "projector").ExitCode);
        var written = File.ReadAllText(Path.Combine(report, "slides.html"));
        var deck = dir.Combine("lecture.html");

        var outcome = TestCli.Run("slides", report, "--out", deck);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(written, File.ReadAllText(deck));
        Assert.Contains("Slides written to", outcome.Error, StringComparison.Ordinal);
        // Short labels come through state.json: the terms slide shows the short label with its name as tooltip.
        Assert.Contains("<span title=\"Regime combat flights over opposition areas\">Combat flights</span>", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Slides_WithoutOut_ReplacesTheDeckInTheReportDirectory()
    {
        using var dir = new TempDirectory();
        var report = dir.Combine("r");
        Assert.Equal(0, TestCli.Run("run", TestCli.Scenario("syria-pressure-2016"), "--runs", "200", "--out", report, "-q", "--no-charts").ExitCode);
        var slides = Path.Combine(report, "slides.html");
        var written = File.ReadAllText(slides);
        File.Delete(slides);

        Assert.Equal(0, TestCli.Run("slides", report).ExitCode);
        Assert.Equal(written, File.ReadAllText(slides));
    }

    [Fact]
    public void Slides_OfAFolderWithoutResults_IsBadInputWithAPlainMessage()
    {
        using var dir = new TempDirectory();
        var outcome = TestCli.Run("slides", dir.Path);
        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.Contains("no state.json here; expected a report directory written by 'negotiate run' or 'negotiate merge'", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Slides_OfACorruptState_IsBadInputNamingTheFile()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("state.json"), "{\"not\": \"a state\"");
        var outcome = TestCli.Run("slides", dir.Path);
        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.StartsWith(Path.Combine(dir.Path, "state.json") + ": error: ", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Slides_OutThatIsADirectory_IsBadInput_AndNothingIsWritten()
    {
        using var dir = new TempDirectory();
        var report = dir.Combine("r");
        Assert.Equal(0, TestCli.Run("run", TestCli.Scenario("syria-pressure-2016"), "--runs", "100", "--out", report, "-q", "--no-charts").ExitCode);
        var target = dir.Combine("folder");
        Directory.CreateDirectory(target);

        var outcome = TestCli.Run("slides", report, "--out", target);

        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.Contains("is a directory; expected the path of the deck", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(target));
    }
}
