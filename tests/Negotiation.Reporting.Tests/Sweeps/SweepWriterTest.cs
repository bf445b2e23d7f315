using Negotiation.Reporting.Sweeps;

namespace Negotiation.Reporting.Tests.Sweeps;

public sealed class SweepWriterTest
{
    [Fact]
    public void Write_CsvJsonAndChartsAsPngAndSvg()
    {
        using var temp = new TempDirectory();
        var files = SweepWriter.Write(SampleSweep.Create(grid: true), temp.Combine("s"));
        Assert.Equal(
            ["sweep.json", "sweep.csv", .. new[] { "agreement", "agreement-heatmap", "survival", "survival-heatmap" }.SelectMany(n => new[] { $"charts/{n}.png", $"charts/{n}.svg" })],
            files.Select(f => f.Replace('\\', '/')));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(temp.Combine("s", "charts", "agreement-heatmap.png"))[..4]);
    }

    [Fact]
    public void Write_ReplacesAnEarlierSweep_AndLeavesNoStagingDirectory()
    {
        using var temp = new TempDirectory();
        SweepWriter.Write(SampleSweep.Create(), temp.Combine("s"), charts: false);
        SweepWriter.Write(SampleSweep.Create(grid: true), temp.Combine("s"), charts: false);
        Assert.Contains("compliance.mechanisms.m.detection", File.ReadAllText(temp.Combine("s", "sweep.csv")), StringComparison.Ordinal);
        Assert.Equal(["s"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_RefusesADirectoryThatIsNotASweep()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("notes.txt"), "mine");
        Assert.False(SweepWriter.CanReplace(temp.Path));
        Assert.Throws<IOException>(() => SweepWriter.Write(SampleSweep.Create(), temp.Path));
        Assert.Equal("mine", File.ReadAllText(temp.Combine("notes.txt")));
    }

    [Fact]
    public void CanReplace_AbsentEmptyOrEarlierSweep()
    {
        using var temp = new TempDirectory();
        Assert.True(SweepWriter.CanReplace(temp.Combine("new")));
        Assert.True(SweepWriter.CanReplace(temp.Path));
        SweepWriter.Write(SampleSweep.Create(), temp.Combine("old"), charts: false);
        Assert.True(SweepWriter.CanReplace(temp.Combine("old")));
    }
}
