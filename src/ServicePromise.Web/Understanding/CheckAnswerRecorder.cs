using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Understanding;

/// <summary>Writes an attempt's rows: when it is submitted (inside its transaction), and for older attempts at start-up.</summary>
public static class CheckAnswerRecorder
{
    // Filtered before the projection: EF cannot translate a condition on a record built in the query.
    static IQueryable<MarkedAttempt> Marked(IQueryable<CheckAttempt> attempts) =>
        attempts.AsNoTracking().Where(a => a.SubmittedAt != null).Select(a => new MarkedAttempt(a.Id, a.Number,
            a.AssignmentPillar!.Assignment!.EmployeeId, a.AssignmentPillar.PillarId, a.AssignmentPillar.Pillar!.Key, a.Passed));

    /// <summary>Adds the rows of an attempt just marked; the caller saves them with the attempt.</summary>
    public static async Task AddAsync(AppDbContext db, int attemptId, KnowledgeCheck check, IReadOnlyDictionary<int, IReadOnlyCollection<int>> answers, CancellationToken ct)
    {
        var attempt = await Marked(db.CheckAttempts.Where(a => a.Id == attemptId)).SingleAsync(ct);
        db.CheckAnswers.AddRange(CheckAnswer.Of(attempt, check, answers));
    }

    /// <summary>
    /// Gives every submitted attempt without rows its rows, a batch at a time, reading the answers' JSON once.
    /// Idempotent: an attempt that has rows is skipped (attempts on a pillar without a check have none to write), so running it at every start costs one query when there is nothing to do.
    /// </summary>
    /// <returns>How many attempts were given rows.</returns>
    public static async Task<int> BackfillAsync(AppDbContext db, int batch = 500, CancellationToken ct = default)
    {
        var total = 0;
        var checks = new Dictionary<int, KnowledgeCheck?>();
        var after = 0;
        while (true)
        {
            var todo = await Marked(db.CheckAttempts.Where(a => a.Id > after && a.SubmittedAt != null && !db.CheckAnswers.Any(x => x.CheckAttemptId == a.Id))
                .OrderBy(a => a.Id).Take(batch)).ToListAsync(ct);
            if (todo.Count == 0) return total;
            var ids = todo.Select(a => a.Id).ToList();
            var answers = await db.CheckAttempts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Answers, ct);
            after = ids[^1];
            foreach (var attempt in todo)
            {
                if (!checks.TryGetValue(attempt.PillarId, out var check))
                    checks[attempt.PillarId] = check = KnowledgeCheck.FromJson(await db.PillarTexts.AsNoTracking()
                        .Where(t => t.PillarId == attempt.PillarId && t.CheckJson != null).Select(t => t.CheckJson).FirstOrDefaultAsync(ct));
                if (check is null) continue;
                var chosen = CheckGrading.FromJson<Dictionary<int, int[]>>(answers[attempt.Id]) ?? [];
                db.CheckAnswers.AddRange(CheckAnswer.Of(attempt, check, chosen.ToDictionary(c => c.Key, c => (IReadOnlyCollection<int>)c.Value)));
                total++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
