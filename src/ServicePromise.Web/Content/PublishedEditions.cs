using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Content;

/// <summary>
/// The published editions' texts, read from the database and rendered once per edition and kept: an edition is
/// immutable once published, so a lesson's HTML never changes. Only content lives here — never a person's state.
/// </summary>
/// <remarks>
/// Keyed by the edition's id and content hash, both read with the person's assignment on every request: a new edition
/// (a new id) is read the first time anyone is shown it, and a database replaced under a running site (a restore)
/// that reuses an id for other content has another hash. A few dozen editions at most are kept.
/// </remarks>
public sealed class PublishedEditions(MarkdownRenderer markdown) : IDisposable
{
    public const int Kept = 32;
    readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Kept });

    public async Task<PublishedEdition> GetAsync(AppDbContext db, int editionId, string contentHash, CancellationToken ct = default)
    {
        var key = (editionId, contentHash);
        if (_cache.TryGetValue(key, out PublishedEdition? known) && known is not null) return known;
        var edition = await ReadAsync(db, markdown, editionId, ct);
        // Only what was read as this hash is kept under it (the row may have changed between the two reads).
        if (edition.ContentHash == contentHash)
            _cache.Set(key, edition, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(12) });
        return edition;
    }

    /// <summary>Reads and renders one edition, uncached.</summary>
    public static async Task<PublishedEdition> ReadAsync(AppDbContext db, MarkdownRenderer markdown, int editionId, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == editionId)
            .Select(e => new { e.Id, e.ContentHash, e.DefaultLanguage }).SingleAsync(ct);
        var texts = await db.EditionTexts.AsNoTracking().Where(t => t.EditionId == editionId).ToListAsync(ct);
        var pillars = await db.Pillars.AsNoTracking().Where(p => p.EditionId == editionId).Include(p => p.Texts)
            .Include(p => p.Standards).ThenInclude(s => s.Texts).ToListAsync(ct);
        return new PublishedEdition(edition.Id, edition.ContentHash, edition.DefaultLanguage,
            texts.Select(t => new PublishedPromise(t, markdown.ToHtml(t.BodyMarkdown))).ToList(),
            pillars.OrderBy(p => p.Order).Select(p => new PublishedPillar(p.Id, p.Key, p.Order, p.HasCheck,
                p.Texts.Select(t => new PublishedPillarText(t, markdown.ToHtml(t.BodyMarkdown), p.HasCheck ? KnowledgeCheck.FromJson(t.CheckJson) : null,
                    KnowledgeCheck.FromJson(t.PracticeJson))).ToList(),
                p.Standards.OrderBy(s => s.Order).ToList())).ToList());
    }

    public void Dispose() => _cache.Dispose();
}

/// <summary>One edition as published: the promise and every pillar, in every language it was published in, rendered.</summary>
public sealed class PublishedEdition(int id, string contentHash, string defaultLanguage, IReadOnlyList<PublishedPromise> promise, IReadOnlyList<PublishedPillar> pillars)
{
    readonly Dictionary<int, PublishedPillar> _byId = pillars.ToDictionary(p => p.Id);

    public int Id => id;
    public string ContentHash => contentHash;
    public string DefaultLanguage => defaultLanguage;
    public IReadOnlyList<PublishedPromise> Promise => promise;
    /// <summary>In their order.</summary>
    public IReadOnlyList<PublishedPillar> Pillars => pillars;
    public PublishedPillar Pillar(int pillarId) => _byId[pillarId];
}

/// <summary>The promise in one language, with its body as HTML.</summary>
public sealed record PublishedPromise(EditionText Text, string BodyHtml);

/// <param name="Standards">The pillar's service standards in content order, each with its texts in every language.</param>
public sealed record PublishedPillar(int Id, string Key, int Order, bool HasCheck, IReadOnlyList<PublishedPillarText> Texts,
    IReadOnlyList<PillarStandard>? Standards = null)
{
    /// <summary>The standards in <paramref name="language"/>, else in <paramref name="fallback"/> (content is validated to have it).</summary>
    public IReadOnlyList<ShownStandard> StandardsIn(string language, string fallback) =>
        (Standards ?? []).Select(s => ShownStandard.Of(s, s.Texts.FirstOrDefault(t => t.Language == language) ?? s.Texts.First(t => t.Language == fallback))).ToList();
}

/// <summary>A pillar in one language: the lesson as HTML and the knowledge check (with answers: never sent as is).</summary>
/// <param name="Practice">The practice questions beyond the check, if the content has any.</param>
public sealed record PublishedPillarText(PillarText Text, string LessonHtml, KnowledgeCheck? Check, KnowledgeCheck? Practice = null)
{
    /// <summary>
    /// Every question of the pillar in this language, for the weekly review: the check's questions first, then the
    /// practice ones. A question's position here is the same in every language (the loader refuses different shapes).
    /// </summary>
    public IReadOnlyList<CheckQuestion> Pool => [.. Check?.Questions ?? [], .. Practice?.Questions ?? []];
}
