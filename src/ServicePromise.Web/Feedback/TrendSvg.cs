using System.Globalization;
using System.Text;

namespace ServicePromise.Web.Feedback;

/// <summary>One period of a trend: its label as the reader reads it, the score in hundredths, and whether it met the standard.</summary>
public sealed record TrendPoint(string Label, int ScoreHundredths, bool Met);

/// <summary>
/// A small bar chart of a standard's last periods with its threshold as a dashed line, drawn on the server so a phone
/// needs no JavaScript. It is an image with a title and a description (the numbers in words); the page shows the same
/// numbers as text beside it. A bar below the threshold is drawn hollow, not only in another colour.
/// </summary>
public static class TrendSvg
{
    public const int Width = 180;
    public const int Height = 60;
    /// <summary>The chart always has room for this many periods, newest on the right, so bars keep one width.</summary>
    public const int Slots = 6;
    public const int SlotWidth = Width / Slots;
    public const int BarWidth = 20;

    /// <summary>The SVG markup, or an empty string when there is nothing to draw. Every text is escaped.</summary>
    /// <param name="id">Unique on the page; the title's and description's ids start with it.</param>
    public static string Render(string id, IReadOnlyList<TrendPoint> points, int thresholdHundredths, string title, string description)
    {
        if (points.Count == 0) return "";
        var shown = points.Skip(Math.Max(0, points.Count - Slots)).ToList();
        var safeId = Escape(id);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"trend\" role=\"img\" aria-labelledby=\"{safeId}-title {safeId}-desc\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{safeId}-title\">{Escape(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{safeId}-desc\">{Escape(description)}</desc>");
        for (var i = 0; i < shown.Count; i++)
        {
            var p = shown[i];
            var x = XOf(i, shown.Count);
            var y = YOf(p.ScoreHundredths);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"{(p.Met ? "met" : "below")}\" x=\"{Number(x)}\" y=\"{Number(y)}\" width=\"{BarWidth}\" height=\"{Number(Height - y)}\"><title>{Escape(p.Label)}</title></rect>");
        }
        var line = YOf(thresholdHundredths);
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"threshold\" x1=\"0\" y1=\"{Number(line)}\" x2=\"{Width}\" y2=\"{Number(line)}\" />");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The left edge of bar <paramref name="index"/> of <paramref name="count"/>: right-aligned, so the newest period is always last.</summary>
    public static decimal XOf(int index, int count) => (Slots - count + index) * SlotWidth + (SlotWidth - BarWidth) / 2m;

    /// <summary>The top of a bar of this score (0–100 in hundredths), with 0 at the bottom and 100 at the top; out of range is clamped.</summary>
    public static decimal YOf(int scoreHundredths) => Height - Math.Clamp(scoreHundredths, 0, 10000) * Height / 10000m;

    static string Number(decimal value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The five characters markup gives a meaning to; letters such as «ñ» stay as they are (the page is UTF-8).</summary>
    static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
