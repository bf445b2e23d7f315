using System.Globalization;
using Negotiation.Core.Common;
using Negotiation.Reporting.Charts;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Negotiation.Reporting.Sweeps;

/// <summary>
/// The sweep's charts, in the report themes. One parameter: agreement rate, each actor's expected utility (a line
/// per actor) and one-year survival against the parameter, with 95% bands. Two parameters: the same rate charts
/// with a line per value of the second parameter (when there are few enough to tell apart), and heat maps of
/// agreement rate and of survival over the grid.
/// </summary>
public static class SweepCharts
{
    /// <summary>More lines than this (the palette's size) cannot be told apart; the heat map then carries the grid.</summary>
    public const int MaxLines = 8;

    /// <summary>Cells are labelled with their value only when the grid is small enough for the labels to fit.</summary>
    public const int MaxLabelledCells = 15;

    public static IReadOnlyList<Chart> All(SweepResult sweep, ChartTheme theme)
    {
        Guard.NotNull(sweep);
        Guard.NotNull(theme);
        var charts = new List<Chart>();
        if (sweep.Points.Count == 0)
        {
            return charts;
        }

        if (sweep.Axes.Count == 1)
        {
            charts.Add(Rate(sweep, SweepResult.AgreementRate, "agreement", "Agreement rate", theme));
            charts.Add(Utility(sweep, theme));
            if (sweep.HasCompliance)
            {
                charts.Add(Rate(sweep, SweepResult.OneYearSurvival, "survival", "One-year survival of agreements", theme));
            }

            return charts;
        }

        if (sweep.Axes[1].Values.Count <= MaxLines)
        {
            charts.Add(Rate(sweep, SweepResult.AgreementRate, "agreement", "Agreement rate", theme));
        }

        charts.Add(HeatMap(sweep, SweepResult.AgreementRate, "agreement-heatmap", "Agreement rate", theme));
        if (sweep.HasCompliance)
        {
            if (sweep.Axes[1].Values.Count <= MaxLines)
            {
                charts.Add(Rate(sweep, SweepResult.OneYearSurvival, "survival", "One-year survival of agreements", theme));
            }

            charts.Add(HeatMap(sweep, SweepResult.OneYearSurvival, "survival-heatmap", "One-year survival of agreements", theme));
        }

        return charts;
    }

    /// <summary>A rate against the first parameter with its 95% band; for a grid, one line per value of the second.</summary>
    public static Chart Rate(SweepResult sweep, string figureId, string name, string title, ChartTheme theme)
    {
        var x = sweep.Axes[0];
        var lines = new List<LineData>();
        if (sweep.Axes.Count == 1)
        {
            lines.Add(Line(title, sweep.Points, figureId));
        }
        else
        {
            var y = sweep.Axes[1];
            foreach (var value in y.Values)
            {
                var points = sweep.Points.Where(p => p.Values[1] == value).ToArray();
                if (points.Length > 0)
                {
                    lines.Add(Line($"{Tail(y.Path)} = {Format(value)}", points, figureId));
                }
            }
        }

        var chart = LineChart.Create(
            name,
            title,
            $"{title} at each value of {x.Path}, with its 95% interval as a shaded band ({Runs(sweep)} per point, the same sampled futures at every point).",
            x.Path,
            title,
            lines,
            theme,
            yIsShare: true);
        chart.Model.Subtitle = Subtitle(sweep);
        return chart;
    }

    /// <summary>Each actor's expected utility against the first parameter, a line per actor, with 95% bands.</summary>
    public static Chart Utility(SweepResult sweep, ChartTheme theme)
    {
        var x = sweep.Axes[0];
        var lines = sweep.Actors
            .Select(a => Line(ChartLabels.Wrap(a.Name, 30), sweep.Points, SweepResult.ExpectedUtility(a.Id)))
            .ToArray();
        var chart = LineChart.Create(
            "utility",
            "Expected utility",
            $"Each actor's expected utility (of the deal, or of no deal when talks fail) at each value of {x.Path}, with 95% bands.",
            x.Path,
            "Expected utility",
            lines,
            theme);
        chart.Model.Subtitle = Subtitle(sweep);
        // The palette repeats after eight colours: later lines are dotted with square markers, so that no two
        // actors share both colour and style.
        var series = chart.Model.Series.OfType<LineSeries>().Where(s => s is not AreaSeries).ToArray();
        for (var k = ChartTheme.Palette.Count; k < series.Length; k++)
        {
            series[k].LineStyle = LineStyle.Dot;
            series[k].MarkerType = MarkerType.Square;
        }

        return chart;
    }

