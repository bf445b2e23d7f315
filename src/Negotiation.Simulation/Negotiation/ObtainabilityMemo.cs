namespace Negotiation.Simulation.Negotiation;

/// <summary>
/// The walk-out test's last exact answer per (actor, slot, level) (docs/model.md §5.4), so that a round whose beliefs
/// have not moved at a level does not search again. Obtainability is monotone: a package worth at least m to the actor
/// with every other party at or above its threshold T is still one when m and T fall, and none exists when there was
/// none and m and T rise. So a remembered "no" answers every test with a minimum and thresholds at least as high, and
/// a remembered "yes" every test with both at most as high, under the same utility tables (<c>UtilVersion</c>); any
/// other test searches. Answers are exactly the search's. Part of the per-worker workspace; allocation free.
/// </summary>
internal sealed class ObtainabilityMemo
{
    private const int Slots = 2;

    private readonly int _actorCount;
    private readonly double[] _thresholds;
    private readonly double[] _minimum;
    private readonly long[] _version;
    private readonly sbyte[] _answer;

    public ObtainabilityMemo(int actorCount, int levels)
    {
        _actorCount = actorCount;
        var entries = actorCount * Slots * levels;
        _thresholds = new double[entries * actorCount];
        _minimum = new double[entries];
        _version = new long[entries];
        _answer = new sbyte[entries];
        Levels = levels;
    }

    /// <summary>The levels per (actor, slot).</summary>
    public int Levels { get; }

    private int Entry(int actor, int slot, int level) => (actor * Slots + slot) * Levels + level - 1;

    private Span<double> ThresholdsOf(int entry) => _thresholds.AsSpan(entry * _actorCount, _actorCount);

    /// <summary>Forgets every answer (a new run).</summary>
    public void Clear() => Array.Clear(_answer);

    /// <summary>
    /// Whether a remembered answer for (<paramref name="actor"/>, <paramref name="slot"/>, <paramref name="level"/>)
    /// decides this test; if so, the answer in <paramref name="obtainable"/>.
    /// </summary>
    public bool TryRecall(int actor, int slot, int level, double minimum, ReadOnlySpan<double> thresholds, long version, out bool obtainable)
    {
        obtainable = false;
        if (level > Levels)
        {
            return false;
        }

        var entry = Entry(actor, slot, level);
        var answer = _answer[entry];
        if (answer == 0 || _version[entry] != version)
        {
            return false;
        }

        var remembered = ThresholdsOf(entry);
        if (answer > 0)
        {
            // Easier than a test that succeeded: minimum and every other party's threshold no higher.
            if (!(minimum <= _minimum[entry]))
            {
                return false;
            }

            for (var b = 0; b < remembered.Length; b++)
            {
                if (!(thresholds[b] <= remembered[b]))
                {
                    return false;
                }
            }

            obtainable = true;
            return true;
        }

        // Harder than a test that failed: minimum and every other party's threshold no lower.
        if (!(minimum >= _minimum[entry]))
        {
            return false;
        }

        for (var b = 0; b < remembered.Length; b++)
        {
            if (!(thresholds[b] >= remembered[b]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Remembers an exact answer of the test (<paramref name="actor"/>, <paramref name="slot"/>, <paramref name="level"/>).</summary>
    public void Remember(int actor, int slot, int level, double minimum, ReadOnlySpan<double> thresholds, long version, bool obtainable)
    {
        if (level > Levels)
        {
            return;
        }

        var entry = Entry(actor, slot, level);
        _answer[entry] = obtainable ? (sbyte)1 : (sbyte)-1;
        _minimum[entry] = minimum;
        _version[entry] = version;
        thresholds.CopyTo(ThresholdsOf(entry));
    }
}
