using Negotiation.Core.Common;
using Negotiation.Scenarios;

namespace Negotiation.Cli.Infrastructure;

/// <summary>
/// Where a command may write, checked before any work starts so that a mistake costs no simulation: outputs go
/// only under the directory the user named (or <c>out/</c>), an id is a name and never a path, and devices,
/// FIFOs, sockets, the root, the current directory and folders that are not ours are never replaced.
/// </summary>
public static class OutputPath
{
    /// <summary>The folder default outputs go under.</summary>
    public const string DefaultRoot = "out";

    /// <summary>
    /// <c>out/&lt;name&gt;</c> for a scenario id (or a name made from one). The id was checked to be a file name at
    /// validation; a state file from a shard is not, so the name is checked here again and the result must lie
    /// directly under <c>out/</c>.
    /// </summary>
    /// <returns>The path, or null when <paramref name="name"/> is not a plain file name.</returns>
    public static string? Default(string name)
    {
        if (!ScenarioBounds.IsFileName(name))
        {
            return null;
        }

        var path = Path.Combine(DefaultRoot, name);
        var root = Path.GetFullPath(DefaultRoot);
        return Path.GetDirectoryName(Path.GetFullPath(path)) == root ? path : null;
    }

    /// <summary>
    /// Why <paramref name="path"/> cannot receive a report directory (replaced as a whole), or null when it can.
    /// </summary>
    /// <param name="marker">The file that marks a directory as an earlier report (summary.json, sweep.json).</param>
    public static string? CheckDirectory(string path, string marker)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "--out is empty; expected a directory such as out/my-run";
        }

        var full = Path.GetFullPath(Path.TrimEndingDirectorySeparator(path));
        if (Path.GetDirectoryName(full) is null)
        {
            return $"--out {path} is the root directory; expected a directory for the report, such as out/my-run";
        }

        var here = Path.GetFullPath(Directory.GetCurrentDirectory());
        if (full == here || here.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return $"--out {path} is the current directory or one that holds it; replacing it would delete the folder you work in. Expected a new directory, such as out/my-run";
        }

        switch (FileKinds.Of(full))
        {
            case FileKind.Regular:
                return $"--out {path} is a file; expected a directory for the report (a new one, or an earlier report)";
            case FileKind.Special:
                return $"--out {path} is a device, FIFO or socket; refusing to replace it. Expected a directory for the report";
            case FileKind.Directory when Directory.EnumerateFileSystemEntries(full).Any() && !File.Exists(Path.Combine(full, marker)):
                return $"--out {path} is a directory that is not empty and holds no {marker}, so it is not an earlier report; refusing to replace it. Choose an empty or new directory";
        }

        return CheckWritable(path, Path.GetDirectoryName(full)!);
    }

    /// <summary>Why <paramref name="path"/> cannot hold chart files (written into it one by one), or null when it can.</summary>
    public static string? CheckChartDirectory(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "--chart is empty; expected a directory for the charts";
        }

        var full = Path.GetFullPath(Path.TrimEndingDirectorySeparator(path));
        return FileKinds.Of(full) switch
        {
            FileKind.Regular => $"--chart {path} is a file; expected a directory for the charts",
            FileKind.Special => $"--chart {path} is a device, FIFO or socket; expected a directory for the charts",
            _ => Path.GetDirectoryName(full) is { } parent ? CheckWritable(path, parent) : null,
        };
    }

    /// <summary>Why <paramref name="path"/> cannot receive a file (replaced atomically), or null when it can.</summary>
    public static string? CheckFile(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "--out is empty; expected a file name";
        }

        var full = Path.GetFullPath(path);
        switch (FileKinds.Of(full))
        {
            case FileKind.Directory:
                return $"--out {path} is a directory; expected a file name";
            case FileKind.Special:
                return $"--out {path} is a device, FIFO or socket; refusing to replace it. Expected a regular file name";
        }

        return Path.GetDirectoryName(full) is { } parent ? CheckWritable(path, parent) : $"--out {path}: expected a file name";
    }

    /// <summary>
    /// Whether the nearest existing folder on the way to <paramref name="parent"/> is a folder we can write in: a
    /// read-only disk is found before the simulation, not after it.
    /// </summary>
    private static string? CheckWritable(string path, string parent)
    {
        var existing = parent;
        while (FileKinds.Of(existing) == FileKind.Missing && Path.GetDirectoryName(existing) is { } up)
        {
            existing = up;
        }

        if (FileKinds.Of(existing) != FileKind.Directory)
        {
            return $"--out {path} cannot be created: {existing} is not a directory";
        }

        var probe = Path.Combine(existing, $".negotiate-write-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"--out {path} cannot be written: {existing} is not writable ({e.Message})";
        }
    }
}
