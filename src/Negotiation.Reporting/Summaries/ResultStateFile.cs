using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Negotiation.Simulation.MonteCarlo;
using Negotiation.Simulation.MonteCarlo.Accumulators;

namespace Negotiation.Reporting.Summaries;

/// <summary>
/// The mergeable state of a run (<c>state.json</c> in every report directory): the raw accumulators, exact
/// sums written as integers, so that <c>negotiate merge</c> can combine shards into exactly the result one
/// machine would have produced.
/// </summary>
public static class ResultStateFile
{
    /// <summary>Version of the state format; merge refuses other versions (2: tool and model versions recorded).</summary>
    public const int FormatVersion = 2;

    /// <summary>The largest state file merge reads: real ones are a few hundred kilobytes.</summary>
    public const int MaxBytes = 256 * 1024 * 1024;

    /// <summary>The scenario format's bound on a deadline and a horizon (ScenarioBounds), which size the accumulators.</summary>
    private const int MaxLayoutLength = 10_000;

    /// <summary>The version of the tool that wrote a state: shards of different builds are never merged.</summary>
    public static string ToolVersion { get; } =
        typeof(ResultStateFile).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// The version of the model: the module id of the simulation assembly, which the deterministic build derives from
    /// its content, so that any change to the engine gives another id.
    /// </summary>
    public static string ModelVersion { get; } = typeof(MonteCarloResult).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>A state file as read: the result and the versions of the tool and model that wrote it.</summary>
    public sealed record StateFile(MonteCarloResult Result, string ToolVersion, string ModelVersion);

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // An empty histogram's min and max are ±infinity.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(MonteCarloResult result) => JsonSerializer.Serialize(ToDto(result), Options);

    /// <summary>Reads a state; throws <see cref="FormatException"/> with a plain message when it is not one.</summary>
    public static MonteCarloResult Deserialize(string json) => Read(json).Result;

    /// <summary>
    /// Reads a state and checks its counts against each other and its run range (<see cref="Check"/>); throws
    /// <see cref="FormatException"/> naming the field when it is not a state this tool wrote.
    /// </summary>
    public static StateFile Read(string json)
    {
        StateDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<StateDto>(json, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a negotiate state file ({e.Message})", e);
        }

        if (dto is null || dto.FormatVersion != FormatVersion)
        {
            throw new FormatException($"unsupported state format version {dto?.FormatVersion}; expected {FormatVersion} (a shard written by another version of negotiate; re-run it with this one)");
        }

        CheckLayouts(dto);
        MonteCarloResult result;
        try
        {
            result = FromDto(dto);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException or IndexOutOfRangeException or NullReferenceException or InvalidOperationException)
        {
            throw new FormatException($"not a consistent state file ({e.Message})", e);
        }

        if (Check(result).FirstOrDefault() is { } problem)
        {
            throw new FormatException(problem);
        }

        return new StateFile(result, dto.ToolVersion ?? "", dto.ModelVersion ?? "");
    }

    /// <summary>Refuses accumulator sizes no scenario can have before anything is allocated for them.</summary>
    private static void CheckLayouts(StateDto dto)
    {
        foreach (var v in dto.Variants ?? [])
        {
            if (v.Layout is null)
            {
                throw new FormatException("field 'variants[].layout' is missing");
            }

            if (v.Layout.Deadline is < 1 or > MaxLayoutLength)
            {
                throw new FormatException($"field 'variants[{v.Layout.Id}].layout.deadline' is {v.Layout.Deadline}; expected 1 to {MaxLayoutLength}");
            }

            if (v.Layout.Compliance is { Horizon: < 1 or > MaxLayoutLength } c)
            {
                throw new FormatException($"field 'variants[{v.Layout.Id}].layout.compliance.horizon' is {c.Horizon}; expected 1 to {MaxLayoutLength}");
            }

            if (v.Layout.Actors is null || v.Layout.Issues is null || v.Layout.UncertainParameters is null || v.Layout.Issues.Any(i => i?.Options is null))
            {
                throw new FormatException($"field 'variants[{v.Layout.Id}].layout' is incomplete");
            }
        }
    }

