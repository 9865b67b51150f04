using System.Globalization;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.Findings;

/// <summary>The words HR's pages and the lesson's banner share for a finding, so both say the same thing.</summary>
public static class FindingText
{
    public static string State(FindingState state, IStringLocalizer L) => state switch
    {
        FindingState.Proposed => L["Propuesto"],
        FindingState.Confirmed => L["Confirmado"],
        FindingState.Dismissed => L["Descartado"],
        _ => L["Cerrado"],
    };

    public static string Kind(FindingKind kind, IStringLocalizer L) => kind switch
    {
        FindingKind.BelowThreshold => L["Por debajo de nuestro estándar"],
        FindingKind.Drop => L["Caída respecto al periodo anterior"],
        _ => L["Por debajo del estándar y en caída"],
    };

    /// <summary>"octubre de 2026", "October 2026", or the quarter.</summary>
    public static string Period(DateOnly start, PeriodKind kind, IStringLocalizer L) => kind == PeriodKind.Quarter
        ? L["el {0}.º trimestre de {1}", (start.Month - 1) / 3 + 1, start.Year]
        : start.ToDateTime(TimeOnly.MinValue).ToString("Y", CultureInfo.CurrentCulture);

    /// <summary>A score as people read it: 62,5 in Spanish, 62.5 in English, no trailing zeros.</summary>
    public static string Score(decimal score) => ScoreText.Of(score);

    /// <summary>The finding in plain words, as the person doing the refresher reads it.</summary>
    public static string Sentence(FindingBanner b, IStringLocalizer L) => b.AtSite
        ? L["En la auditoría de {0}, los clientes de tu tienda dieron {1} sobre 100 a «{2}»; nuestro estándar es {3}.", Period(b.PeriodStart, b.PeriodKind, L), Score(b.Score), StandardWording.InSentence(b.Standard), Score(b.Threshold)]
        : L["En la auditoría de {0}, los clientes de tu departamento dieron {1} sobre 100 a «{2}»; nuestro estándar es {3}.", Period(b.PeriodStart, b.PeriodKind, L), Score(b.Score), StandardWording.InSentence(b.Standard), Score(b.Threshold)];
}
