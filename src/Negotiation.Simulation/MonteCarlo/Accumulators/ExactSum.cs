using System.Runtime.CompilerServices;

namespace Negotiation.Simulation.MonteCarlo.Accumulators;

/// <summary>
/// A sum of doubles that is exactly the same whatever order the terms arrive in: each term is rounded once to
/// a fixed-point multiple of 2⁻³² and added as a 128-bit integer. Integer addition is associative, so per-thread
/// and per-shard partial sums merge into bit-for-bit the single-thread result. Terms up to about 10²⁰ in
/// magnitude are safe; the rounding (2.3·10⁻¹⁰ per term) is far below any figure a report prints.
/// </summary>
public struct ExactSum
{
    private const double Scale = 4294967296.0; // 2^32

    public Int128 Raw { get; private set; }

    public ExactSum(Int128 raw) => Raw = raw;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        // Converting a double to Int128 is a software routine; an integral double below 2^63 in magnitude converts
        // exactly through long, which the hardware does in one instruction. Same sum, bit for bit.
        var scaled = Math.Round(value * Scale);
        if (Math.Abs(scaled) < LongLimit)
        {
            Raw += (long)scaled;
        }
        else
        {
            Raw += (Int128)scaled;
        }
    }

    private const double LongLimit = 9.2e18; // < 2^63 ≈ 9.223e18

    public void Add(ExactSum other) => Raw += other.Raw;

    public readonly double Value => (double)Raw / Scale;
}
