using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Content;

/// <summary>Turns loaded content into a numbered edition, unless an edition with the same content exists.</summary>
public sealed class EditionPublisher(AppDbContext db, TimeProvider clock, ILogger<EditionPublisher> logger)
{
    public async Task<Edition> EnsurePublishedAsync(ContentSet content, CancellationToken ct = default)
    {
        var hash = ContentHash.Of(content);
        var existing = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.ContentHash == hash, ct);
        if (existing is not null) return existing;

        var number = (await db.Editions.MaxAsync(e => (int?)e.Number, ct) ?? 0) + 1;
        var edition = new Edition
        {
            Number = number,
            ContentHash = hash,
            PublishedAt = clock.GetUtcNow().UtcDateTime,
            DefaultLanguage = content.DefaultLanguage,
            Texts = content.Languages.Select(l => new EditionText
            {
                Language = l.Language,
                Company = l.Promise.Company,
                Title = l.Promise.Title,
                Statement = l.Promise.Statement,
                BodyMarkdown = l.Promise.Body,
            }).ToList(),
            Pillars = content.Default.Pillars.Select(p => new Pillar
            {
                Key = p.Key,
                Order = p.Order,
                Texts = content.Languages
                    .SelectMany(l => l.Pillars.Where(x => x.Key == p.Key).Select(x => new PillarText
                    {
                        Language = l.Language,
                        Title = x.Title,
                        Summary = x.Summary,
                        ReflectionPrompt = x.ReflectionPrompt,
                        BodyMarkdown = x.Body,
                    }))
                    .ToList(),
            }).ToList(),
        };
        db.Editions.Add(edition);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Published edition {Number} ({Hash}) with {Pillars} pillars", number, hash[..12], edition.Pillars.Count);
        return edition;
    }
}
