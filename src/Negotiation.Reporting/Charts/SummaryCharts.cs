using System.Text;
using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Simulation.MonteCarlo;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Negotiation.Reporting.Charts;

/// <summary>
/// The charts of a report, built from a <see cref="SimulationSummary"/>. Each method returns a ready
/// <see cref="Chart"/>; the building blocks (<see cref="ChartTheme"/>, <see cref="ChartExporter"/>) are public so
/// sweep and trace charts can be made the same way.
/// </summary>
public static class SummaryCharts
{
    /// <summary>Tornado charts show at most this many parameters, the most influential first.</summary>
    public const int TornadoParameters = 12;

    /// <summary>Every chart of the report, in the order of report.html.</summary>
    public static IReadOnlyList<Chart> All(SimulationSummary summary, ChartTheme theme)
    {
        Guard.NotNull(summary);
        Guard.NotNull(theme);
        var charts = new List<Chart> { Agreement(summary, theme) };
        if (summary.Comparisons.Count > 0)
        {
            charts.Add(Differences(summary, theme));
        }

        charts.Add(Rounds(summary, theme));
        IEnumerable<IssueSummary> issues = summary.Variants.Count > 0 ? summary.Variants[0].Issues : [];
        charts.AddRange(issues.Select(issue => Issue(summary, issue.Id, theme)));
        charts.Add(Utility(summary, theme));
        if (summary.Variants.Any(v => v.Compliance is not null))
        {
            charts.Add(Survival(summary, theme));
        }

        charts.AddRange(summary.Variants.Where(v => Influential(v).Any()).Select(v => Tornado(summary, v, theme)));
        return Deduplicate(charts);
    }

    /// <summary>Agreement rate per variant as bars, with the 95% Wilson interval as whiskers.</summary>
    public static Chart Agreement(SimulationSummary summary, ChartTheme theme)
    {
        PlotModel model = theme.NewModel("Agreement rate by variant", "bars: share of runs ending in a deal; whiskers: 95% interval");
        CategoryAxis categories = VariantAxis(summary, theme, model);
        // Scaled to the data: 2.0% against 1.2% must be visible, not two slivers on a 0–100% axis.
        double top = summary.Variants.Select(v => Finite(v.Agreement.Ci95.High)).DefaultIfEmpty(1).Max();
        LinearAxis rate = theme.AddShareAxis(model, AxisPosition.Bottom, "Agreement rate", maximum: Math.Min(1, Math.Max(0.005, top * 1.1)));
        rate.Key = "value";
        rate.MajorStep = double.NaN;
        rate.MinorStep = double.NaN;
        rate.StringFormat = top < 0.05 ? "0.0%" : "0%";
        var bars = new BarSeries { FillColor = ChartTheme.Color(0), StrokeThickness = 0, XAxisKey = "value", YAxisKey = categories.Key };
        var whiskers = new LineSeries { Color = OxyColors.Black, StrokeThickness = theme.LineThickness, XAxisKey = "value", YAxisKey = categories.Key };
        for (int i = 0; i < summary.Variants.Count; i++)
        {
            VariantSummary v = summary.Variants[i];
            bars.Items.Add(new BarItem(Finite(v.Agreement.Rate)));
            AddWhisker(whiskers.Points, Finite(v.Agreement.Ci95.Low), Finite(v.Agreement.Ci95.High), i, capHalfHeight: 0.15);
        }

        model.Series.Add(bars);
        model.Series.Add(whiskers);
        return new Chart("agreement", "Share of runs that ended in a signed agreement, per variant, with its 95% Wilson interval.", model);
    }

