using System.Text.Json;
using CsCheck;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Tests;

public sealed class SummaryJsonTest
{
    [Fact]
    public void SampleSummary_MatchesGoldenFile()
    {
        Golden.Verify("summary.json", SummaryJson.ToUtf8(SampleSummary.Create()));
    }

    [Fact]
    public void Document_HasTheRequiredFieldsAtTheDocumentedPaths()
    {
        using JsonDocument doc = JsonDocument.Parse(SummaryJson.ToUtf8(SampleSummary.Create()));
        JsonElement root = doc.RootElement;
        Assert.Equal(SummaryJson.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("border-talks", root.GetProperty("scenario").GetProperty("id").GetString());
        Assert.Equal(42UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(200, root.GetProperty("runs").GetInt64());
        Assert.True(root.GetProperty("complete").GetBoolean());
        JsonElement baseline = root.GetProperty("variants")[0];
        JsonElement mediated = root.GetProperty("variants")[1];
        Assert.Equal(0.6, baseline.GetProperty("agreement").GetProperty("rate").GetDouble());
        Assert.True(baseline.GetProperty("agreement").GetProperty("ci95").GetProperty("low").GetDouble() < 0.6);
        Assert.Equal(3, baseline.GetProperty("rounds").GetProperty("median").GetDouble());
        Assert.Equal("north", baseline.GetProperty("actors")[0].GetProperty("id").GetString());
        Assert.Equal(0.55, baseline.GetProperty("actors")[0].GetProperty("utility").GetProperty("mean").GetDouble());
        Assert.Equal("open", baseline.GetProperty("issues")[0].GetProperty("outcomes")[0].GetProperty("id").GetString());
        Assert.Equal(5, baseline.GetProperty("compliance").GetProperty("holding").GetArrayLength());
        Assert.False(baseline.TryGetProperty("vsBaseline", out _));
        Assert.Equal(0.15, mediated.GetProperty("vsBaseline").GetProperty("agreementRate").GetProperty("estimate").GetDouble());
    }

    [Fact]
    public void Doubles_RoundTripExactly()
    {
        // 0.1 + 0.2 is not 0.3 in binary; a format with fewer digits would lose the difference.
        double awkward = 0.1 + 0.2;
        SimulationSummary s = SampleSummary.Create();
        VariantSummary v = s.Variants[0] with { Agreement = s.Variants[0].Agreement with { Rate = awkward } };
        s = s with { Variants = [v, s.Variants[1]] };
        using JsonDocument doc = JsonDocument.Parse(SummaryJson.ToUtf8(s));
        Assert.Equal(awkward, doc.RootElement.GetProperty("variants")[0].GetProperty("agreement").GetProperty("rate").GetDouble());
    }

    [Fact]
    public void UndefinedFigure_IsWrittenAsNull()
    {
        using JsonDocument doc = JsonDocument.Parse(SummaryJson.ToUtf8(SampleSummary.Create()));
        JsonElement entry = doc.RootElement.GetProperty("variants")[0].GetProperty("sensitivity")[1];
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("survival").ValueKind);
    }

    [Fact]
    public void Serialize_IsTheFileWithoutItsFinalNewline()
    {
        SimulationSummary s = SampleSummary.Create();
        Assert.Equal(SummaryJson.ToText(s), SummaryJson.Serialize(s) + "\n");
    }

    [Fact]
    public void AnyScenarioText_RoundTripsThroughTheJson()
    {
        // Characters from the BMP only: a lone surrogate half is not text and cannot survive UTF-8 (nor YAML).
        Gen.String[Gen.Char["<>&\"'\\/\n\t\u0001\u2028é€ a"], 0, 20].Sample(text =>
        {
            SimulationSummary s = SampleSummary.Create(title: text);
            using JsonDocument doc = JsonDocument.Parse(SummaryJson.ToUtf8(s));
            Assert.Equal(text, doc.RootElement.GetProperty("scenario").GetProperty("title").GetString());
        });
    }
}
