using Negotiation.Core.Common;

namespace Negotiation.Scenarios.Binding;

/// <summary>Collects diagnostics in the order found, once each (a base node bound for several variants reports once).</summary>
internal sealed class DiagnosticBag
{
    /// <summary>Diagnostics kept per load; beyond this a file is rewritten, not fixed, and hostile files cost no more.</summary>
    public const int MaxErrors = 100;

    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<Diagnostic> _seen = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Count > 0;

    /// <summary>True once <see cref="MaxErrors"/> are kept: later ones are dropped, so callers may skip composing them.</summary>
    public bool IsFull => _items.Count >= MaxErrors;

    /// <summary>True when diagnostics were dropped because the bag was full.</summary>
    public bool Truncated { get; private set; }

    public bool Contains(Diagnostic diagnostic) => _seen.Contains(diagnostic);

    public void Add(Diagnostic diagnostic)
    {
        if (IsFull)
        {
            Truncated |= !_seen.Contains(diagnostic);
            return;
        }

        if (_seen.Add(diagnostic))
        {
            _items.Add(diagnostic);
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    /// <summary>The note closing a list cut at <see cref="MaxErrors"/>.</summary>
    public static Diagnostic TooMany(SourcePosition top) =>
        Diagnostic.Error(top, $"too many errors: only the first {MaxErrors} are listed; expected a file closer to the format — fix these and check again");

    /// <summary>Adds an error; a message is cut at 1,000 characters so that no value in a file can make the report huge.</summary>
    public void Error(SourcePosition position, string message) =>
        Add(Diagnostic.Error(position, message.Length <= 1000 ? message : message[..997] + "..."));
}
