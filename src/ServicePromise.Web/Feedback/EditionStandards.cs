using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Feedback;

/// <summary>One service standard of an edition with its pillar, and their texts in every language the edition has.</summary>
public sealed record EditionStandard(string Key, int Order, int ThresholdHundredths, string PillarKey, int PillarOrder,
    IReadOnlyDictionary<string, string> PillarTitles, IReadOnlyDictionary<string, string> Wordings);

/// <summary>An edition's standards by key, and the language its texts fall back to.</summary>
public sealed class StandardsOfEdition(string defaultLanguage, IReadOnlyList<EditionStandard> standards)
{
    readonly Dictionary<string, EditionStandard> _byKey = standards.ToDictionary(s => s.Key, StringComparer.Ordinal);

    public IReadOnlyList<EditionStandard> All => standards;
    public IReadOnlyCollection<string> Keys => _byKey.Keys;
    public EditionStandard? Of(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The text in <paramref name="language"/>, else in the edition's default language (content is validated to have it).</summary>
    public string In(IReadOnlyDictionary<string, string> texts, string language) =>
        texts.TryGetValue(language, out var own) ? own
        : texts.TryGetValue(defaultLanguage, out var fallback) ? fallback
        : texts.Values.FirstOrDefault() ?? "";
}

/// <summary>
/// The standards of a published edition, read once and kept: an edition is immutable, so every employee's home reads
/// them from memory. Keyed like <see cref="Content.PublishedEditions"/> by id and content hash (a restored database
/// that reuses an id has another hash).
/// </summary>
public sealed class EditionStandards(Content.PublishedEditions published) : IDisposable
{
    readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Content.PublishedEditions.Kept });

    public async Task<StandardsOfEdition> GetAsync(AppDbContext db, int editionId, string contentHash, CancellationToken ct = default) =>
        (await _cache.GetOrCreateAsync((editionId, contentHash), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(12);
            return ReadAsync(db, editionId, contentHash, ct);
        }))!;

    /// <summary>The standards and their wordings from the database; the pillars' titles from the published edition already in memory.</summary>
    async Task<StandardsOfEdition> ReadAsync(AppDbContext db, int editionId, string contentHash, CancellationToken ct)
    {
        var edition = await published.GetAsync(db, editionId, contentHash, ct);
        var rows = await db.PillarStandards.AsNoTracking().Where(s => s.Pillar!.EditionId == editionId)
            .Select(s => new { s.PillarId, s.Key, s.Order, s.ThresholdHundredths, Texts = s.Texts.Select(t => new { t.Language, t.Wording }).ToList() })
            .ToListAsync(ct);
        var standards = edition.Pillars.OrderBy(p => p.Order).SelectMany(p => rows.Where(s => s.PillarId == p.Id).OrderBy(s => s.Order).Select(s => new EditionStandard(
            s.Key, s.Order, s.ThresholdHundredths, p.Key, p.Order,
            p.Texts.ToDictionary(t => t.Text.Language, t => t.Text.Title), s.Texts.ToDictionary(t => t.Language, t => t.Wording)))).ToList();
        return new StandardsOfEdition(edition.DefaultLanguage, standards);
    }

    public void Dispose() => _cache.Dispose();
}
