using System.Runtime.InteropServices;

namespace Negotiation.Simulation.Negotiation;

/// <summary>
/// Remembers the last few local-search climbs of a workspace (goal <see cref="SearchGoal.OwnUtility"/>): a climb's
/// result is a pure function of its start package, the searcher, its own target, the thresholds τ its score
/// reads (<see cref="NegotiationModel.TauReads"/>) and the utility tables (<see cref="NegotiationWorkspace.UtilVersion"/>),
/// so a climb with all of these equal is answered from here with exactly the result it would compute. The
/// outside-option walk-out check repeats the climbs from the actor's ideal package and from its own last offer
/// round after round with unchanged inputs. Fixed size, allocated once; replaced round-robin.
/// Workspaces of models with the same <see cref="NegotiationModel.SearchSignature"/> (variants that differ only
/// in what the search does not read, e.g. the opening text) may share one cache: an entry made by another
/// workspace matches only if that workspace's utility table was bit-for-bit this one's.
/// </summary>
internal sealed class ClimbCache
{
    private const int Size = 16;

    private readonly int _m;
    private readonly int _n;
    private readonly bool[] _valid = new bool[Size];
    private readonly int[] _self = new int[Size];
    private readonly double[] _target = new double[Size];
    private readonly long[] _version = new long[Size];
    private readonly int[] _start;
    private readonly double[] _tau;
    private readonly int[] _result;
    private readonly SearchScore[] _score = new SearchScore[Size];
    private readonly bool[] _found = new bool[Size];
    private readonly NegotiationWorkspace?[] _owner = new NegotiationWorkspace?[Size];
    private readonly string _signature;
    private readonly int _tables;
    private double[]? _util;
    private int _next;

    public ClimbCache(NegotiationModel model)
    {
        _m = model.IssueCount;
        _n = model.ActorCount;
        _signature = model.SearchSignature;
        _tables = model.ActorCount * model.CandidateCount;
        _start = new int[Size * _m];
        _tau = new double[Size * _n];
        _result = new int[Size * _m];
    }

    /// <summary>Lets workspaces of search-equivalent models share this cache (it then keeps a copy of each entry's utility table).</summary>
    public bool CanServe(NegotiationModel model) => model.SearchSignature == _signature;

    /// <summary>Keep a copy of each entry's utility table, so that other workspaces can match it.</summary>
    public void Share() => _util ??= new double[Size * _tables];

    /// <summary>On a hit, writes the climb's end package into <c>workspace.Trial</c> and returns its score.</summary>
    public bool TryGet(NegotiationWorkspace ws, int self, double target, out SearchScore score, out bool found)
    {
        var version = ws.UtilVersion;
        var trial = ws.Trial.AsSpan();
        for (var k = 0; k < Size; k++)
        {
            if (!_valid[k] || _self[k] != self || !_target[k].Equals(target)
                || !trial.SequenceEqual(_start.AsSpan(k * _m, _m)) || !SameTau(ws, self, k))
            {
                continue;
            }

            var sameTables = ReferenceEquals(_owner[k], ws)
                ? _version[k] == version
                : _util is not null && MemoryMarshal.Cast<double, long>(ws.Util.AsSpan())
                    .SequenceEqual(MemoryMarshal.Cast<double, long>(_util.AsSpan(k * _tables, _tables)));
            if (!sameTables)
            {
                continue;
            }

            score = _score[k];
            found = _found[k];
            _result.AsSpan(k * _m, _m).CopyTo(trial);
            return true;
        }

        score = SearchScore.Worst;
        found = false;
        return false;
    }

    /// <summary>Records the inputs of a climb about to start from <c>workspace.Trial</c>.</summary>
    public void BeginStore(NegotiationWorkspace ws, int self, double target)
    {
        var k = _next;
        _valid[k] = false;
        _self[k] = self;
        _target[k] = target;
        _version[k] = ws.UtilVersion;
        _owner[k] = ws;
        if (_util is not null)
        {
            ws.Util.AsSpan().CopyTo(_util.AsSpan(k * _tables, _tables));
        }
        ws.Trial.AsSpan().CopyTo(_start.AsSpan(k * _m, _m));
        ws.Tau.AsSpan().CopyTo(_tau.AsSpan(k * _n, _n));
    }

    /// <summary>Records the climb's result (the package now in <c>workspace.Trial</c>).</summary>
    public void EndStore(NegotiationWorkspace ws, SearchScore score, bool found)
    {
        var k = _next;
        ws.Trial.AsSpan().CopyTo(_result.AsSpan(k * _m, _m));
        _score[k] = score;
        _found[k] = found;
        _valid[k] = true;
        _next = (k + 1) % Size;
    }

    private bool SameTau(NegotiationWorkspace ws, int self, int k)
    {
        var reads = ws.Model.TauReads.AsSpan(self * _n, _n);
        var tau = ws.Tau;
        var stored = _tau.AsSpan(k * _n, _n);
        for (var b = 0; b < _n; b++)
        {
            if (reads[b] && !tau[b].Equals(stored[b]))
            {
                return false;
            }
        }

        return true;
    }
}
