namespace Negotiation.Benchmarks;

/// <summary>Finds files of the repository from wherever BenchmarkDotNet runs the benchmark process.</summary>
public static class RepositoryFiles
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Negotiation.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, relative);
            }
        }

        throw new FileNotFoundException($"cannot find the repository root above {AppContext.BaseDirectory}");
    }
}
