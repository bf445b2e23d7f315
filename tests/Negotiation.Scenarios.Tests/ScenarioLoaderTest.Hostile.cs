using System.Diagnostics;
using Negotiation.Core.Common;
using Negotiation.Scenarios.Genius;

namespace Negotiation.Scenarios.Tests;

/// <summary>
/// Hostile input found by the issue-18 attack (each failed before its fix): sizes without bounds, numbers that
/// overflow, characters a report cannot show, ids that are paths, and files that are not files.
/// </summary>
public partial class ScenarioLoaderTest
{
    [Theory]
    [InlineData("2147483647")]
    [InlineData("10001")]
    public void DeadlineAboveItsBound_IsRefusedAtTheNumber(string deadline)
    {
        Assert.Equal(
            $"17:13: protocol.deadline is {deadline}; expected a whole number between 1 and 10000",
            Fixture.Error(Fixture.Minimal.Replace("deadline: 10", $"deadline: {deadline}")));
    }

    [Fact]
    public void DeadlineAtItsBound_Loads()
    {
        Assert.Equal(ScenarioBounds.MaxDeadline, Fixture.Load(Fixture.Minimal.Replace("deadline: 10", "deadline: 10000")).Baseline.Scenario.Protocol.Deadline);
    }

    [Fact]
    public void HorizonAboveItsBound_IsRefusedAtTheNumber()
    {
        var errors = Fixture.Errors(Fixture.Minimal + "\ncompliance:\n  horizon: 2147483647\n");
        Assert.Contains("19:12: compliance.horizon is 2147483647; expected a whole number between 1 and 10000", errors);
    }

