using Negotiation.Core.Common;

namespace Negotiation.Reporting;

/// <summary>
/// Replaces an output directory atomically: its files are built in a hidden sibling directory, which then replaces
/// the old directory by two renames (old away, new in) before the old one is deleted. A failure while building
/// leaves the previous directory untouched; a failure between the renames puts the old one back. Used by the
/// report writer (marker summary.json) and the sweep writer (marker sweep.json).
/// </summary>
public static class AtomicDirectory
{
    /// <summary>
    /// Builds <paramref name="outputDirectory"/> with <paramref name="build"/> (called with the staging directory)
    /// and swaps it in; returns what <paramref name="build"/> returned.
    /// </summary>
    /// <param name="markerFile">The file that marks a directory as one of ours: a non-empty directory without it is never replaced.</param>
    /// <param name="step">Called with "&lt;swap&gt;" between the two renames, so tests can inject a failure there.</param>
    /// <exception cref="IOException">
    /// <paramref name="outputDirectory"/> is a file, or a non-empty directory without <paramref name="markerFile"/>:
    /// replacing it could delete the user's files.
    /// </exception>
    public static T Write<T>(string outputDirectory, string markerFile, Func<string, T> build, Action<string>? step = null)
    {
        Guard.NotNull(outputDirectory);
        Guard.NotNull(markerFile);
        Guard.NotNull(build);
        string target = Path.GetFullPath(Path.TrimEndingDirectorySeparator(outputDirectory));
        CheckReplaceable(target, markerFile);
        string parent = Path.GetDirectoryName(target) ?? throw new IOException($"{outputDirectory}: cannot write to a root directory");
        Directory.CreateDirectory(parent);
        string name = Path.GetFileName(target);
        string staging = Path.Combine(parent, $".{name}.tmp-{Guid.NewGuid():N}");

        T result;
        try
        {
            Directory.CreateDirectory(staging);
            result = build(staging);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }

        Swap(staging, target, parent, name, step);
        return result;
    }

    private static void Swap(string staging, string target, string parent, string name, Action<string>? step)
    {
        if (!Directory.Exists(target))
        {
            try
            {
                step?.Invoke("<swap>");
                Directory.Move(staging, target);
            }
            catch
            {
                TryDelete(staging);
                throw;
            }

            return;
        }

        string old = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
        Directory.Move(target, old);
        try
        {
            step?.Invoke("<swap>");
            Directory.Move(staging, target);
        }
        catch
        {
            // Put the previous directory back before reporting the failure.
            Directory.Move(old, target);
            TryDelete(staging);
            throw;
        }

        TryDelete(old);
    }

    private static void CheckReplaceable(string target, string markerFile)
    {
        if (FileKinds.Of(target) is FileKind.Regular or FileKind.Special)
        {
            throw new IOException($"{target}: is a file, device or FIFO, not an output directory");
        }

        if (Directory.Exists(target)
            && Directory.EnumerateFileSystemEntries(target).Any()
            && !File.Exists(Path.Combine(target, markerFile)))
        {
            throw new IOException($"{target}: the directory is not empty and holds no {markerFile}; refusing to replace it. Choose an empty or new directory.");
        }
    }

    // Best effort: a leftover hidden directory is harmless, failing the whole output over it is not.
    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
