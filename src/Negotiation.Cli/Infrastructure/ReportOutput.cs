using Negotiation.Reporting;
using Negotiation.Reporting.Summaries;
using Negotiation.Simulation.Models.ExpectedUtility;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Cli.Infrastructure;

/// <summary>
/// Writes a run's report directory: the reporting layer's files plus the mergeable state and, when asked, the
/// per-run rows — all swapped in together, so the directory is never half-written.
/// </summary>
public static class ReportOutput
{
    /// <summary>The mergeable accumulator state that <c>negotiate merge</c> reads.</summary>
    public const string StateFileName = "state.json";

    /// <summary>One row per run and variant, written with <c>--per-run</c>.</summary>
    public const string PerRunFileName = "runs.csv";

    /// <summary>
    /// <see cref="Write"/>, printing why the report could not be written (a full or read-only disk; the previous
    /// report is left intact) instead of throwing. The target was checked before the simulation.
    /// </summary>
    public static bool TryWrite(CliContext context, SimulationSummary summary, MonteCarloResult result, string outDir, string theme, bool charts, string? perRunCsv,
        (string Name, string Text)? alsoWrite = null, IReadOnlyList<ExpectedUtilitySummary>? forecasts = null)
    {
        try
        {
            Write(context, summary, result, outDir, theme, charts, perRunCsv, alsoWrite, forecasts);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"negotiate: error: cannot write the report to {outDir}: {e.Message}");
            return false;
        }
    }

    /// <param name="alsoWrite">One more text file swapped in with the report (the expected-utility forecast of <c>--model both</c>).</param>
    /// <param name="forecasts">The expected-utility family's forecasts (<c>--model both</c>): a section of report.html with its charts.</param>
    public static void Write(CliContext context, SimulationSummary summary, MonteCarloResult result, string outDir, string theme, bool charts, string? perRunCsv,
        (string Name, string Text)? alsoWrite = null, IReadOnlyList<ExpectedUtilitySummary>? forecasts = null)
    {
        var extra = new List<ReportExtraFile>
        {
            new(StateFileName, stream =>
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                writer.Write(ResultStateFile.Serialize(result));
            }),
        };
        if (alsoWrite is { } more)
        {
            extra.Add(new ReportExtraFile(more.Name, stream =>
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                writer.Write(more.Text);
            }));
        }

        if (perRunCsv is not null)
        {
            extra.Add(new ReportExtraFile(PerRunFileName, stream =>
            {
                using var rows = File.OpenRead(perRunCsv);
                rows.CopyTo(stream);
            }));
        }

        try
        {
            ReportWriter.Write(summary, outDir, new ReportOptions(
                theme == "projector" ? ReportTheme.Projector : ReportTheme.Print,
                charts,
                extra,
                Forecasts: forecasts));
        }
        finally
        {
            if (perRunCsv is not null)
            {
                File.Delete(perRunCsv);
            }
        }
    }
}
