using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace Negotiation.Reporting.Charts;

/// <summary>
/// Sizes, fonts and colours shared by every chart. Both themes use the Okabe–Ito palette (Okabe and Ito 2008,
/// "Color Universal Design"), which stays distinguishable under the common forms of colour blindness.
/// </summary>
public sealed record ChartTheme(
    string Name,
    double FontSize,
    double TitleFontSize,
    double LineThickness,
    double MarkerSize,
    int Width,
    int Height)
{
    /// <summary>Okabe–Ito colours, most distinct first; yellow comes late because it is faint on white.</summary>
    public static IReadOnlyList<OxyColor> Palette { get; } =
    [
        OxyColor.FromRgb(0x00, 0x72, 0xB2), // blue
        OxyColor.FromRgb(0xE6, 0x9F, 0x00), // orange
        OxyColor.FromRgb(0x00, 0x9E, 0x73), // bluish green
        OxyColor.FromRgb(0xD5, 0x5E, 0x00), // vermillion
        OxyColor.FromRgb(0xCC, 0x79, 0xA7), // reddish purple
        OxyColor.FromRgb(0x56, 0xB4, 0xE9), // sky blue
        OxyColor.FromRgb(0xF0, 0xE4, 0x42), // yellow
        OxyColor.FromRgb(0x00, 0x00, 0x00), // black
    ];

    /// <summary>
    /// Font used to draw PNGs. DejaVu Sans ships with most Linux distributions; when it is missing SkiaSharp falls
    /// back to its default typeface rather than failing. SVGs name a list of families so browsers pick one they have.
    /// </summary>
    public const string PngFont = "DejaVu Sans";

    /// <summary>The font-family written into SVGs.</summary>
    public const string SvgFont = "DejaVu Sans, Helvetica, Arial, sans-serif";

    /// <summary>Normal sizes: 14 pt text, 2 px lines, 1000 × 600 px.</summary>
    public static ChartTheme Print { get; } = new("print", 14, 18, 2, 5, 1000, 600);

    /// <summary>
    /// Readable from the back of a hall: 24 pt text, 4 px lines on a 1280 × 768 canvas, so text is about 3% of the
    /// picture's height once the slide is scaled to the screen.
    /// </summary>
    public static ChartTheme Projector { get; } = new("projector", 24, 32, 4, 8, 1280, 768);

    /// <summary>The theme for a report option.</summary>
    public static ChartTheme For(ReportTheme theme) => theme == ReportTheme.Projector ? Projector : Print;

    /// <summary>The colour of the i-th series, cycling through the palette.</summary>
    public static OxyColor Color(int index) => Palette[index % Palette.Count];

    /// <summary>A white plot with the theme's fonts, palette and a legend below the plot area.</summary>
    public PlotModel NewModel(string title, string? subtitle = null)
    {
        var model = new PlotModel
        {
            Title = title,
            Subtitle = subtitle,
            DefaultFont = PngFont,
            DefaultFontSize = FontSize,
            TitleFontSize = TitleFontSize,
            SubtitleFontSize = FontSize,
            TitleFontWeight = FontWeights.Bold,
            // Centre titles on the picture, not on the plot area, which long axis labels push to one side.
            TitleHorizontalAlignment = TitleHorizontalAlignment.CenteredWithinView,
            Background = OxyColors.White,
            PlotAreaBorderThickness = new OxyThickness(0),
            DefaultColors = Palette.ToList(),
            Culture = System.Globalization.CultureInfo.InvariantCulture,
            Padding = new OxyThickness(FontSize / 2),
        };
        model.Legends.Add(new Legend
        {
            LegendPlacement = LegendPlacement.Outside,
            LegendPosition = LegendPosition.BottomCenter,
            LegendOrientation = LegendOrientation.Horizontal,
            LegendFontSize = FontSize,
            LegendSymbolLength = FontSize * 2,
            LegendBorderThickness = 0,
        });
        return model;
    }

    /// <summary>Styles an axis (font, line width, light grid) and adds it to the model.</summary>
    public T AddAxis<T>(PlotModel model, T axis, bool grid = true)
        where T : Axis
    {
        axis.FontSize = FontSize;
        axis.TitleFontSize = FontSize;
        // Keeps a rotated axis title clear of the tick labels at large font sizes.
        axis.AxisTitleDistance = FontSize / 2;
        axis.AxislineStyle = LineStyle.Solid;
        axis.AxislineThickness = Math.Max(1, LineThickness / 2);
        axis.IsZoomEnabled = false;
        axis.IsPanEnabled = false;
        if (grid)
        {
            axis.MajorGridlineStyle = LineStyle.Solid;
            axis.MajorGridlineColor = OxyColor.FromRgb(0xDD, 0xDD, 0xDD);
            axis.MajorGridlineThickness = Math.Max(1, LineThickness / 3);
        }

        model.Axes.Add(axis);
        return axis;
    }

    /// <summary>A percentage axis from 0 to 100%.</summary>
    public LinearAxis AddShareAxis(PlotModel model, AxisPosition position, string title, double minimum = 0, double maximum = 1) =>
        AddAxis(model, new LinearAxis
        {
            Position = position,
            Title = title,
            Minimum = minimum,
            Maximum = maximum,
            MajorStep = 0.1,
            MinorStep = 0.05,
            StringFormat = "0%",
        });
}
