using System.Text.Json;
using Negotiation.Reporting.Sweeps;

namespace Negotiation.Reporting.Tests.Sweeps;

public sealed class SweepJsonTest
{
    [Fact]
    public void Json_HasTheInputsAndEveryPointsFigures()
    {
        using var json = JsonDocument.Parse(SweepJson.ToUtf8(SampleSweep.Create(grid: true)));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("sample", root.GetProperty("scenario").GetProperty("id").GetString());
        Assert.Equal("baseline", root.GetProperty("variant").GetProperty("id").GetString());
        Assert.Equal(42UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(100, root.GetProperty("runs").GetInt64());
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.Equal(4, root.GetProperty("plannedPoints").GetInt32());
        Assert.Equal(["actors.a.reservation", "compliance.mechanisms.m.detection"], root.GetProperty("params").EnumerateArray().Select(p => p.GetProperty("path").GetString()));
        var points = root.GetProperty("points");
        Assert.Equal(4, points.GetArrayLength());
        Assert.Equal(3, points[1].GetProperty("values").GetProperty("compliance.mechanisms.m.detection").GetDouble());
        var agreement = points[1].GetProperty("figures")[0];
        Assert.Equal("agreement_rate", agreement.GetProperty("id").GetString());
        Assert.Equal(0.6, agreement.GetProperty("estimate").GetDouble());
        Assert.Equal(60, agreement.GetProperty("count").GetInt64());
        Assert.Equal(100, agreement.GetProperty("of").GetInt64());
        // A utility has no count; an undefined survival is null, not NaN (which JSON cannot hold).
        Assert.False(points[1].GetProperty("figures")[1].TryGetProperty("count", out _));
        Assert.Equal(JsonValueKind.Null, points[3].GetProperty("figures")[3].GetProperty("estimate").ValueKind);
    }

    [Fact]
    public void Json_WritesNamesUnescaped()
    {
        var sweep = SampleSweep.Create() with { Title = "NATO–Russia" };
        Assert.Contains("\"title\": \"NATO–Russia\"", SweepJson.ToText(sweep), StringComparison.Ordinal);
    }

    [Fact]
    public void Incomplete_IsMarked()
    {
        using var json = JsonDocument.Parse(SweepJson.ToUtf8(SampleSweep.Create(complete: false)));
        Assert.False(json.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("points").GetArrayLength());
        Assert.Equal(2, json.RootElement.GetProperty("plannedPoints").GetInt32());
    }
}