    /// <summary>
    /// What each variant changes against the baseline, in percentage points, over the same sampled futures: the paired
    /// difference in agreement rate and (with a compliance model) in the share of runs with an agreement holding a year,
    /// each a dot with its 95% interval, and a line at zero.
    /// </summary>
    public static Chart Differences(SimulationSummary summary, ChartTheme theme)
    {
        Guard.NotNull(summary);
        List<VariantComparison> comparisons = summary.Comparisons.ToList();
        bool survival = comparisons.Any(c => c.OneYearSurvival is not null);
        PlotModel model = theme.NewModel("Difference from the baseline", "percentage points, paired over the same sampled futures; whiskers: 95% interval");
        var categories = theme.AddAxis(model, new CategoryAxis
        {
            Position = AxisPosition.Left,
            Key = "rows",
            ItemsSource = comparisons.Select(c => ChartLabels.Wrap(summary.Variants.FirstOrDefault(v => v.Id == c.VariantId) is { } v ? Tight(v) : c.VariantId, VariantLabelWidth)).ToList(),
            StartPosition = 1,
            EndPosition = 0,
        }, grid: false);
        double extent = comparisons.SelectMany(c => new[] { c.AgreementRate, c.OneYearSurvival }).OfType<Difference>()
            .SelectMany(d => new[] { Math.Abs(Finite(d.Ci95.Low)), Math.Abs(Finite(d.Ci95.High)), Math.Abs(Finite(d.Estimate)) })
            .DefaultIfEmpty(0).Max() * 100;
        extent = Math.Max(0.5, extent * 1.15);
        theme.AddAxis(model, new LinearAxis { Position = AxisPosition.Bottom, Key = "value", Title = "Variant minus baseline (percentage points)", Minimum = -extent, Maximum = extent });
        model.Annotations.Add(new OxyPlot.Annotations.LineAnnotation
        {
            Type = OxyPlot.Annotations.LineAnnotationType.Vertical,
            X = 0,
            Color = OxyColors.Black,
            StrokeThickness = Math.Max(1.5, theme.LineThickness / 2),
            XAxisKey = "value",
            YAxisKey = categories.Key,
        });
        var measures = new List<(string Title, Func<VariantComparison, Difference?> Select)> { ("Agreement", c => c.AgreementRate) };
        if (survival)
        {
            measures.Add(("Agreement holding a year (share of all runs)", c => c.OneYearSurvival));
        }

        for (int m = 0; m < measures.Count; m++)
        {
            double offset = measures.Count == 1 ? 0 : (m - 0.5) * 0.3;
            var whiskers = new LineSeries { Color = OxyColors.Black, StrokeThickness = theme.LineThickness / 2, XAxisKey = "value", YAxisKey = categories.Key };
            var dots = new ScatterSeries { Title = measures[m].Title, MarkerType = MarkerType.Circle, MarkerSize = theme.MarkerSize * 1.2, MarkerFill = ChartTheme.Color(m), XAxisKey = "value", YAxisKey = categories.Key };
            for (int i = 0; i < comparisons.Count; i++)
            {
                if (measures[m].Select(comparisons[i]) is not { } d)
                {
                    continue;
                }

                AddWhisker(whiskers.Points, Finite(d.Ci95.Low) * 100, Finite(d.Ci95.High) * 100, i + offset, capHalfHeight: 0.08);
                dots.Points.Add(new ScatterPoint(Finite(d.Estimate) * 100, i + offset));
            }

            model.Series.Add(whiskers);
            model.Series.Add(dots);
        }

        return new Chart("differences", "How each variant differs from the baseline in the same sampled futures (percentage points, with 95% intervals); a dot on the zero line with no whisker means no difference in any run.", model);
    }

