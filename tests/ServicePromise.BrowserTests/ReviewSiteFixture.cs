namespace ServicePromise.BrowserTests;

/// <summary>A site of its own with reviews on (Reflections__ReviewRequired): a sent reflection counts once approved.</summary>
public sealed class ReviewSiteFixture : SiteFixture
{
    protected override void Configure(IDictionary<string, string?> environment) => environment["Reflections__ReviewRequired"] = "true";
}
