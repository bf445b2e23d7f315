namespace Negotiation.Reporting;

/// <summary>How charts and the HTML page are styled.</summary>
public enum ReportTheme
{
    /// <summary>Normal font sizes and line widths for reading on screen or paper (the default).</summary>
    Print,

    /// <summary>Large fonts (≥ 20 pt), thick lines (≥ 3 px) for a projector at the back of a lecture hall.</summary>
    Projector,
}

/// <summary>
/// A file the caller adds to the report directory (e.g. the CLI's mergeable state file or per-run CSV). It is
/// written into the staging directory with the rest, so it is swapped in atomically too.
/// </summary>
/// <param name="Name">Path relative to the report directory, with '/' separators; must not leave the directory
/// or collide with a file the writer produces.</param>
/// <param name="Write">Writes the content to the stream it is given.</param>
public sealed record ReportExtraFile(string Name, Action<Stream> Write);

/// <summary>Choices for <see cref="ReportWriter.Write"/>.</summary>
/// <param name="Theme">Styling of charts and report.html.</param>
/// <param name="WriteCharts">Whether to write the PNG and SVG chart files (report.html always embeds its charts).</param>
/// <param name="ExtraFiles">Further files to place in the directory; none by default.</param>
/// <param name="Slides">Whether to write slides.html, the instructor's 16:9 deck in the projector theme.</param>
/// <param name="Forecasts">The expected-utility family's forecasts (<c>--model both</c>), one per variant: a section of report.html and its charts.</param>
public sealed record ReportOptions(
    ReportTheme Theme = ReportTheme.Print,
    bool WriteCharts = true,
    IReadOnlyList<ReportExtraFile>? ExtraFiles = null,
    bool Slides = true,
    IReadOnlyList<Simulation.Models.ExpectedUtility.ExpectedUtilitySummary>? Forecasts = null)
{
    /// <summary>Print theme with charts.</summary>
    public static ReportOptions Default { get; } = new();
}