    /// <summary>Rounds to agreement: for each variant, the share of its agreements signed in each round.</summary>
    public static Chart Rounds(SimulationSummary summary, ChartTheme theme)
    {
        PlotModel model = theme.NewModel("Rounds to agreement", "share of each variant's agreements signed in each round");
        int maxRound = summary.Variants.Select(v => v.Rounds.Histogram.Count - 1).DefaultIfEmpty(1).Max();
        theme.AddAxis(model, new LinearAxis { Position = AxisPosition.Bottom, Title = "Round", Minimum = 0.5, Maximum = Math.Max(1, maxRound) + 0.5, MajorStep = maxRound > 20 ? 5 : 1, MinorStep = 1 });
        LinearAxis shares = theme.AddShareAxis(model, AxisPosition.Left, "Share of agreements", maximum: double.NaN);
        shares.MaximumPadding = 0.05;
        int count = Math.Max(1, summary.Variants.Count);
        double groupWidth = 0.8;
        for (int k = 0; k < summary.Variants.Count; k++)
        {
            VariantSummary v = summary.Variants[k];
            long total = v.Rounds.Histogram.Skip(1).Sum();
            var series = new RectangleBarSeries { Title = ChartLabels.Wrap(Tight(v), LegendWidth), FillColor = ChartTheme.Color(k), StrokeThickness = 0 };
            for (int round = 1; round < v.Rounds.Histogram.Count; round++)
            {
                double share = total == 0 ? 0 : (double)v.Rounds.Histogram[round] / total;
                double left = round - groupWidth / 2 + k * groupWidth / count;
                series.Items.Add(new RectangleBarItem(left, 0, left + groupWidth / count, share));
            }

            model.Series.Add(series);
        }

        return new Chart("rounds", "In which round the agreements were signed (each variant's bars add up to 100%).", model);
    }

    /// <summary>
    /// What was agreed on one issue: for a discrete issue stacked bars of option shares per variant; for a
    /// continuous issue a box plot of the agreed value per variant (box: quartiles, whiskers: 5th–95th percentile).
    /// </summary>
    public static Chart Issue(SimulationSummary summary, string issueId, ChartTheme theme)
    {
        Guard.NotNull(issueId);
        IssueSummary first = summary.Variants.SelectMany(v => v.Issues).First(i => i.Id == issueId);
        string name = "issue-" + FileStem(issueId);
        if (first.Kind == "continuous" || (first.Values is not null && first.Outcomes.Count == 0))
        {
            PlotModel box = theme.NewModel(ChartLabels.Wrap(first.Name, TitleWidth(theme)), "agreed value per variant: box = middle half, whiskers = 5th–95th percentile");
            theme.AddAxis(box, new CategoryAxis
            {
                Position = AxisPosition.Bottom,
                Key = "variants",
                ItemsSource = summary.Variants.Select(v => ChartLabels.Wrap(Tight(v), SlotWidth(theme, summary.Variants.Count))).ToList(),
                Minimum = -0.5,
                Maximum = summary.Variants.Count - 0.5,
            }, grid: false);
            theme.AddAxis(box, new LinearAxis { Position = AxisPosition.Left, Title = "Agreed value", MinimumPadding = 0.05, MaximumPadding = 0.05 });
            var series = BoxSeries(theme, ChartTheme.Color(0), null, 0.5);
            for (int i = 0; i < summary.Variants.Count; i++)
            {
                DistributionSummary? d = summary.Variants[i].Issues.FirstOrDefault(x => x.Id == issueId)?.Values;
                if (d.IsDefined())
                {
                    series.Items.Add(BoxItem(i, d));
                }
            }

            box.Series.Add(series);
            return new Chart(name, $"Distribution of the agreed value of “{first.Name}” among agreements, per variant.", box, issueId);
        }

        PlotModel model = theme.NewModel(ChartLabels.Wrap(first.Name, TitleWidth(theme)), "share of agreements settling on each option");
        CategoryAxis categories = VariantAxis(summary, theme, model);
        theme.AddShareAxis(model, AxisPosition.Bottom, "Share of agreements").Key = "value";
        List<(string Id, string Name)> options = summary.Variants
            .SelectMany(v => v.Issues.Where(x => x.Id == issueId).SelectMany(x => x.Outcomes))
            .Select(o => (o.Id, ShortLabel.Or(o.Short, o.Name)))
            .Distinct()
            .ToList();
        for (int k = 0; k < options.Count; k++)
        {
            var series = new BarSeries
            {
                Title = ChartLabels.Wrap(options[k].Name, LegendWidth),
                IsStacked = true,
                FillColor = ChartTheme.Color(k),
                StrokeColor = OxyColors.White,
                StrokeThickness = Math.Max(1, theme.LineThickness / 2),
                XAxisKey = "value",
                YAxisKey = categories.Key,
            };
            foreach (VariantSummary v in summary.Variants)
            {
                NamedShare? share = v.Issues.FirstOrDefault(x => x.Id == issueId)?.Outcomes.FirstOrDefault(o => o.Id == options[k].Id);
                series.Items.Add(new BarItem(Finite(share?.Share ?? 0)));
            }

            model.Series.Add(series);
        }

        return new Chart(name, $"How often each option of “{first.Name}” was agreed, among agreements, per variant.", model, issueId);
    }

