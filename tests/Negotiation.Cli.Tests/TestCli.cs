using Negotiation.Cli;
using Negotiation.Cli.Infrastructure;

namespace Negotiation.Cli.Tests;

/// <summary>What one in-process invocation of <c>negotiate</c> returned and printed.</summary>
internal sealed record CliOutcome(int ExitCode, string Out, string Error);

/// <summary>Runs <c>negotiate</c> in-process with captured output, and finds the repository's files.</summary>
internal static class TestCli
{
    public static CliOutcome Run(params string[] args) => Run(CancellationToken.None, args);

    public static CliOutcome Run(CancellationToken cancellation, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, Interactive: false, Environment: _ => null, cancellation);
        var code = CliApp.Run(args, context);
        return new CliOutcome(code, output.ToString(), error.ToString());
    }

    /// <summary>A context for calling a command's Execute directly, as a terminal (colour) or as a pipe.</summary>
    public static CliContext Context(TextWriter output, TextWriter error, bool interactive = false) =>
        new(output, error, interactive, _ => null, CancellationToken.None);

    /// <summary>A file of the repository, by its path from the root.</summary>
    public static string Repo(string relative) => RepositoryFiles.Path(relative);

    /// <summary>A shipped scenario under scenarios/.</summary>
    public static string Scenario(string name) => RepositoryFiles.Scenario(name);

    /// <summary>A test scenario under TestData/ (copied next to the test binaries).</summary>
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);
}
