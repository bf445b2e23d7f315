using MathNet.Numerics.Distributions;
using Negotiation.Core.Model;
using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Parameters;

/// <summary>
/// Fills a run's parameter vector. Fixed slots are copied from a template; each uncertain slot draws from its
/// own stream <c>Rng.For(seed, run, Streams.ForParameter(path))</c>, so a parameter's value in run i depends
/// only on (seed, i, its path): the same in every variant and sweep point that has it, whatever else changes.
/// Holds one <see cref="RngRandom"/> per instance: use one sampler per worker thread.
/// </summary>
public sealed class ParameterSampler
{
    private readonly double[] _template;
    private readonly int[] _uncertainSlots;
    private readonly ulong[] _streams;
    private readonly Uncertain[] _distributions;
    private readonly RngRandom _random = new(default);

    public ParameterSampler(ParameterTable table)
        : this(
            table.Values.Select(v => v is Fixed f ? f.Value : v.Mean).ToArray(),
            table.UncertainSlots().ToArray(),
            table.UncertainSlots().Select(i => Streams.ForParameter(table.Paths[i])).ToArray(),
            table.Values.ToArray())
    {
    }

    /// <summary>Slot i draws <paramref name="distributions"/>[i] from stream <paramref name="streams"/>[k] when it is <paramref name="uncertainSlots"/>[k].</summary>
    internal ParameterSampler(double[] template, int[] uncertainSlots, ulong[] streams, Uncertain[] distributions)
    {
        _template = template;
        _uncertainSlots = uncertainSlots;
        _streams = streams;
        _distributions = distributions;
        _pert = _uncertainSlots.Select(i => _distributions[i] is PertDist p && p.Max - p.Min > 0 ? PertBeta(p) : default).ToArray();
        _pertIndices = Enumerable.Range(0, _uncertainSlots.Length).Where(k => _pert[k].DA > 0).ToArray();
        _otherIndices = Enumerable.Range(0, _uncertainSlots.Length).Where(k => !(_pert[k].DA > 0)).ToArray();
    }

    /// <summary>The uncertain slots (indices into <see cref="UncertainSlots"/>) drawn by the PERT sampler, four at a time, and the others.</summary>
    private readonly int[] _pertIndices;
    private readonly int[] _otherIndices;

    private readonly BetaSampler[] _pert;

    /// <summary>The number of slots a parameter vector needs.</summary>
    public int Count => _template.Length;

    /// <summary>Slots that are sampled per run.</summary>
    public ReadOnlySpan<int> UncertainSlots => _uncertainSlots;

    /// <summary>Writes run <paramref name="run"/>'s parameter values into <paramref name="values"/>.</summary>
    public void Sample(ulong seed, long run, Span<double> values)
    {
        _template.CopyTo(values);
        var runKey = Rng.RunKey(seed, run);
        var pert = _pertIndices;
        var i = 0;
        for (; i + 4 <= pert.Length; i += 4)
        {
            // Four PERT parameters side by side; each lane draws exactly what its own stream would alone.
            var (k0, k1, k2, k3) = (pert[i], pert[i + 1], pert[i + 2], pert[i + 3]);
            Span<Rng> streams = [Rng.For(runKey, _streams[k0]), Rng.For(runKey, _streams[k1]), Rng.For(runKey, _streams[k2]), Rng.For(runKey, _streams[k3])];
            var four = new Rng4(streams[0], streams[1], streams[2], streams[3]);
            var betas = BetaSampler.SampleFour(ref four, _pert[k0], _pert[k1], _pert[k2], _pert[k3], out var redo);
            for (var lane = 0; lane < 4; lane++)
            {
                var k = pert[i + lane];
                var beta = (redo >> lane & 1) == 0 ? betas[lane] : _pert[k].Sample(ref streams[lane]);
                values[_uncertainSlots[k]] = PertValue((PertDist)_distributions[_uncertainSlots[k]], beta);
            }
        }

        for (; i < pert.Length; i++)
        {
            var k = pert[i];
            var rng = Rng.For(runKey, _streams[k]);
            values[_uncertainSlots[k]] = PertValue((PertDist)_distributions[_uncertainSlots[k]], _pert[k].Sample(ref rng));
        }

        foreach (var k in _otherIndices)
        {
            var rng = Rng.For(runKey, _streams[k]);
            values[_uncertainSlots[k]] = Draw(_distributions[_uncertainSlots[k]], ref rng, _random);
        }
    }

    /// <summary>A PERT's value for a draw <paramref name="beta"/> of its Beta: min + (max − min)·beta.</summary>
    internal static double PertValue(PertDist pert, double beta) => pert.Min + (pert.Max - pert.Min) * beta;