    /// <summary>Each actor's utility (of the deal, or of no deal) as box plots, one box per variant.</summary>
    public static Chart Utility(SimulationSummary summary, ChartTheme theme)
    {
        PlotModel model = theme.NewModel("Utility by actor", "box = middle half, line = median, whiskers = 5th–95th percentile");
        List<(string Id, string Name)> actors = summary.Variants.SelectMany(v => v.Actors).Select(a => (a.Id, ShortLabel.Or(a.Short, a.Name))).DistinctBy(a => a.Id).ToList();
        // Box plots sit on explicit x positions, so the category range must be set or the outer boxes are clipped.
        theme.AddAxis(model, new CategoryAxis
        {
            Position = AxisPosition.Bottom,
            ItemsSource = actors.Select(a => ChartLabels.Wrap(a.Name, SlotWidth(theme, actors.Count))).ToList(),
            Minimum = -0.5,
            Maximum = actors.Count - 0.5,
        }, grid: false);
        theme.AddAxis(model, new LinearAxis { Position = AxisPosition.Left, Title = "Utility", Minimum = 0, Maximum = 1 });
        int count = Math.Max(1, summary.Variants.Count);
        double width = 0.8 / count;
        for (int k = 0; k < summary.Variants.Count; k++)
        {
            VariantSummary v = summary.Variants[k];
            BoxPlotSeries series = BoxSeries(theme, ChartTheme.Color(k), ChartLabels.Wrap(Tight(v), LegendWidth), width * 0.85);
            for (int a = 0; a < actors.Count; a++)
            {
                ActorSummary? actor = v.Actors.FirstOrDefault(x => x.Id == actors[a].Id);
                if (actor is not null && actor.Utility.IsDefined())
                {
                    series.Items.Add(BoxItem(a - 0.4 + (k + 0.5) * width, actor.Utility));
                }
            }

            model.Series.Add(series);
        }

        return new Chart("utility", "Each actor's utility over all runs (the deal's utility, or its reservation value when talks failed), per variant.", model);
    }

    /// <summary>Survival curves: the share of agreements still holding after each compliance period, per variant.</summary>
    public static Chart Survival(SimulationSummary summary, ChartTheme theme)
    {
        PlotModel model = theme.NewModel("Survival of agreements", "share of signed agreements still holding");
        theme.AddAxis(model, new LinearAxis { Position = AxisPosition.Bottom, Title = "Days after signature", Minimum = 0 });
        theme.AddShareAxis(model, AxisPosition.Left, "Still holding");
        for (int k = 0; k < summary.Variants.Count; k++)
        {
            VariantSummary v = summary.Variants[k];
            if (v.Compliance is not { } c)
            {
                continue;
            }

            var series = new StairStepSeries
            {
                Title = ChartLabels.Wrap(Tight(v), LegendWidth),
                Color = ChartTheme.Color(k),
                StrokeThickness = theme.LineThickness,
                VerticalStrokeThickness = theme.LineThickness,
                LineStyle = k % 2 == 0 ? LineStyle.Solid : LineStyle.Dash,
            };
            for (int t = 0; t < c.Holding.Count; t++)
            {
                series.Points.Add(new DataPoint(t * c.PeriodDays, Finite(c.Holding[t])));
            }

            model.Series.Add(series);
        }

        return new Chart("survival", "Share of signed agreements still holding over time after signature, per variant (runs without a deal are left out).", model);
    }

