using System.Text.Json;
using Negotiation.Reporting.Trace;

namespace Negotiation.Reporting.Tests.Trace;

public sealed class TraceExportTest
{
    [Fact]
    public void Csv_HasOneRowPerEvent_InOrder_WithTheDocumentedColumns()
    {
        var trace = TraceFixture.RiverTrace(8);
        var lines = TraceExport.Csv(trace).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', TraceExport.CsvColumns), lines[0]);
        // 5 rounds: 5 offers, 10 answers, 1 event; the agreement; the compliance entries of run 8 (a correctly
        // attributed attack, the stage, a detected violation with its penalty and the retaliation, the collapse) and the end.
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(5, rows.Count(r => r[3] == "offer"));
        Assert.Equal(10, rows.Count(r => r[3] is "accept" or "reject"));
        Assert.Equal(["negotiation", "2", "", "event", "drought"], rows.Single(r => r[3] == "event")[..5]);
        Assert.Equal(["negotiation", "5", "", "agreement", ""], rows.Single(r => r[3] == "agreement")[..5]);
        Assert.Equal("years=10;share=proportional", string.Join(';', rows.Single(r => r[3] == "agreement")[11].Split(';').Reverse()));
        Assert.Equal(["compliance", "10", "down", "end", "violation"], rows[^1][..5]);
        var violation = rows.Single(r => r[3] == "violation");
        Assert.Equal(["compliance", "9", "down", "violation", "quota"], violation[..5]);
        Assert.True(double.Parse(violation[8], System.Globalization.CultureInfo.InvariantCulture) > double.Parse(violation[9], System.Globalization.CultureInfo.InvariantCulture));
        var steps = rows.Where(r => r[0] == "compliance").Select(r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(steps.Order(), steps);
    }

    [Fact]
    public void Json_CarriesTheOutcome_TheRounds_AndTheComplianceEnd()
    {
        var trace = TraceFixture.RiverTrace(8);
        using var json = JsonDocument.Parse(TraceExport.Json(trace));
        var root = json.RootElement;
        Assert.Equal("river", root.GetProperty("scenario").GetString());
        Assert.Equal(8, root.GetProperty("run").GetInt64());
        Assert.Equal("collapse", root.GetProperty("outcome").GetString());
        var negotiation = root.GetProperty("negotiation");
        Assert.Equal(5, negotiation.GetProperty("round").GetInt32());
        Assert.Equal("proportional", negotiation.GetProperty("package").GetProperty("share").GetString());
        Assert.Equal(10, negotiation.GetProperty("package").GetProperty("years").GetDouble());
        Assert.Equal(5, negotiation.GetProperty("rounds").GetArrayLength());
        var round1 = negotiation.GetProperty("rounds")[0];
        Assert.Equal("below-batna", round1.GetProperty("responses")[1].GetProperty("reason").GetString());
        var compliance = root.GetProperty("compliance");
        Assert.Equal(9, compliance.GetProperty("periodsHeld").GetInt32());
        Assert.Equal("violation", compliance.GetProperty("cause").GetString());
        Assert.Equal("down", compliance.GetProperty("firstViolator").GetString());
        Assert.Equal(["commission"], compliance.GetProperty("stagesReached").EnumerateArray().Select(e => e.GetString()));
    }
}
