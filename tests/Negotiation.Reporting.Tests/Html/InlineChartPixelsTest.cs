using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Negotiation.Reporting.Charts;
using SkiaSharp;

namespace Negotiation.Reporting.Tests.Html;

/// <summary>
/// Each inline chart of report.html, as Chromium draws it inside the page, against the PNG of the same chart: a
/// collision of ids or styles between inline SVGs (clip paths, gradients) changes what the browser draws and is caught
/// here, where a DOM or string check would not see it.
/// </summary>
public sealed class InlineChartPixelsTest
{
    // Darkness difference (0–255) of 10 × 10 px blocks, each matched within ±3 px. Measured on the sample report
    // (print theme, Chromium 156): correctly rendered charts reach at most 28 in their worst block and 0.21 on average;
    // with the clip ids colliding the charts reach 36–168 in their worst block (a legend or half a series gone).
    private const double BlockTolerance = 32;
    private const double MeanTolerance = 0.5;
    private const int Block = 10;

    [ChromiumFact]
    public void ReportHtml_EveryInlineChartRendersAsItsPng()
    {
        using var temp = new TempDirectory();
        ChartTheme theme = ChartTheme.Print;
        string html = ReportHtml(temp, theme);

        IReadOnlyList<ChartMismatch> mismatches = Compare(temp, html, theme);

        Assert.True(mismatches.Count == 0, "inline charts that do not render as their PNG:\n" + string.Join("\n", mismatches));
    }

    [ChromiumFact]
    public void ReportHtml_WithForecasts_EveryInlineChartRendersAsItsPng()
    {
        // The expected-utility section's charts sit in the same page as the others: their ids must not collide either.
        using var temp = new TempDirectory();
        ChartTheme theme = ChartTheme.Print;
        string html = ReportHtml(temp, theme, SampleForecast.Create());

        IReadOnlyList<ChartMismatch> mismatches = Compare(temp, html, theme, ForecastCharts.All(SampleForecast.Create(), theme));

        Assert.True(mismatches.Count == 0, "inline charts that do not render as their PNG:\n" + string.Join("\n", mismatches));
    }

    [ChromiumFact]
    public void PixelCheck_CatchesChartsThatShareClipPathIds()
    {
        // The control for the test above: the same page with OxyPlot's own ids (clipPath1, clipPath2, ... in every
        // chart, as report.html had them before the ids were scoped) must fail the comparison.
        using var temp = new TempDirectory();
        ChartTheme theme = ChartTheme.Print;
        string scoped = ReportHtml(temp, theme);
        string colliding = Regex.Replace(scoped, "chart-[a-z0-9-]+?-(clipPath[0-9]+)", "$1");
        Assert.NotEqual(scoped, colliding);

        IReadOnlyList<ChartMismatch> mismatches = Compare(temp, colliding, theme);

        Assert.NotEmpty(mismatches);
    }

    private static string ReportHtml(TempDirectory temp, ChartTheme theme, IReadOnlyList<Simulation.Models.ExpectedUtility.ExpectedUtilitySummary>? forecasts = null)
    {
        string report = temp.Combine("report");
        ReportWriter.Write(SampleSummary.Create(), report, new ReportOptions(theme == ChartTheme.Projector ? ReportTheme.Projector : ReportTheme.Print, WriteCharts: false, Forecasts: forecasts));
        return File.ReadAllText(Path.Combine(report, "report.html"));
    }

