using Negotiation.Cli.Infrastructure;

namespace Negotiation.Cli.Tests;

/// <summary>Runs the <c>negotiate</c> command tree in-process and captures what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, Context(output, error));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static CliContext Context(TextWriter output, TextWriter error, bool interactive = false) =>
        new(output, error, interactive, _ => null, CancellationToken.None);

    /// <summary>The repository's scenarios/ folder, found by walking up to Negotiation.sln.</summary>
    public static string Scenario(string id)
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Negotiation.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Negotiation.sln not found above " + AppContext.BaseDirectory);
        }

        return Path.Combine(dir, "scenarios", id + ".yaml");
    }
}

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "negotiation-cli-" + Guid.NewGuid().ToString("N"));

    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
