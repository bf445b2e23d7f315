namespace Negotiation.Simulation.Negotiation;

/// <summary>
/// Within one search (one searcher, target, set of thresholds and utility tables), where each climb's trade-off
/// phase ended and what the climb returned, so that a later start point whose trade-off reaches the same state is
/// not climbed again. Climbs from different start points often meet there.
/// </summary>
/// <remarks>
/// A state is the trial package and its score bit for bit: the rest of a climb reads nothing else (the move scores
/// are a function of the trial, the searcher, its target, the thresholds and the tables; every test reads the
/// score). So a climb that ends its trade-off in a recorded end state continues exactly as the recorded climb did,
/// and one that is about to take a trade-off step in a state where a recorded climb found no helpful move would find
/// none either and end there. Either way its result is the recorded one, bit for bit.
/// </remarks>
internal sealed class ClimbEnds
{
    /// <summary>A search climbs from at most three start points.</summary>
    private const int Size = 3;

    private readonly int _m;
    private readonly int[] _end;
    private readonly SearchScore[] _endScore = new SearchScore[Size];
    private readonly bool[] _stuck = new bool[Size];
    private readonly int[] _result;
    private readonly SearchScore[] _resultScore = new SearchScore[Size];
    private int _count;
    private bool _pending;

    public ClimbEnds(int issues)
    {
        _m = issues;
        _end = new int[Size * issues];
        _result = new int[Size * issues];
    }

    /// <summary>Forgets every climb: a new search begins.</summary>
    public void Clear()
    {
        _count = 0;
        _pending = false;
    }

    /// <summary>
    /// The recorded climb whose trade-off ended in this state (with <paramref name="stuckOnly"/>: ended there because no
    /// move helped), or −1.
    /// </summary>
    public int Match(ReadOnlySpan<int> trial, SearchScore score, bool stuckOnly)
    {
        for (var k = 0; k < _count; k++)
        {
            if ((!stuckOnly || _stuck[k]) && SameBits(_endScore[k], score) && trial.SequenceEqual(_end.AsSpan(k * _m, _m)))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Records the end state of the current climb's trade-off phase (completed by <see cref="Complete"/>).</summary>
    public void Begin(ReadOnlySpan<int> trial, SearchScore score, bool stuck)
    {
        _pending = _count < Size;
        if (!_pending)
        {
            return;
        }

        trial.CopyTo(_end.AsSpan(_count * _m, _m));
        _endScore[_count] = score;
        _stuck[_count] = stuck;
    }

    /// <summary>Records the current climb's result.</summary>
    public void Complete(ReadOnlySpan<int> trial, SearchScore score)
    {
        if (!_pending)
        {
            return;
        }

        trial.CopyTo(_result.AsSpan(_count * _m, _m));
        _resultScore[_count] = score;
        _count++;
        _pending = false;
    }

    /// <summary>Recorded climb <paramref name="k"/>'s result: its package into <paramref name="trial"/>, its score returned.</summary>
    public SearchScore Result(int k, Span<int> trial)
    {
        _result.AsSpan(k * _m, _m).CopyTo(trial);
        return _resultScore[k];
    }

    private static bool SameBits(SearchScore a, SearchScore b) =>
        BitConverter.DoubleToInt64Bits(a.Own) == BitConverter.DoubleToInt64Bits(b.Own)
        && BitConverter.DoubleToInt64Bits(a.Others) == BitConverter.DoubleToInt64Bits(b.Others)
        && BitConverter.DoubleToInt64Bits(a.Value) == BitConverter.DoubleToInt64Bits(b.Value);
}
