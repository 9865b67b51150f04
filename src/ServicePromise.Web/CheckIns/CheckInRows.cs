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

/// <summary>What picks a team's rows: a check-in's commitment (person, pillar, reflection version) and whether it was asked.</summary>
public sealed record CheckInKey(int Id, int EmployeeId, string PillarKey, int ReflectionVersionId, DateOnly DueOn, DateTime? AnsweredAt);

/// <summary>One query for the check-ins a caller has already narrowed to what its reader may see.</summary>
public static class CheckInRows
{
    /// <summary>
    /// One row per person and pillar, for Mi equipo: of their newest commitment (the latest reflection version), the
    /// last check-in asked so far (due by <paramref name="today"/> or answered), else the first still to come. A follow-up
    /// that is weeks away, or a plan the person has since rewritten, does not list the person again.
    /// </summary>
    public static IReadOnlyList<int> OnePerCommitment(IEnumerable<CheckInKey> checkIns, DateOnly today) =>
        checkIns.GroupBy(c => (c.EmployeeId, c.PillarKey))
            .Select(g =>
            {
                var newest = g.Max(c => c.ReflectionVersionId);
                var mine = g.Where(c => c.ReflectionVersionId == newest).ToList();
                var asked = mine.Where(c => c.DueOn <= today || c.AnsweredAt != null).OrderByDescending(c => c.DueOn).ThenByDescending(c => c.Id).FirstOrDefault();
                return asked ?? mine.OrderBy(c => c.DueOn).ThenBy(c => c.Id).First();
            })
            .Select(c => c.Id).ToList();

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
