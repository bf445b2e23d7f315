using Negotiation.Core.Common;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Negotiation.Reporting.Charts;

/// <summary>One line of a <see cref="LineChart"/>: points (x, y) and, optionally, a 95% band [low, high] per point.</summary>
public sealed record LineData(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<double>? Low = null, IReadOnlyList<double>? High = null);

/// <summary>
/// A general line chart with optional interval bands in the report's themes: for parameter sweeps (agreement rate
/// against a swept value) and traces (utility of offers by round). Lines alternate solid and dashed so they stay
/// apart in grey-scale print.
/// </summary>
public static class LineChart
{
    /// <summary>Builds the chart; <paramref name="yIsShare"/> draws the y axis as 0–100%.</summary>
    public static Chart Create(
        string name, string title, string caption, string xTitle, string yTitle, IReadOnlyList<LineData> lines, ChartTheme theme, bool yIsShare = false)
    {
        Guard.NotNull(name);
        Guard.NotNull(lines);
        Guard.NotNull(theme);
        PlotModel model = theme.NewModel(title);
        theme.AddAxis(model, new LinearAxis { Position = AxisPosition.Bottom, Title = xTitle });
        if (yIsShare)
        {
            theme.AddShareAxis(model, AxisPosition.Left, yTitle);
        }
        else
        {
            theme.AddAxis(model, new LinearAxis { Position = AxisPosition.Left, Title = yTitle, MinimumPadding = 0.05, MaximumPadding = 0.05 });
        }

        for (int k = 0; k < lines.Count; k++)
        {
            LineData line = lines[k];
            Check(line);
            OxyColor colour = ChartTheme.Color(k);
            if (line.Low is not null && line.High is not null)
            {
                // The band is drawn first so the line stays on top; it has no legend entry of its own.
                var band = new AreaSeries { Fill = OxyColor.FromAColor(60, colour), StrokeThickness = 0, Color = OxyColors.Transparent, Color2 = OxyColors.Transparent };
                for (int i = 0; i < line.X.Count; i++)
                {
                    band.Points.Add(new DataPoint(line.X[i], line.High[i]));
                    band.Points2.Add(new DataPoint(line.X[i], line.Low[i]));
                }

                model.Series.Add(band);
            }

            var series = new LineSeries
            {
                Title = line.Name,
                Color = colour,
                StrokeThickness = theme.LineThickness,
                LineStyle = k % 2 == 0 ? LineStyle.Solid : LineStyle.Dash,
                MarkerType = MarkerType.Circle,
                MarkerSize = theme.MarkerSize / 2,
                MarkerFill = colour,
            };
            for (int i = 0; i < line.X.Count; i++)
            {
                series.Points.Add(new DataPoint(line.X[i], line.Y[i]));
            }

            model.Series.Add(series);
        }

        return new Chart(name, caption, model);
    }

    private static void Check(LineData line)
    {
        Guard.NotNull(line);
        if (line.Y.Count != line.X.Count
            || (line.Low is not null && line.Low.Count != line.X.Count)
            || (line.High is not null && line.High.Count != line.X.Count))
        {
            throw new ArgumentException($"line '{line.Name}': X, Y, Low and High must have the same length", nameof(line));
        }
    }
}
