using System.Runtime.CompilerServices;
using System.Text;

namespace Negotiation.Reporting.Tests;

/// <summary>
/// Byte-for-byte comparison with files committed under Golden/. Run with UPDATE_GOLDEN=1 to rewrite them after an
/// intended change, then review the diff before committing.
/// </summary>
internal static class Golden
{
    public static void Verify(string fileName, byte[] actual, [CallerFilePath] string callerPath = "")
    {
        string path = Path.Combine(Directory(callerPath), fileName);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests once with UPDATE_GOLDEN=1 and review it");
        byte[] expected = File.ReadAllBytes(path);
        // Compare as text first so a failure shows the differing lines, then as bytes to catch encoding/line ends.
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        Assert.Equal(expected, actual);
    }

    public static void Verify(string fileName, string actual, [CallerFilePath] string callerPath = "") =>
        Verify(fileName, new UTF8Encoding(false).GetBytes(actual), callerPath);

    // The Golden folder sits at the test project root; callers live anywhere below it.
    private static string Directory(string callerPath)
    {
        string? dir = Path.GetDirectoryName(callerPath);
        while (dir is not null && !File.Exists(Path.Combine(dir, "Negotiation.Reporting.Tests.csproj")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return Path.Combine(dir ?? throw new InvalidOperationException("test project root not found from " + callerPath), "Golden");
    }
}
