using System.Text;
using Negotiation.Core.Common;
using Negotiation.Reporting.Charts;
using Negotiation.Reporting.Html;
using Negotiation.Reporting.Tables;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting;

/// <summary>
/// Writes the report directory (docs/reports.md) atomically: every file is built in a hidden sibling directory,
/// which then replaces the old report by two renames (old away, new in) before the old one is deleted. A failure
/// while building leaves the previous report untouched; a failure between the renames puts the old one back.
/// </summary>
public static class ReportWriter
{
    /// <summary>The file that marks a directory as a report; a non-empty directory without it is never replaced.</summary>
    public const string MarkerFile = "summary.json";

    /// <summary>The page a student opens.</summary>
    public const string HtmlFile = "report.html";

    /// <summary>Sub-directory holding the PNG and SVG charts.</summary>
    public const string ChartsDirectory = "charts";

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
        string target = Path.GetFullPath(Path.TrimEndingDirectorySeparator(outputDirectory));
        CheckReplaceable(target);
        string parent = Path.GetDirectoryName(target) ?? throw new IOException($"{outputDirectory}: cannot write a report to a root directory");
        Directory.CreateDirectory(parent);
        string name = Path.GetFileName(target);
        string staging = Path.Combine(parent, $".{name}.tmp-{Guid.NewGuid():N}");

        List<string> files;
        try
        {
            Directory.CreateDirectory(staging);
            files = Build(summary, staging, options, step);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }

        Swap(staging, target, parent, name, step);
        return files;
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

        Save(HtmlFile, utf8.GetBytes(HtmlReport.Render(summary, charts, theme, options.Theme)));

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

        return files;
    }

    private static void Swap(string staging, string target, string parent, string name, Action<string>? step)
    {
        if (!Directory.Exists(target))
        {
            try
            {
                step?.Invoke("<swap>");
                Directory.Move(staging, target);
            }
            catch
            {
                TryDelete(staging);
                throw;
            }

            return;
        }

        string old = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
        Directory.Move(target, old);
        try
        {
            step?.Invoke("<swap>");
            Directory.Move(staging, target);
        }
        catch
        {
            // Put the previous report back before reporting the failure.
            Directory.Move(old, target);
            TryDelete(staging);
            throw;
        }

        TryDelete(old);
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

    private static void CheckReplaceable(string target)
    {
        if (File.Exists(target))
        {
            throw new IOException($"{target}: is a file, not a report directory");
        }

        if (Directory.Exists(target)
            && Directory.EnumerateFileSystemEntries(target).Any()
            && !File.Exists(Path.Combine(target, MarkerFile)))
        {
            throw new IOException($"{target}: the directory is not empty and holds no {MarkerFile}; refusing to replace it. Choose an empty or new directory.");
        }
    }

    // Best effort: a leftover hidden directory is harmless, failing the whole report over it is not.
    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
