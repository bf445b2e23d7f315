using Negotiation.Cli;
using Negotiation.Cli.Infrastructure;

namespace Negotiation.Cli.Tests;

/// <summary>Runs the <c>negotiate</c> command in-process with captured output, as a user would from a script.</summary>
public static class CliHarness
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args) => Run(CancellationToken.None, args);

    public static Result Run(CancellationToken cancellation, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, Interactive: false, Environment: _ => null, cancellation);
        var code = CliApp.Run(args, context);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The repository root (the directory holding Negotiation.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Repo(string relative) => Path.Combine(RepositoryRoot, relative);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Negotiation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}

/// <summary>A fresh temporary directory, deleted with its contents on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "negotiate-test-" + Guid.NewGuid().ToString("N"));

    public TempDir() => Directory.CreateDirectory(Path);

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
