using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Content;

/// <summary>What publishing the content folder would change against the current edition.</summary>
public sealed record PendingEdition(Edition? Current, int Number, string Hash, IReadOnlyList<(string Key, Learning.ChangeKind Change)> Pillars, IReadOnlyList<string> Removed)
{
    public bool HasChanges => Current?.ContentHash != Hash;
}

/// <summary>
/// Turns the content folder into the next numbered, immutable edition, unless the current edition already
/// says exactly this. Content that goes back to an older text is a new publication with a new number:
/// the current edition is always the highest number.
/// </summary>
public sealed class EditionPublisher(AppDbContext db, TimeProvider clock, ILogger<EditionPublisher> logger)
{
    /// <summary>Compares the content with the current edition, pillar by pillar, without changing anything.</summary>
    public async Task<PendingEdition> CompareAsync(ContentSet content, CancellationToken ct = default)
    {
        var latest = await db.Editions.AsNoTracking().Include(e => e.Pillars).ThenInclude(p => p.Texts)
            .OrderByDescending(e => e.Number).FirstOrDefaultAsync(ct);
        var pillars = content.Default.Pillars.Select(p => (p.Key, ChangeAgainst(latest, p, content))).ToList();
        var removed = latest?.Pillars.Select(p => p.Key).Except(pillars.Select(p => p.Key)).ToList() ?? [];
        return new PendingEdition(latest, (latest?.Number ?? 0) + 1, ContentHash.Of(content), pillars, removed);
    }

    /// <returns>The current edition, and whether this call published it.</returns>
    public async Task<(Edition Edition, bool Published)> PublishAsync(ContentSet content, string? changeNote, CancellationToken ct = default)
    {
        var pending = await CompareAsync(content, ct);
        var latest = pending.Current;
        if (latest is not null && !pending.HasChanges) return (latest, false);

        var number = pending.Number;
        var hash = pending.Hash;
        var edition = new Edition
        {
            Number = number,
            ContentHash = hash,
            ChangeNote = string.IsNullOrWhiteSpace(changeNote) ? null : changeNote.Trim(),
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
                ChangeKind = pending.Pillars.Single(x => x.Key == p.Key).Change,
                HasCheck = p.Check is not null,
                Texts = content.Languages
                    .SelectMany(l => l.Pillars.Where(x => x.Key == p.Key).Select(x => new PillarText
                    {
                        Language = l.Language,
                        Title = x.Title,
                        Summary = x.Summary,
                        ReflectionPrompt = x.ReflectionPrompt,
                        CustomersPrompt = x.CustomersPrompt,
                        ActionPrompt = x.ActionPrompt,
                        BodyMarkdown = x.Body,
                        CheckJson = x.Check?.ToJson(),
                        PracticeJson = x.Practice?.ToJson(),
                    }))
                    .ToList(),
                Standards = StandardsOf(content, p),
            }).ToList(),
        };
        db.Editions.Add(edition);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Several instances started together with the same new content: the first one published it.
            db.ChangeTracker.Clear();
            var published = await db.Editions.AsNoTracking().SingleOrDefaultAsync(e => e.Number == number && e.ContentHash == hash, ct);
            if (published is null) throw;
            return (published, false);
        }
        logger.LogInformation("Published edition {Number} ({Hash}) with {Pillars} pillars", number, hash[..12], edition.Pillars.Count);
        return (edition, true);
    }

    /// <summary>The default language's standards in content order, each with its wording in every language that declares it.</summary>
    static List<PillarStandard> StandardsOf(ContentSet content, PillarContent pillar) =>
        pillar.StandardsOrEmpty.Select((s, i) => new PillarStandard
        {
            Key = s.Key,
            Order = i + 1,
            ThresholdHundredths = ShownStandard.Hundredths(s.Threshold),
            Texts = content.Languages
                .SelectMany(l => l.Pillars.Where(x => x.Key == pillar.Key).SelectMany(x => x.StandardsOrEmpty).Where(x => x.Key == s.Key)
                    .Select(x => new PillarStandardText { Language = l.Language, Wording = x.Wording, Measured = x.Measured }))
                .ToList(),
        }).ToList();

    /// <summary>
    /// New when the key did not exist; Unchanged when every language says exactly what it said before;
    /// otherwise what the content owner declared, and substantive when they said nothing — asking people
    /// to redo a pillar is the safe mistake. Standards are left out on purpose: a moved threshold is a new
    /// edition, but nobody redoes a lesson because of it; so are the practice questions, which feed the weekly
    /// review and are not part of completing the pillar.
    /// </summary>
    static Learning.ChangeKind ChangeAgainst(Edition? previous, PillarContent pillar, ContentSet content)
    {
        var before = previous?.Pillars.FirstOrDefault(p => p.Key == pillar.Key);
        if (before is null) return Learning.ChangeKind.New;
        var same = content.Languages.All(l =>
        {
            var now = l.Pillars.FirstOrDefault(p => p.Key == pillar.Key);
            var then = before.Texts.FirstOrDefault(t => t.Language == l.Language);
            return (now is null && then is null)
                || (now is not null && then is not null && now.Title == then.Title && now.Summary == then.Summary
                    && now.ReflectionPrompt == then.ReflectionPrompt && now.CustomersPrompt == then.CustomersPrompt
                    && now.ActionPrompt == then.ActionPrompt && now.Body == then.BodyMarkdown
                    && now.Check?.ToJson() == then.CheckJson);
        });
        return same ? Learning.ChangeKind.Unchanged : pillar.DeclaredChange ?? Learning.ChangeKind.Substantive;
    }
}
