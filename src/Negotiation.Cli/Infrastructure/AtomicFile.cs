using System.Text;
using Negotiation.Core.Common;

namespace Negotiation.Cli.Infrastructure;

/// <summary>Writes files so that readers never see half of one: write a temporary sibling, then rename over.</summary>
public static class AtomicFile
{
    /// <exception cref="IOException">
    /// <paramref name="path"/> is a device, FIFO, socket or directory: renaming over it would destroy it (as root, a
    /// device node such as /dev/null).
    /// </exception>
    public static void WriteAllText(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var kind = FileKinds.Of(full);
        if (kind is FileKind.Special or FileKind.Directory)
        {
            throw new IOException($"{path} is {(kind == FileKind.Directory ? "a directory" : "a device, FIFO or socket")}; refusing to replace it");
        }

        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary><see cref="WriteAllText"/>, printing why it failed (a full or read-only disk) instead of throwing.</summary>
    public static bool TryWriteAllText(CliContext context, string path, string text)
    {
        try
        {
            WriteAllText(path, text);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"negotiate: error: cannot write {path}: {e.Message}");
            return false;
        }
    }
}
