using Negotiation.Core.Common;
using Negotiation.Simulation.Models.ExpectedUtility;
using OxyPlot;
using OxyPlot.Series;

namespace Negotiation.Reporting.Charts;

/// <summary>
/// The expected-utility family's forecast per issue (<c>--model expected-utility|both</c>): each actor's position over the
/// rounds (median line and 10–90% band over the runs) on the issue's 0–100 dimension, the predicted outcome's 5–95% range
/// and median after the last round, and beside them the capability×salience weighted mean (the compromise model) and,
/// when that family ran, the bargaining family's mean agreed position.
/// </summary>
public static class ForecastCharts
{
    /// <summary>One chart per issue of the first (baseline) forecast.</summary>
    public static IReadOnlyList<Chart> All(IReadOnlyList<ExpectedUtilitySummary> forecasts, ChartTheme theme)
    {
        Guard.NotNull(forecasts);
        Guard.NotNull(theme);
        return forecasts.Count == 0 ? [] : forecasts[0].Issues.Select(i => Issue(forecasts[0], i, theme)).ToArray();
    }

    /// <summary>The chart of <paramref name="issue"/>, named <c>forecast-&lt;issue&gt;</c>.</summary>
    public static Chart Issue(ExpectedUtilitySummary forecast, IssuePrediction issue, ChartTheme theme)
    {
        Guard.NotNull(forecast);
        Guard.NotNull(issue);
        Guard.NotNull(theme);
        var rounds = Enumerable.Range(0, forecast.Rounds + 1).Select(r => (double)r).ToArray();
        var lines = issue.Actors.Select(a => new LineData(a.Actor, rounds, a.Median, a.P10, a.P90)).ToList();
        var chart = LineChart.Create(
            "forecast-" + SummaryCharts.FileStem(issue.Id),
            ChartLabels.Wrap(issue.Name, (int)(theme.Width / (theme.TitleFontSize * 0.6))),
            $"Expected-utility forecast for “{issue.Name}”: each actor's position by round (line: median over the runs; band: 10–90%), "
            + "the predicted outcome after the last round (black bar: 5–95%, dot: median), the capability×salience weighted mean (grey, long dashes)"
            + (issue.Bargaining is null ? "." : " and the bargaining family's mean agreed position (dark red)."),
            "round",
            Scale(issue),
            lines,
            theme);
        var model = chart.Model;
        foreach (var band in model.Series.OfType<AreaSeries>())
        {
            // Many actors' bands overlap (a position that flips between runs spans the whole line): keep each faint.
            band.Fill = OxyColor.FromAColor(22, band.Fill);
        }

        model.Subtitle = $"variant {forecast.Variant} · {forecast.Runs:N0} runs · 0 = {Low(issue)}, 100 = {High(issue)}";
        model.SubtitleFontSize = theme.FontSize;
        var end = forecast.Rounds + 0.5;
        var outcome = issue.Outcome;
        if (double.IsFinite(outcome.P5) && double.IsFinite(outcome.P95))
        {
            var range = new LineSeries { Title = "EU forecast 5–95%", Color = OxyColors.Black, StrokeThickness = theme.LineThickness * 2 };
            range.Points.Add(new DataPoint(end, outcome.P5));
            range.Points.Add(new DataPoint(end, outcome.P95));
            model.Series.Add(range);
            var median = new ScatterSeries { Title = "EU forecast median", MarkerType = MarkerType.Circle, MarkerSize = theme.MarkerSize, MarkerFill = OxyColors.Black };
            median.Points.Add(new ScatterPoint(end, outcome.P50));
            model.Series.Add(median);
        }

        Reference(model, forecast.Rounds + 0.8, issue.Compromise.Mean, "compromise (capability×salience mean)", OxyColor.FromRgb(0x66, 0x66, 0x66), LineStyle.LongDash, theme);
        if (issue.Bargaining is { } agreed)
        {
            Reference(model, forecast.Rounds + 0.8, agreed.MeanPosition, "bargaining: mean agreed", OxyColor.FromRgb(0xA0, 0x10, 0x10), LineStyle.Solid, theme);
        }

        foreach (var axis in model.Axes)
        {
            if (axis.Position == OxyPlot.Axes.AxisPosition.Left)
            {
                axis.Minimum = -2;
                axis.Maximum = 102;
                axis.MajorStep = 25;
            }
            else
            {
                axis.Minimum = -0.2;
                axis.Maximum = forecast.Rounds + 0.8;
                axis.MajorStep = 1;
            }
        }

        return chart with { Subject = issue.Id };
    }

    private static void Reference(PlotModel model, double right, double y, string title, OxyColor colour, LineStyle style, ChartTheme theme)
    {
        if (!double.IsFinite(y))
        {
            return;
        }

        // A series rather than an annotation, so the line has a legend entry.
        var line = new LineSeries { Title = title, Color = colour, LineStyle = style, StrokeThickness = theme.LineThickness * 1.5 };
        line.Points.Add(new DataPoint(0, y));
        line.Points.Add(new DataPoint(right, y));
        model.Series.Add(line);
    }

    private static string Scale(IssuePrediction issue) => issue.Kind == Core.Model.IssueKind.Discrete
        ? "position (0–100 along the stated order of options)"
        : $"position (0–100 over {Text.Number(issue.Min)}–{Text.Number(issue.Max)}{(issue.Unit is null ? "" : " " + issue.Unit)})";

    private static string Low(IssuePrediction issue) => issue.Order.Count > 0 ? issue.Order[0] : Text.Number(issue.Min) + Unit(issue);

    private static string High(IssuePrediction issue) => issue.Order.Count > 0 ? issue.Order[^1] : Text.Number(issue.Max) + Unit(issue);

    private static string Unit(IssuePrediction issue) => issue.Unit is null ? string.Empty : " " + issue.Unit;
}
