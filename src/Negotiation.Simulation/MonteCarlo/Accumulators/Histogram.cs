namespace Negotiation.Simulation.MonteCarlo.Accumulators;

/// <summary>
/// Fixed-bin histogram over [Low, High] with under- and overflow bins, exact min and max: counts merge exactly.
/// Each bin also keeps its smallest and largest value with how many times each occurred (a min or max with its
/// multiplicity merges exactly and in any order), so quantiles are point-mass aware: a quantile that falls on a bin's
/// smallest or largest value is that value exactly (when 97% of agreements are 300, the median is 300, not a point
/// interpolated across the bin), and otherwise it is interpolated between the bin's own extremes, not its edges.
/// Memory is fixed by the bin count, never by the number of values.
/// </summary>
public sealed class Histogram
{
    private readonly long[] _counts; // [0] underflow, [1..bins] bins, [bins+1] overflow
    private readonly double[] _binMin; // per bin (same indexing): the smallest value seen, and how often it occurred
    private readonly long[] _atMin;
    private readonly double[] _binMax; // the largest value seen, and how often it occurred
    private readonly long[] _atMax;

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
        _binMin = new double[bins + 2];
        _atMin = new long[bins + 2];
        _binMax = new double[bins + 2];
        _atMax = new long[bins + 2];
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

        if (_counts[index]++ == 0)
        {
            _binMin[index] = _binMax[index] = value;
            _atMin[index] = _atMax[index] = 1;
            return;
        }

        if (value < _binMin[index])
        {
            _binMin[index] = value;
            _atMin[index] = 1;
        }
        else if (value == _binMin[index])
        {
            _atMin[index]++;
        }

        if (value > _binMax[index])
        {
            _binMax[index] = value;
            _atMax[index] = 1;
        }
        else if (value == _binMax[index])
        {
            _atMax[index]++;
        }
    }

    /// <summary>Per bin (underflow, bins, overflow): smallest value and its count, largest value and its count.</summary>
    public ReadOnlySpan<double> BinMin => _binMin;

    /// <inheritdoc cref="BinMin"/>
    public ReadOnlySpan<long> AtMin => _atMin;

    /// <inheritdoc cref="BinMin"/>
    public ReadOnlySpan<double> BinMax => _binMax;

    /// <inheritdoc cref="BinMin"/>
    public ReadOnlySpan<long> AtMax => _atMax;

    public void Add(Histogram other)
    {
        if (other.Bins != Bins || other.Low != Low || other.High != High)
        {
            throw new ArgumentException("histograms with different bins cannot be merged", nameof(other));
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            if (other._counts[i] == 0)
            {
                continue;
            }

            if (_counts[i] == 0)
            {
                (_binMin[i], _atMin[i], _binMax[i], _atMax[i]) = (other._binMin[i], other._atMin[i], other._binMax[i], other._atMax[i]);
            }
            else
            {
                (_binMin[i], _atMin[i]) = Extreme(_binMin[i], _atMin[i], other._binMin[i], other._atMin[i], smaller: true);
                (_binMax[i], _atMax[i]) = Extreme(_binMax[i], _atMax[i], other._binMax[i], other._atMax[i], smaller: false);
            }

            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }

    // The smaller (or larger) of two extremes with its multiplicity; equal extremes add their counts.
    private static (double Value, long Count) Extreme(double a, long na, double b, long nb, bool smaller) =>
        a == b ? (a, na + nb) : (a < b) == smaller ? (a, na) : (b, nb);

    /// <summary>
    /// Restores a histogram from its serialised parts. Without the per-bin extremes (a state file written before they
    /// were kept) each bin spans its edges and quantiles interpolate across it, as they then did.
    /// </summary>
    public void Restore(ReadOnlySpan<long> counts, double min, double max, BinExtremes? extremes = null)
    {
        counts.CopyTo(_counts);
        var width = (High - Low) / Bins;
        for (var i = 0; i < _counts.Length; i++)
        {
            if (extremes is { } e)
            {
                (_binMin[i], _atMin[i], _binMax[i], _atMax[i]) = (e.Min[i], e.AtMin[i], e.Max[i], e.AtMax[i]);
            }
            else
            {
                _binMin[i] = i == 0 ? min : i == _counts.Length - 1 ? High : Low + (i - 1) * width;
                _binMax[i] = i == 0 ? Low : i == _counts.Length - 1 ? max : Low + i * width;
                _atMin[i] = _atMax[i] = 0;
            }
        }

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
        for (var i = 0; i < _counts.Length; i++)
        {
            var c = _counts[i];
            if (c == 0 || cumulative + c < target)
            {
                cumulative += c;
                continue;
            }

            var value = WithinBin(i, target - cumulative);
            return Math.Clamp(value, Min, Max);
        }

        return Max;
    }

    // The value at rank r (0 < r ≤ count) within bin i: its smallest value for the first AtMin ranks, its largest for
    // the last AtMax ranks, linear between the two in between.
    private double WithinBin(int i, double r)
    {
        double lo = _binMin[i];
        double hi = _binMax[i];
        long c = _counts[i];
        if (lo == hi || r <= _atMin[i])
        {
            return lo;
        }

        if (r > c - _atMax[i])
        {
            return hi;
        }

        var middle = c - _atMin[i] - _atMax[i];
        return lo + (hi - lo) * Math.Clamp((r - _atMin[i]) / Math.Max(1, middle), 0, 1);
    }
}

/// <summary>A histogram's per-bin extremes as stored in a state file (see <see cref="Histogram.BinMin"/>).</summary>
public sealed record BinExtremes(double[] Min, long[] AtMin, double[] Max, long[] AtMax);
