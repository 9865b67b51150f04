using System.Net;
using AngleSharp.Html.Dom;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Content;

/// <summary>A content owner reads each pillar's standards in every language, and sees which ones a new edition adds or changes.</summary>
public class AdminStandardsTests
{
    static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    static IReadOnlyList<string> ChangeRows(IHtmlDocument page, string scope = "") =>
        page.QuerySelectorAll(scope + " table.standard-changes tbody tr").Select(tr => Flat(tr.TextContent)).ToList();

    static async Task<HttpClient> AdminAsync(AppFactory app)
    {
        var client = app.Browser();
        await client.SignedInAsync(Pages.Admin);
        return client;
    }

    [Theory]
    [InlineData("/admin/content/editions/1")]
    [InlineData("/admin/content/preview")]
    public async Task The_edition_and_the_preview_show_each_standard_in_every_language(string url)
    {
        using var app = new AppFactory();
        var admin = await AdminAsync(app);
        var page = await admin.GetPageAsync(url);

        var listen = page.QuerySelector("section[aria-labelledby='pillar-listen']")!;
        Assert.Contains("Estándares de servicio", listen.QuerySelectorAll("h3").Select(h => h.TextContent));
        var first = Flat(listen.QuerySelector("ul.standards li")!.TextContent);
        Assert.StartsWith("El cliente puede terminar de explicarse antes de que le respondamos. Clave escucha-sin-interrumpir Umbral 80 sobre 100 Cómo se mide Cliente misterioso", first);
        Assert.Contains("Traducción (EN) Customers can finish explaining before we answer. — Mystery shopping", first);
        Assert.Equal(7, page.QuerySelectorAll("ul.standards dd[lang='en']").Length);

        var english = await admin.GetPageAsync(url + (url.Contains('?') ? "&" : "?") + "lang=en");
        // The page speaks the admin's language; the content shown is English.
        Assert.Contains("Customers can finish explaining before we answer. Clave escucha-sin-interrumpir Umbral 80 sobre 100 Cómo se mide Mystery shopping",
            Flat(english.QuerySelector("ul.standards li")!.TextContent));
        Assert.Equal(7, english.QuerySelectorAll("ul.standards dd[lang='es']").Length);
    }

    [Fact]
    public async Task Pending_changes_and_the_diff_show_a_new_standard_and_a_changed_threshold()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        var admin = await AdminAsync(app);
        StandardEdits.RaiseListeningThreshold(content);
        StandardEdits.AddTruthStandard(content);

        var pending = await admin.GetPageAsync("/admin/content");
        var raised = "escucha-sin-interrumpir Umbral: 80 → 90 El cliente puede terminar de explicarse antes de que le respondamos. — Cliente misterioso: 10 visitas al mes por tienda, en caja y en mostrador. — 80 sobre 100 El cliente puede terminar de explicarse antes de que le respondamos. — Cliente misterioso: 10 visitas al mes por tienda, en caja y en mostrador. — 90 sobre 100";
        var added = $"{StandardEdits.NewKey} Nuevo {StandardEdits.NewWording} — Encuesta — 70 sobre 100";
        Assert.Equal([raised, added], ChangeRows(pending));
        Assert.Equal("Estándares de Escucha antes de responder", pending.QuerySelector("table.standard-changes caption")!.TextContent);

        var diff = await admin.GetPageAsync("/admin/content/diff?from=1");
        Assert.Equal([raised, added], ChangeRows(diff, "section[lang='es']"));
        Assert.Contains(ChangeRows(diff, "section[lang='en']"), r => r.StartsWith($"{StandardEdits.NewKey} Nuevo {StandardEdits.NewWordingEn}", StringComparison.Ordinal));
        // Only the standards changed: the pillar is marked as changed, with no text lines to compare.
        var listen = diff.QuerySelector("section[aria-labelledby='diff-es-listen']")!;
        Assert.Contains("Cambia", listen.QuerySelector("h3")!.TextContent);
        Assert.Null(listen.QuerySelector("table.diff"));

        var published = await admin.SubmitAsync(pending, "form[action*='handler=Publish']",
            new Dictionary<string, string> { ["Input.Note"] = "Estándares revisados", ["Input.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal([raised, added], ChangeRows(await admin.GetPageAsync("/admin/content/diff?from=1&to=2"), "section[lang='es']"));
        var edition = await admin.GetPageAsync("/admin/content/editions/2");
        Assert.Contains("Umbral 90 sobre 100", Flat(edition.QuerySelector("section[aria-labelledby='pillar-listen'] ul.standards li")!.TextContent));
        Assert.Contains(StandardEdits.NewWording, edition.QuerySelector("section[aria-labelledby='pillar-tell-the-truth'] ul.standards")!.TextContent);
        Assert.Empty(ChangeRows(await admin.GetPageAsync("/admin/content/diff?from=2")));
    }
}
