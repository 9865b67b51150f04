using ServicePromise.Web.Content;

namespace ServicePromise.BrowserTests;

/// <summary>The content the repository ships (the demo site's first edition), read once: pillar titles, questions and prompts per language.</summary>
public static class ShippedContent
{
    static readonly Lazy<ContentSet> Content = new(() => ContentLoader.Load(Path.Combine(SiteFixture.RepoRoot(), "content"), "es"));

    /// <summary>The pillars as the content gives them in <paramref name="language"/>, in order.</summary>
    public static IReadOnlyList<PillarContent> Pillars(string language) =>
        Content.Value.Languages.Single(l => l.Language == language).Pillars;
}
