using System.Net;
using System.Text;
using System.Xml.Linq;
using Negotiation.Core.Common;
using Negotiation.Reporting.Charts;
using Negotiation.Reporting.Statistics;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Html;

/// <summary>
/// report.html: one self-contained page (inline CSS, inline SVG charts, no script, nothing fetched from the
/// network; a Content-Security-Policy says so to the browser too). Every text that comes from the scenario is
/// HTML-escaped here; chart SVGs are escaped by OxyPlot's XML writer and re-serialised through XElement.
/// </summary>
public static partial class HtmlReport
{
    /// <summary>The page for <paramref name="summary"/> with the given charts (normally <see cref="SummaryCharts.All"/>).</summary>
    /// <param name="forecast">The expected-utility family's section (<see cref="ForecastSection"/>), placed after the issues; none when null.</param>
    public static string Render(SimulationSummary summary, IReadOnlyList<Chart> charts, ChartTheme theme, ReportTheme pageTheme, string? forecast = null)
    {
        Guard.NotNull(summary);
        Guard.NotNull(charts);
        Guard.NotNull(theme);
        var page = new Page(summary, charts.ToDictionary(c => c.Name, StringComparer.Ordinal), theme, forecast);
        return page.Render(pageTheme);
    }

    /// <summary>HTML-escapes text for element content and quoted attribute values (&lt; &gt; &amp; " ').</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>
    /// A label for a tight place (a column header, a slide's table cell): the short label with the full name as its
    /// tooltip, or the full name itself (the browser wraps it) when there is no short label. Escaped.
    /// </summary>
    public static string Tight(string? shortLabel, string name) =>
        string.IsNullOrEmpty(shortLabel) || shortLabel == name
            ? Escape(name)
            : $"<span title=\"{Escape(name)}\">{Escape(shortLabel)}</span>";

