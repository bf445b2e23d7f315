using System.Text.Json;
using Negotiation.Cli.Commands;

namespace Negotiation.Cli.Tests.Commands;

/// <summary>End-to-end: <c>negotiate sweep</c> in-process on a shipped scenario; files, output and exit codes.</summary>
public class SweepCommandTest
{
    private static readonly string Nato = TestCli.Scenario("nato-russia-2022");

    // nato-russia-2022 has 10 actors and a compliance section, so every point has 12 figures:
    // agreement_rate + 10 × expected_utility.<actor> + one_year_survival.
    private const int NatoFiguresPerPoint = 12;

    private static readonly string[] CsvTail = ["variant", "figure", "estimate", "ci_low", "ci_high", "seed", "runs"];

    [Fact]
    public void OneParameter_WritesCsvJsonAndCurves()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Combine("sweep");
        var result = TestCli.Run("sweep", Nato, "--param", "actors.usa.reservation=0.3:0.5:0.1", "--runs", "300", "--seed", "5", "--out", outDir, "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var csv = File.ReadAllLines(Path.Combine(outDir, "sweep.csv"));
        Assert.Equal(string.Join(',', ["actors.usa.reservation", .. CsvTail]), csv[0]);
        Assert.Equal(3 * NatoFiguresPerPoint, csv.Length - 1);
        Assert.StartsWith("0.3,russian-drafts,agreement_rate,", csv[1], StringComparison.Ordinal);
        Assert.EndsWith(",5,300", csv[1], StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "sweep.json")));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("nato-russia-2022", root.GetProperty("scenario").GetProperty("id").GetString());
        Assert.Equal(5UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(300, root.GetProperty("runs").GetInt64());
        Assert.True(root.GetProperty("complete").GetBoolean());
        var param = Assert.Single(root.GetProperty("params").EnumerateArray());
        Assert.Equal("actors.usa.reservation", param.GetProperty("path").GetString());
        Assert.Equal([0.3, 0.4, 0.5], param.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        var points = root.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(3, points.Length);
        Assert.Equal(0.4, points[1].GetProperty("values").GetProperty("actors.usa.reservation").GetDouble());
        var agreement = points[0].GetProperty("figures")[0];
        Assert.Equal("agreement_rate", agreement.GetProperty("id").GetString());
        Assert.InRange(agreement.GetProperty("estimate").GetDouble(), agreement.GetProperty("ciLow").GetDouble(), agreement.GetProperty("ciHigh").GetDouble());
        Assert.Equal(300, agreement.GetProperty("of").GetInt64());

        AssertCharts(outDir, "agreement", "utility", "survival");
    }

    [Fact]
    public void TwoParameters_WriteTheGridAndHeatMaps()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Combine("grid");
        var result = TestCli.Run(
            "sweep", Nato, "-p", "actors.usa.reservation=0.3:0.5:0.1", "-p", "actors.nato.reservation=0.4,0.6", "-n", "300", "-o", outDir, "--theme", "projector");

        Assert.Equal(0, result.ExitCode);
        var csv = File.ReadAllLines(Path.Combine(outDir, "sweep.csv"));
        Assert.Equal(string.Join(',', ["actors.usa.reservation", "actors.nato.reservation", .. CsvTail]), csv[0]);
        Assert.Equal(3 * 2 * NatoFiguresPerPoint, csv.Length - 1);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "sweep.json")));
        Assert.Equal(2, json.RootElement.GetProperty("params").GetArrayLength());
        Assert.Equal(6, json.RootElement.GetProperty("points").GetArrayLength());
        AssertCharts(outDir, "agreement", "agreement-heatmap", "survival", "survival-heatmap");

        // The table on stdout: a title line, a header and one line per point, then where the files went.
        var lines = result.Out.TrimEnd().Split('\n');
        Assert.Equal(1 + 1 + 6 + 1, lines.Length);
        Assert.StartsWith("actors.usa.reservation  actors.nato.reservation  Agreement", lines[1], StringComparison.Ordinal);
        Assert.Equal($"Sweep written to {outDir}{Path.DirectorySeparatorChar}", lines[^1]);
    }

    [Fact]
    public void Json_PrintsSweepJsonOnStdout()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Combine("j");
        var result = TestCli.Run("sweep", Nato, "-p", "actors.usa.reservation=0.3,0.5", "-n", "100", "-o", outDir, "--json", "--no-charts");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(outDir, "sweep.json")), result.Out);
        Assert.False(Directory.Exists(Path.Combine(outDir, "charts")));
    }

    [Fact]
    public void Cancelled_WritesAnIncompleteSweepAndExits130()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Combine("c");
        var result = TestCli.Run(new CancellationToken(canceled: true), "sweep", Nato, "-p", "actors.usa.reservation=0.3,0.5", "-n", "100", "-o", outDir, "-q");
        Assert.Equal(130, result.ExitCode);
        Assert.Equal("negotiate: interrupted after 0 of 2 points; the point under way was dropped and the output is marked incomplete.\n", result.Error.ReplaceLineEndings("\n"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "sweep.json")));
        Assert.False(json.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("plannedPoints").GetInt32());
    }

    [Fact]
    public void Help_ShowsExamples()
    {
        var result = TestCli.Run("sweep", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Examples:", result.Out, StringComparison.Ordinal);
        Assert.Contains("negotiate sweep scenarios/syria-coh-2016.yaml --param actors.russia.reservation=0.2:0.7:0.05", result.Out, StringComparison.Ordinal);
        Assert.Contains("--force", result.Out, StringComparison.Ordinal);
    }

    private static void AssertCharts(string outDir, params string[] names)
    {
        var charts = Path.Combine(outDir, "charts");
        Assert.Equal(
            names.SelectMany(n => new[] { n + ".png", n + ".svg" }).Order(StringComparer.Ordinal),
            Directory.GetFiles(charts).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(charts, name + ".png"))[..4]);
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(charts, name + ".svg")), StringComparison.Ordinal);
        }
    }
}
