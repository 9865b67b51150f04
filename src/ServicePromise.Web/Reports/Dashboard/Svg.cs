using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace ServicePromise.Web.Reports.Dashboard;

/// <summary>SVG pieces Razor cannot write as markup (its own <c>&lt;text&gt;</c> tag shadows SVG's).</summary>
public static class Svg
{
    /// <summary>An SVG <c>text</c> element; the words are HTML-encoded.</summary>
    public static IHtmlContent Text(double x, double y, string anchor, string words) =>
        new HtmlString(string.Create(CultureInfo.InvariantCulture,
            $"<text class=\"tick\" x=\"{x:0.##}\" y=\"{y:0.##}\" text-anchor=\"{anchor}\">{HtmlEncoder.Default.Encode(words)}</text>"));
}
