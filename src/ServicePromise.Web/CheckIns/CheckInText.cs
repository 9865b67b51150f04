using Microsoft.Extensions.Localization;

namespace ServicePromise.Web.CheckIns;

/// <summary>How an answer reads, in one place for the pages, the record, its PDF and the evidence pack.</summary>
public static class CheckInText
{
    public static string Outcome(CheckInOutcome? outcome, IStringLocalizer L) => outcome switch
    {
        CheckInOutcome.Yes => L["Sí, lo he hecho"],
        CheckInOutcome.Partly => L["En parte"],
        CheckInOutcome.NotYet => L["Todavía no"],
        _ => L["Sin responder"],
    };

    /// <summary>"Yes · 4/5 · a habit" — the answer on one line.</summary>
    public static string Summary(CheckInRow row, IStringLocalizer L) =>
        row.CancelledAt is not null && row.AnsweredAt is null ? L["Cancelada: la reflexión se reescribió"]
        : string.Join(" · ", new[]
        {
            Outcome(row.Outcome, L),
            row.Rating is int r ? L["{0} de 5", r].Value : null,
            row.Habit ? L["Se ha convertido en costumbre"].Value : null,
            row.NewDate is { } d ? L["Nueva fecha: {0}", d.ToString("d", System.Globalization.CultureInfo.CurrentCulture)].Value : null,
        }.Where(s => s is not null));
}
