using Negotiation.Core.Model;
using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Parameters;

/// <summary>
/// Samples the parameter vectors of several tables (the variants of one scenario) for the same run, drawing each
/// distinct uncertain parameter — same path, same distribution — once. A parameter's value is a pure function
/// of (seed, run, path, distribution) (<see cref="ParameterSampler"/>), so the vectors are exactly those each
/// table's own sampler would write; variants share most of their parameters, so most draws are shared.
/// One per worker thread.
/// </summary>
public sealed class SharedParameterSampler
{
    private readonly ParameterSampler _draws;
    private readonly double[] _values;
    private readonly double[][] _templates;
    private readonly int[][] _slots;
    private readonly int[][] _sources;

    public SharedParameterSampler(IReadOnlyList<ParameterTable> tables)
    {
        var index = new Dictionary<(string Path, Uncertain Distribution), int>();
        var streams = new List<ulong>();
        var distributions = new List<Uncertain>();
        _templates = new double[tables.Count][];
        _slots = new int[tables.Count][];
        _sources = new int[tables.Count][];
        for (var i = 0; i < tables.Count; i++)
        {
            var table = tables[i];
            _templates[i] = table.Values.Select(v => v is Fixed f ? f.Value : v.Mean).ToArray();
            _slots[i] = table.UncertainSlots().ToArray();
            _sources[i] = _slots[i].Select(slot =>
            {
                var key = (table.Paths[slot], table.Values[slot]);
                if (!index.TryGetValue(key, out var k))
                {
                    k = index[key] = streams.Count;
                    streams.Add(Streams.ForParameter(key.Item1));
                    distributions.Add(key.Item2);
                }

                return k;
            }).ToArray();
        }

        _values = new double[streams.Count];
        _draws = new ParameterSampler(new double[streams.Count], Enumerable.Range(0, streams.Count).ToArray(), streams.ToArray(), distributions.ToArray());
    }

    /// <summary>Distinct uncertain parameters drawn per run.</summary>
    public int DistinctCount => _values.Length;

    /// <summary>Draws run <paramref name="run"/>'s value of every distinct uncertain parameter.</summary>
    public void Sample(ulong seed, long run) => _draws.Sample(seed, run, _values);

    /// <summary>The run last sampled: each distinct uncertain parameter's value.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Per uncertain slot of table <paramref name="table"/> (in <see cref="ParameterTable.UncertainSlots"/> order), its index in <see cref="Values"/>.</summary>
    public ReadOnlySpan<int> Sources(int table) => _sources[table];

    /// <summary>Writes table <paramref name="table"/>'s parameter vector for the run last sampled.</summary>
    public void Fill(int table, Span<double> values)
    {
        _templates[table].CopyTo(values);
        var slots = _slots[table];
        var sources = _sources[table];
        for (var k = 0; k < slots.Length; k++)
        {
            values[slots[k]] = _values[sources[k]];
        }
    }
}
