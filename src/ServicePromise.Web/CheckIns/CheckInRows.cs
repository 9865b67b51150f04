using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Content;

namespace ServicePromise.Web.CheckIns;

/// <summary>A check-in as pages, the record and the evidence pack show it: the commitment asked about and what was answered.</summary>
public sealed record CheckInRow(
    int Id, int EmployeeId, string PersonName, string PillarKey, string PillarTitle, string Action, DateOnly? PlanDate,
    int Step, bool IsRetry, DateOnly DueOn, DateTime? CancelledAt,
    DateTime? AnsweredAt, CheckInOutcome? Outcome, int? Rating, string? Note, string? Obstacle, bool Habit, DateOnly? NewDate, int Replies)
{
    public bool Open => AnsweredAt is null && CancelledAt is null;
}

/// <summary>One query for the check-ins a caller has already narrowed to what its reader may see.</summary>
public static class CheckInRows
{
    public static async Task<List<CheckInRow>> ListAsync(IQueryable<CommitmentCheckIn> source, CancellationToken ct)
    {
        var rows = await source.AsNoTracking()
            .Select(c => new
            {
                c.Id, c.EmployeeId, c.Employee!.FullName, c.PillarKey, c.ReflectionVersion!.Action, c.ReflectionVersion.ActionDueOn,
                c.Step, c.IsRetry, c.DueOn, c.CancelledAt, c.AnsweredAt, c.Outcome, c.Rating, c.Note, c.Obstacle, c.Habit, c.NewDate,
                Replies = c.Replies.Count,
                c.ReflectionVersion.Reflection!.AssignmentPillar!.Pillar!.Edition!.DefaultLanguage,
                Titles = c.ReflectionVersion.Reflection.AssignmentPillar.Pillar.Texts.Select(t => new { t.Language, t.Title }).ToList(),
            })
            .ToListAsync(ct);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return rows.Select(r => new CheckInRow(r.Id, r.EmployeeId, r.FullName, r.PillarKey,
                r.Titles.InLanguage(t => t.Language, language, r.DefaultLanguage).Title, r.Action, r.ActionDueOn,
                r.Step, r.IsRetry, r.DueOn, r.CancelledAt, r.AnsweredAt, r.Outcome, r.Rating, r.Note, r.Obstacle, r.Habit, r.NewDate, r.Replies))
            .ToList();
    }
}
