using System.Text.RegularExpressions;
using Negotiation.Reporting.Html;
using SkiaSharp;

namespace Negotiation.Reporting.Tests.Html;

/// <summary>slides.html in headless Chromium: 6–8 slides of 16:9, one PDF page each, no network request.</summary>
public sealed class SlideDeckBrowserTest
{
    [ChromiumFact]
    public void Slides_RenderAsSixToEightSixteenByNineSlides_AndPrintOnePagePerSlide()
    {
        using var temp = new TempDirectory();
        string report = temp.Combine("report");
        ReportWriter.Write(SampleSummary.Create(), report, new ReportOptions(WriteCharts: false));
        string slides = Path.Combine(report, ReportWriter.SlidesFile);

        string dom = HeadlessBrowserTest.RunChromium(temp.Combine("profile-dom"), "--dump-dom", HeadlessBrowserTest.FileUrl(slides));
        int count = Regex.Count(dom, "<section class=\"slide\"");
        Assert.InRange(count, 6, 8);
        Assert.Equal(Regex.Count(dom, "<figure>"), Regex.Count(dom, "<svg[\\s>]"));

        // Printed: one 16:9 page per slide.
        string pdf = temp.Combine("slides.pdf");
        HeadlessBrowserTest.RunChromium(temp.Combine("profile-pdf"), "--no-pdf-header-footer", "--print-to-pdf=" + pdf, HeadlessBrowserTest.FileUrl(slides));
        string pdfText = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(pdf));
        Assert.Equal(count, Regex.Count(pdfText, "/Type\\s*/Page[^s]"));
        Match box = Regex.Match(pdfText, "/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]");
        Assert.True(box.Success, "no page size in the PDF");
        double ratio = double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) / double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(ratio, 16 / 9.0 - 0.01, 16 / 9.0 + 0.01);

        // On screen: the first slide is drawn (not blank) at 1280 × 720.
        string shot = temp.Combine("slide.png");
        HeadlessBrowserTest.RunChromium(temp.Combine("profile-shot"), $"--window-size={SlideDeck.Width},{SlideDeck.Height}", "--hide-scrollbars", "--screenshot=" + shot, HeadlessBrowserTest.FileUrl(slides));
        using SKBitmap bitmap = SKBitmap.Decode(shot);
        Assert.Equal(SlideDeck.Width, bitmap.Width);
        int dark = 0;
        for (int y = 0; y < bitmap.Height; y += 4)
        {
            for (int x = 0; x < bitmap.Width; x += 4)
            {
                dark += bitmap.GetPixel(x, y).Red < 100 ? 1 : 0;
            }
        }

        Assert.True(dark > 200, $"the first slide looks blank ({dark} dark samples)");
    }
}
