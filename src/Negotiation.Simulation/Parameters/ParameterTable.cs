using Negotiation.Core.Model;

namespace Negotiation.Simulation.Parameters;

/// <summary>
/// Every number of a compiled scenario, fixed or uncertain, gets a slot here at compile time; per run the
/// sampler fills a <c>double[]</c> with one value per slot, and the engine reads parameters by slot index.
/// The path ("actors.russia.reservation") names the parameter in sensitivity reports and keys its random
/// stream, so the same parameter draws the same value in every variant (common random numbers).
/// </summary>
public sealed class ParameterTable
{
    private readonly List<string> _paths = [];
    private readonly List<Uncertain> _values = [];
    private readonly Dictionary<string, int> _byPath = new(StringComparer.Ordinal);

    public int Count => _paths.Count;

    public IReadOnlyList<string> Paths => _paths;

    public IReadOnlyList<Uncertain> Values => _values;

    /// <summary>Registers a parameter and returns its slot; registering the same path again returns the same slot.</summary>
    public int Register(string path, Uncertain value)
    {
        if (_byPath.TryGetValue(path, out var existing))
        {
            return existing;
        }

        _paths.Add(path);
        _values.Add(value);
        _byPath.Add(path, _paths.Count - 1);
        return _paths.Count - 1;
    }

    /// <summary>Registers an optional parameter, using <paramref name="fallback"/> when the scenario leaves it unset.</summary>
    public int Register(string path, Uncertain? value, double fallback) => Register(path, value ?? new Fixed(fallback));

    public int IndexOf(string path) => _byPath.TryGetValue(path, out var i) ? i : -1;

    /// <summary>Slots whose value is a distribution, in registration order: the inputs of sensitivity analysis.</summary>
    public IReadOnlyList<int> UncertainSlots() =>
        Enumerable.Range(0, Count).Where(i => !_values[i].IsFixed).ToArray();

    /// <summary>A parameter vector with every slot at its mean: what analysis without simulation uses.</summary>
    public double[] Means() => _values.Select(v => v.Mean).ToArray();
}