    /// <summary>
    /// What is impossible in a result: counts that disagree with each other (agreements by round, breakdowns, option
    /// counts, histograms, survival) or with the run range it says it covers. Each problem names the field.
    /// </summary>
    public static IEnumerable<string> Check(MonteCarloResult r)
    {
        var covered = r.Shards.Count == 0 ? r.Runs : r.Shards.Sum(s => s.Range(r.Runs).End - s.Range(r.Runs).Start);
        if (r.Runs < 1)
        {
            yield return $"field 'runs' is {r.Runs}; expected at least 1";
            yield break;
        }

        if (r.Shards.Any(s => s.Count > r.Runs))
        {
            yield return $"field 'shards' splits {r.Runs} runs into more shards than runs";
        }

        if (r.CompletedRuns < 0 || r.CompletedRuns > covered)
        {
            yield return $"field 'completedRuns' is {r.CompletedRuns}; expected 0 to {covered}, the runs of its shards";
        }
        else if (r.Complete && r.CompletedRuns != covered)
        {
            yield return $"field 'complete' is true but 'completedRuns' is {r.CompletedRuns} of the {covered} runs of its shards";
        }

        if (r.Variants.Count == 0)
        {
            yield return "field 'variants' is empty";
        }

        foreach (var v in r.Variants)
        {
            foreach (var problem in CheckVariant(v, r.CompletedRuns))
            {
                yield return $"field 'variants[{v.Layout.Id}].{problem}";
            }
        }

        foreach (var c in r.Comparisons)
        {
            foreach (var (name, count) in new[] { ("agreement", c.Agreement.Count), ("survival", c.Survival.Count) }.Concat(c.Utility.Select((u, a) => ($"utility[{a}]", u.Count))))
            {
                if (count != r.CompletedRuns)
                {
                    yield return $"field 'comparisons[{c.VariantId}].{name}.count' is {count}; expected {r.CompletedRuns}, the completed runs";
                }
            }
        }
    }

    private static IEnumerable<string> CheckVariant(VariantAccumulator v, long completed)
    {
        static long Sum(IEnumerable<long> values) => values.Aggregate(0L, (s, x) => s + x);
        if (v.Runs != completed)
        {
            yield return $"runs' is {v.Runs}; expected {completed}, the completed runs";
        }

        var arrays = new (string Name, long[] Values)[] { ("rounds", v.Rounds), ("breakdowns", v.Breakdowns), ("beatBatna", v.BeatBatna), ("held", v.Held), ("firstViolators", v.FirstViolators), ("causes", v.Causes), ("stages", v.Stages) }
            .Concat(v.OptionCounts.Select((o, i) => ($"optionCounts[{i}]", o)))
            .Concat(v.IssueValues.Select((h, i) => ($"issueValues[{i}].counts", h.Counts.ToArray())))
            .Concat(v.Utility.Select((h, i) => ($"utility[{i}].counts", h.Counts.ToArray())));
        foreach (var (name, values) in arrays)
        {
            if (values.Any(x => x < 0 || x > v.Runs))
            {
                yield return $"{name}' has a count outside 0..{v.Runs}, the variant's runs";
                yield break;
            }
        }

        if (v.Agreed < 0 || v.Agreed > v.Runs)
        {
            yield return $"agreed' is {v.Agreed}; expected 0 to {v.Runs}, the variant's runs";
            yield break;
        }

        if (v.SurvivedOneYear < 0 || v.SurvivedOneYear > v.Agreed)
        {
            yield return $"survivedOneYear' is {v.SurvivedOneYear}; expected 0 to {v.Agreed}, the agreements";
        }

        if (Sum(v.Rounds) != v.Agreed)
        {
            yield return $"rounds' adds up to {Sum(v.Rounds)} agreements; expected {v.Agreed}, the field 'agreed'";
        }

        if (Sum(v.Breakdowns) != v.Runs - v.Agreed)
        {
            yield return $"breakdowns' adds up to {Sum(v.Breakdowns)}; expected {v.Runs - v.Agreed}, the runs without agreement";
        }

        for (var i = 0; i < v.OptionCounts.Length; i++)
        {
            var discrete = v.Layout.Issues[i].Kind == Negotiation.Core.Model.IssueKind.Discrete;
            var counted = discrete ? Sum(v.OptionCounts[i]) : v.IssueValues[i].Count;
            if (counted != v.Agreed)
            {
                yield return $"{(discrete ? $"optionCounts[{i}]" : $"issueValues[{i}]")}' adds up to {counted}; expected {v.Agreed}, the agreements";
            }
        }

        for (var a = 0; a < v.Utility.Length; a++)
        {
            if (v.Utility[a].Count != v.Runs || v.UtilityMoments[a].Count != v.Runs)
            {
                yield return $"utility[{a}]' counts {v.Utility[a].Count} runs; expected {v.Runs}";
            }
        }

        if (v.Layout.Compliance is not null)
        {
            if (v.Held[0] != v.Agreed || v.Held.Zip(v.Held.Skip(1)).Any(p => p.Second > p.First))
            {
                yield return $"held' starts at {v.Held[0]} or rises; expected it to start at {v.Agreed}, the agreements, and never rise";
            }

            if (Sum(v.FirstViolators) != v.Agreed)
            {
                yield return $"firstViolators' adds up to {Sum(v.FirstViolators)}; expected {v.Agreed}, the agreements";
            }
        }

        if (v.ParameterMoments.Any(m => m.Count != v.Runs))
        {
            yield return $"parameterMoments' counts other than {v.Runs} runs";
        }
    }

