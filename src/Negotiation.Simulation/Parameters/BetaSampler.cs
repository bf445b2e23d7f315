using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Parameters;

/// <summary>
/// Exact Beta(α, β) draws for α, β ≥ 1 (every Beta-PERT: α = 1 + 4(mode − min)/range ≥ 1) as X / (X + Y) with
/// X ~ Gamma(α), Y ~ Gamma(β), each by Marsaglia &amp; Tsang's (2000) squeeze–rejection method on standard normals from
/// Marsaglia's polar method. The Gamma constants d = α − 1/3, c = 1/√(9d) are computed once per parameter; a draw
/// costs about one logarithm and one square root (polar pair) plus four uniforms, with no virtual calls.
/// </summary>
public readonly record struct BetaSampler(double DA, double CA, double DB, double CB)
{
    /// <summary>The sampler of Beta(<paramref name="alpha"/>, <paramref name="beta"/>); both must be at least 1.</summary>
    public static BetaSampler For(double alpha, double beta)
    {
        if (!(alpha >= 1) || !(beta >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), "the fast Beta sampler needs alpha, beta >= 1");
        }

        var da = alpha - 1.0 / 3;
        var db = beta - 1.0 / 3;
        return new BetaSampler(da, 1 / Math.Sqrt(9 * da), db, 1 / Math.Sqrt(9 * db));
    }

    /// <summary>One draw in [0, 1] from <paramref name="rng"/>.</summary>
    public double Sample(ref Rng rng)
    {
        var spare = 0.0;
        var hasSpare = false;
        var x = Gamma(ref rng, DA, CA, ref spare, ref hasSpare);
        var y = Gamma(ref rng, DB, CB, ref spare, ref hasSpare);
        return x / (x + y);
    }

    /// <summary>
    /// Four draws at once, lane i from <paramref name="rng"/>'s lane i with the i-th sampler (a, b, c, d): per lane the
    /// very numbers <see cref="Sample"/> would return, by the same operations. The common path — the first normal pair
    /// feeds both gammas and each is accepted on its first try — runs in the lanes (the logarithms lane by lane, as
    /// <see cref="Math.Log(double)"/>); a lane that leaves it is marked in the result's bits (<paramref name="redo"/>),
    /// for its caller to draw again with <see cref="Sample"/> from the stream's start.
    /// </summary>
    internal static Vector256<double> SampleFour(ref Rng4 rng, in BetaSampler a, in BetaSampler b, in BetaSampler c, in BetaSampler d, out int redo)
    {
        // Marsaglia's polar method, each lane drawing pairs until its own is accepted.
        var all = Vector256<ulong>.AllBitsSet;
        var pending = all;
        Vector256<double> u = default, v = default, s = default;
        var one = Vector256<double>.One;
        while (pending != Vector256<ulong>.Zero)
        {
            var du = Vector256.Create(2.0) * rng.NextDouble(pending) - one;
            var dv = Vector256.Create(2.0) * rng.NextDouble(pending) - one;
            var ds = du * du + dv * dv;
            var accepted = (Vector256.LessThan(ds, one) & ~Vector256.Equals(ds, Vector256<double>.Zero)).AsUInt64() & pending;
            u = Vector256.ConditionalSelect(accepted.AsDouble(), du, u);
            v = Vector256.ConditionalSelect(accepted.AsDouble(), dv, v);
            s = Vector256.ConditionalSelect(accepted.AsDouble(), ds, s);
            pending &= ~accepted;
        }

        var log = Vector256.Create(Math.Log(s[0]), Math.Log(s[1]), Math.Log(s[2]), Math.Log(s[3]));
        var f = Vector256.Sqrt(Vector256.Create(-2.0) * log / s);
        var x = FirstTryGamma(ref rng, u * f, Vector256.Create(a.DA, b.DA, c.DA, d.DA), Vector256.Create(a.CA, b.CA, c.CA, d.CA), out var failX);
        var y = FirstTryGamma(ref rng, v * f, Vector256.Create(a.DB, b.DB, c.DB, d.DB), Vector256.Create(a.CB, b.CB, c.CB, d.CB), out var failY);
        redo = failX | failY;
        return x / (x + y);
    }

    /// <summary>
    /// <see cref="Gamma"/>'s first try in four lanes from the normals <paramref name="z"/>: d·v³ where it accepts; the
    /// lanes where it would try again are set in <paramref name="fail"/> (bit i: lane i).
    /// </summary>
    private static Vector256<double> FirstTryGamma(ref Rng4 rng, Vector256<double> z, Vector256<double> d, Vector256<double> c, out int fail)
    {
        var v = Vector256<double>.One + c * z;
        fail = (int)Vector256.LessThanOrEqual(v, Vector256<double>.Zero).ExtractMostSignificantBits();
        v = v * v * v;
        var u = rng.NextDouble(Vector256<ulong>.AllBitsSet);
        var z2 = z * z;
        var squeezed = (int)Vector256.LessThan(u, Vector256<double>.One - Vector256.Create(0.0331) * z2 * z2).ExtractMostSignificantBits();
        for (var i = 0; i < 4; i++)
        {
            if ((fail >> i & 1) == 0 && (squeezed >> i & 1) == 0
                && !(Math.Log(u[i]) < 0.5 * z2[i] + d[i] * (1 - v[i] + Math.Log(v[i]))))
            {
                fail |= 1 << i;
            }
        }

        return d * v;
    }

    /// <summary>Marsaglia–Tsang (2000): Gamma(d + 1/3, 1) for d + 1/3 ≥ 1.</summary>
    private static double Gamma(ref Rng rng, double d, double c, ref double spare, ref bool hasSpare)
    {
        while (true)
        {
            double z, v;
            do
            {
                z = StandardNormal(ref rng, ref spare, ref hasSpare);
                v = 1 + c * z;
            }
            while (v <= 0);

            v = v * v * v;
            var u = rng.NextDouble();
            var z2 = z * z;
            if (u < 1 - 0.0331 * z2 * z2 || Math.Log(u) < 0.5 * z2 + d * (1 - v + Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>Marsaglia's polar method: two independent standard normals per accepted pair; the second is kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double StandardNormal(ref Rng rng, ref double spare, ref bool hasSpare)
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spare;
        }

        double u, v, s;
        do
        {
            u = 2 * rng.NextDouble() - 1;
            v = 2 * rng.NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);

        var f = Math.Sqrt(-2 * Math.Log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }
}
