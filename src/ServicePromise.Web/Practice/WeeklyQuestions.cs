using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Practice;

/// <summary>
/// Makes each certified person's questions of the week (<see cref="PracticeSchedule.Pick"/>), people in pages of
/// <see cref="PracticeOptions.BatchSize"/> by id, so memory holds one page at a time. Each question is claimed by its
/// unique (person, week, slot) row: a re-run in the same week, or a second instance, inserts nothing new.
/// </summary>
public sealed class WeeklyQuestions(AppDbContext db, PublishedEditions editions, OrganisationClock clock, IOptions<PracticeOptions> options, ILogger<WeeklyQuestions> logger)
{
    /// <summary>Certified: a current certificate that is neither revoked nor expired.</summary>
    public static IQueryable<Staff.Employee> Certified(AppDbContext db, DateOnly today) =>
        db.Employees.Where(e => e.IsActive && db.Certificates.Any(c => c.EmployeeId == e.Id && c.ReplacedAt == null && c.RevokedAt == null
            && (c.ExpiresOn == null || c.ExpiresOn >= today)));

    /// <returns>How many questions were made.</returns>
    public async Task<int> MakeAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (!settings.Enabled) return 0;
        var current = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number).Select(e => new { e.Id, e.ContentHash }).FirstOrDefaultAsync(ct);
        if (current is null) return 0;
        var pool = PracticePool.Of(await editions.GetAsync(db, current.Id, current.ContentHash, ct));
        var today = clock.Today;
        var week = PracticeSchedule.WeekOf(today);
        var perWeek = settings.PerWeek;
        var made = 0;
        var after = 0;
        while (true)
        {
            var ids = await Certified(db, today)
                .Where(e => e.Id > after && db.PracticeAnswers.Count(a => a.EmployeeId == e.Id && a.Week == week) < perWeek)
                .OrderBy(e => e.Id).Select(e => e.Id).Take(settings.BatchSize).ToListAsync(ct);
            if (ids.Count == 0) break;
            after = ids[^1];
            made += await MakeForAsync(ids, pool, current.Id, week, perWeek, ct);
        }
        if (made > 0) logger.LogInformation("Made {Count} weekly questions for the week of {Week}", made, week);
        return made;
    }

    async Task<int> MakeForAsync(List<int> ids, IReadOnlyList<PoolPillar> pool, int editionId, DateOnly week, int perWeek, CancellationToken ct)
    {
        var items = (await db.PracticeItems.AsNoTracking().Where(i => ids.Contains(i.EmployeeId))
                .Select(i => new { i.EmployeeId, Item = new ScheduledItem(i.PillarKey, i.Question, i.Box, i.DueWeek) }).ToListAsync(ct))
            .ToLookup(i => i.EmployeeId, i => i.Item);
        var taken = (await db.PracticeAnswers.AsNoTracking().Where(a => ids.Contains(a.EmployeeId) && a.Week == week)
                .Select(a => new { a.EmployeeId, a.Slot, a.PillarKey, a.Question }).ToListAsync(ct))
            .ToLookup(a => a.EmployeeId);
        var answers = new List<PracticeAnswer>();
        var newItems = new List<PracticeItem>();
        foreach (var id in ids)
        {
            var mine = items[id].ToList();
            var already = taken[id].ToList();
            var slots = Enumerable.Range(0, perWeek).Except(already.Select(a => a.Slot)).ToList();
            var picks = PracticeSchedule.Pick(mine, pool, week, perWeek)
                .Where(p => !already.Any(a => a.PillarKey == p.PillarKey && a.Question == p.Question)).Take(slots.Count).ToList();
            foreach (var ((key, question), slot) in picks.Zip(slots))
            {
                answers.Add(new PracticeAnswer { EmployeeId = id, Week = week, Slot = slot, PillarKey = key, Question = question, EditionId = editionId });
                if (!mine.Any(i => i.PillarKey == key && i.Question == question))
                    newItems.Add(new PracticeItem { EmployeeId = id, PillarKey = key, Question = question, Box = 1, DueWeek = week });
            }
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var made = await db.BulkInsertAsync(answers, skipConflicts: true, ct);
            await db.BulkInsertAsync(newItems, skipConflicts: true, ct);
            await transaction.CommitAsync(ct);
            return made;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Makes the weekly questions shortly after start-up and then every hour (a new week starts on Monday), assigns knowledge refreshers where they are on, and counts HR's knowledge kept.</summary>
public sealed class WeeklyQuestionJob(IServiceScopeFactory scopes, IOptions<PracticeOptions> options, ILogger<WeeklyQuestionJob> logger) : PollingJob(scopes, logger)
{
    protected override bool Enabled => options.Value.Enabled && options.Value.Scheduled;
    protected override TimeSpan Interval => TimeSpan.FromHours(1);
    protected override string Work => "Making the weekly questions";

    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<WeeklyQuestions>().MakeAsync(ct);
        await services.GetRequiredService<KnowledgeRefreshers>().AssignDueAsync(ct);
        // HR's counted knowledge kept, recounted every hour so a visit rarely finds it stale.
        await services.GetRequiredService<KnowledgeCells>().CountAsync(ct);
        return false;
    }
}
