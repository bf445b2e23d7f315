using System.Text.Encodings.Web;
using System.Text.Json;

namespace Negotiation.Reporting.Sweeps;

/// <summary>
/// sweep.json (docs/sweep.md): the sweep's inputs and every point's figures with their 95% intervals. An
/// undefined number (survival with no agreement) is null, as in summary.json.
/// </summary>
public static class SweepJson
{
    public const string FileName = "sweep.json";

    public const int SchemaVersion = 1;

    public static byte[] ToUtf8(SweepResult sweep)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            // Readable names (NATO–Russia, not NATO\u2013Russia); the file is data, never embedded in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            Write(json, sweep);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public static string ToText(SweepResult sweep) => System.Text.Encoding.UTF8.GetString(ToUtf8(sweep));

    private static void Write(Utf8JsonWriter json, SweepResult sweep)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteStartObject("scenario");
        json.WriteString("id", sweep.ScenarioId);
        json.WriteString("title", sweep.Title);
        json.WriteString("source", sweep.SourcePath);
        json.WriteEndObject();
        json.WriteStartObject("variant");
        json.WriteString("id", sweep.VariantId);
        json.WriteString("name", sweep.VariantName);
        json.WriteEndObject();
        json.WriteNumber("seed", sweep.Seed);
        json.WriteNumber("runs", sweep.Runs);
        json.WriteBoolean("complete", sweep.Complete && sweep.Shards.Count == 0);
        if (sweep.Shards.Count > 0)
        {
            // Only in a shard's output (or a partial merge): a whole sweep's sweep.json is unchanged.
            json.WriteStartArray("shards");
            foreach (var shard in sweep.Shards)
            {
                json.WriteStringValue(shard);
            }

            json.WriteEndArray();
        }
        json.WriteNumber("plannedPoints", sweep.PlannedPoints);
        json.WriteStartArray("params");
        foreach (var axis in sweep.Axes)
        {
            json.WriteStartObject();
            json.WriteString("path", axis.Path);
            json.WriteStartArray("values");
            foreach (var v in axis.Values)
            {
                json.WriteNumberValue(v);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("actors");
        foreach (var actor in sweep.Actors)
        {
            json.WriteStartObject();
            json.WriteString("id", actor.Id);
            json.WriteString("name", actor.Name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("points");
        foreach (var point in sweep.Points)
        {
            json.WriteStartObject();
            json.WriteStartObject("values");
            for (var k = 0; k < sweep.Axes.Count; k++)
            {
                json.WriteNumber(sweep.Axes[k].Path, point.Values[k]);
            }

            json.WriteEndObject();
            json.WriteNumber("runs", point.Runs);
            json.WriteStartArray("figures");
            foreach (var figure in point.Figures)
            {
                json.WriteStartObject();
                json.WriteString("id", figure.Id);
                json.WriteString("name", figure.Name);
                json.WriteNumberOrNull("estimate", figure.Estimate);
                json.WriteNumberOrNull("ciLow", figure.Ci95.Low);
                json.WriteNumberOrNull("ciHigh", figure.Ci95.High);
                if (figure.Count is { } count && figure.Total is { } total)
                {
                    json.WriteNumber("count", count);
                    json.WriteNumber("of", total);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
