using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Learning;

/// <summary>The signed-in employee's current assignment, with every text in their language (or the edition's default).</summary>
public sealed record MyAssignment(
    int AssignmentId, AssignmentReason Reason, DateOnly DueOn, DateTime? CompletedAt, int EditionNumber, DateTime PublishedAt,
    EditionText Promise, IReadOnlyList<MyPillar> Pillars, bool ShownInFallbackLanguage)
{
    public int DoneCount => Pillars.Count(p => p.Done);
    public int Percent => Pillars.Count == 0 ? 0 : (int)Math.Round(100.0 * DoneCount / Pillars.Count);
    public bool IsComplete => CompletedAt is not null;
    public MyPillar? Next => Pillars.FirstOrDefault(p => !p.Done);

    public static async Task<MyAssignment?> LoadAsync(AppDbContext db, int employeeId, CancellationToken ct = default)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        // Three narrow queries rather than one nested projection: SQLite builds a nested one over every pillar of
        // every assignment before joining — a minute per page at 100,000 people (docs/benchmarks.md).
        var a = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId && e.CurrentAssignmentId != null)
            .Select(e => new
            {
                e.CurrentAssignment!.Id, e.CurrentAssignment.Reason, e.CurrentAssignment.DueOn, e.CurrentAssignment.CompletedAt,
                e.CurrentAssignment.EditionId, e.CurrentAssignment.Edition!.Number, e.CurrentAssignment.Edition.PublishedAt,
                e.CurrentAssignment.Edition.DefaultLanguage,
            })
            .SingleOrDefaultAsync(ct);
        if (a is null) return null;
        var editionTexts = await db.EditionTexts.AsNoTracking().Where(t => t.EditionId == a.EditionId).ToListAsync(ct);
        var assignmentPillars = await db.AssignmentPillars.AsNoTracking().Where(p => p.AssignmentId == a.Id)
            .OrderBy(p => p.Pillar!.Order)
            .Select(p => new
            {
                p.Id, p.Pillar!.Key, p.Pillar.Order, p.ReadAt, p.ReflectedAt, p.Pillar.HasCheck, p.CheckPassedAt, Texts = p.Pillar.Texts.ToList(),
                Reflection = db.Reflections.Where(r => r.AssignmentPillarId == p.Id).Select(r => (Reflections.ReflectionStatus?)r.Status).FirstOrDefault(),
            })
            .AsSplitQuery().ToListAsync(ct);

        var fallback = false;
        T Pick<T>(List<T> texts, Func<T, string> lang)
        {
            var own = texts.FirstOrDefault(t => lang(t) == language);
            if (own is not null) return own;
            fallback = true;
            return texts.First(t => lang(t) == a.DefaultLanguage);
        }

        var promise = Pick(editionTexts, t => t.Language);
        var pillars = assignmentPillars.Select(p => new MyPillar(p.Id, p.Key, p.Order, Pick(p.Texts, t => t.Language), p.ReadAt, p.ReflectedAt, p.HasCheck, p.CheckPassedAt, p.Reflection)).ToList();
        return new MyAssignment(a.Id, a.Reason, a.DueOn, a.CompletedAt, a.Number, a.PublishedAt, promise, pillars, fallback);
    }
}

public sealed record MyPillar(int AssignmentPillarId, string Key, int Order, PillarText Text, DateTime? ReadAt, DateTime? ReflectedAt,
    bool HasCheck = false, DateTime? CheckPassedAt = null, Reflections.ReflectionStatus? ReflectionStatus = null)
{
    public bool Done => CompletionRules.IsPillarDone(ReadAt, ReflectedAt, HasCheck, CheckPassedAt);
    /// <summary>Read, and the check (if any) passed: the reflection can be written.</summary>
    public bool ReadyToReflect => ReadAt is not null && (!HasCheck || CheckPassedAt is not null);
    public KnowledgeCheck? Check => HasCheck ? KnowledgeCheck.FromJson(Text.CheckJson) : null;
}
