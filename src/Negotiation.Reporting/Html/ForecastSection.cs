using System.Text;
using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Reporting.Charts;
using Negotiation.Simulation.Models.ExpectedUtility;

namespace Negotiation.Reporting.Html;

/// <summary>
/// The report's section on the expected-utility family (<c>--model both</c>; docs/model-expected-utility.md): per issue the
/// predicted outcome's distribution over the runs, beside the compromise model and the bargaining family's agreed terms, in
/// one table over every variant; then per issue of the baseline the chart of the actors' position paths
/// (<see cref="ForecastCharts"/>) and a table of where each actor starts and ends. Every scenario text is escaped.
/// </summary>
public static class ForecastSection
{
    /// <summary>The section's element id (its anchor in report.html).</summary>
    public const string Id = "forecast";

    /// <summary>The section's HTML; <paramref name="charts"/> are <see cref="ForecastCharts.All"/> (empty: tables only).</summary>
    /// <param name="actorNames">Display name by actor id (the bargaining report's); ids are shown for actors it lacks.</param>
    public static string Render(IReadOnlyList<ExpectedUtilitySummary> forecasts, IReadOnlyList<Chart> charts, ChartTheme theme, IReadOnlyDictionary<string, string>? actorNames = null)
    {
        Guard.NotNull(forecasts);
        Guard.NotNull(charts);
        Guard.NotNull(theme);
        if (forecasts.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder();
        var baseline = forecasts[0];
        var withBargaining = forecasts.Any(f => f.Issues.Any(i => i.Bargaining is not null));
        html.Append($"<section id=\"{Id}\">\n<h2>Expected-utility forecast</h2>\n");
        html.Append("<p class=\"description\">The same scenario and the same sampled parameters run through a second model family: ");
        html.Append("Bueno de Mesquita's expected-utility model as specified by Scholz, Calbert &amp; Smith (2011). Each issue is a 0–100 line ");
        html.Append("(a continuous issue by its range, a discrete one along the order of options the scenario states); actors challenge, ");
        html.Append($"compromise or give in for up to {baseline.Rounds} rounds, and the forecast is the weighted median after the last. ");
        html.Append("The compromise model is the capability×salience weighted mean of the starting positions (Achen 2006). ");
        html.Append("See <code>docs/model-expected-utility.md</code>.</p>\n");
        var headers = new List<string> { "Issue", "Variant", "Forecast: median [5–95%]", "Nearest option", "Compromise", "Start median", "Settled" };
        if (withBargaining)
        {
            headers.Add("Bargaining: mean agreed (runs agreed)");
        }

        var rows = new List<string[]>();
        foreach (var issue in baseline.Issues)
        {
            var first = true;
            foreach (var forecast in forecasts)
            {
                if (forecast.Issues.FirstOrDefault(i => i.Id == issue.Id) is not { } mine)
                {
                    continue;
                }

                // The issue is named once, on its first variant's row.
                var row = new List<string>
                {
                    first ? H(mine.Name) : string.Empty,
                    H(forecast.Variant),
                    $"{P(mine.Outcome.P50)} [{P(mine.Outcome.P5)}–{P(mine.Outcome.P95)}]",
                    Nearest(mine),
                    P(mine.Compromise.Mean),
                    P(mine.StartMedian),
                    Text.Percent(mine.SettledShare, 0),
                };
                if (withBargaining)
                {
                    row.Add(mine.Bargaining is { } b ? $"{P(b.MeanPosition)} ({Text.Percent(b.AgreedShare, 1)})" : "–");
                }

                rows.Add(row.ToArray());
                first = false;
            }
        }

        Table(html, headers, rows);
        html.Append("<p class=\"description\">Positions on 0–100. Nearest option: the share of runs whose forecast lies nearest each option (the most frequent shown). ");
        html.Append("Settled: runs in which positions stopped moving before the last round. ");
        if (withBargaining)
        {
            html.Append("Bargaining: the mean agreed position among runs that reached an agreement, on the same line; with few agreements it rests on few runs.");
        }

        html.Append("</p>\n");
        var byIssue = charts.Where(c => c.Subject is not null).ToDictionary(c => c.Subject!, StringComparer.Ordinal);
        foreach (var issue in baseline.Issues)
        {
            html.Append($"<details>\n<summary><h3>{H(issue.Name)}</h3></summary>\n");
            if (byIssue.TryGetValue(issue.Id, out var chart))
            {
                html.Append($"<figure id=\"chart-{chart.Name}\">\n").Append(HtmlReport.InlineSvg(chart, theme)).Append('\n');
                html.Append($"<figcaption>{H(chart.Caption)}</figcaption>\n</figure>\n");
            }

            var last = baseline.Rounds;
            Table(
                html,
                ["Actor", "Start", $"After round {last}: median [10–90%]"],
                issue.Actors.Select(a => new[]
                {
                    H(actorNames is not null && actorNames.TryGetValue(a.Actor, out var name) ? name : a.Actor),
                    P(a.Median[0]),
                    $"{P(a.Median[last])} [{P(a.P10[last])}–{P(a.P90[last])}]",
                }));
            html.Append("</details>\n");
        }

        html.Append("</section>\n");
        return html.ToString();
    }

    /// <summary>
    /// report.html of <c>--model expected-utility</c>, where the bargaining family did not run: the section alone in a page
    /// with the report's style and the same guarantees (inline CSS and SVG, no script, nothing fetched).
    /// </summary>
    public static string Page(IReadOnlyList<ExpectedUtilitySummary> forecasts, IReadOnlyList<Chart> charts, ChartTheme theme, ReportTheme pageTheme)
    {
        Guard.NotNull(forecasts);
        var scenario = forecasts.Count > 0 ? forecasts[0].Scenario : string.Empty;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>{H(scenario)} — expected-utility forecast</title>\n");
        html.Append("<style>\n").Append(HtmlReport.Css(pageTheme)).Append("</style>\n</head>\n");
        html.Append($"<body class=\"theme-{(pageTheme == ReportTheme.Projector ? "projector" : "print")}\">\n<main>\n");
        html.Append($"<header>\n<h1>{H(scenario)}: expected-utility forecast</h1>\n");
        if (forecasts.Count > 0)
        {
            html.Append($"<p class=\"meta\">Scenario <code>{H(scenario)}</code> · seed {forecasts[0].Seed} · {Text.Integer(forecasts[0].Runs)} runs per variant · ");
            html.Append($"{forecasts.Count} variant{(forecasts.Count == 1 ? "" : "s")} · the bargaining family did not run (<code>--model both</code> runs both)</p>\n");
        }

        html.Append("</header>\n").Append(Render(forecasts, charts, theme)).Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string H(string? text) => HtmlReport.Escape(text);

    private static string P(double position) => double.IsFinite(position) ? Text.Number(position, "0.#") : "–";

    private static string Nearest(IssuePrediction issue)
    {
        var k = issue.ModalOption;
        if (k < 0)
        {
            return issue.Kind == IssueKind.Continuous && double.IsFinite(issue.OutcomeInUnits)
                ? H(Text.Number(issue.OutcomeInUnits, "0.#") + (issue.Unit is null ? "" : " " + issue.Unit))
                : "–";
        }

        return $"{H(issue.Order[k])} ({Text.Percent(issue.NearestOption![k], 0)})";
    }

    // Cells are already-escaped HTML.
    private static void Table(StringBuilder html, IEnumerable<string> headers, IEnumerable<string[]> rows)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var header in headers)
        {
            html.Append($"<th>{H(header)}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append($"<td>{cell}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