    /// <summary>One draw from <paramref name="distribution"/> using <paramref name="rng"/>.</summary>
    public static double Draw(Uncertain distribution, ref Rng rng, RngRandom random)
    {
        switch (distribution)
        {
            case Fixed f:
                return f.Value;
            case UniformDist u:
                return u.Min + rng.NextDouble() * (u.Max - u.Min);
            case TriangularDist t:
                return TriangularInverse(t, rng.NextDouble());
            case PertDist pert:
                {
                    var range = pert.Max - pert.Min;
                    if (range <= 0)
                    {
                        return pert.Mode;
                    }

                    return PertValue(pert, PertBeta(pert).Sample(ref rng));
                }

            case NormalDist n when n.IsTruncated:
                {
                    // Inverse-CDF sampling restricted to [Φ(min), Φ(max)]: one uniform, no rejection loop.
                    var lo = Normal.CDF(n.Mu, n.Sigma, n.Min);
                    var hi = Normal.CDF(n.Mu, n.Sigma, n.Max);
                    var u = lo + rng.NextDouble() * (hi - lo);
                    var x = Normal.InvCDF(n.Mu, n.Sigma, Math.Clamp(u, 1e-300, 1 - 1e-16));
                    return Math.Clamp(x, n.Min, n.Max);
                }

            case NormalDist or LogNormalDist or BetaDist:
                return DrawThroughMathNet(distribution, ref rng, random);

            default:
                throw new ArgumentOutOfRangeException(nameof(distribution), distribution, "unknown distribution");
        }
    }

    /// <summary>
    /// A draw by one of MathNet's samplers, through the adapter <paramref name="random"/>; the stream goes on from where
    /// the sampler left it, so a caller that draws several values from one stream (a belief's types) gets distinct draws.
    /// </summary>
    private static double DrawThroughMathNet(Uncertain distribution, ref Rng rng, RngRandom random)
    {
        random.Reset(rng);
        var x = distribution switch
        {
            NormalDist n => Normal.Sample(random, n.Mu, n.Sigma),
            LogNormalDist ln => LogNormal.Sample(random, ln.Mu, ln.Sigma),
            BetaDist beta => beta.Min + (beta.Max - beta.Min) * Beta.Sample(random, beta.Alpha, beta.Beta),
            _ => throw new ArgumentOutOfRangeException(nameof(distribution), distribution, "not drawn by MathNet"),
        };
        rng = random.State;
        return x;
    }

    /// <summary>
    /// Beta-PERT with shape λ = 4: α = 1 + 4(mode − min)/range, β = 1 + 4(max − mode)/range (Vose 2008), both ≥ 1
    /// when min ≤ mode ≤ max (the loader's check; the mode is clamped here so a draw never fails).
    /// </summary>
    internal static BetaSampler PertBeta(PertDist pert)
    {
        var range = pert.Max - pert.Min;
        var mode = Math.Clamp(pert.Mode, pert.Min, pert.Max);
        return BetaSampler.For(1 + 4 * (mode - pert.Min) / range, 1 + 4 * (pert.Max - mode) / range);
    }

    private static double TriangularInverse(TriangularDist t, double u)
    {
        var range = t.Max - t.Min;
        if (range <= 0)
        {
            return t.Mode;
        }

        var split = (t.Mode - t.Min) / range;
        return u < split
            ? t.Min + Math.Sqrt(u * range * (t.Mode - t.Min))
            : t.Max - Math.Sqrt((1 - u) * range * (t.Max - t.Mode));
    }
}

/// <summary>
/// A distribution made ready for many draws: as <see cref="ParameterSampler.Draw"/>, with a PERT's Beta constants
/// computed once instead of at every draw (the same numbers, bit for bit).
/// </summary>
internal readonly struct PreparedDraw
{
    private readonly Uncertain _distribution;
    private readonly PertDist? _pert;
    private readonly BetaSampler _beta;

    public PreparedDraw(Uncertain distribution)
    {
        _distribution = distribution;
        if (distribution is PertDist pert && pert.Max - pert.Min > 0)
        {
            _pert = pert;
            _beta = ParameterSampler.PertBeta(pert);
        }
    }

    /// <summary>One draw using <paramref name="rng"/>.</summary>
    public double Draw(ref Rng rng, RngRandom random) =>
        _pert is { } pert ? ParameterSampler.PertValue(pert, _beta.Sample(ref rng)) : ParameterSampler.Draw(_distribution, ref rng, random);
}