    /// <summary>An OxyPlot SVG made scalable (viewBox, width 100%) and labelled for screen readers.</summary>
    public static string InlineSvg(Chart chart, ChartTheme theme)
    {
        Guard.NotNull(chart);
        Guard.NotNull(theme);
        XElement svg = XElement.Parse(ChartExporter.ToSvg(chart.Model, theme, standalone: false));
        svg.SetAttributeValue("viewBox", $"0 0 {theme.Width} {theme.Height}");
        svg.SetAttributeValue("width", null);
        svg.SetAttributeValue("height", null);
        svg.SetAttributeValue("role", "img");
        svg.SetAttributeValue("aria-label", chart.Caption);
        ScopeIds(svg, "chart-" + chart.Name + "-");
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// Prefixes every id in one inline SVG, and every reference to it (<c>url(#id)</c>, <c>href="#id"</c>), with
    /// <paramref name="prefix"/>. OxyPlot numbers its clip paths clipPath1, clipPath2, ... in every chart; inline in
    /// one HTML document those ids collide and the browser clips every chart with the first chart's rectangles.
    /// </summary>
    public static void ScopeIds(XElement svg, string prefix)
    {
        Guard.NotNull(svg);
        Guard.NotNull(prefix);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (XAttribute id in svg.DescendantsAndSelf().Attributes("id"))
        {
            ids.Add(id.Value);
            id.Value = prefix + id.Value;
        }

        if (ids.Count == 0)
        {
            return;
        }

        foreach (XAttribute attribute in svg.DescendantsAndSelf().Attributes().Where(a => a.Name.LocalName != "id").ToList())
        {
            string value = attribute.Value;
            if (attribute.Name.LocalName == "href" && value.StartsWith('#') && ids.Contains(value[1..]))
            {
                attribute.Value = "#" + prefix + value[1..];
            }
            else if (value.Contains("url(#", StringComparison.Ordinal))
            {
                attribute.Value = UrlReference().Replace(value, m => ids.Contains(m.Groups[1].Value) ? $"url(#{prefix}{m.Groups[1].Value})" : m.Value);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"url\(#([^)\s]+)\)")]
    private static partial System.Text.RegularExpressions.Regex UrlReference();

    private sealed class Page(SimulationSummary summary, IReadOnlyDictionary<string, Chart> charts, ChartTheme theme, string? forecast)
    {
        private readonly StringBuilder html = new();
        private readonly HashSet<string> shown = new(StringComparer.Ordinal);

        private static string H(string? text) => Escape(text);

        public string Render(ReportTheme pageTheme)
        {
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n");
            html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            html.Append($"<title>{H(summary.Title)} — negotiation report</title>\n");
            html.Append("<style>\n").Append(Css(pageTheme)).Append("</style>\n</head>\n");
            html.Append($"<body class=\"theme-{(pageTheme == ReportTheme.Projector ? "projector" : "print")}\">\n<main>\n");
            // What the analyst came for first (the headline, what each variant changes, how long agreements last);
            // the detail folds away under its heading (<details>), so the projector view is a few screens long.
            Header();
            Headline();
            Comparison();
            Compliance();
            Rounds();
            Issues();
            html.Append(forecast);
            Actors();
            Sensitivity();
            ShortLabels();
            Sources();
            RemainingCharts();
            html.Append("</main>\n</body>\n</html>\n");
            return html.ToString();
        }

        private void Header()
        {
            html.Append($"<header>\n<h1>{H(summary.Title)}</h1>\n");
            html.Append($"<p class=\"meta\">Scenario <code>{H(summary.ScenarioId)}</code> · seed {summary.Seed} · ");
            html.Append($"{Text.Integer(summary.CompletedRuns)} of {Text.Integer(summary.Runs)} runs per variant · ");
            html.Append($"{summary.Variants.Count} variant{(summary.Variants.Count == 1 ? "" : "s")}</p>\n</header>\n");
            if (summary.Shards.Count > 0)
            {
                html.Append($"<div class=\"banner\" role=\"alert\"><strong>Shard {H(string.Join(", ", summary.Shards))} only.</strong> ");
                html.Append($"These figures cover {Text.Integer(summary.CompletedRuns)} of the {Text.Integer(summary.Runs)} runs; ");
                html.Append("merge every shard with <code>negotiate merge</code> for the result.</div>\n");
            }
            else if (!summary.Complete)
            {
                html.Append("<div class=\"banner\" role=\"alert\"><strong>Incomplete run.</strong> The simulation was stopped after ");
                html.Append($"{Text.Integer(summary.CompletedRuns)} of {Text.Integer(summary.Runs)} runs per variant; ");
                html.Append("every figure below covers only the completed runs and its intervals are wider than planned.</div>\n");
            }
        }

        private void Headline()
        {
            Section("headline", "Headline");
            foreach (VariantSummary v in summary.Variants)
            {
                html.Append($"<p class=\"lead\"><strong>{H(v.Name)}:</strong> the parties signed an agreement in ");
                html.Append($"<strong>{Text.Percent(v.Agreement.Rate)}</strong> of {Text.Integer(v.Runs)} simulated futures ");
                html.Append($"(95% interval {Text.PercentRange(v.Agreement.Ci95.Low, v.Agreement.Ci95.High)})");
                if (v.Agreement.Count > 0 && double.IsFinite(v.Rounds.Median))
                {
                    html.Append($"; a deal typically took {Text.Number(v.Rounds.Median)} rounds (about {Text.Number(v.Rounds.Median * v.Rounds.RoundDays, "0")} days)");
                }

                if (v.Compliance is { } c && v.Agreement.Count > 0)
                {
                    html.Append($", and {Text.Percent(c.OneYearSurvival, 0)} of the agreements still held after one year");
                    MedianLifetime? life = Lifetime.Median(c, v.Agreement.Count);
                    if (life?.Days is { } days)
                    {
                        html.Append($" (half had ended by day {Text.Quantity(days)})");
                    }
                }

                html.Append(".</p>\n");
                if (v.Description is not null)
                {
                    html.Append($"<p class=\"description\">{H(v.Description)}</p>\n");
                }
            }

            Figure("agreement");
            Table(
                ["Variant", "Agreement", "95% interval", "Runs"],
                summary.Variants.Select(v => new[] { H(v.Name), Text.Percent(v.Agreement.Rate), Text.PercentRange(v.Agreement.Ci95.Low, v.Agreement.Ci95.High), Text.Integer(v.Runs) }));
            EndSection();
        }

        private void Rounds()
        {
            Section("rounds", "Rounds to agreement and breakdowns", folded: true);
            Figure("rounds");
            Table(
                ["Variant", "Mean rounds", "Median", "90th percentile", "Days per round"],
                summary.Variants.Select(v => new[] { H(v.Name), Text.Number(v.Rounds.Mean, "0.0"), Text.Number(v.Rounds.Median), Text.Number(v.Rounds.P90), Text.Number(v.Rounds.RoundDays) }));
            var breakdowns = summary.Variants.SelectMany(v => v.Breakdowns.Select(b => new[] { H(v.Name), H(b.Name), Text.Integer(b.Count), Text.Percent(b.Share) })).ToList();
            if (breakdowns.Count > 0)
            {
                html.Append("<h3>Why talks broke down</h3>\n");
                Table(["Variant", "Cause", "Runs", "Share of breakdowns"], breakdowns);
            }

            html.Append("<h3>Talks that ended in round 1</h3>\n");
            Table(["Variant", "Share of runs"], summary.Variants.Select(v => new[] { H(v.Name), Text.Percent(v.EndedInRoundOne) }));
            var observed = summary.Variants.Count > 0
                ? summary.Variants[0].Actors.Select((a, i) => i).Where(i => summary.Variants.Any(v => v.Actors[i].BeliefShift > 0)).ToList()
                : [];
            if (observed.Count > 0)
            {
                html.Append("<h3>What the talks revealed</h3>\n<p>How far the others' belief about each actor's reservation value "
                    + "(its utility of no deal) moved during the talks, averaged over runs: what its offers and answers revealed.</p>\n");
                Table(
                    ["Variant", .. observed.Select(i => Tight(summary.Variants[0].Actors[i].Short, summary.Variants[0].Actors[i].Name))],
                    summary.Variants.Select(v => new[] { H(v.Name) }.Concat(observed.Select(i => Text.Number(v.Actors[i].BeliefShift, "0.000"))).ToArray()));
            }

            EndSection();
        }

        private void Issues()
        {
            Section("issues", "What was agreed, issue by issue", folded: true);
            IReadOnlyList<IssueSummary> issues = summary.Variants.Count > 0 ? summary.Variants[0].Issues : [];
            foreach (IssueSummary issue in issues)
            {
                html.Append($"<h3>{H(issue.Name)}</h3>\n");
                Figure(ChartAbout("issue-", issue.Id));
                var options = new List<string[]>();
                var values = new List<string[]>();
                foreach (VariantSummary v in summary.Variants)
                {
                    IssueSummary? mine = v.Issues.FirstOrDefault(i => i.Id == issue.Id);
                    if (mine is null)
                    {
                        continue;
                    }

                    options.AddRange(mine.Outcomes.Select(o => new[] { H(v.Name), H(o.Name), Text.Integer(o.Count), Text.Percent(o.Share) }));
                    if (mine.Values is { } d)
                    {
                        values.Add([H(v.Name), Text.Number(d.Mean), Text.Number(d.Median), $"{Text.Number(d.P25)}–{Text.Number(d.P75)}", $"{Text.Number(d.P05)}–{Text.Number(d.P95)}"]);
                    }
                }

                if (options.Count > 0)
                {
                    Table(["Variant", "Option", "Agreements", "Share"], options);
                }

                if (values.Count > 0)
                {
                    Table(["Variant", "Mean agreed value", "Median", "Middle half", "5th–95th percentile"], values);
                }
            }

            EndSection();
        }

        private void Actors()
        {
            Section("actors", "Actors", folded: true);
            html.Append("<p>Utility is each actor's valuation of the agreed package (0 = worst, 1 = best), or of its fallback when talks failed. ");
            html.Append("“Beat BATNA” is how often the actor ended better off than with no agreement.</p>\n");
            Figure("utility");
            Table(
                ["Variant", "Actor", "Mean utility", "Median", "5th–95th percentile", "Beat BATNA", "95% interval"],
                summary.Variants.SelectMany(v => v.Actors.Select(a => (Variant: v, Actor: a, Utility: a.Utility.OrUndefined())).Select(x => new[]
                {
                    H(x.Variant.Name), H(x.Actor.Name), Text.Number(x.Utility.Mean, "0.000"), Text.Number(x.Utility.Median, "0.000"),
                    $"{Text.Number(x.Utility.P05, "0.000")}–{Text.Number(x.Utility.P95, "0.000")}", Text.Percent(x.Actor.BeatBatnaRate),
                    Text.PercentRange(x.Actor.BeatBatnaCi95.Low, x.Actor.BeatBatnaCi95.High),
                })));
            EndSection();
        }

        private void Compliance()
        {
            List<VariantSummary> withCompliance = summary.Variants.Where(v => v.Compliance is not null).ToList();
            if (withCompliance.Count == 0)
            {
                return;
            }

            Section("compliance", "Compliance: does the agreement hold?");
            Figure("survival");
            Table(
                ["Variant", "Median lifetime of an agreement (95% interval)", "Held one year", "95% interval", "Horizon"],
                withCompliance.Select(v => new[]
                {
                    H(v.Name), MedianLifetime(v.Compliance!, v.Agreement.Count),
                    Text.Percent(v.Compliance!.OneYearSurvival), Text.PercentRange(v.Compliance.OneYearCi95.Low, v.Compliance.OneYearCi95.High),
                    $"{v.Compliance.Horizon} periods of {Text.Number(v.Compliance.PeriodDays)} days",
                }));
            html.Append("<details>\n<summary>Who violated first, how agreements ended, stages reached</summary>\n");
            ShareTable("First violators", withCompliance, c => c.FirstViolators);
            ShareTable("How agreements ended", withCompliance, c => c.Causes);
            ShareTable("Stages reached", withCompliance, c => c.StagesReached);
            html.Append("</details>\n");
            EndSection();
        }

        /// <summary>"8 days (7–9)"; "beyond the horizon" when more than half held to it.</summary>
        /// <summary>The engine's median lifetime with its interval; beyond the horizon, what the survival curve says of it.</summary>
        private static string MedianLifetime(ComplianceSummary c, long agreements) =>
            c.MedianDays is not { } median
                ? H(Lifetime.Describe(Lifetime.Median(c, agreements)))
                : $"{Text.Number(median)} days ({(c.MedianDaysCi95.Low is { } low ? Text.Number(low) : "?")}–{(c.MedianDaysCi95.High is { } high ? Text.Number(high) : "beyond the horizon")})";

        private void ShareTable(string heading, List<VariantSummary> variants, Func<ComplianceSummary, IReadOnlyList<NamedShare>> select)
        {
            var rows = variants.SelectMany(v => select(v.Compliance!).Select(s => new[] { H(v.Name), H(s.Name), Text.Integer(s.Count), Text.Percent(s.Share) })).ToList();
            if (rows.Count == 0)
            {
                return;
            }

            html.Append($"<h3>{H(heading)}</h3>\n");
            Table(["Variant", heading == "Stages reached" ? "Stage" : "Party or cause", "Agreements", "Share"], rows);
        }

        private void Comparison()
        {
            if (summary.Comparisons.Count == 0)
            {
                return;
            }

            Section("comparison", "What each variant changes");
            html.Append("<p>Each variant was run on the same sampled futures as the baseline (common random numbers), so the differences below are paired.</p>\n");
            Figure("differences");
            foreach (VariantComparison c in summary.Comparisons)
            {
                html.Append($"<h3>{H(VariantName(c.VariantId))} vs {H(VariantName(c.BaselineId))}</h3>\n");
                if (Differences(c).All(x => Intervals.IsExactlyZero(x.Difference)))
                {
                    long runs = summary.Variants.FirstOrDefault(v => v.Id == c.VariantId)?.Runs ?? summary.CompletedRuns;
                    html.Append("<div class=\"banner\" role=\"note\"><strong>This change has no effect in the model.</strong> ");
                    html.Append($"In every one of the {Text.Integer(runs)} sampled futures this variant ended exactly as the baseline did: ");
                    html.Append("same agreement, same utilities, same compliance. The scenario's mechanics never read what it changes.</div>\n");
                }

                html.Append("<ul class=\"statements\">\n");
                foreach (Difference d in Differences(c).Select(x => x.Difference))
                {
                    html.Append($"<li class=\"{(d.Distinguishable ? "clear" : "unclear")}\">{H(d.Statement)}</li>\n");
                }

                html.Append("</ul>\n");
                Table(
                    ["Measure", "Difference", "95% interval", "Distinguishable from zero"],
                    Differences(c).Select(x => Intervals.IsExactlyZero(x.Difference)
                        ? new[] { H(x.Label), "none in any run", "—", "no" }
                        : new[]
                        {
                            H(x.Label), Signed(x.Difference.Estimate, x.InPoints),
                            $"{Signed(x.Difference.Ci95.Low, x.InPoints)} to {Signed(x.Difference.Ci95.High, x.InPoints)}",
                            x.Difference.Distinguishable ? "yes" : "no",
                        }));
            }

            EndSection();
        }

        // Differences of probabilities are shown in percentage points, of utilities with three decimals.
        private IEnumerable<(string Label, Difference Difference, bool InPoints)> Differences(VariantComparison c)
        {
            yield return ("Agreement rate (percentage points)", c.AgreementRate, true);
            foreach (ActorDifference a in c.Utility)
            {
                yield return ($"Utility of {ActorName(a.ActorId)}", a.Utility, false);
            }

            if (c.OneYearSurvival is not null)
            {
                yield return ("Agreement holding one year, share of all runs (percentage points)", c.OneYearSurvival, true);
            }
        }

        private static string Signed(double value, bool inPoints) =>
            inPoints ? Text.Number(value * 100, "+0.0;−0.0;0.0") : Text.Number(value, "+0.000;−0.000;0.000");

        private void Sensitivity()
        {
            List<VariantSummary> variants = summary.Variants.Where(v => v.Sensitivity.Count > 0).ToList();
            if (variants.Count == 0)
            {
                return;
            }

            Section("sensitivity", "Sensitivity: which uncertain inputs matter", folded: true);
            html.Append("<p>For each uncertain parameter, its standardised coefficient with the outcome (the correlation of the sampled value ");
            html.Append("with the 0/1 outcome): how many standard deviations the outcome moves per standard deviation of the parameter. ");
            html.Append("Parameters are taken one at a time, so inputs that vary together share the credit.</p>\n");
            foreach (VariantSummary v in variants)
            {
                if (!SummaryCharts.Influential(v).Any())
                {
                    html.Append($"<p><strong>{H(v.Name)}:</strong> no uncertain parameter moved the outcomes (every coefficient is 0, ");
                    html.Append("for instance because every run ended the same way).</p>\n");
                    continue;
                }

                Figure(ChartAbout("tornado-", v.Id));
                Table(
                    ["Variant", "Parameter", "Agreement", "One-year survival"],
                    SummaryCharts.Influential(v)
                        .OrderByDescending(e => Math.Max(Math.Abs(Zero(e.Agreement)), Math.Abs(Zero(e.Survival))))
                        .Take(SummaryCharts.TornadoParameters)
                        .Select(e => new[]
                        {
                            H(v.Name), $"<code>{H(e.Parameter)}</code>", Text.Number(e.Agreement, "+0.00;−0.00;0.00"),
                            v.Compliance is null ? Text.NotAvailable : Text.Number(e.Survival, "+0.00;−0.00;0.00"),
                        }));
            }

            EndSection();
        }

        // The key to the charts' short labels (legends, axes and tornado rows use them): each with the full name.
        private void ShortLabels()
        {
            var rows = new List<string[]>();
            void Add(string kind, string? shortLabel, string name)
            {
                if (!string.IsNullOrEmpty(shortLabel) && shortLabel != name && !rows.Any(r => r[0] == H(kind) && r[1] == H(shortLabel)))
                {
                    rows.Add([H(kind), H(shortLabel), H(name)]);
                }
            }

            foreach (VariantSummary v in summary.Variants)
            {
                Add("Variant", v.Short, v.Name);
            }

            foreach (VariantSummary v in summary.Variants)
            {
                foreach (ActorSummary a in v.Actors)
                {
                    Add("Actor", a.Short, a.Name);
                }

                foreach (IssueSummary i in v.Issues)
                {
                    Add("Issue", i.Short, i.Name);
                    foreach (NamedShare o in i.Outcomes)
                    {
                        Add($"Option of {i.Short ?? i.Id}", o.Short, o.Name);
                    }
                }
            }

            if (rows.Count == 0)
            {
                return;
            }

            Section("labels", "Short labels in the charts", folded: true);
            Table(["Kind", "Short label", "Full name"], rows);
            EndSection();
        }

        private void Sources()
        {
            Section("sources", "Sources", folded: true);
            if (summary.Sources.Count == 0)
            {
                html.Append("<p>The scenario names no sources.</p>\n");
            }
            else
            {
                html.Append("<ul>\n");
                foreach (string source in summary.Sources)
                {
                    // Printed as text, never as a link: the page makes no requests and a scenario cannot inject one.
                    html.Append($"<li>{H(source)}</li>\n");
                }

                html.Append("</ul>\n");
            }

            html.Append($"<p class=\"meta\">Scenario file <code>{H(summary.SourcePath)}</code>. Every figure is in summary.json and the CSV files beside this page.</p>\n");
            EndSection();
        }

        // Charts not placed by a section (none today) still appear, so the page always shows every chart.
        private void RemainingCharts()
        {
            List<string> rest = charts.Keys.Where(k => !shown.Contains(k)).ToList();
            if (rest.Count == 0)
            {
                return;
            }

            Section("more-charts", "More charts", folded: true);
            rest.ForEach(Figure);
            EndSection();
        }

        private string? ChartAbout(string prefix, string subject) =>
            charts.Values.FirstOrDefault(c => c.Subject == subject && c.Name.StartsWith(prefix, StringComparison.Ordinal))?.Name;

        private readonly Stack<bool> folded = new();

        // A folded section keeps its heading visible and opens on a click (no script: the browser's <details>).
        private void Section(string id, string title, bool folded = false)
        {
            this.folded.Push(folded);
            html.Append(folded
                ? $"<section id=\"{id}\">\n<details>\n<summary><h2>{H(title)}</h2></summary>\n"
                : $"<section id=\"{id}\">\n<h2>{H(title)}</h2>\n");
        }

        private void EndSection() => html.Append(folded.Pop() ? "</details>\n</section>\n" : "</section>\n");

        private void Figure(string? name)
        {
            if (name is null || !charts.TryGetValue(name, out Chart? chart) || !shown.Add(name))
            {
                return;
            }

            html.Append($"<figure id=\"chart-{name}\">\n").Append(InlineSvg(chart, theme)).Append('\n');
            html.Append($"<figcaption>{H(chart.Caption)}</figcaption>\n</figure>\n");
        }

        // Cells are already-escaped HTML.
        private void Table(string[] headers, IEnumerable<string[]> rows)
        {
            html.Append("<table>\n<thead><tr>");
            foreach (string header in headers)
            {
                html.Append($"<th>{H(header)}</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (string[] row in rows)
            {
                html.Append("<tr>");
                foreach (string cell in row)
                {
                    html.Append($"<td>{cell}</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        private string VariantName(string id) => summary.Variants.FirstOrDefault(v => v.Id == id)?.Name ?? id;

        private string ActorName(string id) =>
            summary.Variants.SelectMany(v => v.Actors).FirstOrDefault(a => a.Id == id)?.Name ?? id;

        private static double Zero(double value) => double.IsFinite(value) ? value : 0;
    }

    internal static string Css(ReportTheme theme)
    {
        bool projector = theme == ReportTheme.Projector;
        string baseSize = projector ? "24px" : "16px";
        string width = projector ? "1500px" : "1000px";
        return $$"""
            :root { --ink: #1a1a1a; --muted: #555; --rule: #ddd; --accent: #0072B2; --warn: #D55E00; }
            body { margin: 0; font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: {{baseSize}}; line-height: 1.45; color: var(--ink); background: #fff; }
            main { max-width: {{width}}; margin: 0 auto; padding: 1em 1.5em 3em; }
            h1 { font-size: 2em; margin: 0.5em 0 0.2em; }
            h2 { font-size: 1.5em; border-bottom: 3px solid var(--accent); padding-bottom: 0.2em; margin-top: 2em; }
            h3 { font-size: 1.15em; margin-top: 1.5em; }
            .meta { color: var(--muted); }
            .lead { font-size: 1.15em; }
            .description { color: var(--muted); margin-top: -0.5em; }
            .banner { border: 3px solid var(--warn); background: #fdf0e6; padding: 0.8em 1em; margin: 1em 0; }
            figure { margin: 1.5em 0; }
            figure svg { width: 100%; height: auto; display: block; }
            figcaption { color: var(--muted); font-size: 0.9em; }
            table { border-collapse: collapse; margin: 1em 0; width: 100%; }
            th, td { text-align: left; padding: 0.3em 0.6em; border-bottom: 1px solid var(--rule); vertical-align: top; }
            th { border-bottom: 2px solid var(--ink); }
            ul.statements li { margin: 0.3em 0; }
            ul.statements li.unclear { color: var(--muted); }
            code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; }
            details > summary { cursor: pointer; list-style-position: outside; }
            details > summary h2, details > summary h3 { display: inline; }
            section > details > summary { margin-top: 2em; border-bottom: 3px solid var(--accent); padding-bottom: 0.2em; font-size: 1.5em; font-weight: bold; }
            section > details > summary h2 { font-size: 1em; border: none; }
            @media print { h2 { break-after: avoid; } figure, table { break-inside: avoid; } details::details-content { content-visibility: visible; display: contents; } }

            """;
    }
}
