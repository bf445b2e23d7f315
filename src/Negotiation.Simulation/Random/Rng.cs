using System.Numerics;

using System.Runtime.CompilerServices;

namespace Negotiation.Simulation.Random;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna 2018) keyed by SplitMix64. A stream is a pure function of
/// (seed, run, stream id): run <c>i</c> of seed <c>s</c> draws the same numbers on any thread, in any process,
/// in any variant; that is what makes results independent of thread count and shards, and what gives
/// variants common random numbers. A mutable struct: pass it by <c>ref</c>.
/// </summary>
public struct Rng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>The stream for run <paramref name="run"/> of <paramref name="seed"/>, sub-stream <paramref name="stream"/>.</summary>
    public static Rng For(ulong seed, long run, ulong stream) => For(RunKey(seed, run), stream);

    /// <summary>
    /// The part of <see cref="For(ulong, long, ulong)"/> common to every stream of run <paramref name="run"/>: compute
    /// it once per run when drawing from many streams.
    /// </summary>
    public static ulong RunKey(ulong seed, long run) =>
        // Mix the three keys through SplitMix64 so that neighbouring runs and streams start far apart.
        SplitMix(SplitMix(seed ^ 0x6A09E667F3BCC908UL) ^ (ulong)run);

    /// <summary>Sub-stream <paramref name="stream"/> of the run whose <see cref="RunKey"/> is <paramref name="runKey"/>.</summary>
    public static Rng For(ulong runKey, ulong stream)
    {
        var key = SplitMix(runKey ^ stream);
        var rng = default(Rng);
        rng._s0 = SplitMix(ref key);
        rng._s1 = SplitMix(ref key);
        rng._s2 = SplitMix(ref key);
        rng._s3 = SplitMix(ref key);
        return rng;
    }

    /// <summary>The generator's state, for <see cref="Rng4"/>.</summary>
    internal readonly (ulong S0, ulong S1, ulong S2, ulong S3) State => (_s0, _s1, _s2, _s3);

    /// <summary>64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>) (Lemire's multiply-shift, unbiased enough for n &lt; 2^32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var x = state;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}

/// <summary>The sub-streams of one run. Each phase draws from its own, so adding a draw to one phase never shifts another's.</summary>
public static class Streams
{
    public const ulong Negotiation = 1;
    public const ulong Events = 2;
    public const ulong Compliance = 3;

    /// <summary>
    /// The stream of one uncertain parameter: a stable 64-bit FNV-1a hash of its path, so a parameter draws the
    /// same value in every variant and every sweep point that contains it (common random numbers).
    /// </summary>
    public static ulong ForParameter(string path)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in path)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash | 0x8000_0000_0000_0000UL; // never collides with the fixed phase streams above
    }
}
