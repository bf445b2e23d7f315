using System.Text;
using Negotiation.Core.Common;
using Negotiation.Reporting.Charts;
using Negotiation.Reporting.Statistics;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Html;

/// <summary>
/// slides.html: an instructor's deck of 6–8 slides at 16:9 (1280 × 720 CSS px each) in the projector theme, from the
/// same summary and charts as report.html: headline, agreement, differences, terms, survival, sensitivity, actors,
/// method. Self-contained (inline CSS and SVG, no script, nothing fetched); each slide is a printed page, so a browser's
/// "Print to PDF" gives one slide per page.
/// </summary>
public static class SlideDeck
{
    /// <summary>Slide width and height in CSS pixels.</summary>
    public const int Width = 1280;

    /// <inheritdoc cref="Width"/>
    public const int Height = 720;

    /// <summary>The deck for <paramref name="summary"/>; <paramref name="charts"/> are normally <see cref="SummaryCharts.All"/> in the projector theme.</summary>
    public static string Render(SimulationSummary summary, IReadOnlyList<Chart> charts)
    {
        Guard.NotNull(summary);
        Guard.NotNull(charts);
        var deck = new Deck(summary, charts.ToDictionary(c => c.Name, StringComparer.Ordinal));
        return deck.Render();
    }

    private sealed class Deck(SimulationSummary summary, Dictionary<string, Chart> charts)
    {
        private readonly StringBuilder html = new();
        private int slides;

        private static string H(string? text) => HtmlReport.Escape(text);

        public string Render()
        {
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n");
            html.Append($"<title>{H(summary.Title)} — slides</title>\n<style>\n{Css}</style>\n</head>\n<body>\n");
            Headline();
            ChartSlide("Agreement", "agreement", null);
            Differences();
            Terms();
            Survival();
            Sensitivity();
            ChartSlide("Who gains", "utility", "Each actor's utility of the outcome (0 = worst, 1 = best), per variant.");
            Method();
            html.Append("</body>\n</html>\n");
            return html.ToString();
        }

        private void Open(string title)
        {
            slides++;
            html.Append($"<section class=\"slide\" id=\"slide-{slides}\">\n<h1>{H(title)}</h1>\n");
        }

        private void Close() => html.Append($"<footer>{H(summary.Title)} · {slides}</footer>\n</section>\n");

        private void Figure(string name)
        {
            if (charts.TryGetValue(name, out Chart? chart))
            {
                string svg = HtmlReport.InlineSvg(chart, ChartTheme.Projector).Replace("id=\"chart-", "id=\"slide-chart-", StringComparison.Ordinal)
                    .Replace("url(#chart-", "url(#slide-chart-", StringComparison.Ordinal);
                html.Append("<figure>").Append(svg).Append("</figure>\n");
            }
        }

        private void Headline()
        {
            Open(summary.Title);
            html.Append($"<p class=\"meta\">{Text.Integer(summary.CompletedRuns)} simulated futures per variant · seed {summary.Seed}{(summary.Complete ? "" : " · INCOMPLETE run")}</p>\n<ul class=\"big\">\n");
            foreach (VariantSummary v in summary.Variants)
            {
                html.Append($"<li><strong>{Text.Percent(v.Agreement.Rate)}</strong> agreement — {H(v.Name)}");
                if (v.Compliance is { } c && v.Agreement.Count > 0)
                {
                    html.Append($"; {Text.Percent(c.OneYearSurvival, 0)} held a year");
                }

                html.Append("</li>\n");
            }

            html.Append("</ul>\n");
            Close();
        }

        private void ChartSlide(string title, string chart, string? note)
        {
            if (!charts.ContainsKey(chart))
            {
                return;
            }

            Open(title);
            Figure(chart);
            if (note is not null)
            {
                html.Append($"<p class=\"note\">{H(note)}</p>\n");
            }

            Close();
        }

        private void Differences()
        {
            if (summary.Comparisons.Count == 0)
            {
                return;
            }

            Open("What each variant changes");
            Figure("differences");
            IEnumerable<VariantComparison> inert = summary.Comparisons.Where(c =>
                Intervals.IsExactlyZero(c.AgreementRate) && c.Utility.All(u => Intervals.IsExactlyZero(u.Utility))
                && (c.OneYearSurvival is null || Intervals.IsExactlyZero(c.OneYearSurvival)));
            foreach (VariantComparison c in inert)
            {
                string name = summary.Variants.FirstOrDefault(v => v.Id == c.VariantId)?.Name ?? c.VariantId;
                html.Append($"<p class=\"note\">“{H(name)}”: this change has no effect in the model (identical to the baseline in every run).</p>\n");
            }

            Close();
        }

