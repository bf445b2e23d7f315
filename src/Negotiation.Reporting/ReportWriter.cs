using System.Text;
using Negotiation.Core.Common;
using Negotiation.Reporting.Charts;
using Negotiation.Reporting.Html;
using Negotiation.Reporting.Tables;
using Negotiation.Simulation.Models.ExpectedUtility;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting;

/// <summary>
/// Writes the report directory (docs/reports.md) atomically through <see cref="AtomicDirectory"/>: every file is
/// built in a hidden sibling directory, which then replaces the old report, so it is never seen half-written.
/// </summary>
public static class ReportWriter
{
    /// <summary>The file that marks a directory as a report; a non-empty directory without it is never replaced.</summary>
    public const string MarkerFile = "summary.json";

    /// <summary>The page a student opens.</summary>
    public const string HtmlFile = "report.html";

    /// <summary>The instructor's 16:9 deck in the projector theme (see <see cref="SlideDeck"/>).</summary>
    public const string SlidesFile = "slides.html";

    /// <summary>Sub-directory holding the PNG and SVG charts.</summary>
    public const string ChartsDirectory = "charts";

    /// <summary>The expected-utility family's forecast (<c>--model expected-utility|both</c>), written by the command line.</summary>
    public const string ForecastFile = "expected-utility.json";

