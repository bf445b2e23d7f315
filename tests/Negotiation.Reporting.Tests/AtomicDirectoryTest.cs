namespace Negotiation.Reporting.Tests;

public sealed class AtomicDirectoryTest
{
    private static void Fill(string directory, string content)
    {
        File.WriteAllText(Path.Combine(directory, "marker"), content);
    }

    [Fact]
    public void FailureWhileBuilding_LeavesThePreviousDirectoryAndNoStaging()
    {
        using var temp = new TempDirectory();
        var target = temp.Combine("out");
        AtomicDirectory.Write(target, "marker", d => { Fill(d, "first"); return 0; });
        Assert.Throws<InvalidOperationException>(() => AtomicDirectory.Write<int>(target, "marker", d =>
        {
            Fill(d, "second");
            throw new InvalidOperationException("disk full (injected)");
        }));
        Assert.Equal("first", File.ReadAllText(Path.Combine(target, "marker")));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void FailureBetweenTheRenames_PutsThePreviousDirectoryBack()
    {
        using var temp = new TempDirectory();
        var target = temp.Combine("out");
        AtomicDirectory.Write(target, "marker", d => { Fill(d, "first"); return 0; });
        Assert.Throws<IOException>(() => AtomicDirectory.Write(target, "marker", d => { Fill(d, "second"); return 0; }, step: _ => throw new IOException("injected")));
        Assert.Equal("first", File.ReadAllText(Path.Combine(target, "marker")));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void ADirectoryWithoutTheMarker_IsNeverReplaced()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("notes.txt"), "mine");
        var error = Assert.Throws<IOException>(() => AtomicDirectory.Write(temp.Path, "marker", d => 0));
        Assert.Contains("holds no marker; refusing to replace it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Success_ReplacesAndReturnsWhatBuildReturned()
    {
        using var temp = new TempDirectory();
        var target = temp.Combine("out");
        AtomicDirectory.Write(target, "marker", d => { Fill(d, "first"); return 1; });
        Assert.Equal(2, AtomicDirectory.Write(target, "marker", d => { Fill(d, "second"); return 2; }));
        Assert.Equal("second", File.ReadAllText(Path.Combine(target, "marker")));
    }
}
