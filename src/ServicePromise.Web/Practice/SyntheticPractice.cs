using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Practice;

/// <summary>
/// A year of weekly questions for a generated organisation (<c>generate-practice --weeks 52 --per-week N</c>), for
/// measuring "knowledge kept" and the weekly job at scale: every certified person gets <c>per-week</c> questions in each
/// of the past weeks (not the current one: the weekly job makes that), about 92 % of them answered, right 70–85 % of the
/// time depending on the pillar, department and site, and the Leitner rows those answers leave. People in pages by id,
/// rows written in bulk, so memory holds one page. Deterministic for a given database.
/// </summary>
public sealed class SyntheticPractice(AppDbContext db, PublishedEditions editions, OrganisationClock clock, ILogger<SyntheticPractice> logger)
{
    const int Page = 1000;

    /// <returns>The people who got questions and the questions written.</returns>
    public async Task<(int People, long Questions)> GenerateAsync(int weeks, int perWeek, CancellationToken ct = default)
    {
        if (await db.PracticeAnswers.AnyAsync(ct))
            throw new InvalidOperationException("This database already has weekly questions: generate-practice runs once, on a database made by generate-org.");
        var current = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number).Select(e => new { e.Id, e.ContentHash }).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("No edition is published yet.");
        var pool = PracticePool.Of(await editions.GetAsync(db, current.Id, current.ContentHash, ct)).Where(p => p.Questions > 0).ToList();
        if (pool.Count == 0) throw new InvalidOperationException("The current edition has no practice questions.");
        var today = clock.Today;
        var thisWeek = PracticeSchedule.WeekOf(today);
        var now = clock.UtcNow;
        var people = 0;
        long questions = 0;
        var after = 0;
        while (true)
        {
            var page = await WeeklyQuestions.Certified(db, today).Where(e => e.Id > after).OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.DepartmentId, e.SiteId }).Take(Page).ToListAsync(ct);
            if (page.Count == 0) break;
            after = page[^1].Id;
            var answers = new List<PracticeAnswer>(page.Count * weeks * perWeek);
            var items = new List<PracticeItem>();
            foreach (var person in page)
            {
                var random = new Random(person.Id);
                var asked = new HashSet<(string, int)>();
                for (var w = weeks; w >= 1; w--)
                {
                    var week = thisWeek.AddDays(-7 * w);
                    for (var slot = 0; slot < perWeek; slot++)
                    {
                        var pillar = pool[(w * perWeek + slot + person.Id) % pool.Count];
                        var question = random.Next(pillar.Questions);
                        var answered = random.Next(100) < 92;
                        var answeredAt = week.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc).AddMinutes(random.Next(0, 6 * 24 * 60));
                        var right = answered && random.NextDouble() < RightShare(pillar.Order, person.DepartmentId, person.SiteId);
                        answers.Add(new PracticeAnswer
                        {
                            EmployeeId = person.Id, Week = week, Slot = slot, PillarKey = pillar.Key, Question = question, EditionId = current.Id,
                            AnsweredAt = answered ? (answeredAt < now ? answeredAt : now) : null, Right = right, Chosen = answered ? $"[{random.Next(4)}]" : "",
                            MailedAt = week.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc),
                        });
                        asked.Add((pillar.Key, question));
                    }
                }
                foreach (var (key, question) in asked)
                {
                    var box = random.Next(1, 6);
                    items.Add(new PracticeItem { EmployeeId = person.Id, PillarKey = key, Question = question, Box = box, DueWeek = thisWeek.AddDays(7 * random.Next(-1, box * 2)) });
                }
            }
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                questions += await db.BulkInsertAsync(answers, ct);
                await db.BulkInsertAsync(items, ct);
                await transaction.CommitAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            people += page.Count;
            logger.LogInformation("Wrote the weekly questions of {People} people ({Questions} questions)", people, questions);
        }
        return (people, questions);
    }

    /// <summary>Between 70 % and 85 %: some pillars, departments and sites keep more than others, so HR's breakdowns differ.</summary>
    static double RightShare(int pillarOrder, int? department, int? site) =>
        0.70 + 0.15 * ((pillarOrder * 3 + (department ?? 0) * 5 + (site ?? 0)) % 7) / 6.0;
}