    /// <summary>
    /// Writes the report of the expected-utility family alone (<c>--model expected-utility</c>): report.html with the
    /// forecast section, its charts and <paramref name="options"/>' extra files (the forecast's JSON), atomically. A directory
    /// holding a report (<see cref="MarkerFile"/>) or a forecast (<see cref="ForecastFile"/>) may be replaced.
    /// </summary>
    public static IReadOnlyList<string> WriteForecast(IReadOnlyList<ExpectedUtilitySummary> forecasts, string outputDirectory, ReportOptions? options = null)
    {
        Guard.NotNull(forecasts);
        Guard.NotNull(outputDirectory);
        options ??= ReportOptions.Default;
        return AtomicDirectory.Write(outputDirectory, MarkerIn(outputDirectory), staging =>
        {
            var files = new List<string>();
            ChartTheme theme = ChartTheme.For(options.Theme);
            IReadOnlyList<Chart> charts = ForecastCharts.All(forecasts, theme);
            void Save(string relative, byte[] content)
            {
                string path = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, content);
                files.Add(relative);
            }

            if (options.WriteCharts)
            {
                foreach (Chart chart in charts)
                {
                    Save(Path.Combine(ChartsDirectory, chart.Name + ".png"), ChartExporter.ToPng(chart.Model, theme));
                    Save(Path.Combine(ChartsDirectory, chart.Name + ".svg"), ChartExporter.ToSvgFile(chart.Model, theme));
                }
            }

            Save(HtmlFile, new UTF8Encoding(false).GetBytes(ForecastSection.Page(forecasts, charts, theme, options.Theme)));
            WriteExtraFiles(options, staging, files, step: null);
            return files;
        });
    }

    /// <summary>
    /// The file that marks <paramref name="outputDirectory"/> as ours: <see cref="ForecastFile"/> when it holds the forecast
    /// of <c>--model expected-utility</c> alone, <see cref="MarkerFile"/> otherwise. Either kind of report may replace the other.
    /// </summary>
    public static string MarkerIn(string outputDirectory) =>
        !File.Exists(Path.Combine(outputDirectory, MarkerFile)) && File.Exists(Path.Combine(outputDirectory, ForecastFile)) ? ForecastFile : MarkerFile;

    /// <summary>Writes the report and returns the paths of its files relative to <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="IOException">
    /// <paramref name="outputDirectory"/> is a file, or a non-empty directory that is not a report (no summary.json):
    /// replacing it could delete the user's files.
    /// </exception>
    public static IReadOnlyList<string> Write(SimulationSummary summary, string outputDirectory, ReportOptions? options = null) =>
        WriteCore(summary, outputDirectory, options ?? ReportOptions.Default, step: null);

    /// <summary>As <see cref="Write(SimulationSummary, string, ReportOptions?)"/>; <paramref name="step"/> is called
    /// with each relative file name before it is written and with "&lt;swap&gt;" between the two renames, so tests
    /// can inject a failure at any point.</summary>
    internal static IReadOnlyList<string> WriteCore(SimulationSummary summary, string outputDirectory, ReportOptions options, Action<string>? step)
    {
        Guard.NotNull(summary);
        Guard.NotNull(outputDirectory);
        Guard.NotNull(options);
        return AtomicDirectory.Write(outputDirectory, MarkerIn(outputDirectory), staging => Build(summary, staging, options, step), step);
    }

    private static List<string> Build(SimulationSummary summary, string directory, ReportOptions options, Action<string>? step)
    {
        var files = new List<string>();
        void Save(string relative, byte[] content)
        {
            step?.Invoke(relative);
            string path = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
            files.Add(relative);
        }

        var utf8 = new UTF8Encoding(false);
        Save(MarkerFile, SummaryJson.ToUtf8(summary));
        foreach (CsvTable table in SummaryTables.All(summary))
        {
            Save(table.FileName, utf8.GetBytes(table.ToCsv()));
        }

        ChartTheme theme = ChartTheme.For(options.Theme);
        IReadOnlyList<Chart> charts = SummaryCharts.All(summary, theme);
        if (options.WriteCharts)
        {
            foreach (Chart chart in charts)
            {
                Save(Path.Combine(ChartsDirectory, chart.Name + ".png"), ChartExporter.ToPng(chart.Model, theme));
                Save(Path.Combine(ChartsDirectory, chart.Name + ".svg"), ChartExporter.ToSvgFile(chart.Model, theme));
            }
        }

        string? forecast = null;
        if (options.Forecasts is { Count: > 0 } forecasts)
        {
            IReadOnlyList<Chart> forecastCharts = ForecastCharts.All(forecasts, theme);
            if (options.WriteCharts)
            {
                foreach (Chart chart in forecastCharts)
                {
                    Save(Path.Combine(ChartsDirectory, chart.Name + ".png"), ChartExporter.ToPng(chart.Model, theme));
                    Save(Path.Combine(ChartsDirectory, chart.Name + ".svg"), ChartExporter.ToSvgFile(chart.Model, theme));
                }
            }

            var names = summary.Variants.SelectMany(v => v.Actors).DistinctBy(a => a.Id).ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
            forecast = ForecastSection.Render(forecasts, forecastCharts, theme, names);
        }

        Save(HtmlFile, utf8.GetBytes(HtmlReport.Render(summary, charts, theme, options.Theme, forecast)));
        if (options.Slides)
        {
            // Fresh models: OxyPlot lays a model out again when it is exported, so the report's charts (already
            // exported to PNG and SVG) gave another deck than `negotiate slides` builds from the same results.
            Save(SlidesFile, utf8.GetBytes(SlideDeck.Render(summary, SummaryCharts.All(summary, ChartTheme.Projector))));
        }

        WriteExtraFiles(options, directory, files, step);
        return files;
    }

    private static void WriteExtraFiles(ReportOptions options, string directory, List<string> files, Action<string>? step)
    {
        foreach (ReportExtraFile extra in options.ExtraFiles ?? [])
        {
            string relative = CheckExtraName(extra.Name, files);
            step?.Invoke(relative);
            string path = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                extra.Write(stream);
            }

            files.Add(relative);
        }
    }

    // An extra file stays inside the report and never replaces one of the writer's own files.
    private static string CheckExtraName(string name, List<string> written)
    {
        Guard.NotNull(name);
        string relative = name.Replace('/', Path.DirectorySeparatorChar);
        string[] segments = name.Split('/');
        if (name.Length == 0 || Path.IsPathRooted(relative) || segments.Any(x => x is "" or "." or ".."))
        {
            throw new ArgumentException($"extra report file '{name}': must be a relative path inside the report directory", nameof(name));
        }

        if (written.Contains(relative, StringComparer.Ordinal))
        {
            throw new ArgumentException($"extra report file '{name}': the report already has a file of that name", nameof(name));
        }

        return relative;
    }
}
