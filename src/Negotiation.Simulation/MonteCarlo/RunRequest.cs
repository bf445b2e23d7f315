namespace Negotiation.Simulation.MonteCarlo;

/// <summary>
/// Which runs to simulate: runs 0..Runs−1 of <paramref name="Seed"/>, or only the share of them that
/// <paramref name="Shard"/> names, on <paramref name="Threads"/> worker threads.
/// </summary>
public sealed record RunRequest(ulong Seed, long Runs, int Threads, ShardSpec? Shard = null)
{
    /// <summary>The half-open range of run indices this request covers.</summary>
    public (long Start, long End) RunRange => Shard?.Range(Runs) ?? (0, Runs);
}

/// <summary>Shard <paramref name="Index"/> of <paramref name="Count"/> (1-based, as in <c>--shard 3/8</c>).</summary>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>Runs [⌊(K−1)·R/N⌋, ⌊K·R/N⌋): contiguous, disjoint, and together exactly 0..R−1.</summary>
    public (long Start, long End) Range(long runs) =>
        ((long)((Int128)runs * (Index - 1) / Count), (long)((Int128)runs * Index / Count));

    public override string ToString() => $"{Index}/{Count}";

    /// <summary>Parses "K/N" with 1 ≤ K ≤ N; null when malformed.</summary>
    public static ShardSpec? TryParse(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], out var k)
            && int.TryParse(parts[1], out var n)
            && n >= 1 && k >= 1 && k <= n
            ? new ShardSpec(k, n)
            : null;
    }
}
