using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Learning;

namespace ServicePromise.Tests.Content;

/// <summary>An admin previews the content folder, sees who a new edition would affect, and publishes it.</summary>
public class AdminContentTests
{
    static void ChangeTellTheTruth(string content)
    {
        var path = Path.Combine(content, "es/pillars/02-tell-the-truth.md");
        var text = File.ReadAllText(path).Replace("order: 2", "order: 2\nchange: substantive");
        File.WriteAllText(path, text + "\nSi hoy no puedes responder, di cuándo lo harás y cúmplelo.\n");
    }

    static async Task<HttpClient> AdminAsync(AppFactory app)
    {
        var client = app.Browser();
        await client.SignedInAsync(Pages.Admin);
        return client;
    }

    [Theory]
    [InlineData(Pages.Hr)]
    [InlineData(Pages.Employee)]
    public async Task Only_admins_open_the_content_pages(string who)
    {
        using var app = new AppFactory();
        var client = app.Browser();
        await client.SignedInAsync(who);
        foreach (var url in new[] { "/admin/content", "/admin/content/preview", "/admin/content/diff?from=1", "/admin/content/editions/1" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task Pending_changes_show_who_is_affected_and_publishing_needs_a_note_and_a_confirmation()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        var client = await AdminAsync(app);
        var empty = await client.GetPageAsync("/admin/content");
        Assert.Contains("No hay nada pendiente", empty.Text());

        ChangeTellTheTruth(content);
        var page = await client.GetPageAsync("/admin/content");
        var text = page.Text();
        Assert.Contains("se creará la edición 2", text);
        Assert.Contains("Habla claro y di la verdad — Cambio de fondo", System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "));
        var completed = await app.WithDbAsync(db => db.Employees.CountAsync(e => e.CurrentAssignment!.CompletedAt != null));
        Assert.Contains($"{completed} personas que ya habían completado la promesa tendrán que repasar 1 pilar;", text);
        Assert.Contains("personas que aún no habían empezado empezarán con la nueva edición", text);
        var planned = page.QuerySelectorAll("ul.planned li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent, @"\s+", " ").Trim()).ToList();
        Assert.Contains("Manuel Ortiz Campos — Habla claro y di la verdad", planned);
        Assert.Contains(planned, p => p.StartsWith("Sergio Molina Cabrera — ", StringComparison.Ordinal) && p.EndsWith("(estaba a medias)", StringComparison.Ordinal));
        // Someone who never started was not "a medias".
        Assert.Contains(planned, p => p.StartsWith("Lucía Romero Sánchez — ", StringComparison.Ordinal) && p.EndsWith("(no había empezado)", StringComparison.Ordinal));
        Assert.DoesNotContain(planned, p => p.StartsWith("Lucía Romero Sánchez — ", StringComparison.Ordinal) && p.Contains("a medias"));

        // No confirmation: refused, nothing published.
        var refused = await client.SubmitAsync(page, "form[action*='handler=Publish']", new Dictionary<string, string> { ["Input.Note"] = "Pilar 2 aclarado" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Marca la casilla", await refused.Content.ReadAsStringAsync());

        // The folder changed after the admin looked: refused, they must look again.
        File.AppendAllText(Path.Combine(content, "es/pillars/02-tell-the-truth.md"), "\nOtra frase más.\n");
        var stale = await client.SubmitAsync(page, "form[action*='handler=Publish']", new Dictionary<string, string> { ["Input.Note"] = "Pilar 2", ["Input.Confirm"] = "true" });
        Assert.Contains("El contenido ha cambiado desde que lo revisaste", await stale.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Editions.CountAsync()));

        var fresh = await client.GetPageAsync("/admin/content");
        var published = await client.SubmitAsync(fresh, "form[action*='handler=Publish']", new Dictionary<string, string> { ["Input.Note"] = "Pilar 2 aclarado", ["Input.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var after = await client.GetPageAsync("/admin/content");
        Assert.Contains($"Edición 2 publicada. {completed + await MovedAsync(app)} personas tienen algo que hacer.", after.Text());
        Assert.Contains("Pilar 2 aclarado", after.Text());
        Assert.Equal(AssignmentReason.NewEdition, await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0102").Select(e => e.CurrentAssignment!.Reason).SingleAsync()));

        // Edition 1 stays readable word for word, without the new sentence.
        var first = await client.GetPageAsync("/admin/content/editions/1");
        Assert.Equal(5, first.QuerySelectorAll("section.card").Length);
        Assert.DoesNotContain("Si hoy no puedes responder", first.Text());
        Assert.Contains("Si hoy no puedes responder", (await client.GetPageAsync("/admin/content/editions/2")).Text());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/content/editions/99")).StatusCode);

        var diff = await client.GetPageAsync("/admin/content/diff?from=1&to=2");
        Assert.Contains(diff.QuerySelectorAll("ins"), i => i.TextContent.Contains("Si hoy no puedes responder"));
        Assert.Empty(diff.QuerySelectorAll("del"));
    }

    [Fact]
    public async Task One_person_in_each_group_is_counted_in_the_singular()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        // Only three people still work here: one who completed (Manuel), one on the way (Pablo, the admin), one who never started (Lucía).
        await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber != "MO-0102" && e.EmployeeNumber != "MO-0007" && e.EmployeeNumber != "MO-0101")
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.IsActive, false)));
        var client = await AdminAsync(app);
        ChangeTellTheTruth(content);
        var page = await client.GetPageAsync("/admin/content");
        var text = System.Text.RegularExpressions.Regex.Replace(page.Text(), @"\s+", " ");
        Assert.Contains("Al publicar: 1 persona que ya había completado la promesa tendrá que repasar 1 pilar; "
            + "1 persona que estaba a medias pasará a la nueva edición sin perder lo que no ha cambiado; "
            + "1 persona que aún no había empezado empezará con la nueva edición.", text);
        Assert.Contains("Quién y qué pilares (3 personas)", text);
        Assert.DoesNotContain("1 personas", text);
        Assert.DoesNotContain("1 pilares", text);
    }

    [Fact]
    public async Task With_nothing_pending_the_preview_and_the_differences_are_still_a_click_away()
    {
        using var app = new AppFactory { ContentPath = Repo.CopyContent() };
        var client = await AdminAsync(app);
        var page = await client.GetPageAsync("/admin/content");
        Assert.Contains("No hay nada pendiente", page.Text());
        Assert.NotNull(page.QuerySelector("a[href='/admin/content/preview']"));
        var diffLink = page.QuerySelector("a[href^='/admin/content/diff']")!.GetAttribute("href")!;
        var diff = await client.GetPageAsync(diffLink);
        Assert.Equal(5, diff.QuerySelectorAll("section[lang=es]").Length);
        Assert.Empty(diff.QuerySelectorAll("ins, del"));
    }

    [Fact]
    public async Task The_differences_without_from_compare_with_the_previous_edition()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        var client = await AdminAsync(app);
        ChangeTellTheTruth(content);
        // The folder against the latest edition (1): the change shows.
        var folder = await client.GetPageAsync("/admin/content/diff");
        Assert.Contains(folder.QuerySelectorAll("ins"), i => i.TextContent.Contains("Si hoy no puedes responder"));
        Assert.Contains("Edición 1", folder.QuerySelector("thead")!.TextContent);

        var page = await client.GetPageAsync("/admin/content");
        var published = await client.SubmitAsync(page, "form[action*='handler=Publish']", new Dictionary<string, string> { ["Input.Note"] = "Pilar 2", ["Input.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        // Edition 2 against the one before it.
        var second = await client.GetPageAsync("/admin/content/diff?to=2");
        Assert.Contains(second.QuerySelectorAll("ins"), i => i.TextContent.Contains("Si hoy no puedes responder"));
        Assert.Contains("Edición 1", second.QuerySelector("thead")!.TextContent);
        // And the folder, unchanged since, against edition 2: nothing.
        Assert.Empty((await client.GetPageAsync("/admin/content/diff")).QuerySelectorAll("ins, del"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/content/diff?to=1")).StatusCode);
    }

    [Theory]
    [InlineData("/admin/content/preview")]
    [InlineData("/admin/content/preview?lang=en")]
    [InlineData("/admin/content/editions/1")]
    [InlineData("/admin/content/editions/1?lang=en")]
    public async Task Pages_that_show_every_lesson_use_each_id_once_and_their_links_find_their_headings(string url)
    {
        using var app = new AppFactory();
        var client = await AdminAsync(app);
        var page = await client.GetPageAsync(url);
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        var repeated = ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        Assert.True(repeated.Count == 0, "Ids used more than once: " + string.Join(", ", repeated));
        Assert.True(page.QuerySelectorAll(".lesson h2[id], .lesson h3[id]").Length >= 10, "The lessons' headings lost their ids");
        foreach (var link in page.QuerySelectorAll(".lesson a[href^='#']"))
            Assert.NotNull(page.GetElementById(link.GetAttribute("href")![1..]));
    }

    static Task<int> MovedAsync(AppFactory app) =>
        app.WithDbAsync(db => db.Employees.CountAsync(e => e.CurrentAssignment!.Edition!.Number == 2 && e.CurrentAssignment.Reason != AssignmentReason.NewEdition));

    [Fact]
    public async Task The_preview_renders_the_unpublished_lessons_with_the_check_answers_for_the_admin()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        var client = await AdminAsync(app);
        ChangeTellTheTruth(content);
        var preview = await client.GetPageAsync("/admin/content/preview");
        Assert.Contains("Si hoy no puedes responder", preview.Text());
        Assert.Equal(5, preview.QuerySelectorAll("section.card").Length);
        Assert.Contains("✓ ", preview.Text());
        var english = await client.GetPageAsync("/admin/content/preview?lang=en");
        Assert.Equal("en", english.QuerySelector("article")!.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/admin/content/preview", "En el almacén de Dos Hermanas, la tienda de Málaga llama", "ejemplos")]
    [InlineData("/admin/content/editions/1?lang=en", "In the Dos Hermanas warehouse, the Málaga store calls", "examples")]
    public async Task The_preview_and_the_edition_show_the_practice_questions_with_their_answers_and_lesson_part(string url, string question, string section)
    {
        using var app = new AppFactory();
        var client = await AdminAsync(app);
        var page = await client.GetPageAsync(url);
        var listen = page.QuerySelector("section[aria-labelledby='pillar-listen']")!;
        Assert.Equal(5, page.QuerySelectorAll("section.card h3").Count(h => h.TextContent == "Preguntas de repaso"));
        var item = listen.QuerySelectorAll("li").First(li => li.QuerySelector("strong")?.TextContent.StartsWith(question, StringComparison.Ordinal) == true);
        Assert.StartsWith("✓ ", item.QuerySelectorAll("ul li").Single(o => o.TextContent.StartsWith('✓')).TextContent);
        var part = item.QuerySelector("a[href^='#']")!;
        Assert.Equal("#listen-" + section, part.GetAttribute("href"));
        foreach (var link in page.QuerySelectorAll("section.card a[href^='#']"))
            Assert.NotNull(page.GetElementById(link.GetAttribute("href")![1..]));
    }

    static void Replace(string path, string old, string now)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(old, text);
        File.WriteAllText(path, text.Replace(old, now, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_to_the_practice_questions_shows_in_the_diff_and_the_pending_list_as_nothing_to_redo()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        var client = await AdminAsync(app);
        // One explanation of the first practice question, in Spanish only: nobody redoes the pillar, the diff still says so.
        Replace(Path.Combine(content, "es/pillars/01-listen.md"), "con dos datos concretos buscas", "con el número de pedido buscas");

        var diff = await client.GetPageAsync("/admin/content/diff?from=1");
        var listen = diff.QuerySelector("section[aria-labelledby='diff-es-listen']")!;
        Assert.Contains(listen.QuerySelectorAll("ins"), i => i.TextContent.Contains("con el número de pedido"));
        Assert.Equal("Preguntas de repaso: 1 cambiada. No cuentan para completar el pilar: nadie tiene que repetirlo por ellas.",
            listen.QuerySelector(".practice-change")!.TextContent);
        Assert.Single(diff.QuerySelectorAll(".practice-change"));

        var pending = await client.GetPageAsync("/admin/content");
        var flat = System.Text.RegularExpressions.Regex.Replace(pending.Text(), @"\s+", " ");
        Assert.Contains("Escucha antes de responder — Sin cambios Preguntas de repaso: 1 cambiada.", flat);
        Assert.Single(pending.QuerySelectorAll(".practice-change"));
    }

    [Fact]
    public async Task A_change_only_to_the_english_check_shows_in_the_diff()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        var client = await AdminAsync(app);
        var path = Path.Combine(content, "en/pillars/01-listen.md");
        var text = File.ReadAllText(path);
        var at = text.IndexOf("explanation: \"", StringComparison.Ordinal) + "explanation: \"".Length;
        File.WriteAllText(path, text[..at] + "A brand-new explanation. " + text[at..]);

        var diff = await client.GetPageAsync("/admin/content/diff?from=1");
        var english = diff.QuerySelectorAll("section[lang=en]");
        Assert.Contains(english.SelectMany(s => s.QuerySelectorAll("ins")), i => i.TextContent.Contains("A brand-new explanation."));
        Assert.Empty(diff.QuerySelectorAll("section[lang=es] ins"));
    }

    [Fact]
    public async Task A_broken_file_is_listed_with_its_line_and_nothing_can_be_published()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        var client = await AdminAsync(app);
        File.WriteAllText(Path.Combine(content, "es/pillars/03-own-it.md"), "---\nkey: own-it\norder: 3\n---\n");
        var page = await client.GetPageAsync("/admin/content");
        Assert.Contains("es/pillars/03-own-it.md:2", page.Text());
        Assert.Null(page.QuerySelector("form[action*='handler=Publish']"));
        Assert.Contains("es/pillars/03-own-it.md", (await client.GetPageAsync("/admin/content/preview")).Text());
    }

    [Fact]
    public async Task Validation_messages_are_in_the_admins_language()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        var client = await AdminAsync(app);
        File.WriteAllText(Path.Combine(content, "es/pillars/03-own-it.md"), "---\nkey: own-it\norder: 3\nchange: cosmetic\n---\nTexto.\n");

        var spanish = (await client.GetPageAsync("/admin/content")).Text();
        Assert.Contains("'title' es obligatorio", spanish);
        Assert.Contains("'change' debe ser 'editorial'", spanish);
        Assert.DoesNotContain("is required", spanish);
        Assert.Contains("'title' es obligatorio", (await client.GetPageAsync("/admin/content/preview")).Text());

        await app.WithDbAsync(async db =>
        {
            (await db.Employees.SingleAsync(e => e.EmployeeNumber == "MO-0007")).Language = "en";
            return await db.SaveChangesAsync();
        });
        var english = await AdminAsync(app);
        var text = (await english.GetPageAsync("/admin/content")).Text();
        Assert.Contains("'title' is required", text);
        Assert.Contains("'change' must be 'editorial'", text);
        Assert.DoesNotContain("es obligatorio", text);
    }
}
