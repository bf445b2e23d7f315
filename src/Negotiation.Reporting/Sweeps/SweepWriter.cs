using System.Text;
using Negotiation.Core.Common;
using Negotiation.Reporting.Charts;

namespace Negotiation.Reporting.Sweeps;

/// <summary>
/// Writes a sweep's output directory atomically (<see cref="AtomicDirectory"/>, marker sweep.json): sweep.csv,
/// sweep.json and the charts as PNG and SVG under charts/.
/// </summary>
public static class SweepWriter
{
    public const string ChartsDirectory = "charts";

    /// <summary>Writes the directory and returns its files' paths relative to <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="IOException">The directory is a file, or not empty and holds no sweep.json.</exception>
    public static IReadOnlyList<string> Write(SweepResult sweep, string outputDirectory, ReportTheme theme = ReportTheme.Print, bool charts = true)
    {
        Guard.NotNull(sweep);
        Guard.NotNull(outputDirectory);
        return AtomicDirectory.Write(outputDirectory, SweepJson.FileName, staging => Build(sweep, staging, ChartTheme.For(theme), charts));
    }

    /// <summary>
    /// Whether <paramref name="outputDirectory"/> may be replaced by a sweep (absent, empty, or an earlier sweep):
    /// checked before simulating, so that a wrong --out fails before the work, not after.
    /// </summary>
    public static bool CanReplace(string outputDirectory)
    {
        var target = Path.GetFullPath(Path.TrimEndingDirectorySeparator(outputDirectory));
        return !File.Exists(target)
            && (!Directory.Exists(target)
                || !Directory.EnumerateFileSystemEntries(target).Any()
                || File.Exists(Path.Combine(target, SweepJson.FileName)));
    }

    private static List<string> Build(SweepResult sweep, string directory, ChartTheme theme, bool writeCharts)
    {
        var files = new List<string>();
        void Save(string relative, byte[] content)
        {
            var path = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
            files.Add(relative);
        }

        Save(SweepJson.FileName, SweepJson.ToUtf8(sweep));
        if (sweep.Shards.Count > 0)
        {
            Save(SweepStateFile.FileName, SweepStateFile.Serialize(sweep));
        }
        Save(SweepCsv.FileName, new UTF8Encoding(false).GetBytes(SweepCsv.Table(sweep).ToCsv()));
        if (writeCharts)
        {
            foreach (var chart in SweepCharts.All(sweep, theme))
            {
                Save(Path.Combine(ChartsDirectory, chart.Name + ".png"), ChartExporter.ToPng(chart.Model, theme));
                Save(Path.Combine(ChartsDirectory, chart.Name + ".svg"), ChartExporter.ToSvgFile(chart.Model, theme));
            }
        }

        return files;
    }
}
