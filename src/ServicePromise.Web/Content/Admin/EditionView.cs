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

/// <summary>
/// What <c>_Questions.cshtml</c> shows: one of a pillar's question lists (the check, or the practice questions) with the
/// right answers, the explanations and a link to the lesson part each question points back to.
/// </summary>
/// <param name="AnchorPrefix">The prefix the page put before the lesson's heading ids (see <see cref="MarkdownRenderer.ToHtml"/>).</param>
/// <param name="Sections">The lesson's headings by anchor, to name the part a question links to.</param>
public sealed record QuestionsView(string Heading, string? Note, IReadOnlyList<Learning.CheckQuestion> Questions, string AnchorPrefix,
    IReadOnlyDictionary<string, string> Sections);
