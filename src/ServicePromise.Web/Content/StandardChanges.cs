using Microsoft.EntityFrameworkCore;

namespace ServicePromise.Web.Content;

/// <summary>A service standard as one language shows it: the threshold is the same in every language, the words are not.</summary>
public sealed record ShownStandard(string Key, int ThresholdHundredths, string Wording, string Measured)
{
    /// <summary>The threshold as the front matter writes it, in hundredths the way the edition stores it (62,5 → 6250).</summary>
    public static int Hundredths(decimal threshold) => (int)(threshold * 100);

    public static ShownStandard Of(StandardContent standard) =>
        new(standard.Key, Hundredths(standard.Threshold), standard.Wording, standard.Measured);

    public static ShownStandard Of(PillarStandard standard, PillarStandardText text) =>
        new(standard.Key, standard.ThresholdHundredths, text.Wording, text.Measured);
}

/// <summary>One standard that differs between two versions of a pillar, in one language.</summary>
public sealed record StandardChange(string Key, ShownStandard? Before, ShownStandard? After)
{
    public bool Added => Before is null;
    public bool Removed => After is null;
    public bool Reworded => Before is not null && After is not null && (Before.Wording != After.Wording || Before.Measured != After.Measured);
    public bool ThresholdChanged => Before is not null && After is not null && Before.ThresholdHundredths != After.ThresholdHundredths;
}

/// <summary>
/// Which standards of a pillar were added, removed, reworded or given another threshold — matched by key, which names a
/// standard across editions and in audit files. Only for showing: whether people redo the pillar is the hash rules' call
/// (<see cref="EditionPublisher"/>), and a threshold alone never makes anyone redo it.
/// </summary>
public static class StandardChanges
{
    /// <summary>The differences in the order the new version lists its standards, then the removed ones in the old order.</summary>
    public static IReadOnlyList<StandardChange> Between(IReadOnlyList<ShownStandard> before, IReadOnlyList<ShownStandard> after)
    {
        var old = before.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var now = after.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        return after.Select(s => new StandardChange(s.Key, old.GetValueOrDefault(s.Key), s))
            .Concat(before.Where(s => !now.Contains(s.Key)).Select(s => new StandardChange(s.Key, s, null)))
            .Where(c => c.Added || c.Removed || c.Reworded || c.ThresholdChanged)
            .ToList();
    }
}

/// <summary>The standards of every pillar of one version of the content, by language and then by pillar key.</summary>
public sealed class StandardsByLanguage
{
    readonly Dictionary<(string Language, string PillarKey), IReadOnlyList<ShownStandard>> _standards = [];

    /// <summary>The pillar's standards in that language, in content order; none when it declares none.</summary>
    public IReadOnlyList<ShownStandard> Of(string language, string pillarKey) => _standards.GetValueOrDefault((language, pillarKey)) ?? [];

    public static StandardsByLanguage Of(ContentSet content)
    {
        var standards = new StandardsByLanguage();
        foreach (var l in content.Languages)
            foreach (var p in l.Pillars)
                standards._standards[(l.Language, p.Key)] = p.StandardsOrEmpty.Select(ShownStandard.Of).ToList();
        return standards;
    }

    /// <summary>A published edition's, read in one query.</summary>
    public static async Task<StandardsByLanguage> OfEditionAsync(Data.AppDbContext db, int editionNumber, CancellationToken ct = default)
    {
        var rows = await db.PillarStandardTexts.AsNoTracking()
            .Join(db.PillarStandards.Where(s => s.Pillar!.Edition!.Number == editionNumber), t => t.PillarStandardId, s => s.Id, (t, s) => new
            {
                PillarKey = s.Pillar!.Key, s.Order, Standard = new ShownStandard(s.Key, s.ThresholdHundredths, t.Wording, t.Measured), t.Language,
            })
            .ToListAsync(ct);
        var standards = new StandardsByLanguage();
        foreach (var group in rows.GroupBy(r => (r.Language, r.PillarKey)))
            standards._standards[group.Key] = group.OrderBy(r => r.Order).Select(r => r.Standard).ToList();
        return standards;
    }
}
