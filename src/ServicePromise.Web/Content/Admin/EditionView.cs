namespace ServicePromise.Web.Content.Admin;

/// <summary>What <c>_EditionView.cshtml</c> shows: the content in one language, and the others so each standard can be read in all of them.</summary>
public sealed record EditionView(LanguageContent Shown, IReadOnlyList<LanguageContent> Languages)
{
    /// <summary>The standard's wording in every other language, in the order the languages are listed.</summary>
    public IReadOnlyList<(string Language, StandardContent Standard)> TranslationsOf(string pillarKey, string standardKey) =>
        Languages.Where(l => l.Language != Shown.Language)
            .SelectMany(l => l.Pillars.Where(p => p.Key == pillarKey).SelectMany(p => p.StandardsOrEmpty).Where(s => s.Key == standardKey).Select(s => (l.Language, s)))
            .ToList();
}
