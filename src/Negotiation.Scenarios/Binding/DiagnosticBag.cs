using Negotiation.Core.Common;

namespace Negotiation.Scenarios.Binding;

/// <summary>Collects diagnostics in the order found, once each (a base node bound for several variants reports once).</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<Diagnostic> _seen = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Count > 0;

    public bool Contains(Diagnostic diagnostic) => _seen.Contains(diagnostic);

    public void Add(Diagnostic diagnostic)
    {
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

    public void Error(SourcePosition position, string message) => Add(Diagnostic.Error(position, message));
}
