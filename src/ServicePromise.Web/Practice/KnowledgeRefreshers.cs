using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Practice;

/// <summary>The rule of the optional knowledge refresher: which pillars a person's weekly answers say need going over again.</summary>
public static class KnowledgeRefresherRule
{
    /// <summary>
    /// The pillars with at least <paramref name="minAnswers"/> answers whose share right (as "knowledge kept" rounds it)
    /// is below <paramref name="below"/> percent, in key order. The caller passes only the answers that count: those of
    /// the window, and none from before the person's last knowledge refresher (what was relearnt starts afresh).
    /// </summary>
    public static IReadOnlyList<string> PillarsBelow(IEnumerable<(string PillarKey, bool Right)> answers, int below, int minAnswers) =>
        answers.GroupBy(a => a.PillarKey)
            .Where(g => g.Count() >= minAnswers && PracticeSchedule.KeptPercent(g.Count(a => a.Right), g.Count()) < below)
            .Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
}

/// <summary>
/// With <see cref="PracticeOptions.RefresherBelow"/> set, gives each certified person whose knowledge kept on some pillars
/// fell below it a refresher of those pillars (<see cref="AssignmentReason.KnowledgeRefresher"/>): read again, check,
/// a new reflection, due in <see cref="PracticeOptions.RefresherDueDays"/>. Only people whose current assignment is done
/// get one (open work is never replaced), and answers from before their last knowledge refresher no longer count. Like a
/// targeted refresher it certifies without restarting the periodic clock. People are read in pages by id.
/// </summary>
public sealed class KnowledgeRefreshers(AppDbContext db, OrganisationClock clock, IOptions<PracticeOptions> options, ILogger<KnowledgeRefreshers> logger)
{
    /// <returns>How many refreshers were assigned.</returns>
    public async Task<int> AssignDueAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (!settings.Enabled || settings.RefresherBelow is not int below) return 0;
        var edition = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number)
            .Select(e => new { e.Id, Pillars = e.Pillars.Select(p => new { p.Id, p.Key }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (edition is null) return 0;
        var pillarIds = edition.Pillars.ToDictionary(p => p.Key, p => p.Id);
        var today = clock.Today;
        var since = clock.UtcNow.AddDays(-settings.KeptDays);
        var assigned = 0;
        var after = 0;
        while (true)
        {
            var ids = await WeeklyQuestions.Certified(db, today)
                .Where(e => e.Id > after && e.CurrentAssignment!.CompletedAt != null)
                .OrderBy(e => e.Id).Select(e => e.Id).Take(settings.BatchSize).ToListAsync(ct);
            if (ids.Count == 0) break;
            after = ids[^1];
            var answers = (await db.PracticeAnswers.AsNoTracking().Where(a => ids.Contains(a.EmployeeId) && a.AnsweredAt >= since)
                    .Select(a => new { a.EmployeeId, a.PillarKey, a.Right, AnsweredAt = a.AnsweredAt!.Value }).ToListAsync(ct))
                .ToLookup(a => a.EmployeeId);
            var lastRefresher = await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.EmployeeId) && a.Reason == AssignmentReason.KnowledgeRefresher)
                .GroupBy(a => a.EmployeeId).Select(g => new { EmployeeId = g.Key, At = g.Max(a => a.AssignedAt) }).ToDictionaryAsync(g => g.EmployeeId, g => g.At, ct);
            foreach (var id in ids)
            {
                var from = lastRefresher.TryGetValue(id, out var at) && at > since ? at : since;
                var pillars = KnowledgeRefresherRule.PillarsBelow(answers[id].Where(a => a.AnsweredAt > from).Select(a => (a.PillarKey, a.Right)), below, settings.RefresherMinAnswers)
                    .Where(pillarIds.ContainsKey).ToList();
                if (pillars.Count == 0) continue;
                if (await AssignAsync(id, edition.Id, pillars.Select(k => pillarIds[k]).ToList(), today.AddDays(settings.RefresherDueDays), ct)) assigned++;
            }
        }
        if (assigned > 0) logger.LogInformation("Assigned {Count} knowledge refreshers", assigned);
        return assigned;
    }

    /// <summary>One person at a time: a clash with another instance (the unique assignment index) costs only that person's row.</summary>
    async Task<bool> AssignAsync(int employeeId, int editionId, IReadOnlyList<int> pillarIds, DateOnly dueOn, CancellationToken ct)
    {
        var person = await db.Employees.Include(e => e.CurrentAssignment).SingleAsync(e => e.Id == employeeId, ct);
        if (person.CurrentAssignment is not { CompletedAt: not null }) return false; // started something else meanwhile
        person.CurrentAssignment = new Assignment
        {
            Employee = person,
            EditionId = editionId,
            Reason = AssignmentReason.KnowledgeRefresher,
            AssignedAt = clock.UtcNow,
            DueOn = dueOn,
            Pillars = pillarIds.Select(p => new AssignmentPillar { PillarId = p }).ToList(),
        };
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "Employee {Id}'s knowledge refresher was assigned by another instance", employeeId);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
