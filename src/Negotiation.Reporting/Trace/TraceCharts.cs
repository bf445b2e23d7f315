using Negotiation.Core.Common;
using Negotiation.Reporting.Charts;
using Negotiation.Simulation.Analysis;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Negotiation.Reporting.Trace;

/// <summary>
/// The pictures of a trace: each signatory's utility of the offers over the rounds with its BATNA and aspiration
/// (trace-utilities), and for two signatories the utility plane with the Pareto frontier, the Nash point and the
/// offer path (trace-plane), in the report themes.
/// </summary>
public static class TraceCharts
{
    /// <summary>The charts for a trace: always the utilities; the plane when there are exactly two signatories.</summary>
    public static IReadOnlyList<Chart> All(RunTrace trace, ChartTheme theme, ScenarioAnalysisResult? analysis = null)
    {
        Guard.NotNull(trace);
        var charts = new List<Chart> { Utilities(trace, theme) };
        if (trace.Signatories.Count == 2)
        {
            charts.Add(Plane(trace, theme, analysis ?? ScenarioAnalysis.Analyze(trace.Scenario)));
        }

        return charts;
    }

    /// <summary>Writes name.png and name.svg for every chart into <paramref name="directory"/>; returns the file paths.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<Chart> charts, ChartTheme theme, string directory)
    {
        Guard.NotNull(charts);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var chart in charts)
        {
            written.Add(WriteAtomically(Path.Combine(directory, chart.Name + ".png"), ChartExporter.ToPng(chart.Model, theme)));
            written.Add(WriteAtomically(Path.Combine(directory, chart.Name + ".svg"), ChartExporter.ToSvgFile(chart.Model, theme)));
        }

