using System.Globalization;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.Feedback;

/// <summary>Scores and periods as the reader writes them: "62,5" and "octubre 2026" in Spanish, "62.5" and "October 2026" in English.</summary>
public static class FeedbackText
{
    public static string Score(int hundredths) => ScoreText.Of(hundredths);

    public static string Period(DateOnly start, PeriodKind kind, IStringLocalizer L) => kind == PeriodKind.Quarter
        ? L["T{0} {1}", (start.Month - 1) / 3 + 1, start.Year.ToString(CultureInfo.InvariantCulture)]
        : start.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The trend as a chart with its numbers in its description (the page shows them as text too).</summary>
    public static string Chart(StandardResult standard, IStringLocalizer L)
    {
        var points = standard.Trend.Select(p => new TrendPoint(
            $"{Period(p.PeriodStart, p.PeriodKind, L)}: {Score(p.ScoreHundredths)}", p.ScoreHundredths, SiteResults.Meets(p.ScoreHundredths, standard.ThresholdHundredths))).ToList();
        return TrendSvg.Render("trend-" + standard.Key, points, standard.ThresholdHundredths,
            L["Evolución de «{0}»", standard.Wording],
            L["Últimos {0} periodos: {1}. Estándar: {2}.", points.Count, string.Join("; ", points.Select(p => p.Label)), Score(standard.ThresholdHundredths)]);
    }
}
