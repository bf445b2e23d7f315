namespace Negotiation.Core.Common;

/// <summary>How bad a <see cref="Diagnostic"/> is.</summary>
public enum Severity
{
    Error,
    Warning,
}

/// <summary>
/// One problem found in user input, printed as <c>file:line:column: error: message</c>. The message says what
/// is wrong and, after a semicolon, what was expected.
/// </summary>
public sealed record Diagnostic(SourcePosition Position, Severity Severity, string Message)
{
    public static Diagnostic Error(SourcePosition position, string message) => new(position, Severity.Error, message);

    public static Diagnostic Warning(SourcePosition position, string message) => new(position, Severity.Warning, message);

    public override string ToString() =>
        $"{Position}: {(Severity == Severity.Error ? "error" : "warning")}: {Message}";
}

/// <summary>Thrown when user input cannot be used; carries every diagnostic found, not just the first.</summary>
public sealed class InputException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    public InputException(Diagnostic diagnostic) : this([diagnostic]) { }
}
