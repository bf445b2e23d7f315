namespace Negotiation.Simulation.MonteCarlo.Accumulators;

/// <summary>Count, exact sum and exact sum of squares of a stream of values; merges exactly.</summary>
public struct Moments
{
    private ExactSum _sum;
    private ExactSum _sumOfSquares;

    public long Count { get; private set; }

    public readonly ExactSum Sum => _sum;

    public readonly ExactSum SumOfSquares => _sumOfSquares;

    public Moments(long count, ExactSum sum, ExactSum sumOfSquares)
    {
        Count = count;
        _sum = sum;
        _sumOfSquares = sumOfSquares;
    }

    public void Add(double value)
    {
        Count++;
        _sum.Add(value);
        _sumOfSquares.Add(value * value);
    }

    public void Add(Moments other)
    {
        Count += other.Count;
        _sum.Add(other._sum);
        _sumOfSquares.Add(other._sumOfSquares);
    }

    public readonly double Mean => Count == 0 ? double.NaN : _sum.Value / Count;

    /// <summary>The sample variance (n − 1 in the denominator); 0 for fewer than two values.</summary>
    public readonly double Variance
    {
        get
        {
            if (Count < 2)
            {
                return 0;
            }

            var mean = Mean;
            return Math.Max(0, (_sumOfSquares.Value - Count * mean * mean) / (Count - 1));
        }
    }

    public readonly double StdDev => Math.Sqrt(Variance);
}
