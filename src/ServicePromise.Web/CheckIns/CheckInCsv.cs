using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Reports;

namespace ServicePromise.Web.CheckIns;

/// <summary>
/// Every check-in asked so far (due by today, answered or cancelled) as CSV for the auditor evidence pack: the
/// commitment, the answer and the person's note — HR may read those — and how many replies the manager wrote, not
/// their text (coaching between two people, not evidence of follow-through). Formula-safe and streamed row by row.
/// </summary>
public static class CheckInCsv
{
    public const string FileName = "check-ins.csv";

    /// <returns>How many check-ins were written.</returns>
    public static async Task<int> WriteAsync(Stream destination, char delimiter, AppDbContext db, DateOnly today, OrganisationClock clock,
        IStringLocalizer L, CancellationToken ct = default)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var titles = await PillarTitlesAsync(db, language, ct);
        var rows = db.CommitmentCheckIns.AsNoTracking()
            .Where(c => c.DueOn <= today || c.AnsweredAt != null || c.CancelledAt != null)
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Employee!.EmployeeNumber, c.Employee.FullName, Department = c.Employee.Department!.Name, Site = c.Employee.Site!.Name,
                c.PillarKey, c.ReflectionVersion!.Action, c.ReflectionVersion.ActionDueOn, c.Step, c.IsRetry, c.DueOn, c.CancelledAt,
                c.AnsweredAt, c.Outcome, c.Rating, c.Habit, c.NewDate, c.Note, c.Obstacle, Replies = c.Replies.Count,
            })
            .AsAsyncEnumerable();
        var count = 0;
        await using var csv = new SpreadsheetSafeCsv(destination, delimiter);
        await csv.WriteRowAsync(L["Número"], L["Nombre"], L["Departamento"], L["Centro"], L["Pilar"], L["Acción comprometida"], L["Fecha del plan"],
            L["Pregunta"], L["Fecha de la pregunta"], L["Respondida"], L["Respuesta"], L["Valoración (1–5)"], L["Costumbre"], L["Nueva fecha"],
            L["Nota"], L["Lo que lo impidió"], L["Respuestas del responsable"]);
        await foreach (var c in rows.WithCancellation(ct))
        {
            var step = c.Step == 0 ? L["Primera pregunta"].Value : L["Seguimiento {0}", c.Step].Value;
            var answer = c.AnsweredAt is null && c.CancelledAt is not null ? L["Cancelada: la reflexión se reescribió"].Value : CheckInText.Outcome(c.Outcome, L);
            await csv.WriteRowAsync(c.EmployeeNumber, c.FullName, c.Department, c.Site, titles.GetValueOrDefault(c.PillarKey, c.PillarKey), c.Action,
                Iso(c.ActionDueOn), c.IsRetry ? step + " · " + L["Nueva fecha"] : step, Iso(c.DueOn),
                c.AnsweredAt is { } at ? clock.Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null,
                answer, c.Rating?.ToString(CultureInfo.InvariantCulture), c.Habit ? L["Sí"] : L["No"], Iso(c.NewDate),
                c.Note, c.Obstacle, c.Replies.ToString(CultureInfo.InvariantCulture));
            count++;
        }
        return count;
    }

    static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Each pillar key's title as the newest edition that has it words it, in <paramref name="language"/> where written.</summary>
    static async Task<Dictionary<string, string>> PillarTitlesAsync(AppDbContext db, string language, CancellationToken ct)
    {
        var pillars = await db.Pillars.AsNoTracking()
            .Select(p => new { p.Key, p.Edition!.Number, p.Edition.DefaultLanguage, Texts = p.Texts.Select(t => new { t.Language, t.Title }).ToList() })
            .ToListAsync(ct);
        return pillars.GroupBy(p => p.Key).ToDictionary(g => g.Key, g =>
        {
            var newest = g.MaxBy(p => p.Number)!;
            return newest.Texts.InLanguage(t => t.Language, language, newest.DefaultLanguage).Title;
        });
    }
}