    /// <summary>A rate over the two-parameter grid as a heat map (0–100%, viridis), each cell labelled when the grid is small.</summary>
    public static Chart HeatMap(SweepResult sweep, string figureId, string name, string title, ChartTheme theme)
    {
        var x = sweep.Axes[0];
        var y = sweep.Axes[1];
        var data = new double[x.Values.Count, y.Values.Count];
        var bases = new long?[x.Values.Count, y.Values.Count];
        for (var i = 0; i < x.Values.Count; i++)
        {
            for (var j = 0; j < y.Values.Count; j++)
            {
                data[i, j] = double.NaN;
            }
        }

        foreach (var point in sweep.Points)
        {
            var i = IndexOf(x.Values, point.Values[0]);
            var j = IndexOf(y.Values, point.Values[1]);
            data[i, j] = point.Figure(figureId)?.Estimate ?? double.NaN;
            bases[i, j] = point.Figure(figureId)?.Total;
        }

        PlotModel model = theme.NewModel(title, Subtitle(sweep));
        // Cells sit at index positions so that unevenly spaced values get equal cells; ticks show the values.
        theme.AddAxis(model, IndexAxis(AxisPosition.Bottom, x), grid: false);
        theme.AddAxis(model, IndexAxis(AxisPosition.Left, y), grid: false);
        model.Axes.Add(new LinearColorAxis
        {
            Position = AxisPosition.Right,
            Palette = OxyPalettes.Viridis(200),
            Minimum = 0,
            Maximum = 1,
            StringFormat = "0%",
            FontSize = theme.FontSize,
            InvalidNumberColor = OxyColor.FromRgb(0xCC, 0xCC, 0xCC),
            IsZoomEnabled = false,
            IsPanEnabled = false,
        });
        model.Series.Add(new HeatMapSeries
        {
            X0 = 0,
            X1 = x.Values.Count - 1,
            Y0 = 0,
            Y1 = y.Values.Count - 1,
            CoordinateDefinition = HeatMapCoordinateDefinition.Center,
            Interpolate = false,
            RenderMethod = HeatMapRenderMethod.Rectangles,
            Data = data,
        });
        if (x.Values.Count <= MaxLabelledCells && y.Values.Count <= MaxLabelledCells)
        {
            for (var i = 0; i < x.Values.Count; i++)
            {
                for (var j = 0; j < y.Values.Count; j++)
                {
                    var v = data[i, j];
                    model.Annotations.Add(new TextAnnotation
                    {
                        TextPosition = new DataPoint(i, j),
                        Text = CellLabel(v, figureId == SweepResult.AgreementRate ? null : bases[i, j]),
                        TextHorizontalAlignment = HorizontalAlignment.Center,
                        TextVerticalAlignment = VerticalAlignment.Middle,
                        FontSize = theme.FontSize,
                        // Viridis is dark below about 55%: white text there, black above.
                        TextColor = double.IsFinite(v) && v < 0.55 ? OxyColors.White : OxyColors.Black,
                        Stroke = OxyColors.Transparent,
                        StrokeThickness = 0,
                    });
                }
            }
        }

        var caption = $"{title} at every combination of {x.Path} and {y.Path} ({Runs(sweep)} per cell)"
            + (figureId == SweepResult.OneYearSurvival
                ? "; each cell also shows the number of agreements it rests on, and grey cells had no agreement to survive."
                : "; grey cells have no estimate.");
        return new Chart(name, caption, model);
    }

    /// <summary>
    /// A cell's label: the rate, and for survival the number of agreements it rests on — 100% of 2 agreements
    /// should not read like 100% of 2,000.
    /// </summary>
    public static string CellLabel(double value, long? of) =>
        !double.IsFinite(value) ? "n/a"
        : of is { } n ? string.Format(CultureInfo.InvariantCulture, "{0:0%}\nof {1:N0}", value, n)
        : value.ToString("0%", CultureInfo.InvariantCulture);

    private static LinearAxis IndexAxis(AxisPosition position, SweepAxis axis) => new()
    {
        Position = position,
        Title = axis.Path,
        Minimum = -0.5,
        Maximum = axis.Values.Count - 0.5,
        MajorStep = Math.Max(1, Math.Ceiling(axis.Values.Count / 12.0)),
        MinorStep = 1,
        MinorTickSize = 0,
        LabelFormatter = v =>
        {
            var i = (int)Math.Round(v);
            return Math.Abs(v - i) < 1e-9 && i >= 0 && i < axis.Values.Count ? Format(axis.Values[i]) : string.Empty;
        },
    };

    private static LineData Line(string name, IReadOnlyList<SweepPoint> points, string figureId)
    {
        // A point without an estimate (survival with no agreement) is left out rather than drawn as zero.
        var defined = points
            .Select(p => (X: p.Values[0], F: p.Figure(figureId)))
            .Where(p => p.F is not null && double.IsFinite(p.F.Estimate))
            .OrderBy(p => p.X)
            .ToArray();
        return new LineData(
            name,
            defined.Select(p => p.X).ToArray(),
            defined.Select(p => p.F!.Estimate).ToArray(),
            defined.Select(p => p.F!.Ci95.Low).ToArray(),
            defined.Select(p => p.F!.Ci95.High).ToArray());
    }

    private static int IndexOf(IReadOnlyList<double> values, double value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }

        throw new ArgumentException($"value {value} is not on the sweep's axis", nameof(value));
    }

    /// <summary>The last two segments of a path ("jic.detection"), enough to tell lines apart in a legend.</summary>
    public static string Tail(string path)
    {
        var segments = path.Split('.');
        return string.Join('.', segments.Skip(Math.Max(0, segments.Length - 2)));
    }

    private static string Subtitle(SweepResult sweep) =>
        ChartLabels.Wrap(sweep.Title, 70) + (sweep.Complete ? string.Empty : " — INCOMPLETE (interrupted)");

    private static string Runs(SweepResult sweep) => sweep.Runs.ToString("N0", CultureInfo.InvariantCulture) + " runs";

    /// <summary>An axis value as written on the command line: shortest form, invariant culture.</summary>
    public static string Format(double value) => value.ToString("G10", CultureInfo.InvariantCulture);
}
