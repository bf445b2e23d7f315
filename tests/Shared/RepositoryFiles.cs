namespace Negotiation.Testing;

/// <summary>
/// Files of the repository the tests run from (shipped scenarios, docs), found from the test binaries. Shared by every
/// test project (linked in by Directory.Build.props), so that there is one of it.
/// </summary>
internal static class RepositoryFiles
{
    /// <summary>The repository root: the nearest directory above the test binaries holding Negotiation.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A file of the repository, by its path from the root.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>A shipped scenario under scenarios/.</summary>
    public static string Scenario(string id) => System.IO.Path.Combine(Root, "scenarios", id + ".yaml");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Negotiation.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Negotiation.sln not found above " + AppContext.BaseDirectory);
    }
}
