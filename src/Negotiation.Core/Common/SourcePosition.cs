namespace Negotiation.Core.Common;

/// <summary>
/// Where a scenario element was written: a file and a 1-based line and column. Carried by domain records so
/// that problems found after loading (an empty zone of agreement, an unknown reference) can still point at
/// the text the user wrote.
/// </summary>
public sealed record SourcePosition(string File, int Line, int Column)
{
    /// <summary>Formats as <c>file:line:column</c>, the prefix of every diagnostic.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