    /// <summary>
    /// Tornado chart of one variant's sensitivity: the standardised coefficient of each sampled parameter with
    /// agreement and with one-year survival (as the runner computes them), the largest effect on top.
    /// </summary>
    public static Chart Tornado(SimulationSummary summary, VariantSummary variant, ChartTheme theme)
    {
        Guard.NotNull(variant);
        List<SensitivityEntry> entries = Influential(variant)
            .OrderByDescending(e => Math.Max(Math.Abs(Finite(e.Agreement)), Math.Abs(Finite(e.Survival))))
            .ThenBy(e => e.Parameter, StringComparer.Ordinal)
            .Take(TornadoParameters)
            .ToList();
        var labels = ParameterLabels.For(summary);
        entries = entries.Take(RowsThatFit(entries.Select(e => ParameterLabel(labels.Describe(e.Parameter))).ToList(), theme)).ToList();
        PlotModel model = theme.NewModel(ChartLabels.Wrap($"What moves the outcome: {variant.Name}", TitleWidth(theme)), "standardised coefficient (correlation) of each uncertain parameter with the outcome");
        var categories = theme.AddAxis(model, new CategoryAxis
        {
            Position = AxisPosition.Left,
            Key = "parameters",
            ItemsSource = entries.Select(e => ParameterLabel(labels.Describe(e.Parameter))).ToList(),
            StartPosition = 1,
            EndPosition = 0,
        }, grid: false);
        double extent = Math.Max(0.1, entries.Select(e => Math.Max(Math.Abs(Finite(e.Agreement)), Math.Abs(Finite(e.Survival)))).DefaultIfEmpty(0).Max() * 1.1);
        theme.AddAxis(model, new LinearAxis
        {
            Position = AxisPosition.Bottom,
            Key = "value",
            Title = "Standardised coefficient",
            Minimum = -extent,
            Maximum = extent,
        });
        // A strong zero line above the grid: the chart is read as "left lowers, right raises".
        model.Annotations.Add(new OxyPlot.Annotations.LineAnnotation
        {
            Type = OxyPlot.Annotations.LineAnnotationType.Vertical,
            X = 0,
            Color = OxyColors.Black,
            StrokeThickness = Math.Max(1.5, theme.LineThickness / 2),
            LineStyle = LineStyle.Solid,
            XAxisKey = "value",
            YAxisKey = "parameters",
        });
        bool anySurvival = entries.Any(e => double.IsFinite(e.Survival) && e.Survival != 0);
        var agreement = new BarSeries { Title = "Agreement", FillColor = ChartTheme.Color(0), XAxisKey = "value", YAxisKey = categories.Key };
        var survival = new BarSeries { Title = "One-year survival", FillColor = ChartTheme.Color(1), XAxisKey = "value", YAxisKey = categories.Key };
        foreach (SensitivityEntry e in entries)
        {
            agreement.Items.Add(new BarItem(Finite(e.Agreement)));
            survival.Items.Add(new BarItem(Finite(e.Survival)));
        }

        model.Series.Add(agreement);
        if (anySurvival)
        {
            model.Series.Add(survival);
        }

        return new Chart(
            "tornado-" + FileStem(variant.Id),
            $"Which uncertain parameters move agreement and survival most in “{variant.Name}” (positive: a higher value makes the outcome more likely).",
            model,
            variant.Id);
    }

    /// <summary>
    /// The sensitivity entries worth a bar: a coefficient of exactly 0 (the outcome never varied, or the parameter
    /// did not) says nothing, and a tornado of empty rows would hide the ones that matter.
    /// </summary>
    public static IEnumerable<SensitivityEntry> Influential(VariantSummary variant) =>
        Guard.NotNull(variant).Sensitivity.Where(e => Math.Abs(Finite(e.Agreement)) > 1e-12 || Math.Abs(Finite(e.Survival)) > 1e-12);

    /// <summary>Lower-case letters, digits and dashes, so any id is a safe file name.</summary>
    public static string FileStem(string id)
    {
        var stem = new StringBuilder();
        foreach (char c in id.ToLowerInvariant())
        {
            bool safe = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (safe || (stem.Length > 0 && stem[^1] != '-'))
            {
                stem.Append(safe ? c : '-');
            }
        }

        string result = stem.ToString().TrimEnd('-');
        return result.Length == 0 ? "unnamed" : result;
    }

