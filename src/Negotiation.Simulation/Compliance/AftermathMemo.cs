using System.Runtime.InteropServices;

namespace Negotiation.Simulation.Compliance;

/// <summary>
/// One worker's latest shadow-of-the-future factors (<see cref="PackageAftermath"/>), shared by its variants. Variants
/// that leave compliance and utilities alone compute the same factors from the same numbers in every run; the first
/// to reach a run computes them, the others find their inputs equal bit for bit and copy. Registration allocates; a
/// run does not. Not thread safe: one per worker.
/// </summary>
internal sealed class AftermathMemo
{
    private readonly List<Entry> _entries = [];

    /// <summary>The entry for <paramref name="aftermath"/>: an existing one when an earlier variant's aftermath is the same (<see cref="PackageAftermath.SameAs"/>).</summary>
    public int Register(PackageAftermath aftermath)
    {
        for (var e = 0; e < _entries.Count; e++)
        {
            if (_entries[e].Aftermath.SameAs(aftermath))
            {
                return e;
            }
        }

        _entries.Add(new Entry(aftermath, aftermath.InputCount, aftermath.FactorCount));
        return _entries.Count - 1;
    }

    /// <summary>As <see cref="PackageAftermath.Fill"/>, copying the factors entry <paramref name="entry"/> last computed when its inputs are the same.</summary>
    public void Fill(
        int entry, PackageAftermath aftermath, ReadOnlySpan<double> p, ReadOnlySpan<double> weight, ReadOnlySpan<double> value,
        ReadOnlySpan<double> reservation, Span<double> keep)
    {
        var e = _entries[entry];
        aftermath.GatherInputs(p, weight, value, reservation, e.Scratch);
        var same = MemoryMarshal.Cast<double, long>(e.Scratch.AsSpan()).SequenceEqual(MemoryMarshal.Cast<double, long>(e.Inputs.AsSpan()));
        if (e.Computed && same)
        {
            e.Keep.CopyTo(keep);
            return;
        }

        aftermath.Fill(p, weight, value, reservation, keep);
        e.Scratch.CopyTo(e.Inputs, 0);
        keep[..e.Keep.Length].CopyTo(e.Keep);
        e.Computed = true;
    }

    private sealed class Entry(PackageAftermath aftermath, int inputs, int factors)
    {
        public PackageAftermath Aftermath { get; } = aftermath;

        public double[] Inputs { get; } = new double[inputs];

        public double[] Scratch { get; } = new double[inputs];

        public double[] Keep { get; } = new double[factors];

        public bool Computed { get; set; }
    }
}
