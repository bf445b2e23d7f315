using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Negotiation.Simulation.Random;

/// <summary>
/// Four <see cref="Rng"/> streams in the lanes of vectors: lane i draws exactly the numbers stream i would, and only
/// the lanes a mask names advance, so that four independent rejection samplers can run side by side.
/// </summary>
internal struct Rng4
{
    private Vector256<ulong> _s0, _s1, _s2, _s3;

    public Rng4(in Rng a, in Rng b, in Rng c, in Rng d)
    {
        var (a0, a1, a2, a3) = a.State;
        var (b0, b1, b2, b3) = b.State;
        var (c0, c1, c2, c3) = c.State;
        var (d0, d1, d2, d3) = d.State;
        _s0 = Vector256.Create(a0, b0, c0, d0);
        _s1 = Vector256.Create(a1, b1, c1, d1);
        _s2 = Vector256.Create(a2, b2, c2, d2);
        _s3 = Vector256.Create(a3, b3, c3, d3);
    }

    /// <summary>
    /// Per lane, <see cref="Rng.NextDouble"/> where <paramref name="advance"/> is all ones; lanes where it is zero keep
    /// their state (their result is not meaningful).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> NextDouble(Vector256<ulong> advance)
    {
        // xoshiro256**: rotl(s1 · 5, 7) · 9, with the products as shifts and adds (the same mod 2⁶⁴).
        var s1 = _s1;
        var times5 = (s1 << 2) + s1;
        var rotated = (times5 << 7) | (times5 >>> 57);
        var result = (rotated << 3) + rotated;
        var t = s1 << 17;
        var s2 = _s2 ^ _s0;
        var s3 = _s3 ^ s1;
        var n1 = s1 ^ s2;
        var n0 = _s0 ^ s3;
        s2 ^= t;
        s3 = (s3 << 45) | (s3 >>> 19);
        _s0 = Vector256.ConditionalSelect(advance, n0, _s0);
        _s1 = Vector256.ConditionalSelect(advance, n1, _s1);
        _s2 = Vector256.ConditionalSelect(advance, s2, _s2);
        _s3 = Vector256.ConditionalSelect(advance, s3, _s3);
        return Vector256.ConvertToDouble(result >>> 11) * (1.0 / (1UL << 53));
    }
}