    [Fact]
    public void ResolutionAboveItsBound_IsRefusedAtTheNumber()
    {
        Assert.Equal(
            "8:17: issues.troops.resolution is 1000000; expected a whole number between 2 and 1000",
            Fixture.Error(Fixture.Minimal.Replace("range: [0, 100]", "range: [0, 100]\n    resolution: 1000000")));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1")]
    [InlineData("1e0")]
    public void SchemaVersionOne_WrittenAsADecimal_IsVersionOne(string written)
    {
        Assert.Equal(1, Fixture.Load(Fixture.Minimal.Replace("schemaVersion: 1", $"schemaVersion: {written}")).Baseline.Scenario.Metadata.SchemaVersion);
    }

    [Fact]
    public void SchemaVersionOnePointFive_IsNotAWholeNumber()
    {
        Assert.Equal("1:16: schemaVersion is '1.5'; expected a whole number >= -2147483648", Fixture.Error(Fixture.Minimal.Replace("schemaVersion: 1", "schemaVersion: 1.5")));
    }

    [Fact]
    public void WeightsOfTheLargestDoubles_AreRefusedInsteadOfOverflowingTheirSum()
    {
        var yaml = Fixture.Minimal.Replace("accession: {weight: 0.6,", "accession: {weight: 1e308,").Replace("troops: {weight: 0.4,", "troops: {weight: 1.7e308,");
        var errors = Fixture.Errors(yaml);
        Assert.Equal(
            [
                "11:27: actors.russia.interests.accession.weight is 1E+308; expected a number between -1e15 and 1e15 (the largest magnitude a scenario may use)",
                "12:24: actors.russia.interests.troops.weight is 1.7E+308; expected a number between -1e15 and 1e15 (the largest magnitude a scenario may use)",
            ],
            errors);
    }

    [Theory]
    [InlineData("1e308", "1E+308")]
    [InlineData("{dist: uniform, min: 0, max: 1e308}", null)]
    [InlineData("2", "2")]
    public void TrendBeyondAUtilityPerRound_IsRefused(string trend, string? shown)
    {
        var yaml = Fixture.Minimal.Replace("  usa:\n", $"    reservation: {{value: 0.2, trend: {trend}}}\n  usa:\n");
        var error = Assert.Single(Fixture.Errors(yaml));
        Assert.StartsWith("13:", error, StringComparison.Ordinal);
        if (shown is not null)
        {
            Assert.Contains($"trend is {shown}; expected", error, StringComparison.Ordinal); // MSG
        }
    }

    [Theory]
    [InlineData("\"bell \\a here\"", "0007")]
    [InlineData("\"escape \\e[31m red\"", "001B")]
    [InlineData("\"non-character \\uFFFF\"", "FFFF")]
    public void ControlCharactersInATitle_AreRefusedAtTheTitle(string title, string code)
    {
        Assert.Equal(
            $"2:8: title has the control character U+{code} at character {title.IndexOf('\\', StringComparison.Ordinal)}; expected printable text (tabs and line breaks are fine)",
            Fixture.Error(Fixture.Minimal.Replace("title: Minimal", $"title: {title}")));
    }

    [Fact]
    public void ControlCharacterInAnActorId_IsRefused()
    {
        var error = Fixture.Error(Fixture.Minimal.Replace("  usa:\n", "  \"us\\ea\":\n"));
        Assert.StartsWith("13:3: id 'us\u001ba' in actors is not usable", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("/abs/dir")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\\\b")]
    [InlineData(".hidden")]
    public void ScenarioIdThatIsAPath_IsRefused(string id)
    {
        var error = Fixture.Error($"id: \"{id}\"\n" + Fixture.Minimal);
        Assert.StartsWith("1:5: id '", error, StringComparison.Ordinal);
        Assert.EndsWith("cannot name a report folder; expected 1 to 80 letters, digits, '-', '_' or '.', starting with a letter or digit, such as 'nato-russia-2022'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("...yaml", "scenario")]
    [InlineData("my scenario (2).yaml", "my-scenario--2-")]
    [InlineData("nato.v2.yaml", "nato.v2")]
    public void DefaultIdFromAFileName_IsAName(string fileName, string id)
    {
        Assert.Equal(id, ScenarioLoader.LoadText(Fixture.Minimal, fileName).Metadata.Id);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void EndlessDevice_IsReadOnlyUpToTheLimit(string device)
    {
        if (!File.Exists(device))
        {
            return; // not a Unix machine: nothing to test
        }

        var watch = Stopwatch.StartNew();
        var error = Assert.Single(Assert.Throws<InputException>(() => ScenarioLoader.Load(device)).Diagnostics);
        Assert.Equal($"{device}:1:1: error: the file is over 1048576 bytes; expected at most 1048576 bytes (1 MiB) for a scenario", error.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task FifoFedWithoutEnd_IsReadOnlyUpToTheLimit()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDirectory();
        var fifo = temp.Combine("endless.yaml");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // A writer that never stops until the reader goes away.
        var writer = Task.Run(() =>
        {
            try
            {
                using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                var block = new byte[64 * 1024];
                Array.Fill(block, (byte)'a');
                for (var i = 0; i < 100_000; i++)
                {
                    stream.Write(block);
                }
            }
            catch (IOException)
            {
                // the reader closed the pipe
            }
        });
        var error = Assert.Single(Assert.Throws<InputException>(() => ScenarioLoader.Load(fifo)).Diagnostics);
        Assert.Contains("the file is over 1048576 bytes", error.Message, StringComparison.Ordinal);
        await writer.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void DirectoryAsTheFile_IsSaidToBeADirectory()
    {
        using var temp = new TempDirectory();
        var error = Assert.Single(Assert.Throws<InputException>(() => ScenarioLoader.Load(temp.Path)).Diagnostics);
        Assert.Equal("this is a directory; expected a path to a scenario .yaml file", error.Message);
    }

    [Fact]
    public void EmptyFileName_IsSaidToBeEmpty()
    {
        var error = Assert.Single(Assert.Throws<InputException>(() => ScenarioLoader.Load("")).Diagnostics);
        Assert.Equal("the file name is empty; expected a path to a scenario .yaml file", error.Message);
    }

    [Fact]
    public void GeniusObjectivesNestedAHundredThousandDeep_AreRefusedQuickly()
    {
        const int depth = 100_000;
        var xml = "<utility_space>" + string.Concat(Enumerable.Repeat("<objective index=\"1\" name=\"o\">", depth))
            + string.Concat(Enumerable.Repeat("</objective>", depth)) + "</utility_space>";
        var watch = Stopwatch.StartNew();
        var error = Assert.Single(Assert.Throws<InputException>(() => GeniusReader.ReadDomainText(xml, "deep.xml")).Diagnostics);
        Assert.Equal("<objective> is nested 33 elements deep; expected at most 32 levels of nesting in a GENIUS file", error.Message);
        Assert.Equal(1, error.Position.Line);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void GeniusDevZero_IsReadOnlyUpToTheLimit()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var error = Assert.Single(Assert.Throws<InputException>(() => GeniusReader.ReadDomain("/dev/zero")).Diagnostics);
        Assert.Equal($"file is over {GeniusXml.MaxFileBytes} bytes; expected a GENIUS XML file of at most {GeniusXml.MaxFileBytes} bytes", error.Message);
    }
}
