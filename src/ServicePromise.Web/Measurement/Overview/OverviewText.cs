using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace ServicePromise.Web.Measurement.Overview;

/// <summary>The overview's words and links, shared by the page, its site detail and the CSV.</summary>
public static class OverviewText
{
    public static string Score(int hundredths) => (hundredths / 100m).ToString("0.#", CultureInfo.CurrentCulture);

    /// <summary>The verdict in words, so colour is never the only signal.</summary>
    public static string Verdict(StandardScore score, IStringLocalizer L) => score.Gap switch
    {
        null => L["sin estándar"],
        < 0 => L["por debajo"],
        _ => L["cumple"],
    };

    public static string Shade(CellShade shade) => "heat-" + shade.ToString().ToLowerInvariant();

    public static string SiteLink(int siteId, ShownPeriod? period, string? pillarKey = null) =>
        QueryHelpers.AddQueryString("/hr/measurement/sites/" + siteId.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, string?> { ["period"] = period?.Key, ["pillar"] = pillarKey }.Where(q => !string.IsNullOrEmpty(q.Value)));

    /// <summary>A percentage already on 0–100 (as <see cref="Understanding.UnderstandingRules.Rate"/> gives it), whole: 62,5 reads "63".</summary>
    public static string Percent(decimal? percentage) => percentage is decimal p ? Math.Round(p, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.CurrentCulture) : "";
}
