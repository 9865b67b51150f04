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

    /// <summary>The promise's body as HTML, in the language of <see cref="Promise"/>.</summary>
    public string PromiseHtml { get; init; } = "";

    static readonly MarkdownRenderer Markdown = new();

    /// <summary>Reads the edition's texts afresh (for the rare paths that do not hold the <see cref="PublishedEditions"/> cache).</summary>
    public static Task<MyAssignment?> LoadAsync(AppDbContext db, int employeeId, CancellationToken ct = default) =>
        LoadAsync(db, (id, _, c) => PublishedEditions.ReadAsync(db, Markdown, id, c), employeeId, ct);

    /// <summary>The person's state read now; the edition's texts and HTML from <paramref name="editions"/> (immutable once published).</summary>
    public static Task<MyAssignment?> LoadAsync(AppDbContext db, PublishedEditions editions, int employeeId, CancellationToken ct = default) =>
        LoadAsync(db, (id, hash, c) => editions.GetAsync(db, id, hash, c), employeeId, ct);

    static async Task<MyAssignment?> LoadAsync(AppDbContext db, Func<int, string, CancellationToken, Task<PublishedEdition>> editionOf, int employeeId, CancellationToken ct)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        // Narrow queries rather than one nested projection: SQLite builds a nested one over every pillar of
        // every assignment before joining — a minute per page at 100,000 people (docs/benchmarks.md).
        var a = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId && e.CurrentAssignmentId != null)
            .Select(e => new
            {
                e.CurrentAssignment!.Id, e.CurrentAssignment.Reason, e.CurrentAssignment.DueOn, e.CurrentAssignment.CompletedAt,
                e.CurrentAssignment.EditionId, e.CurrentAssignment.Edition!.Number, e.CurrentAssignment.Edition.PublishedAt,
                e.CurrentAssignment.Edition.ContentHash,
            })
            .SingleOrDefaultAsync(ct);
        if (a is null) return null;
        var edition = await editionOf(a.EditionId, a.ContentHash, ct);
        // Only the person's own progress is read per request; the texts are the edition's.
        var progress = await db.AssignmentPillars.AsNoTracking().Where(p => p.AssignmentId == a.Id)
            .Select(p => new
            {
                p.Id, p.PillarId, p.ReadAt, p.ReflectedAt, p.CheckPassedAt,
                Reflection = db.Reflections.Where(r => r.AssignmentPillarId == p.Id).Select(r => (Reflections.ReflectionStatus?)r.Status).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var fallback = false;
        T Pick<T>(IReadOnlyList<T> texts, Func<T, string> lang)
        {
            var own = texts.FirstOrDefault(t => lang(t) == language);
            if (own is not null) return own;
            fallback = true;
            return texts.First(t => lang(t) == edition.DefaultLanguage);
        }

        var promise = Pick(edition.Promise, t => t.Text.Language);
        var pillars = progress.Select(p => (Progress: p, Pillar: edition.Pillar(p.PillarId))).OrderBy(p => p.Pillar.Order).Select(p =>
        {
            var text = Pick(p.Pillar.Texts, t => t.Text.Language);
            return new MyPillar(p.Progress.Id, p.Pillar.Key, p.Pillar.Order, text.Text, p.Progress.ReadAt, p.Progress.ReflectedAt, p.Pillar.HasCheck,
                p.Progress.CheckPassedAt, p.Progress.Reflection) { LessonHtml = text.LessonHtml, Check = text.Check };
        }).ToList();
        return new MyAssignment(a.Id, a.Reason, a.DueOn, a.CompletedAt, a.Number, a.PublishedAt, promise.Text, pillars, fallback) { PromiseHtml = promise.BodyHtml };
    }
}

public sealed record MyPillar(int AssignmentPillarId, string Key, int Order, PillarText Text, DateTime? ReadAt, DateTime? ReflectedAt,
    bool HasCheck = false, DateTime? CheckPassedAt = null, Reflections.ReflectionStatus? ReflectionStatus = null)
{
    public bool Done => CompletionRules.IsPillarDone(ReadAt, ReflectedAt, HasCheck, CheckPassedAt);
    /// <summary>Read, and the check (if any) passed: the reflection can be written.</summary>
    public bool ReadyToReflect => ReadAt is not null && (!HasCheck || CheckPassedAt is not null);
    /// <summary>The check in the text's language (null: the pillar has none), parsed once per edition.</summary>
    public KnowledgeCheck? Check { get; init; }
    /// <summary>The lesson as HTML, rendered once per edition.</summary>
    public string LessonHtml { get; init; } = "";
}
