namespace Negotiation.Cli.Infrastructure;

/// <summary>The process exit codes every command uses (documented in README and <c>--help</c>).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The work failed (an I/O error, a failed merge, an internal error).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: a scenario or option the user must fix.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted with Ctrl+C; partial results were written and marked incomplete.</summary>
    public const int Interrupted = 130;
}