    /// <summary>
    /// Merges shard results of the same scenario, seed and run count. Throws <see cref="FormatException"/> when
    /// they do not belong together, overlap, or (with <paramref name="requireAll"/>) leave runs uncovered.
    /// </summary>
    public static MonteCarloResult Merge(IReadOnlyList<MonteCarloResult> parts, bool requireAll = true)
    {
        if (parts.Count == 0)
        {
            throw new FormatException("nothing to merge");
        }

        if (requireAll && parts.Select((p, k) => (p, k)).FirstOrDefault(x => !x.p.Complete) is { p: not null } interrupted)
        {
            throw new FormatException(
                $"shard {interrupted.k + 1} ({string.Join(", ", interrupted.p.Shards.Select(s => s.ToString()).DefaultIfEmpty("all runs"))}) was interrupted after {interrupted.p.CompletedRuns} runs; re-run it, or merge with --allow-partial (the report is then marked incomplete)");
        }

        var firstLayouts = parts[0].Variants.Select(v => Serialize(v.Layout)).ToArray();
        foreach (var p in parts.Skip(1))
        {
            if (p.Variants.Count != firstLayouts.Length || p.Comparisons.Count != parts[0].Comparisons.Count
                || p.Variants.Select(v => Serialize(v.Layout)).Where((l, v) => l != firstLayouts[v]).Any())
            {
                throw new FormatException("shards do not belong together: their variants or layouts differ");
            }
        }

        var first = parts[0];
        foreach (var p in parts.Skip(1))
        {
            if (p.Fingerprint != first.Fingerprint || p.Seed != first.Seed || p.Runs != first.Runs)
            {
                throw new FormatException(
                    $"shards do not belong together: '{first.ScenarioId}' seed {first.Seed} runs {first.Runs} vs '{p.ScenarioId}' seed {p.Seed} runs {p.Runs} (or the scenario file or variant selection differs)");
            }
        }

        var shards = parts.SelectMany(p => p.Shards.Count == 0 ? [new ShardSpec(1, 1)] : p.Shards).ToArray();
        var ranges = shards.Select(s => s.Range(first.Runs)).OrderBy(r => r.Start).ToArray();
        for (var i = 1; i < ranges.Length; i++)
        {
            if (ranges[i].Start < ranges[i - 1].End)
            {
                throw new FormatException($"shards overlap: runs {ranges[i].Start}..{ranges[i - 1].End - 1} appear twice");
            }
        }

        var covered = ranges.Sum(r => r.End - r.Start);
        if (requireAll && covered != first.Runs)
        {
            throw new FormatException($"shards cover {covered} of {first.Runs} runs; missing shards: {string.Join(", ", MissingShards(shards))}");
        }

        var variants = first.Variants.Select(v => Copy(v)).ToArray();
        var pairs = first.Comparisons.Select(Copy).ToArray();
        foreach (var p in parts.Skip(1))
        {
            for (var v = 0; v < variants.Length; v++)
            {
                variants[v].Add(p.Variants[v]);
            }

            for (var c = 0; c < pairs.Length; c++)
            {
                pairs[c].Add(p.Comparisons[c]);
            }
        }

        var completed = parts.Sum(p => p.CompletedRuns);
        var single = covered == first.Runs && shards.Length > 0;
        return first with
        {
            Shards = single ? [] : shards,
            CompletedRuns = completed,
            // Complete: every run of the shards it covers was done. Whether they cover every run is Shards (empty
            // when they do), so a merge of partial merges that together cover everything is complete.
            Complete = parts.All(p => p.Complete),
            Variants = variants,
            Comparisons = pairs,
        };
    }

