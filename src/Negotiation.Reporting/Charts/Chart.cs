using OxyPlot;

namespace Negotiation.Reporting.Charts;

/// <summary>A chart of a report: its file stem (e.g. "agreement" → agreement.png/.svg), a caption and the plot.</summary>
/// <param name="Name">File stem: lower-case letters, digits and dashes only.</param>
/// <param name="Caption">One sentence saying how to read the chart (plain text; escaped by the HTML writer).</param>
/// <param name="Subject">The issue id of an issue chart, the variant id of a tornado chart; null for the others.</param>
public sealed record Chart(string Name, string Caption, PlotModel Model, string? Subject = null);