    private sealed record ChartMismatch(string Name, double Mean, double WorstBlock)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"  {Name}: mean difference {Mean:0.00}, worst {Block}×{Block} block {WorstBlock:0.0}");
    }

    // Lays every inline chart out at its PNG's pixel size, one under the other, hides everything else, takes one
    // screenshot and compares each chart's strip with the PNG drawn from the same plot model.
    private static List<ChartMismatch> Compare(TempDirectory temp, string reportHtml, ChartTheme theme, IReadOnlyList<Chart>? more = null)
    {
        IReadOnlyList<Chart> charts = [.. SummaryCharts.All(SampleSummary.Create(), theme), .. more ?? []];
        List<string> names = Regex.Matches(reportHtml, "<figure id=\"chart-([a-z0-9-]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(charts.Select(c => c.Name).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));

        var css = new StringBuilder("html, body { margin: 0; padding: 0; background: #fff; overflow: hidden; } body * { visibility: hidden; } figcaption { display: none; }\n");
        for (int i = 0; i < names.Count; i++)
        {
            css.Append(CultureInfo.InvariantCulture, $"#chart-{names[i]} {{ position: absolute; left: 0; top: {i * theme.Height}px; margin: 0; padding: 0; width: {theme.Width}px; height: {theme.Height}px; }}\n");
        }

        css.Append(CultureInfo.InvariantCulture, $"figure, figure * {{ visibility: visible; }} figure svg {{ width: {theme.Width}px !important; height: {theme.Height}px !important; }}\n");
        // Folded sections are opened so their charts are laid out.
        string page = reportHtml.Replace("<details>", "<details open>", StringComparison.Ordinal)
            .Replace("</head>", "<style>\n" + css + "</style>\n</head>", StringComparison.Ordinal);
        string pagePath = temp.Combine("pixels.html");
        File.WriteAllText(pagePath, page);
        string shot = temp.Combine("pixels.png");
        HeadlessBrowserTest.RunChromium(
            temp.Combine("profile-pixels-" + Guid.NewGuid().ToString("N")),
            $"--window-size={theme.Width},{theme.Height * names.Count}", "--hide-scrollbars", "--force-device-scale-factor=1",
            "--screenshot=" + shot, HeadlessBrowserTest.FileUrl(pagePath));

        using SKBitmap screenshot = SKBitmap.Decode(shot);
        Assert.Equal(theme.Width, screenshot.Width);
        var mismatches = new List<ChartMismatch>();
        for (int i = 0; i < names.Count; i++)
        {
            Chart chart = charts.Single(c => c.Name == names[i]);
            using SKBitmap png = SKBitmap.Decode(ChartExporter.ToPng(chart.Model, theme));
            (double mean, double worst) = Difference(png, screenshot, i * theme.Height);
            if (mean > MeanTolerance || worst > BlockTolerance)
            {
                mismatches.Add(new ChartMismatch(chart.Name, mean, worst));
            }
        }

        return mismatches;
    }

    // Mean and largest block-averaged darkness difference between the PNG and the strip of the screenshot at top. The
    // screenshot's block may sit up to Shift px away in either direction (the best match counts): Skia and Chromium place
    // glyphs and 1 px lines up to a pixel or two apart, which is not a difference a reader sees.
    private static (double Mean, double Worst) Difference(SKBitmap png, SKBitmap screenshot, int top)
    {
        double[,] a = Integral(png, 0, png.Height);
        double[,] b = Integral(screenshot, top, png.Height);
        int width = png.Width;
        int height = png.Height;
        double total = 0;
        double worst = 0;
        int blocks = 0;
        for (int by = 0; by + Block <= height; by += Block)
        {
            for (int bx = 0; bx + Block <= width; bx += Block)
            {
                double ink = Sum(a, bx, by);
                double best = double.MaxValue;
                for (int dy = -Shift; dy <= Shift; dy++)
                {
                    for (int dx = -Shift; dx <= Shift; dx++)
                    {
                        int x = bx + dx;
                        int y = by + dy;
                        if (x >= 0 && y >= 0 && x + Block <= width && y + Block <= height)
                        {
                            best = Math.Min(best, Math.Abs(ink - Sum(b, x, y)));
                        }
                    }
                }

                double d = best / (Block * Block);
                total += d;
                worst = Math.Max(worst, d);
                blocks++;
            }
        }

        return (total / blocks, worst);
    }

    private const int Shift = 3;

    // Summed-area table of darkness (255 − luminance) over rows [top, top + height) of the bitmap.
    private static double[,] Integral(SKBitmap bitmap, int top, int height)
    {
        var sums = new double[height + 1, bitmap.Width + 1];
        for (int y = 0; y < height; y++)
        {
            double row = 0;
            for (int x = 0; x < bitmap.Width; x++)
            {
                row += 255 - Luminance(bitmap.GetPixel(x, top + y));
                sums[y + 1, x + 1] = sums[y, x + 1] + row;
            }
        }

        return sums;
    }

    private static double Sum(double[,] s, int x, int y) => s[y + Block, x + Block] - s[y, x + Block] - s[y + Block, x] + s[y, x];

    private static double Luminance(SKColor c) => (0.299 * c.Red) + (0.587 * c.Green) + (0.114 * c.Blue);
}