        private void Terms()
        {
            VariantSummary? baseline = summary.Variants.FirstOrDefault();
            if (baseline is null || baseline.Agreement.Count == 0 || baseline.Issues.Count == 0)
            {
                return;
            }

            Open($"The terms agreed — {baseline.Name}");
            html.Append("<table>\n<thead><tr><th>Issue</th><th>Most often agreed</th><th>Share of agreements</th></tr></thead>\n<tbody>\n");
            const int rows = 5; // what fits a slide in 24 px type; report.html has every issue
            foreach (IssueSummary issue in baseline.Issues.Take(rows))
            {
                if (issue.Values is { } d)
                {
                    html.Append($"<tr><td>{HtmlReport.Tight(issue.Short, issue.Name)}</td><td>median {Text.Quantity(d.Median)} (middle half {Text.Quantity(d.P25)}–{Text.Quantity(d.P75)})</td><td></td></tr>\n");
                }
                else if (issue.Outcomes.OrderByDescending(o => o.Count).FirstOrDefault() is { } top)
                {
                    html.Append($"<tr><td>{HtmlReport.Tight(issue.Short, issue.Name)}</td><td>{HtmlReport.Tight(top.Short, top.Name)}</td><td>{Text.Percent(top.Share, 0)}</td></tr>\n");
                }
            }

            html.Append("</tbody>\n</table>\n");
            if (baseline.Issues.Count > rows)
            {
                html.Append($"<p class=\"note\">{baseline.Issues.Count - rows} more issues in report.html.</p>\n");
            }

            Close();
        }

        private void Survival()
        {
            if (!charts.ContainsKey("survival"))
            {
                return;
            }

            Open("How long agreements hold");
            Figure("survival");
            foreach (VariantSummary v in summary.Variants.Where(v => v.Compliance is not null && v.Agreement.Count > 0))
            {
                html.Append($"<p class=\"note\">{HtmlReport.Tight(v.Short, v.Name)}: median lifetime {H(Lifetime.Describe(Lifetime.Median(v.Compliance, v.Agreement.Count)))}.</p>\n");
            }

            Close();
        }

        private void Sensitivity()
        {
            string? tornado = charts.Values.FirstOrDefault(c => c.Name.StartsWith("tornado-", StringComparison.Ordinal))?.Name;
            if (tornado is not null)
            {
                ChartSlide("What moves the outcome", tornado, null);
            }
        }

        private void Method()
        {
            Open("How these numbers were made");
            html.Append("<ul>\n");
            html.Append($"<li>{Text.Integer(summary.CompletedRuns)} simulated negotiations per variant, each with uncertain inputs drawn afresh (seed {summary.Seed}).</li>\n");
            html.Append("<li>Variants see the same sampled futures as the baseline, so their differences are paired.</li>\n");
            html.Append("<li>Intervals are 95%: Wilson for shares, normal for paired differences.</li>\n");
            html.Append($"<li>Scenario <code>{H(summary.ScenarioId)}</code>; its sources are listed in report.html.</li>\n");
            html.Append("</ul>\n");
            Close();
        }

        private static string Css => $$"""
            @page { size: {{Width}}px {{Height}}px; margin: 0; }
            html, body { margin: 0; padding: 0; background: #444; }
            body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1a1a1a; }
            .slide { box-sizing: border-box; width: {{Width}}px; height: {{Height}}px; margin: 0 auto 24px; padding: 28px 48px 40px;
                     background: #fff; position: relative; overflow: hidden; display: flex; flex-direction: column; break-after: page; }
            .slide h1 { font-size: 40px; margin: 0 0 12px; border-bottom: 4px solid #0072B2; padding-bottom: 6px; }
            .slide figure { margin: 0; flex: 1; min-height: 0; display: flex; justify-content: center; }
            .slide figure svg { height: 100%; width: auto; max-width: 100%; display: block; }
            .meta { color: #555; font-size: 24px; margin: 0 0 12px; }
            ul { font-size: 28px; line-height: 1.4; }
            ul.big li { margin: 10px 0; }
            ul.big strong { font-size: 40px; color: #0072B2; }
            .note { font-size: 22px; margin: 6px 0 0; color: #333; }
            table { border-collapse: collapse; font-size: 24px; width: 100%; }
            th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #ccc; vertical-align: top; }
            th { border-bottom: 3px solid #1a1a1a; }
            footer { position: absolute; bottom: 10px; right: 48px; font-size: 16px; color: #777; }
            code { font-family: "DejaVu Sans Mono", monospace; }
            @media print { html, body { background: #fff; } .slide { margin: 0; } }

            """;
    }
}