        return written;
    }

    /// <summary>
    /// Per signatory (and consulted bloc member): the utility of the package on the table each round (solid, with
    /// markers), its aspiration (dashed) and its BATNA (dotted), in one colour; the agreement is a large diamond.
    /// </summary>
    public static Chart Utilities(RunTrace trace, ChartTheme theme)
    {
        Guard.NotNull(trace);
        Guard.NotNull(theme);
        var s = trace.Scenario;
        var model = theme.NewModel("Utility of the offers, round by round", Subtitle(trace));
        theme.AddAxis(model, new LinearAxis { Position = AxisPosition.Bottom, Title = "Round", Minimum = 0.5, Maximum = s.Protocol.Deadline + 0.5, MajorStep = Step(s.Protocol.Deadline), MinorStep = 1 });
        theme.AddAxis(model, new LinearAxis { Position = AxisPosition.Left, Title = "Utility (0–1)", MinimumPadding = 0.05, MaximumPadding = 0.05 });
        var actors = Charted(trace);
        for (var k = 0; k < actors.Count; k++)
        {
            var a = actors[k];
            var colour = ChartTheme.Color(k);
            var name = s.Actors[a].Name;
            var offers = new LineSeries { Title = name + ": offer", Color = colour, StrokeThickness = theme.LineThickness, MarkerType = MarkerType.Circle, MarkerSize = theme.MarkerSize * 0.8, MarkerFill = colour };
            var aspiration = new LineSeries { Title = name + ": aspiration", Color = colour, StrokeThickness = theme.LineThickness / 2, LineStyle = LineStyle.Dash };
            var batna = new LineSeries { Title = name + ": BATNA", Color = colour, StrokeThickness = theme.LineThickness / 2, LineStyle = LineStyle.Dot };
            foreach (var round in trace.Rounds)
            {
                aspiration.Points.Add(new DataPoint(round.Round, round.Aspirations[a]));
                batna.Points.Add(new DataPoint(round.Round, round.Reservations[a]));
                if (round.Offer is { } offer)
                {
                    offers.Points.Add(new DataPoint(round.Round, offer.Utilities[a]));
                }
            }

            model.Series.Add(offers);
            model.Series.Add(aspiration);
            model.Series.Add(batna);
        }

        if (trace.AgreedRound?.Offer is { } agreed)
        {
            var mark = new ScatterSeries { Title = "agreement", MarkerType = MarkerType.Diamond, MarkerSize = theme.MarkerSize * 2, MarkerFill = OxyColors.Black, MarkerStroke = OxyColors.White, MarkerStrokeThickness = 1 };
            foreach (var a in actors)
            {
                mark.Points.Add(new ScatterPoint(trace.Negotiation.Round, agreed.Utilities[a]));
            }

            model.Series.Add(mark);
        }
        else if (trace.Rounds.Count > 0)
        {
            model.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Vertical,
                X = trace.Negotiation.Round,
                Color = OxyColors.Gray,
                StrokeThickness = theme.LineThickness / 2,
                LineStyle = LineStyle.Dash,
                Text = trace.Negotiation.Cause == Simulation.Negotiation.BreakdownCause.WalkOut ? "walk-out" : "deadline: no agreement",
                FontSize = theme.FontSize,
            });
        }

        var caption = "Each colour is one party: its utility of the package on the table each round (solid), its aspiration — the least it accepts now (dashed) — and its BATNA, the value of no deal (dotted). "
            + (trace.Negotiation.Agreed ? "The diamonds mark the agreement." : "No package was agreed.");
        return new Chart("trace-utilities", caption, model);
    }

    /// <summary>
    /// The utility plane of the two signatories: the Pareto frontier and the Nash point of the scenario analysis
    /// (at the parameters' central values), the run's BATNA lines, and the path of the offers in the run.
    /// </summary>
    public static Chart Plane(RunTrace trace, ChartTheme theme, ScenarioAnalysisResult analysis)
    {
        Guard.NotNull(trace);
        Guard.NotNull(theme);
        Guard.NotNull(analysis);
        var s = trace.Scenario;
        if (trace.Signatories.Count != 2)
        {
            throw new ArgumentException("the utility plane needs exactly two signatories", nameof(trace));
        }

        var (x, y) = (trace.Signatories[0], trace.Signatories[1]);
        var model = theme.NewModel("The utility plane: frontier, Nash point and the offers", Subtitle(trace));
        theme.AddAxis(model, new LinearAxis { Position = AxisPosition.Bottom, Title = $"Utility for {s.Actors[x].Name}", Minimum = 0, Maximum = 1.08, MajorStep = 0.1 });
        theme.AddAxis(model, new LinearAxis { Position = AxisPosition.Left, Title = $"Utility for {s.Actors[y].Name}", Minimum = 0, Maximum = 1.08, MajorStep = 0.1 });

        var frontier = new LineSeries { Title = "Pareto frontier", Color = OxyColors.Gray, StrokeThickness = theme.LineThickness, MarkerType = MarkerType.Square, MarkerSize = theme.MarkerSize * 0.6, MarkerFill = OxyColors.Gray };
        foreach (var p in analysis.ParetoFrontier.Select(p => (X: p.Utilities[x], Y: p.Utilities[y])).OrderBy(p => p.X).ThenByDescending(p => p.Y))
        {
            frontier.Points.Add(new DataPoint(p.X, p.Y));
        }

        model.Series.Add(frontier);

        var path = new LineSeries { Title = "offers in this run", Color = ChartTheme.Color(0), StrokeThickness = theme.LineThickness, MarkerType = MarkerType.Circle, MarkerSize = theme.MarkerSize, MarkerFill = ChartTheme.Color(0) };
        foreach (var round in trace.Rounds)
        {
            if (round.Offer is { } offer)
            {
                path.Points.Add(new DataPoint(offer.Utilities[x], offer.Utilities[y]));
                model.Annotations.Add(new TextAnnotation
                {
                    Text = round.Round.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    TextPosition = new DataPoint(offer.Utilities[x], offer.Utilities[y]),
                    TextVerticalAlignment = VerticalAlignment.Bottom,
                    Offset = new ScreenVector(0, -theme.MarkerSize),
                    Stroke = OxyColors.Transparent,
                    FontSize = theme.FontSize * 0.8,
                    TextColor = ChartTheme.Color(0),
                });
            }
        }

        model.Series.Add(path);

        if (analysis.Nash is { } nash)
        {
            var point = new ScatterSeries { Title = "Nash point", MarkerType = MarkerType.Triangle, MarkerSize = theme.MarkerSize * 1.8, MarkerFill = ChartTheme.Color(3) };
            point.Points.Add(new ScatterPoint(nash.Utilities[x], nash.Utilities[y]));
            model.Series.Add(point);
        }

        if (trace.AgreedRound?.Offer is { } agreed)
        {
            var mark = new ScatterSeries { Title = "agreement", MarkerType = MarkerType.Diamond, MarkerSize = theme.MarkerSize * 2, MarkerFill = OxyColors.Black, MarkerStroke = OxyColors.White, MarkerStrokeThickness = 1 };
            mark.Points.Add(new ScatterPoint(agreed.Utilities[x], agreed.Utilities[y]));
            model.Series.Add(mark);
        }

        // BATNA at the end of the talks: packages up and to the right of both lines beat no deal for both.
        foreach (var (actor, type) in new[] { (x, LineAnnotationType.Vertical), (y, LineAnnotationType.Horizontal) })
        {
            model.Annotations.Add(new LineAnnotation
            {
                Type = type,
                X = type == LineAnnotationType.Vertical ? trace.Reservations[actor] : 0,
                Y = type == LineAnnotationType.Horizontal ? trace.Reservations[actor] : 0,
                Color = OxyColors.DarkGray,
                LineStyle = LineStyle.Dot,
                StrokeThickness = theme.LineThickness / 2,
                Text = $"BATNA {s.Actors[actor].Name}",
                FontSize = theme.FontSize * 0.8,
            });
        }

        var caption = "Each point is a package: how much it is worth to each signatory. The grey line is the Pareto frontier (no package is better for both) and the triangle the Nash bargaining point, "
            + "both at the parameters' central values; the numbered blue path shows the offers of this run, the dotted lines each side's BATNA at the end of the talks"
            + (trace.Negotiation.Agreed ? ", the diamond the agreement." : ".");
        return new Chart("trace-plane", caption, model);
    }

    private static string Subtitle(RunTrace trace) =>
        $"{trace.Scenario.Metadata.Title} — {trace.Variant.Id}, seed {trace.Seed}, run {trace.Run}";

    /// <summary>Signatories, then bloc members consulted in the run.</summary>
    private static IReadOnlyList<int> Charted(RunTrace trace) =>
        trace.Signatories
            .Concat(trace.Rounds.SelectMany(r => r.Responses).Where(r => r.Bloc >= 0).Select(r => r.Actor))
            .Distinct()
            .ToArray();

    private static double Step(int deadline) => deadline <= 12 ? 1 : deadline <= 30 ? 2 : Math.Ceiling(deadline / 15.0);

    private static string WriteAtomically(string path, byte[] bytes)
    {
        if (FileKinds.Of(path) is FileKind.Special or FileKind.Directory)
        {
            throw new IOException($"{path} is not a regular file (a device, FIFO, socket or directory); refusing to replace it");
        }

        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return path;
    }
}
