using System.Text.Json;
using System.Text.Json.Serialization;
using Negotiation.Reporting.Summaries;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Sweeps;

/// <summary>
/// The mergeable state of a sweep shard (<c>sweep-state.json</c>, written by <c>sweep --shard K/N</c>): the points it
/// simulated with their figures, exactly (doubles round-trip). A shard runs whole points, each with every run of
/// the seed, so merging is putting the points back in grid order: the merged sweep.json is the same bytes as a
/// sweep on one machine.
/// </summary>
public static class SweepStateFile
{
    public const string FileName = "sweep-state.json";

    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Points [start, end) of <paramref name="points"/> for shard K/N: contiguous, disjoint, covering all.</summary>
    public static (int Start, int End) Range(ShardSpec shard, int points)
    {
        var (start, end) = shard.Range(points);
        return ((int)start, (int)end);
    }

    public static byte[] Serialize(SweepResult sweep) => JsonSerializer.SerializeToUtf8Bytes(new StateDto
    {
        FormatVersion = FormatVersion,
        ToolVersion = ResultStateFile.ToolVersion,
        ModelVersion = ResultStateFile.ModelVersion,
        Sweep = sweep,
        Shards = [.. sweep.Shards],
        Fingerprint = sweep.Fingerprint,
    }, Options);

    /// <summary>Reads a sweep shard's state; throws <see cref="FormatException"/> with a plain message when it is not one of this build.</summary>
    public static SweepResult Read(string json)
    {
        StateDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<StateDto>(json, Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            throw new FormatException($"not a negotiate sweep state file ({e.Message})", e);
        }

        if (dto?.Sweep is null || dto.FormatVersion != FormatVersion)
        {
            throw new FormatException($"unsupported sweep state format version {dto?.FormatVersion}; expected {FormatVersion}");
        }

        if (dto.ToolVersion != ResultStateFile.ToolVersion || dto.ModelVersion != ResultStateFile.ModelVersion)
        {
            throw new FormatException($"written by negotiate {dto.ToolVersion} (model {dto.ModelVersion}), but this is negotiate {ResultStateFile.ToolVersion} (model {ResultStateFile.ModelVersion}); shards merge only with the build that ran them");
        }

        var sweep = dto.Sweep with { Shards = dto.Shards ?? [], Fingerprint = dto.Fingerprint ?? "" };
        if (sweep.Points is null || sweep.Axes is null || sweep.Runs < 1 || sweep.PlannedPoints < 1 || sweep.Points.Any(p => p is null || p.Values is null || p.Figures is null || p.Runs != sweep.Runs))
        {
            throw new FormatException("field 'sweep.points' is incomplete or has a point whose runs differ from the sweep's");
        }

        return sweep;
    }

    /// <summary>
    /// Merges sweep shards into the sweep one machine would have produced: same input, seed, runs and grid; no
    /// overlap; every shard (unless <paramref name="requireAll"/> is false) and no interrupted one.
    /// </summary>
    public static SweepResult Merge(IReadOnlyList<SweepResult> parts, bool requireAll)
    {
        var first = parts[0];
        foreach (var p in parts.Skip(1))
        {
            if (p.Fingerprint != first.Fingerprint || p.Seed != first.Seed || p.Runs != first.Runs || p.PlannedPoints != first.PlannedPoints || p.VariantId != first.VariantId)
            {
                throw new FormatException($"sweep shards do not belong together: seed {first.Seed} runs {first.Runs} vs seed {p.Seed} runs {p.Runs} (or the scenario, variant or parameters differ)");
            }
        }

        if (requireAll && parts.Select((p, k) => (p, k)).FirstOrDefault(x => !x.p.Complete) is { p: not null } interrupted)
        {
            throw new FormatException($"sweep shard {interrupted.k + 1} was interrupted; re-run it, or merge with --allow-partial");
        }

        var ranges = parts.SelectMany(p => p.Shards.Select(s => (Part: p, Range: Range(ShardSpec.TryParse(s) ?? throw new FormatException($"bad shard '{s}'"), first.PlannedPoints))))
            .OrderBy(x => x.Range.Start).ToArray();
        for (var i = 1; i < ranges.Length; i++)
        {
            if (ranges[i].Range.Start < ranges[i - 1].Range.End)
            {
                throw new FormatException($"sweep shards overlap: points {ranges[i].Range.Start}..{ranges[i - 1].Range.End - 1} appear twice");
            }
        }

        var covered = ranges.Sum(r => r.Range.End - r.Range.Start);
        if (requireAll && covered != first.PlannedPoints)
        {
            throw new FormatException($"sweep shards cover {covered} of {first.PlannedPoints} points; merge every shard, or use --allow-partial");
        }

        var points = parts.OrderBy(p => p.Shards.Select(s => Range(ShardSpec.TryParse(s)!, first.PlannedPoints).Start).DefaultIfEmpty(0).Min())
            .SelectMany(p => p.Points).ToArray();
        return first with
        {
            Points = points,
            Complete = parts.All(p => p.Complete),
            Shards = covered == first.PlannedPoints ? [] : ranges.Select(r => r.Part.Shards).SelectMany(s => s).Distinct().ToArray(),
        };
    }

    private sealed class StateDto
    {
        public int FormatVersion { get; set; }
        public string? ToolVersion { get; set; }
        public string? ModelVersion { get; set; }
        public string[]? Shards { get; set; }
        public string? Fingerprint { get; set; }
        public SweepResult? Sweep { get; set; }
    }
}
