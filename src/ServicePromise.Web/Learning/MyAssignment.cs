using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
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

    /// <summary>The assignment's edition, as <see cref="PublishedEditions"/> keeps it (id and content hash).</summary>
    public (int Id, string ContentHash) Edition { get; init; }

    /// <summary>The promise's body as HTML, in the language of <see cref="Promise"/>.</summary>
    public string PromiseHtml { get; init; } = "";

    /// <summary>The pillar of this assignment whose key is <paramref name="key"/>, if the edition has it.</summary>
    public MyPillar? PillarOf(string key) => Pillars.FirstOrDefault(p => p.Key == key);

    /// <summary>The signed-in person's own current assignment (null for an account that is not an employee): only the
    /// caller's own assignment is ever looked up, so no page can reach another's.</summary>
    public static async Task<MyAssignment?> OfAsync(ClaimsPrincipal user, AppDbContext db, PublishedEditions editions, CancellationToken ct) =>
        user.GetEmployeeId() is int employeeId ? await LoadAsync(db, editions, employeeId, ct) : null;

    /// <summary>The person's state read now; the edition's texts and HTML from <paramref name="editions"/> (immutable once published).</summary>
    public static Task<MyAssignment?> LoadAsync(AppDbContext db, PublishedEditions editions, int employeeId, CancellationToken ct = default) =>
        LoadAsync(db, (id, hash, c) => editions.GetAsync(db, id, hash, c), employeeId, ct);

    /// <summary>One pillar of the person's assignment, with the assignment's fields (the same on every row).</summary>
    sealed record Row(int AssignmentId, AssignmentReason Reason, DateOnly DueOn, DateTime? CompletedAt, int EditionId, int Number, DateTime PublishedAt,
        string ContentHash, int AssignmentPillarId, int PillarId, DateTime? ReadAt, DateTime? ReflectedAt, DateTime? CheckPassedAt,
        Reflections.ReflectionStatus? Reflection);

    /// <summary>
    /// One flat query: the person's current assignment's pillars, each row with the assignment's own fields. Flat, not
    /// nested: SQLite builds a nested projection over every pillar of every assignment before joining — a minute per
    /// page at 100,000 people (docs/benchmarks.md); the current assignment's id is a scalar it reads once. Compiled: it
    /// runs on every employee page, and EF's per-call work (parameters, cache look-up) was a tenth of the page.
    /// </summary>
    static readonly CompiledPerModel<Func<AppDbContext, int, IAsyncEnumerable<Row>>> CurrentPillars = new(() => EF.CompileAsyncQuery((AppDbContext db, int employeeId) =>
        db.AssignmentPillars.AsNoTracking()
            .Where(p => p.AssignmentId == db.Employees.Where(e => e.Id == employeeId).Select(e => e.CurrentAssignmentId).FirstOrDefault())
            .Select(p => new Row(
                p.AssignmentId, p.Assignment!.Reason, p.Assignment.DueOn, p.Assignment.CompletedAt,
                p.Assignment.EditionId, p.Assignment.Edition!.Number, p.Assignment.Edition.PublishedAt, p.Assignment.Edition.ContentHash,
                p.Id, p.PillarId, p.ReadAt, p.ReflectedAt, p.CheckPassedAt,
                db.Reflections.Where(r => r.AssignmentPillarId == p.Id).Select(r => (Reflections.ReflectionStatus?)r.Status).FirstOrDefault()))));

    static async Task<MyAssignment?> LoadAsync(AppDbContext db, Func<int, string, CancellationToken, Task<PublishedEdition>> editionOf, int employeeId, CancellationToken ct)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var rows = await CurrentPillars.For(db)(db, employeeId).ToListAsync(ct);
        // An assignment without pillars has no row above; it is still the person's assignment.
        var a = rows.Count > 0 ? rows[0] : await db.Employees.AsNoTracking().Where(e => e.Id == employeeId && e.CurrentAssignmentId != null)
            .Select(e => new Row(
                e.CurrentAssignment!.Id, e.CurrentAssignment.Reason, e.CurrentAssignment.DueOn, e.CurrentAssignment.CompletedAt,
                e.CurrentAssignment.EditionId, e.CurrentAssignment.Edition!.Number, e.CurrentAssignment.Edition.PublishedAt, e.CurrentAssignment.Edition.ContentHash,
                0, 0, null, null, null, null))
            .SingleOrDefaultAsync(ct);
        if (a is null) return null;
        // Only the person's own progress is read per request (above); the texts are the edition's, read once.
        var edition = await editionOf(a.EditionId, a.ContentHash, ct);

        var fallback = false;
        T Pick<T>(IReadOnlyList<T> texts, Func<T, string> lang)
        {
            var own = texts.FirstOrDefault(t => lang(t) == language);
            if (own is not null) return own;
            fallback = true;
            return texts.First(t => lang(t) == edition.DefaultLanguage);
        }

        var promise = Pick(edition.Promise, t => t.Text.Language);
        var pillars = rows.Select(p => (Progress: p, Pillar: edition.Pillar(p.PillarId))).OrderBy(p => p.Pillar.Order).Select(p =>
        {
            var text = Pick(p.Pillar.Texts, t => t.Text.Language);
            return new MyPillar(p.Progress.AssignmentPillarId, p.Pillar.Key, p.Pillar.Order, text.Text, p.Progress.ReadAt, p.Progress.ReflectedAt, p.Pillar.HasCheck,
                p.Progress.CheckPassedAt, p.Progress.Reflection)
            { LessonHtml = text.LessonHtml, Check = text.Check, Standards = p.Pillar.StandardsIn(text.Text.Language, edition.DefaultLanguage) };
        }).ToList();
        return new MyAssignment(a.AssignmentId, a.Reason, a.DueOn, a.CompletedAt, a.Number, a.PublishedAt, promise.Text, pillars, fallback) { PromiseHtml = promise.BodyHtml, Edition = (a.EditionId, a.ContentHash) };
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
    /// <summary>What customers will be asked about this pillar, in the language of <see cref="Text"/>, read once per edition.</summary>
    public IReadOnlyList<ShownStandard> Standards { get; init; } = [];
}
