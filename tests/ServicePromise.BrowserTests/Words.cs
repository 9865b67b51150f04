using System.Xml.Linq;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>
/// The words a page shows, in the language a test runs in, so tests can find controls by their accessible names.
/// The Spanish text is the resource key; the English is read from SharedResource.en.resx, the same place the site
/// takes it from. A key without an English entry fails the test rather than matching anything.
/// </summary>
public static class Words
{
    static readonly Lazy<Dictionary<string, string>> English = new(() =>
        XDocument.Load(Path.Combine(SiteFixture.RepoRoot(), "src", "ServicePromise.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal));

    /// <summary><paramref name="spanish"/> as the site shows it in <paramref name="language"/> ("es" or "en").</summary>
    public static string In(string language, string spanish) => language switch
    {
        "es" => spanish,
        "en" => English.Value.TryGetValue(spanish, out var english)
            ? english
            : throw new InvalidOperationException($"No English for «{spanish}» in SharedResource.en.resx"),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Only es and en are served"),
    };

    /// <summary>The fixed start of a text with placeholders (up to its first "{"), to find a name that goes on with data.</summary>
    public static string StartIn(string language, string spanish)
    {
        var text = In(language, spanish);
        var brace = text.IndexOf('{', StringComparison.Ordinal);
        return brace < 0 ? text : text[..brace].TrimEnd();
    }

    /// <summary>The page's root element, which carries its language. The one CSS locator left: the root has no role or label to find it by.</summary>
    public static ILocator Document(IPage page) => page.Locator("html");

    /// <summary>The language the page is shown in, from its root element's lang.</summary>
    public static async Task<string> LanguageOfAsync(IPage page) =>
        await Document(page).GetAttributeAsync("lang") ?? throw new InvalidOperationException($"{page.Url} has no lang");
}