    private static string Serialize(VariantLayout layout) => JsonSerializer.Serialize(layout, Options);

    private static IEnumerable<string> MissingShards(IReadOnlyList<ShardSpec> shards)
    {
        var count = shards.Max(s => s.Count);
        return Enumerable.Range(1, count).Where(k => shards.All(s => s.Index != k || s.Count != count)).Select(k => $"{k}/{count}");
    }

    private static VariantAccumulator Copy(VariantAccumulator source)
    {
        var copy = new VariantAccumulator(source.Layout);
        copy.Add(source);
        return copy;
    }

    private static PairedAccumulator Copy(PairedAccumulator source)
    {
        var copy = new PairedAccumulator(source.VariantId, source.BaselineId, source.SharedActors);
        copy.Add(source);
        return copy;
    }

    private static StateDto ToDto(MonteCarloResult r) => new()
    {
        FormatVersion = FormatVersion,
        ToolVersion = ToolVersion,
        ModelVersion = ModelVersion,
        ScenarioId = r.ScenarioId,
        Title = r.Title,
        SourcePath = r.SourcePath,
        Sources = r.Sources.ToArray(),
        Fingerprint = r.Fingerprint,
        Seed = r.Seed.ToString(CultureInfo.InvariantCulture),
        Runs = r.Runs,
        Shards = r.Shards.Select(s => s.ToString()).ToArray(),
        CompletedRuns = r.CompletedRuns,
        Complete = r.Complete,
        Variants = r.Variants.Select(ToDto).ToArray(),
        Comparisons = r.Comparisons.Select(c => new PairedDto
        {
            VariantId = c.VariantId,
            BaselineId = c.BaselineId,
            SharedActors = c.SharedActors.ToArray(),
            Agreement = ToDto(c.Agreement),
            Survival = ToDto(c.Survival),
            Utility = c.Utility.Select(ToDto).ToArray(),
        }).ToArray(),
    };

    private static VariantDto ToDto(VariantAccumulator a) => new()
    {
        Layout = a.Layout,
        Runs = a.Runs,
        Agreed = a.Agreed,
        SurvivedOneYear = a.SurvivedOneYear,
        Rounds = a.Rounds,
        Breakdowns = a.Breakdowns,
        EndedInRoundOne = a.EndedInRoundOne,
        BeliefShift = a.BeliefShift.Select(s => Raw(s)).ToArray(),
        OptionCounts = a.OptionCounts,
        IssueValues = a.IssueValues.Select(ToDto).ToArray(),
        IssueMoments = a.IssueMoments.Select(ToDto).ToArray(),
        Utility = a.Utility.Select(ToDto).ToArray(),
        UtilityMoments = a.UtilityMoments.Select(ToDto).ToArray(),
        BeatBatna = a.BeatBatna,
        Held = a.Held,
        FirstViolators = a.FirstViolators,
        Causes = a.Causes,
        Stages = a.Stages,
        ParameterMoments = a.ParameterMoments.Select(ToDto).ToArray(),
        ParameterTimesAgreed = a.ParameterTimesAgreed.Select(s => Raw(s)).ToArray(),
        ParameterTimesSurvived = a.ParameterTimesSurvived.Select(s => Raw(s)).ToArray(),
    };

