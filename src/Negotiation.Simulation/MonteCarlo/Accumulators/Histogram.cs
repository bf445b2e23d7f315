namespace Negotiation.Simulation.MonteCarlo.Accumulators;

/// <summary>
/// Fixed-bin histogram over [Low, High] with under- and overflow bins, exact min and max: counts merge exactly,
/// and quantiles are read off the bins by linear interpolation (accurate to a bin width, clamped to the exact
/// min and max). Memory is fixed by the bin count, never by the number of values.
/// </summary>
public sealed class Histogram
{
    private readonly long[] _counts; // [0] underflow, [1..bins] bins, [bins+1] overflow

    public Histogram(double low, double high, int bins)
    {
        if (!(high > low) || bins < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), "need high > low and at least one bin");
        }

        Low = low;
        High = high;
        Bins = bins;
        _counts = new long[bins + 2];
    }

    public double Low { get; }

    public double High { get; }

    public int Bins { get; }

    public long Count { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Raw bin counts: underflow, the bins in order, overflow.</summary>
    public ReadOnlySpan<long> Counts => _counts;

    public void Add(double value)
    {
        Count++;
        if (value < Min)
        {
            Min = value;
        }

        if (value > Max)
        {
            Max = value;
        }

        int index;
        if (value < Low)
        {
            index = 0;
        }
        else if (value >= High)
        {
            index = value == High ? Bins : Bins + 1;
        }
        else
        {
            index = 1 + Math.Min(Bins - 1, (int)((value - Low) / (High - Low) * Bins));
        }

        _counts[index]++;
    }

    public void Add(Histogram other)
    {
        if (other.Bins != Bins || other.Low != Low || other.High != High)
        {
            throw new ArgumentException("histograms with different bins cannot be merged", nameof(other));
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>Restores a histogram from its serialised parts.</summary>
    public void Restore(ReadOnlySpan<long> counts, double min, double max)
    {
        counts.CopyTo(_counts);
        Count = 0;
        foreach (var c in counts)
        {
            Count += c;
        }

        Min = min;
        Max = max;
    }

    /// <summary>The q-quantile (0 ≤ q ≤ 1), NaN when empty.</summary>
    public double Quantile(double q)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var target = q * Count;
        double cumulative = 0;
        var width = (High - Low) / Bins;
        for (var i = 0; i < _counts.Length; i++)
        {
            var c = _counts[i];
            if (c == 0 || cumulative + c < target)
            {
                cumulative += c;
                continue;
            }

            double value;
            if (i == 0)
            {
                value = Min;
            }
            else if (i == _counts.Length - 1)
            {
                value = Max;
            }
            else
            {
                var start = Low + (i - 1) * width;
                value = start + width * Math.Clamp((target - cumulative) / c, 0, 1);
            }

            return Math.Clamp(value, Min, Max);
        }

        return Max;
    }
}
