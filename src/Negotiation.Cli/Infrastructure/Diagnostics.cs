using Negotiation.Core.Common;

namespace Negotiation.Cli.Infrastructure;

/// <summary>Prints input errors the one way every command prints them.</summary>
public static class Diagnostics
{
    /// <summary>Writes every diagnostic to stderr, errors and warnings alike, and returns the exit code for bad input.</summary>
    public static int Report(CliContext context, InputException error)
    {
        foreach (var d in error.Diagnostics)
        {
            context.Error.WriteLine(d.ToString());
        }

        var errors = error.Diagnostics.Count(d => d.Severity == Severity.Error);
        context.Error.WriteLine($"{errors} error{(errors == 1 ? "" : "s")}.");
        return ExitCodes.BadInput;
    }

    /// <summary>A bad command-line value: printed like a scenario error, positioned on the command line.</summary>
    public static int BadOption(CliContext context, string message)
    {
        context.Error.WriteLine($"negotiate: error: {message}");
        return ExitCodes.BadInput;
    }
}
