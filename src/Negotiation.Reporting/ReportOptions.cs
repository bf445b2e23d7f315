namespace Negotiation.Reporting;

/// <summary>How charts and the HTML page are styled.</summary>
public enum ReportTheme
{
    /// <summary>Normal font sizes and line widths for reading on screen or paper (the default).</summary>
    Print,

    /// <summary>Large fonts (≥ 20 pt), thick lines (≥ 3 px) for a projector at the back of a lecture hall.</summary>
    Projector,
}

/// <summary>Choices for <see cref="ReportWriter.Write"/>.</summary>
/// <param name="Theme">Styling of charts and report.html.</param>
/// <param name="WriteCharts">Whether to write the PNG and SVG chart files (report.html always embeds its charts).</param>
public sealed record ReportOptions(ReportTheme Theme = ReportTheme.Print, bool WriteCharts = true)
{
    /// <summary>Print theme with charts.</summary>
    public static ReportOptions Default { get; } = new();
}
