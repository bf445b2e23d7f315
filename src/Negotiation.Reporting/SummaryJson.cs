using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Negotiation.Core.Common;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting;

/// <summary>
/// Writes summary.json (docs/summary-json.md). Written field by field with <see cref="Utf8JsonWriter"/> rather
/// than by reflection so the key order is part of the code, stable across refactorings of the records, and
/// reviewed together with the documentation.
/// </summary>
public static class SummaryJson
{
    /// <summary>Bumped on any change that could break a script reading the file; adding fields does not.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The document as UTF-8 bytes (no byte-order mark), indented, ending with a newline.</summary>
    public static byte[] ToUtf8(SimulationSummary summary)
    {
        Guard.NotNull(summary);
        using var buffer = new MemoryStream();
        Write(summary, buffer);
        return buffer.ToArray();
    }

    /// <summary>The document as text, ending with a newline (the content of summary.json).</summary>
    public static string ToText(SimulationSummary summary) => Encoding.UTF8.GetString(ToUtf8(summary));

    /// <summary>The document as text without the final newline, for <c>--json</c> on stdout via WriteLine.</summary>
    public static string Serialize(SimulationSummary summary) => ToText(summary).TrimEnd('\n');

    /// <summary>Writes the document to <paramref name="stream"/>.</summary>
    public static void Write(SimulationSummary summary, Stream stream)
    {
        Guard.NotNull(summary);
        Guard.NotNull(stream);
        var options = new JsonWriterOptions
        {
            Indented = true,
            // Scenario text is data, not markup: keep "Russia's" and "–" readable instead of \u0027 escapes.
            // The file is never embedded in HTML (report.html escapes on its own).
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NewLine = "\n",
        };
        using (var json = new Utf8JsonWriter(stream, options))
        {
            WriteSummary(json, summary);
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteSummary(Utf8JsonWriter json, SimulationSummary s)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteStartObject("scenario");
        json.WriteString("id", s.ScenarioId);
        json.WriteString("title", s.Title);
        json.WriteString("sourcePath", s.SourcePath);
        json.WriteEndObject();
        json.WriteNumber("seed", s.Seed);
        json.WriteNumber("runs", s.Runs);
        json.WriteNumber("completedRuns", s.CompletedRuns);
        json.WriteBoolean("complete", s.Complete);
        if (s.Shards.Count > 0)
        {
            // Only in a shard's report (or a partial merge): a whole run's summary.json is unchanged.
            json.WriteStartArray("shards");
            foreach (var shard in s.Shards)
            {
                json.WriteStringValue(shard);
            }

            json.WriteEndArray();
        }
        json.WriteString("baseline", s.Variants.Count > 0 ? s.Variants[0].Id : null);
        json.WriteStartArray("sources");
        foreach (string source in s.Sources)
        {
            json.WriteStringValue(source);
        }

        json.WriteEndArray();
        json.WriteStartArray("variants");
        foreach (VariantSummary variant in s.Variants)
        {
            VariantComparison? comparison = s.Comparisons.FirstOrDefault(c => c.VariantId == variant.Id);
            WriteVariant(json, variant, comparison);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // "short" only where the scenario gives a short label, so summaries of scenarios without them are unchanged.
    private static void WriteShort(Utf8JsonWriter json, string? shortLabel)
    {
        if (shortLabel is not null)
        {
            json.WriteString("short", shortLabel);
        }
    }

    private static void WriteVariant(Utf8JsonWriter json, VariantSummary v, VariantComparison? comparison)
    {
        json.WriteStartObject();
        json.WriteString("id", v.Id);
        json.WriteString("name", v.Name);
        WriteShort(json, v.Short);
        json.WriteString("description", v.Description);
        json.WriteNumber("runs", v.Runs);

        json.WriteStartObject("agreement");
        json.WriteNumber("count", v.Agreement.Count);
        json.WriteNumberOrNull("rate", v.Agreement.Rate);
        WriteInterval(json, "ci95", v.Agreement.Ci95);
        json.WriteEndObject();

        json.WriteStartObject("rounds");
        json.WriteNumberOrNull("mean", v.Rounds.Mean);
        json.WriteNumberOrNull("median", v.Rounds.Median);
        json.WriteNumberOrNull("p90", v.Rounds.P90);
        json.WriteNumberOrNull("roundDays", v.Rounds.RoundDays);
        json.WriteStartArray("histogram");
        for (int round = 1; round < v.Rounds.Histogram.Count; round++)
        {
            json.WriteStartObject();
            json.WriteNumber("round", round);
            json.WriteNumber("count", v.Rounds.Histogram[round]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        WriteShares(json, "breakdowns", v.Breakdowns);
        json.WriteNumberOrNull("endedInRoundOne", v.EndedInRoundOne);

        json.WriteStartArray("issues");
        foreach (IssueSummary issue in v.Issues)
        {
            json.WriteStartObject();
            json.WriteString("id", issue.Id);
            json.WriteString("name", issue.Name);
            WriteShort(json, issue.Short);
            json.WriteString("kind", issue.Kind);
            WriteShares(json, "outcomes", issue.Outcomes);
            WriteDistribution(json, "values", issue.Values);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("actors");
        foreach (ActorSummary actor in v.Actors)
        {
            json.WriteStartObject();
            json.WriteString("id", actor.Id);
            json.WriteString("name", actor.Name);
            WriteShort(json, actor.Short);
            WriteDistribution(json, "utility", actor.Utility);
            json.WriteStartObject("beatBatna");
            json.WriteNumberOrNull("rate", actor.BeatBatnaRate);
            WriteInterval(json, "ci95", actor.BeatBatnaCi95);
            json.WriteEndObject();
            json.WriteNumberOrNull("beliefShift", actor.BeliefShift);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        WriteCompliance(json, v.Compliance);

        json.WriteStartArray("sensitivity");
        foreach (SensitivityEntry entry in v.Sensitivity)
        {
            json.WriteStartObject();
            json.WriteString("parameter", entry.Parameter);
            json.WriteNumberOrNull("agreement", entry.Agreement);
            json.WriteNumberOrNull("survival", entry.Survival);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        if (comparison is not null)
        {
            WriteComparison(json, comparison);
        }

        json.WriteEndObject();
    }

    private static void WriteCompliance(Utf8JsonWriter json, ComplianceSummary? c)
    {
        if (c is null)
        {
            json.WriteNull("compliance");
            return;
        }

        json.WriteStartObject("compliance");
        json.WriteNumber("horizon", c.Horizon);
        json.WriteNumberOrNull("periodDays", c.PeriodDays);
        json.WriteStartArray("holding");
        foreach (double share in c.Holding)
        {
            json.WriteNumberValueOrNull(share);
        }

        json.WriteEndArray();
        json.WriteStartObject("oneYearSurvival");
        json.WriteNumberOrNull("rate", c.OneYearSurvival);
        WriteInterval(json, "ci95", c.OneYearCi95);
        json.WriteEndObject();
        json.WriteStartObject("medianLifetimeDays");
        json.WriteNumberOrNull("value", c.MedianDays ?? double.NaN);
        json.WriteNumberOrNull("low", c.MedianDaysCi95.Low ?? double.NaN);
        json.WriteNumberOrNull("high", c.MedianDaysCi95.High ?? double.NaN);
        json.WriteEndObject();
        WriteShares(json, "firstViolators", c.FirstViolators);
        WriteShares(json, "causes", c.Causes);
        WriteShares(json, "stagesReached", c.StagesReached);
        json.WriteEndObject();
    }

    private static void WriteComparison(Utf8JsonWriter json, VariantComparison c)
    {
        json.WriteStartObject("vsBaseline");
        json.WriteString("baseline", c.BaselineId);
        WriteDifference(json, "agreementRate", c.AgreementRate);
        json.WriteStartArray("utility");
        foreach (ActorDifference actor in c.Utility)
        {
            json.WriteStartObject();
            json.WriteString("actor", actor.ActorId);
            WriteDifferenceFields(json, actor.Utility);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (c.OneYearSurvival is null)
        {
            json.WriteNull("oneYearSurvival");
        }
        else
        {
            WriteDifference(json, "oneYearSurvival", c.OneYearSurvival);
        }

        json.WriteEndObject();
    }

    private static void WriteDifference(Utf8JsonWriter json, string name, Difference d)
    {
        json.WriteStartObject(name);
        WriteDifferenceFields(json, d);
        json.WriteEndObject();
    }

    private static void WriteDifferenceFields(Utf8JsonWriter json, Difference d)
    {
        json.WriteNumberOrNull("estimate", d.Estimate);
        WriteInterval(json, "ci95", d.Ci95);
        json.WriteBoolean("distinguishable", d.Distinguishable);
        json.WriteString("statement", d.Statement);
    }

    private static void WriteShares(Utf8JsonWriter json, string name, IReadOnlyList<NamedShare> shares)
    {
        json.WriteStartArray(name);
        foreach (NamedShare share in shares)
        {
            json.WriteStartObject();
            json.WriteString("id", share.Id);
            json.WriteString("name", share.Name);
            WriteShort(json, share.Short);
            json.WriteNumber("count", share.Count);
            json.WriteNumberOrNull("share", share.Share);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteDistribution(Utf8JsonWriter json, string name, DistributionSummary? d)
    {
        if (d is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumberOrNull("mean", d.Mean);
        json.WriteNumberOrNull("sd", d.StdDev);
        json.WriteNumberOrNull("min", d.Min);
        json.WriteNumberOrNull("p05", d.P05);
        json.WriteNumberOrNull("p25", d.P25);
        json.WriteNumberOrNull("median", d.Median);
        json.WriteNumberOrNull("p75", d.P75);
        json.WriteNumberOrNull("p95", d.P95);
        json.WriteNumberOrNull("max", d.Max);
        json.WriteEndObject();
    }

    private static void WriteInterval(Utf8JsonWriter json, string name, Interval interval)
    {
        json.WriteStartObject(name);
        json.WriteNumberOrNull("low", interval.Low);
        json.WriteNumberOrNull("high", interval.High);
        json.WriteEndObject();
    }
}