    private static MonteCarloResult FromDto(StateDto d)
    {
        var variants = d.Variants.Select(FromDto).ToArray();
        var pairs = d.Comparisons.Select(c =>
        {
            var pair = new PairedAccumulator(c.VariantId, c.BaselineId, c.SharedActors)
            {
                Agreement = FromDto(c.Agreement),
                Survival = FromDto(c.Survival),
            };
            for (var a = 0; a < pair.Utility.Length; a++)
            {
                pair.Utility[a] = FromDto(c.Utility[a]);
            }

            return pair;
        }).ToArray();
        return new MonteCarloResult(
            d.ScenarioId,
            d.Title,
            d.SourcePath,
            d.Sources,
            d.Fingerprint,
            ulong.Parse(d.Seed, CultureInfo.InvariantCulture),
            d.Runs,
            d.Shards.Select(s => ShardSpec.TryParse(s) ?? throw new FormatException($"bad shard '{s}'")).ToArray(),
            d.CompletedRuns,
            d.Complete,
            variants,
            pairs);
    }

    private static VariantAccumulator FromDto(VariantDto d)
    {
        var a = new VariantAccumulator(d.Layout);
        a.Runs = d.Runs;
        a.Agreed = d.Agreed;
        a.SurvivedOneYear = d.SurvivedOneYear;
        CopyInto(d.Rounds, a.Rounds, "rounds");
        CopyInto(d.Breakdowns, a.Breakdowns, "breakdowns");
        a.EndedInRoundOne = d.EndedInRoundOne;
        RestoreSums(d.BeliefShift, a.BeliefShift, "beliefShift");
        for (var i = 0; i < a.OptionCounts.Length; i++)
        {
            CopyInto(d.OptionCounts[i], a.OptionCounts[i], "optionCounts");
            a.IssueValues[i].Restore(d.IssueValues[i].Counts, d.IssueValues[i].Min, d.IssueValues[i].Max, Extremes(d.IssueValues[i]));
            a.IssueMoments[i] = FromDto(d.IssueMoments[i]);
        }

        for (var k = 0; k < a.Utility.Length; k++)
        {
            a.Utility[k].Restore(d.Utility[k].Counts, d.Utility[k].Min, d.Utility[k].Max, Extremes(d.Utility[k]));
            a.UtilityMoments[k] = FromDto(d.UtilityMoments[k]);
        }

        CopyInto(d.BeatBatna, a.BeatBatna, "beatBatna");
        CopyInto(d.Held, a.Held, "held");
        CopyInto(d.FirstViolators, a.FirstViolators, "firstViolators");
        CopyInto(d.Causes, a.Causes, "causes");
        CopyInto(d.Stages, a.Stages, "stages");
        for (var k = 0; k < a.ParameterMoments.Length; k++)
        {
            a.ParameterMoments[k] = FromDto(d.ParameterMoments[k]);
            a.ParameterTimesAgreed[k] = new ExactSum(Int128.Parse(d.ParameterTimesAgreed[k], CultureInfo.InvariantCulture));
            a.ParameterTimesSurvived[k] = new ExactSum(Int128.Parse(d.ParameterTimesSurvived[k], CultureInfo.InvariantCulture));
        }

        return a;
    }

    private static void CopyInto(long[] source, long[] target, string name)
    {
        if (source.Length != target.Length)
        {
            throw new FormatException($"state field '{name}' has {source.Length} entries; expected {target.Length}");
        }

        source.CopyTo(target, 0);
    }

    private static HistogramDto ToDto(Histogram h) => new()
    {
        Counts = h.Counts.ToArray(),
        Min = h.Min,
        Max = h.Max,
        Extremes = Enumerable.Range(0, h.Counts.Length).Where(i => h.Counts[i] > 0)
            .Select(i => new[] { i, h.BinMin[i], h.AtMin[i], h.BinMax[i], h.AtMax[i] }).ToArray(),
    };

    // Per-bin extremes when the file has them (one [bin, min, count at min, max, count at max] per non-empty bin); null
    // for a file written before they were kept.
    private static BinExtremes? Extremes(HistogramDto d)
    {
        if (d.Extremes is null)
        {
            return null;
        }

        int n = d.Counts.Length;
        var e = new BinExtremes(new double[n], new long[n], new double[n], new long[n]);
        foreach (double[] bin in d.Extremes)
        {
            if (bin.Length != 5 || bin[0] != Math.Floor(bin[0]) || bin[0] < 0 || bin[0] >= n)
            {
                throw new FormatException("histogram bin extremes: expected [bin, min, count at min, max, count at max] for a bin of the histogram");
            }

            int i = (int)bin[0];
            (e.Min[i], e.AtMin[i], e.Max[i], e.AtMax[i]) = (bin[1], (long)bin[2], bin[3], (long)bin[4]);
        }

        return e;
    }