    // Ids "a.b" and "a-b" share a file stem; number the later ones so no chart file overwrites another.
    private static List<Chart> Deduplicate(List<Chart> charts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < charts.Count; i++)
        {
            string name = charts[i].Name;
            for (int n = 2; !seen.Add(name); n++)
            {
                name = charts[i].Name + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            charts[i] = charts[i] with { Name = name };
        }

        return charts;
    }

    // Label widths in characters: long scenario names would otherwise squeeze the plot area to nothing.
    private static int TitleWidth(ChartTheme theme) => Math.Min(64, (int)(theme.Width * 0.9 / (theme.TitleFontSize * 0.6)));

    private const int LegendWidth = 40;
    private const int VariantLabelWidth = 24;
    private const int ParameterWidth = 40;

    // How many of the (largest-first) rows fit the plot's height with every label whole: a category axis spaces rows
    // evenly, so the tallest label sets the pitch. The table under the chart lists them all.
    private static int RowsThatFit(List<string> labels, ChartTheme theme)
    {
        int rows = labels.Count;
        while (rows > 3 && rows * labels.Take(rows).Max(l => l.Count(c => c == '\n') + 1) * theme.FontSize * 1.3 > theme.Height * 0.62)
        {
            rows--;
        }

        return rows;
    }

    // The whole parameter in the scenario's short labels, wrapped: the tail of the path alone left rows that read alike
    // ("…values.moratorium" three times). The table under the chart gives the full path.
    private static string ParameterLabel(string described) => ChartLabels.Wrap(described, ParameterWidth);

    // A variant where room is short: its short label, else its name (wrapped by the caller, never cut).
    private static string Tight(VariantSummary v) => ShortLabel.Or(v.Short, v.Name);

    // Characters that fit under one of `count` categories spread across the plot (a glyph is about 0.6 em wide).
    private static int SlotWidth(ChartTheme theme, int count) =>
        Math.Max(8, (int)(theme.Width * 0.8 / Math.Max(1, count) / (theme.FontSize * 0.6)));

    private static CategoryAxis VariantAxis(SimulationSummary summary, ChartTheme theme, PlotModel model) =>
        theme.AddAxis(model, new CategoryAxis
        {
            Position = AxisPosition.Left,
            Key = "variants",
            ItemsSource = summary.Variants.Select(v => ChartLabels.Wrap(Tight(v), VariantLabelWidth)).ToList(),
            // First variant (the baseline) on top, as in the tables.
            StartPosition = 1,
            EndPosition = 0,
        }, grid: false);

    // A horizontal interval at category y with small vertical caps; NaN points break the line between segments.
    private static void AddWhisker(List<DataPoint> points, double low, double high, double y, double capHalfHeight)
    {
        points.Add(new DataPoint(low, y));
        points.Add(new DataPoint(high, y));
        points.Add(DataPoint.Undefined);
        points.Add(new DataPoint(low, y - capHalfHeight));
        points.Add(new DataPoint(low, y + capHalfHeight));
        points.Add(DataPoint.Undefined);
        points.Add(new DataPoint(high, y - capHalfHeight));
        points.Add(new DataPoint(high, y + capHalfHeight));
        points.Add(DataPoint.Undefined);
    }

    private static BoxPlotSeries BoxSeries(ChartTheme theme, OxyColor colour, string? title, double width) => new()
    {
        Title = title,
        Fill = OxyColor.FromAColor(160, colour),
        Stroke = OxyColors.Black,
        StrokeThickness = Math.Max(1, theme.LineThickness / 2),
        MedianThickness = theme.LineThickness,
        BoxWidth = width,
        WhiskerWidth = 0.5,
    };

    private static BoxPlotItem BoxItem(double x, DistributionSummary d) =>
        new(x, Finite(d.P05), Finite(d.P25), Finite(d.Median), Finite(d.P75), Finite(d.P95)) { Mean = Finite(d.Mean) };

    // Charts draw an undefined figure (no agreements yet) as 0 rather than failing; the tables say "n/a".
    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
