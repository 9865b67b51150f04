using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Content;

namespace ServicePromise.Tests.Content;

/// <summary>
/// An edition's texts are read and rendered once and kept (<see cref="PublishedEditions"/>); what is kept is only
/// content — a new edition shows at once, and one person's progress never shows on another's page.
/// </summary>
public class PublishedEditionsTests
{
    static int PillarTextReads(LoggedAppFactory app) =>
        app.Logs.Entries.Count(e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command" && e.Message.Contains("\"PillarTexts\""));

    [Fact]
    public async Task A_lesson_and_the_promise_are_read_from_the_database_once_per_edition()
    {
        using var app = new LoggedAppFactory();
        app.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        var client = app.Browser();
        await client.SignedInAsync(Pages.Employee);
        var first = await client.GetPageAsync("/pillars/listen");
        Assert.NotNull(first.QuerySelector("article.lesson h2"));
        var before = PillarTextReads(app);
        Assert.True(before > 0, "the first view reads the edition");

        var again = await client.GetPageAsync("/pillars/listen");
        var other = await client.GetPageAsync("/pillars/own-it");
        var home = await client.GetPageAsync("/");
        Assert.Equal(before, PillarTextReads(app));
        Assert.Equal(first.QuerySelector("article.lesson")!.InnerHtml, again.QuerySelector("article.lesson")!.InnerHtml);
        Assert.NotEqual(first.QuerySelector("article.lesson")!.InnerHtml, other.QuerySelector("article.lesson")!.InnerHtml);
        Assert.NotNull(home.QuerySelector("div.lesson p"));
    }

    [Fact]
    public async Task A_new_edition_shows_its_new_text_at_once_on_a_running_site()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        var manuel = app.Browser();
        await manuel.SignedInAsync(Pages.OtherEmployee);
        const string added = "Si hoy no puedes responder, di cuándo lo harás y cúmplelo.";
        Assert.DoesNotContain(added, (await manuel.GetPageAsync("/pillars/tell-the-truth")).Text());
        Assert.Contains("Edición 1", (await manuel.GetPageAsync("/")).Text());

        var path = Path.Combine(content, "es/pillars/02-tell-the-truth.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("order: 2", "order: 2\nchange: substantive") + "\n" + added + "\n");
        var admin = app.Browser();
        await admin.SignedInAsync(Pages.Admin);
        var published = await admin.SubmitAsync(await admin.GetPageAsync("/admin/content"), "form[action*='handler=Publish']",
            new Dictionary<string, string> { ["Input.Note"] = "Pilar 2 aclarado", ["Input.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        Assert.Contains(added, (await manuel.GetPageAsync("/pillars/tell-the-truth")).Text());
        Assert.Contains("Edición 2", (await manuel.GetPageAsync("/")).Text());
    }

    [Fact]
    public async Task One_persons_progress_never_shows_on_another_persons_page_of_the_same_lesson()
    {
        using var app = new AppFactory();
        var lucia = app.Browser();
        await lucia.SignedInAsync(Pages.Employee);
        var alberto = app.Browser();
        await alberto.SignedInAsync("alberto.garrido@demo.mercadosolivo.es");
        // Both new, both shown the same lesson (the edition now kept).
        Assert.NotNull((await alberto.GetPageAsync("/pillars/listen")).QuerySelector("form[action*='handler=Read']"));
        var page = await lucia.GetPageAsync("/pillars/listen");
        var read = await lucia.SubmitAsync(page, "form[action*='handler=Read']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);

        var hers = await lucia.GetPageAsync("/pillars/listen");
        Assert.Null(hers.QuerySelector("form[action*='handler=Read']"));
        Assert.NotNull(hers.QuerySelector("form[action*='handler=Check']"));
        var his = await alberto.GetPageAsync("/pillars/listen");
        Assert.NotNull(his.QuerySelector("form[action*='handler=Read']"));
        Assert.Null(his.QuerySelector("form[action*='handler=Check']"));
        Assert.Contains("Leído; falta tu reflexión", (await lucia.GetPageAsync("/")).Text());
        Assert.DoesNotContain("Leído; falta tu reflexión", (await alberto.GetPageAsync("/")).Text());
    }

    [Fact]
    public async Task An_edition_whose_content_hash_differs_from_the_one_kept_is_read_again()
    {
        // A database replaced under a running site (a restore) may reuse an edition's id for other content.
        using var app = new AppFactory();
        _ = app.Server;
        var editions = app.Services.GetRequiredService<PublishedEditions>();
        var (id, hash) = await app.WithDbAsync(db => db.Editions.Select(e => ValueTuple.Create(e.Id, e.ContentHash)).FirstAsync());
        var kept = await app.WithDbAsync(db => editions.GetAsync(db, id, hash));
        Assert.DoesNotContain("Texto restaurado", kept.Pillars[0].Texts[0].LessonHtml);

        await app.WithDbAsync(async db =>
        {
            await db.PillarTexts.Where(t => t.PillarId == kept.Pillars[0].Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.BodyMarkdown, "Texto restaurado."));
            return await db.Editions.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.ContentHash, "restored"));
        });
        Assert.Same(kept, await app.WithDbAsync(db => editions.GetAsync(db, id, hash)));
        var restored = await app.WithDbAsync(db => editions.GetAsync(db, id, "restored"));
        Assert.All(restored.Pillars[0].Texts, t => Assert.Contains("Texto restaurado", t.LessonHtml));
        Assert.Same(restored, await app.WithDbAsync(db => editions.GetAsync(db, id, "restored")));
    }
}
