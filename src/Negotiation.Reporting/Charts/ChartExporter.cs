using System.Text;
using Negotiation.Core.Common;
using OxyPlot;

namespace Negotiation.Reporting.Charts;

/// <summary>
/// Renders a plot to PNG (SkiaSharp) or SVG (OxyPlot's writer, Skia as text measurer). A plot model is not
/// thread-safe: export one model from one thread at a time.
/// </summary>
public static class ChartExporter
{
    /// <summary>PNG bytes at the theme's pixel size.</summary>
    public static byte[] ToPng(PlotModel model, ChartTheme theme)
    {
        Guard.NotNull(model);
        Guard.NotNull(theme);
        using var stream = new MemoryStream();
        var exporter = new OxyPlot.SkiaSharp.PngExporter { Width = theme.Width, Height = theme.Height, Dpi = 96 };
        exporter.Export(model, stream);
        return stream.ToArray();
    }

    /// <summary>
    /// SVG text at the theme's size. <paramref name="standalone"/> adds the XML declaration and DOCTYPE for a
    /// .svg file; without it the result is an &lt;svg&gt; element to inline in HTML. OxyPlot writes text through
    /// an XmlWriter, so scenario names in titles and labels arrive escaped.
    /// </summary>
    public static string ToSvg(PlotModel model, ChartTheme theme, bool standalone)
    {
        Guard.NotNull(model);
        Guard.NotNull(theme);
        // Measure text with Skia and the same DejaVu Sans the SVG names first: OxyPlot's default measurer
        // assumes narrower glyphs, and browsers then clip axis labels and overlap the title and subtitle.
        // The workaround writes explicit baseline offsets instead of dominant-baseline, which browsers
        // and viewers apply inconsistently.
        using var measurer = new OxyPlot.SkiaSharp.SkiaRenderContext();
        var exporter = new SvgExporter
        {
            Width = theme.Width,
            Height = theme.Height,
            IsDocument = standalone,
            TextMeasurer = measurer,
            UseVerticalTextAlignmentWorkaround = true,
        };
        using var stream = new MemoryStream();
        exporter.Export(model, stream);
        // The exporter's XmlWriter starts the stream with a byte-order mark; inline SVG must not.
        // Text was measured for DejaVu Sans; name fallbacks for viewers without it.
        string svg = Encoding.UTF8.GetString(stream.ToArray())
            .TrimStart('\uFEFF')
            .Replace($"font-family=\"{ChartTheme.PngFont}\"", $"font-family=\"{ChartTheme.SvgFont}\"", StringComparison.Ordinal);
        // Even as a fragment the XmlWriter emits an XML declaration, which is not allowed inside HTML.
        if (!standalone && svg.StartsWith("<?xml", StringComparison.Ordinal))
        {
            svg = svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart();
        }

        return svg;
    }

    /// <summary>SVG as UTF-8 bytes for a .svg file.</summary>
    public static byte[] ToSvgFile(PlotModel model, ChartTheme theme) =>
        new UTF8Encoding(false).GetBytes(ToSvg(model, theme, standalone: true));
}
