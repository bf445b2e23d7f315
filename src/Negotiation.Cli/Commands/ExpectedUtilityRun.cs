using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Negotiation.Cli.Infrastructure;
using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Reporting;
using Negotiation.Simulation.Models;
using Negotiation.Simulation.Models.ExpectedUtility;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Cli.Commands;

/// <summary>
/// <c>negotiate run --model expected-utility|both</c>: runs the expected-utility family through the model seam over the
/// same runs and parameter draws as the bargaining family, prints its forecast per issue beside the compromise model and
/// (with <c>both</c>) the bargaining family's agreed terms, and writes <c>expected-utility.json</c>.
/// </summary>
public static class ExpectedUtilityRun
{
    public const string FileName = ReportWriter.ForecastFile;

    public const string Bargaining = "bargaining";

    public const string ExpectedUtility = "expected-utility";

    public const string Both = "both";

    public static readonly string[] Models = [Bargaining, ExpectedUtility, Both];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Compiles the family for the chosen variants, or prints why it cannot (a discrete issue without a stated order) and returns null.</summary>
    public static IReadOnlyList<ExpectedUtilityModel>? Compile(CliContext context, ScenarioSet set, IReadOnlyCollection<string> variants)
    {
        try
        {
            return set.Variants
                .Where((v, i) => i == 0 || variants.Count == 0 || variants.Contains(v.Id))
                .Select(v => ExpectedUtilityModel.Compile(v))
                .ToArray();
        }
        catch (InputException e)
        {
            Diagnostics.Report(context, e);
            return null;
        }
    }

    /// <summary>Runs every compiled variant; <paramref name="bargaining"/> (same variants, same order) adds the agreed terms.</summary>
    public static IReadOnlyList<ExpectedUtilitySummary> Run(
        IReadOnlyList<ExpectedUtilityModel> models, RunRequest request, MonteCarloResult? bargaining, CancellationToken cancellation)
    {
        var outcome = MonteCarloRunner.Run(new ExpectedUtilityPlan(models), request, cancellation: cancellation);
        return outcome.Variants
            .Select((accumulator, v) => ExpectedUtilitySummary.Build((ExpectedUtilityAccumulator)accumulator, request.Seed, bargaining?.Variants[v]))
            .ToArray();
    }

    public static string Serialize(IReadOnlyList<ExpectedUtilitySummary> summaries) => JsonSerializer.Serialize(summaries, JsonOptions);

    /// <summary>The forecast per issue as a plain-text table, one block per variant.</summary>
    public static string Render(IReadOnlyList<ExpectedUtilitySummary> summaries)
    {
        var text = new StringBuilder();
        foreach (var s in summaries)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Expected-utility forecast (Scholz, Calbert & Smith 2011) - {s.Scenario}, variant {s.Variant}: {s.Runs:N0} runs, up to {s.Rounds} rounds.");
            text.AppendLine("Positions on 0-100 (discrete issues: first option 0, last 100, in the order the scenario states).");
            var rows = new List<string[]> { new[] { "issue", "EU forecast [P5, P95]", "nearest option", "compromise", "start median", "bargaining agreed" } };
            foreach (var i in s.Issues)
            {
                rows.Add(
                [
                    i.Id,
                    $"{F(i.Outcome.P50)} [{F(i.Outcome.P5)}, {F(i.Outcome.P95)}]",
                    Nearest(i),
                    F(i.Compromise.Mean),
                    F(i.StartMedian),
                    i.Bargaining is { } b ? $"{F(b.MeanPosition)} ({b.AgreedShare:P0} agreed)" : "-",
                ]);
            }

            var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
            foreach (var row in rows)
            {
                text.AppendLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes the forecast's report directory (report.html, charts, <see cref="FileName"/>) atomically, or prints why it
    /// could not (a full or read-only disk, a directory that is not a report) and returns false.
    /// </summary>
    public static bool TryWriteReport(CliContext context, string outDir, IReadOnlyList<ExpectedUtilitySummary> summaries, string theme, bool charts)
    {
        try
        {
            var json = Serialize(summaries);
            ReportWriter.WriteForecast(summaries, outDir, new ReportOptions(
                theme == "projector" ? ReportTheme.Projector : ReportTheme.Print,
                charts,
                [new ReportExtraFile(FileName, stream =>
                {
                    using var writer = new StreamWriter(stream, leaveOpen: true);
                    writer.Write(json);
                })]));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"negotiate: error: cannot write the forecast to {outDir}: {e.Message}");
            return false;
        }
    }

    private static string Nearest(IssuePrediction i)
    {
        var k = i.ModalOption;
        if (k < 0)
        {
            return i.Kind == IssueKind.Continuous
                ? string.Create(CultureInfo.InvariantCulture, $"{i.OutcomeInUnits:0.#}{(i.Unit is null ? "" : " " + i.Unit)}")
                : "-";
        }

        return $"{i.Order[k]} {i.NearestOption![k]:P0}";
    }

    private static string F(double x) => double.IsNaN(x) ? "-" : x.ToString("0", CultureInfo.InvariantCulture);
}
