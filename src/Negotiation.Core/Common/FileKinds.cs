using System.Runtime.InteropServices;

namespace Negotiation.Core.Common;

/// <summary>What a path names, as far as reading input and replacing output care.</summary>
public enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A device, FIFO or socket: never replaced by an output, and read only through a size limit.</summary>
    Special,
}

/// <summary>
/// Tells a regular file from a device, FIFO or socket, which .NET's <see cref="FileInfo"/> does not (it reports
/// <c>/dev/null</c> and a FIFO as <see cref="FileAttributes.Normal"/> files). On Unix it asks the runtime's own
/// stat shim, whose mode bits are the same on every Unix the runtime supports; on Windows every existing
/// non-directory is a regular file.
/// </summary>
public static class FileKinds
{
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;

    /// <summary>The kind of <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        Guard.NotNull(path);
        if (path.Length == 0)
        {
            return FileKind.Missing;
        }

        if (OperatingSystem.IsWindows())
        {
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }

        // The runtime's FileStatus: int Flags, int Mode, ... (well under 256 bytes).
        var status = new byte[256];
        if (Stat(path, status) != 0)
        {
            // Not there, or not reachable (a dangling link, a component that is not a directory).
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }

        var type = BitConverter.ToInt32(status, 4) & TypeMask;
        return type switch
        {
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            _ => FileKind.Special,
        };
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false)]
#pragma warning disable SYSLIB1054, CA2101 // a plain DllImport keeps the project free of unsafe code; the path is passed as UTF-8 bytes.
    private static extern int StatNative(byte[] path, byte[] status);
#pragma warning restore SYSLIB1054, CA2101

    private static int Stat(string path, byte[] status)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
        System.Text.Encoding.UTF8.GetBytes(path, bytes);
        return StatNative(bytes, status);
    }
}

/// <summary>Reads an input file through a size limit, whatever it is: a regular file, a device or a FIFO.</summary>
public static class BoundedFile
{
    /// <summary>
    /// The file's bytes, or null when it holds more than <paramref name="maxBytes"/> (then at most
    /// <paramref name="maxBytes"/> + 1 bytes were read: <c>/dev/zero</c> or an endless FIFO stop there).
    /// </summary>
    /// <exception cref="IOException">The path is a directory or cannot be read.</exception>
    public static byte[]? Read(string path, int maxBytes)
    {
        Guard.NotNull(path);
        if (FileKinds.Of(path) == FileKind.Directory)
        {
            throw new IOException("it is a directory");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
        var buffer = new byte[Math.Min(maxBytes + 1L, 64 * 1024)];
        using var content = new MemoryStream();
        while (content.Length <= maxBytes)
        {
            var wanted = (int)Math.Min(buffer.Length, maxBytes + 1L - content.Length);
            var read = stream.Read(buffer, 0, wanted);
            if (read == 0)
            {
                return content.ToArray();
            }

            content.Write(buffer, 0, read);
        }

        return null;
    }
}
