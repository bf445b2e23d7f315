using Negotiation.Core.Model;

namespace Negotiation.Simulation.Negotiation;

/// <summary>
/// One worker's belief types of the current run, shared by its variants. A belief set's drawn types are a pure
/// function of (seed, run, stream, prior) (docs/model.md §3.3), so variants whose sets draw the same prior from the
/// same stream (every variant that leaves the actor's reservation value alone) would draw the same numbers: the first
/// variant to reach a run draws them, the others copy. Results are the same bytes as drawing in every variant.
/// Registration allocates; a run does not. Not thread safe: one per worker.
/// </summary>
internal sealed class BeliefDraws
{
    private readonly List<Entry> _entries = [];

    /// <summary>
    /// The entry for types <paramref name="first"/> … K − 1 drawn from <paramref name="prior"/> on stream
    /// <paramref name="stream"/>: an existing one when an earlier set registered the same draws.
    /// </summary>
    public int Register(ulong stream, Uncertain prior, int first, int typeCount)
    {
        for (var e = 0; e < _entries.Count; e++)
        {
            var entry = _entries[e];
            if (entry.Stream == stream && entry.First == first && entry.Values.Length == typeCount && entry.Prior.Equals(prior))
            {
                return e;
            }
        }

        _entries.Add(new Entry(stream, prior, first, new double[typeCount]));
        return _entries.Count - 1;
    }

    /// <summary>Copies entry <paramref name="entry"/>'s types into <paramref name="types"/> when they were drawn for this run; false otherwise.</summary>
    public bool TryCopy(int entry, ulong seed, long run, Span<double> types)
    {
        var e = _entries[entry];
        if (!e.Drawn || e.Seed != seed || e.Run != run)
        {
            return false;
        }

        e.Values.AsSpan(e.First).CopyTo(types[e.First..]);
        return true;
    }

    /// <summary>Keeps the types a set drew for this run for the variants that follow.</summary>
    public void Keep(int entry, ulong seed, long run, ReadOnlySpan<double> types)
    {
        var e = _entries[entry];
        types[e.First..].CopyTo(e.Values.AsSpan(e.First));
        e.Seed = seed;
        e.Run = run;
        e.Drawn = true;
    }

    private sealed class Entry(ulong stream, Uncertain prior, int first, double[] values)
    {
        public ulong Stream { get; } = stream;

        public Uncertain Prior { get; } = prior;

        public int First { get; } = first;

        public double[] Values { get; } = values;

        public bool Drawn { get; set; }

        public ulong Seed { get; set; }

        public long Run { get; set; }
    }
}
