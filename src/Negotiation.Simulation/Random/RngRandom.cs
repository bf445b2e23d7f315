namespace Negotiation.Simulation.Random;

/// <summary>
/// Adapts <see cref="Rng"/> to <see cref="System.Random"/> so MathNet.Numerics' distribution samplers can draw
/// from it. Allocate one per worker and <see cref="Reset"/> it per stream: it allocates nothing per draw.
/// </summary>
public sealed class RngRandom : System.Random
{
    private Rng _rng;

    public RngRandom(Rng rng) => _rng = rng;

    public void Reset(Rng rng) => _rng = rng;

    /// <summary>The stream where the draws since <see cref="Reset"/> left it, for a caller that draws on from it.</summary>
    public Rng State => _rng;

    public override double NextDouble() => _rng.NextDouble();

    protected override double Sample() => _rng.NextDouble();

    public override int Next() => (int)(_rng.NextUInt64() >> 33);

    public override int Next(int maxValue) => maxValue <= 0 ? 0 : _rng.NextInt(maxValue);

    public override int Next(int minValue, int maxValue) =>
        minValue >= maxValue ? minValue : minValue + (int)(_rng.NextDouble() * ((long)maxValue - minValue));

    public override long NextInt64() => (long)(_rng.NextUInt64() >> 1);

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)_rng.NextUInt64();
        }
    }

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());
}
