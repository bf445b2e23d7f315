namespace Negotiation.Simulation.Negotiation;

/// <summary>
/// Lets a variant that is the baseline with another opening text skip the rounds it would only repeat
/// (docs/model.md §10). The baseline's run (the leader) records, at the start of each round, what earlier rounds
/// left (<see cref="NegotiationWorkspace.WriteRoundState"/>), and how it ended. A follower's run compares its own
/// state with the leader's at the start of each round from the second on: when they are equal bit for bit, the rest
/// of its run is the leader's — same model from round 2 on, same parameters, same event draws — so it takes the
/// leader's ending. Round 1 differs only in the offer put on the table, after the walk-out test, so a leader that
/// walked out in round 1 is followed at once. The leader must run first, for the same run. Not thread-safe.
/// </summary>
internal sealed class RoundStates
{
    private readonly RoundStates? _leader;
    private readonly int _length;
    private readonly long[] _states;
    private NegotiationWorkspace? _leaderWorkspace;
    private int _recorded;
    private NegotiationResult _ending;
    private (ulong Seed, long Run)? _run;

    private RoundStates(NegotiationModel model, int length, RoundStates? leader)
    {
        _leader = leader;
        _length = length;
        _states = new long[(leader is null ? model.Deadline + 1 : 1) * length];
    }

    /// <summary>The recorder of a baseline's runs in <paramref name="workspace"/>.</summary>
    public static RoundStates Leader(NegotiationWorkspace workspace) =>
        new(workspace.Model, workspace.RoundStateLength, null) { _leaderWorkspace = workspace };

    /// <summary>A follower of <paramref name="leader"/> running in <paramref name="workspace"/> (a model that differs only in its opening).</summary>
    public static RoundStates Follower(RoundStates leader, NegotiationWorkspace workspace)
    {
        if (leader._leader is not null || workspace.RoundStateLength != leader._length || workspace.Model.Deadline != leader._leaderWorkspace!.Model.Deadline)
        {
            throw new ArgumentException("A follower needs a leader of the same shape.", nameof(leader));
        }

        return new RoundStates(workspace.Model, leader._length, leader);
    }

    /// <summary>After a follower's run: whether it took the leader's ending.</summary>
    public bool Followed { get; private set; }

    /// <summary>
    /// At the start of a run, before anything is loaded: whether a follower's whole run is the leader's (the leader
    /// walked out in round 1, before its opening was put on the table).
    /// </summary>
    internal bool RepeatsFromTheStart(ulong seed, long run)
    {
        _recorded = 0;
        Followed = false;
        _run = (seed, run);
        if (_leader is null)
        {
            return false;
        }

        if (_leader._run != _run)
        {
            throw new InvalidOperationException($"The leader has not simulated run {run} of seed {seed}; it must run each run before its followers.");
        }

        return _leader._ending is { Cause: BreakdownCause.WalkOut, Round: 1 };
    }

    /// <summary>
    /// At the start of <paramref name="round"/> (from the second on): a leader records its state and returns false; a
    /// follower returns whether the rest of its run is the leader's.
    /// </summary>
    internal bool Repeats(NegotiationWorkspace ws, int round)
    {
        if (_leader is null)
        {
            ws.WriteRoundState(_states.AsSpan(round * _length, _length));
            _recorded = round;
            return false;
        }

        var leader = _leader;

        if (round > leader._recorded)
        {
            return false;
        }

        var mine = _states.AsSpan(0, _length);
        ws.WriteRoundState(mine);
        return mine.SequenceEqual(leader._states.AsSpan(round * _length, _length));
    }

    /// <summary>A leader's run ended with <paramref name="result"/>.</summary>
    internal void Ended(NegotiationResult result) => _ending = result;

    /// <summary>A follower takes the leader's ending: its result and the outputs of its workspace.</summary>
    internal NegotiationResult Follow(NegotiationWorkspace ws)
    {
        var from = _leader!._leaderWorkspace!;
        from.PackageOut.AsSpan().CopyTo(ws.PackageOut);
        from.UtilitiesOut.AsSpan().CopyTo(ws.UtilitiesOut);
        from.ReservationsOut.AsSpan().CopyTo(ws.ReservationsOut);
        from.Aspiration.AsSpan().CopyTo(ws.Aspiration);
        Followed = true;
        return _leader._ending;
    }
}