    private static MomentsDto ToDto(Moments m) => new() { Count = m.Count, Sum = Raw(m.Sum), SumOfSquares = Raw(m.SumOfSquares) };

    private static Moments FromDto(MomentsDto d) => new(
        d.Count,
        new ExactSum(Int128.Parse(d.Sum, CultureInfo.InvariantCulture)),
        new ExactSum(Int128.Parse(d.SumOfSquares, CultureInfo.InvariantCulture)));

    private static string Raw(ExactSum s) => s.Raw.ToString(CultureInfo.InvariantCulture);

    /// <summary>Exact sums stored as raw integers; an older state without them leaves zeros.</summary>
    private static void RestoreSums(string[]? raw, ExactSum[] into, string field)
    {
        if (raw is null || raw.Length == 0)
        {
            return;
        }

        if (raw.Length != into.Length)
        {
            throw new FormatException($"{field}: expected {into.Length} values, found {raw.Length}");
        }

        for (var i = 0; i < into.Length; i++)
        {
            into[i] = new ExactSum(Int128.Parse(raw[i], CultureInfo.InvariantCulture));
        }
    }

    private sealed class StateDto
    {
        public int FormatVersion { get; set; }
        public string? ToolVersion { get; set; }
        public string? ModelVersion { get; set; }
        public string ScenarioId { get; set; } = "";
        public string Title { get; set; } = "";
        public string SourcePath { get; set; } = "";
        public string[] Sources { get; set; } = [];
        public string Fingerprint { get; set; } = "";
        public string Seed { get; set; } = "0";
        public long Runs { get; set; }
        public string[] Shards { get; set; } = [];
        public long CompletedRuns { get; set; }
        public bool Complete { get; set; }
        public VariantDto[] Variants { get; set; } = [];
        public PairedDto[] Comparisons { get; set; } = [];
    }

    private sealed class VariantDto
    {
        public VariantLayout Layout { get; set; } = null!;
        public long Runs { get; set; }
        public long Agreed { get; set; }
        public long SurvivedOneYear { get; set; }
        public long[] Rounds { get; set; } = [];
        public long[] Breakdowns { get; set; } = [];
        public long EndedInRoundOne { get; set; }
        public string[] BeliefShift { get; set; } = [];
        public long[][] OptionCounts { get; set; } = [];
        public HistogramDto[] IssueValues { get; set; } = [];
        public MomentsDto[] IssueMoments { get; set; } = [];
        public HistogramDto[] Utility { get; set; } = [];
        public MomentsDto[] UtilityMoments { get; set; } = [];
        public long[] BeatBatna { get; set; } = [];
        public long[] Held { get; set; } = [];
        public long[] FirstViolators { get; set; } = [];
        public long[] Causes { get; set; } = [];
        public long[] Stages { get; set; } = [];
        public MomentsDto[] ParameterMoments { get; set; } = [];
        public string[] ParameterTimesAgreed { get; set; } = [];
        public string[] ParameterTimesSurvived { get; set; } = [];
    }

    private sealed class PairedDto
    {
        public string VariantId { get; set; } = "";
        public string BaselineId { get; set; } = "";
        public string[] SharedActors { get; set; } = [];
        public MomentsDto Agreement { get; set; } = new();
        public MomentsDto Survival { get; set; } = new();
        public MomentsDto[] Utility { get; set; } = [];
    }

    private sealed class HistogramDto
    {
        public long[] Counts { get; set; } = [];
        public double Min { get; set; }
        public double Max { get; set; }
        public double[][]? Extremes { get; set; }
    }

    private sealed class MomentsDto
    {
        public long Count { get; set; }
        public string Sum { get; set; } = "0";
        public string SumOfSquares { get; set; } = "0";
    }
}
