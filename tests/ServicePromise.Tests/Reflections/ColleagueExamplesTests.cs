using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Tests.Reflections;

/// <summary>
/// "Aprende de tus compañeros" on a pillar page: only featured reflections whose authors consent, only once the reader has
/// sent their own, grouped by department, anonymous when asked, and gone the moment consent is withdrawn.
/// </summary>
public class ColleagueExamplesTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Sets how a demo person's reflection on a pillar is shared, as HR featuring it would.</summary>
    Task<string> ShareAsync(string employeeNumber, string key, bool consent = true, bool anonymously = false, bool featured = true, int minutesAgo = 0) =>
        app.WithDbAsync(async db =>
        {
            var r = await db.Reflections.SingleAsync(x => x.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == employeeNumber && x.AssignmentPillar.Pillar!.Key == key);
            var hr = await db.Employees.Where(e => e.EmployeeNumber == "MO-0006").Select(e => e.Id).SingleAsync();
            r.ShareConsent = consent;
            r.ShareAnonymously = consent && anonymously;
            r.FeaturedAt = featured ? DateTime.UtcNow.AddMinutes(-minutesAgo) : null;
            r.FeaturedById = featured ? hr : null;
            // The demo was sent moments ago; as in real life, it was sent well before anyone chose it as an example.
            foreach (var v in await db.ReflectionVersions.Where(v => v.ReflectionId == r.Id).ToListAsync()) v.SubmittedAt = v.SubmittedAt.AddDays(-1);
            await db.SaveChangesAsync();
            return r.Meaning;
        });

    Task<string> NameOfAsync(string employeeNumber) =>
        app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == employeeNumber).Select(e => e.FullName).SingleAsync());

    static IElement? Examples(IHtmlDocument page) => page.QuerySelector("#examples");

    [Fact]
    public async Task Examples_appear_only_once_the_readers_own_reflection_is_sent()
    {
        var manuel = await ShareAsync("MO-0102", "listen", minutesAgo: 3);                      // Tiendas, with name
        var anaBelen = await ShareAsync("MO-0103", "listen", anonymously: true, minutesAgo: 2); // Frescos, anonymous
        var diego = await ShareAsync("MO-0401", "listen", minutesAgo: 1);                       // Logística
        var cristina = await ShareAsync("MO-0201", "listen", consent: false);                  // featured, but no consent
        var beatriz = await ShareAsync("MO-0601", "listen", featured: false);                  // consent, never featured
        var isabel = await ShareAsync("MO-0005", "listen");                                     // featured, then left the company
        await app.WithDbAsync(async db =>
        {
            (await db.Employees.SingleAsync(e => e.EmployeeNumber == "MO-0005")).IsActive = false;
            return await db.SaveChangesAsync();
        });

        var client = app.Browser();
        await client.SignedInAsync(Pages.Employee);
        Assert.Null(Examples(await client.GetPageAsync("/pillars/listen")));
        var lesson = await UserStories.ReadLessonAsync(client, "/pillars/listen");
        Assert.Null(Examples(lesson));
        // A saved draft is not a sent reflection: still nothing to copy from.
        var draft = await client.SubmitAsync(lesson, ReflectionPage.Form, UserStories.Fields("/pillars/listen"), ReflectionPage.DraftAction("/pillars/listen"));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var drafted = await client.GetPageAsync("/pillars/listen");
        Assert.Null(Examples(drafted));
        Assert.DoesNotContain(manuel, drafted.DocumentElement.OuterHtml);

        var sent = await client.SubmitAsync(drafted, ReflectionPage.Form, UserStories.Fields("/pillars/listen"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var page = await client.GetPageAsync("/pillars/listen");
        var examples = Examples(page);
        Assert.NotNull(examples);
        Assert.Equal(["Logística", "Frescos", "Tiendas"], examples.QuerySelectorAll("h3").Select(h => h.TextContent.Trim()));
        var shown = examples.QuerySelectorAll(".example").Select(e => e.TextContent).ToList();
        Assert.Equal(3, shown.Count);
        Assert.Contains(diego, shown[0]);
        Assert.Contains("Diego Méndez Caballero", shown[0]);
        Assert.Contains(anaBelen, shown[1]);
        Assert.Equal("Anónimo", examples.QuerySelectorAll(".example-author")[1].TextContent.Trim());
        Assert.Contains(manuel, shown[2]);
        Assert.Equal("Manuel Ortiz Campos", examples.QuerySelectorAll(".example-author")[2].TextContent.Trim());

        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain(await NameOfAsync("MO-0103"), html);
        Assert.DoesNotContain("Ana Belén", html);
        foreach (var hidden in new[] { cristina, beatriz, isabel }) Assert.DoesNotContain(hidden, html);
        Assert.DoesNotContain(await NameOfAsync("MO-0201"), html);
        Assert.DoesNotContain(await NameOfAsync("MO-0005"), html);
        // Nothing about an author but their name: no job title, site or number.
        Assert.DoesNotContain("MO-0102", examples.OuterHtml);
        Assert.DoesNotContain("Preparador de pedidos", examples.OuterHtml);
    }

    [Fact]
    public async Task Withdrawing_consent_removes_the_example_at_once()
    {
        var manuelsText = await ShareAsync("MO-0102", "tell-the-truth");
        var reader = app.Browser();
        await reader.SignedInAsync("alberto.garrido@demo.mercadosolivo.es");
        await UserStories.CompletePillarAsync(reader, "/pillars/tell-the-truth", "En el pasillo me preguntan a diario dónde está cada cosa y si queda algún producto; quiero contestar con la verdad aunque no sea lo que esperan oír.");
        var before = await reader.GetPageAsync("/pillars/tell-the-truth");
        Assert.Contains(manuelsText, Examples(before)!.TextContent);

        var manuel = app.Browser();
        await manuel.SignedInAsync(Pages.OtherEmployee);
        var own = await manuel.GetPageAsync("/pillars/tell-the-truth");
        var withdrawn = await manuel.SubmitAsync(own, "form[action*='handler=WithdrawSharing']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        var after = await reader.GetPageAsync("/pillars/tell-the-truth");
        Assert.Null(Examples(after));
        Assert.DoesNotContain(manuelsText, after.DocumentElement.OuterHtml);
        Assert.DoesNotContain("Manuel Ortiz", after.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task The_newest_three_per_department_are_shown_never_the_readers_own_and_not_while_their_own_is_returned()
    {
        // Four people from Tiendas featured on "own-it", one a minute apart; the reader (Cristina, Tiendas) is one of them.
        var carmen = await ShareAsync("MO-0001", "own-it", minutesAgo: 4);
        var javier = await ShareAsync("MO-0002", "own-it", minutesAgo: 3);
        var manuel = await ShareAsync("MO-0102", "own-it", minutesAgo: 2);
        var cristina = await ShareAsync("MO-0201", "own-it", minutesAgo: 1);
        var silvia = await ShareAsync("MO-0501", "own-it", minutesAgo: 5);

        var client = app.Browser();
        await client.SignedInAsync("cristina.fuentes@demo.mercadosolivo.es");
        var examples = Examples(await client.GetPageAsync("/pillars/own-it"))!;
        var groups = examples.QuerySelectorAll("h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Tiendas", "Atención al cliente"], groups);
        var tiendas = examples.QuerySelectorAll("ul.example-list")[0].QuerySelectorAll(".example").Select(e => e.TextContent).ToList();
        Assert.Equal(3, tiendas.Count);
        Assert.Contains(manuel, tiendas[0]);
        Assert.Contains(javier, tiendas[1]);
        Assert.Contains(carmen, tiendas[2]);
        Assert.Contains(silvia, examples.TextContent);
        Assert.DoesNotContain(cristina, examples.TextContent);

        // Sent back by the reviewer: she is rewriting it, so the examples go away until she sends it again.
        await app.WithDbAsync(async db =>
        {
            var own = await db.Reflections.SingleAsync(r => r.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0201" && r.AssignmentPillar.Pillar!.Key == "own-it");
            own.Status = ReflectionStatus.Returned;
            return await db.SaveChangesAsync();
        });
        Assert.Null(Examples(await client.GetPageAsync("/pillars/own-it")));
    }

    [Fact]
    public async Task The_version_that_was_featured_is_shown_not_what_the_author_wrote_later()
    {
        var featured = await ShareAsync("MO-0102", "internal-customer", minutesAgo: 10);
        await app.WithDbAsync(async db =>
        {
            var r = await db.Reflections.SingleAsync(x => x.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0102" && x.AssignmentPillar.Pillar!.Key == "internal-customer");
            r.Meaning = "Un borrador posterior que nadie ha revisado.";
            db.ReflectionVersions.Add(new ReflectionVersion
            {
                ReflectionId = r.Id, Number = 2, Meaning = "Una versión enviada después de destacarla.", Customers = "Otros.", Action = "Otra.", SubmittedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        var client = app.Browser();
        await client.SignedInAsync("cristina.fuentes@demo.mercadosolivo.es");
        var examples = Examples(await client.GetPageAsync("/pillars/internal-customer"))!;
        Assert.Contains(featured, examples.TextContent);
        Assert.DoesNotContain("borrador posterior", examples.TextContent);
        Assert.DoesNotContain("después de destacarla", examples.TextContent);
    }

    [Fact]
    public async Task Someone_elses_pillar_gives_no_examples_whatever_its_state()
    {
        await ShareAsync("MO-0102", "keep-our-word");
        var (lucia, cristinasPillar) = await app.WithDbAsync(async db => (
            await db.Employees.Where(e => e.EmployeeNumber == "MO-0101").Select(e => e.Id).SingleAsync(),
            await db.AssignmentPillars.Where(p => p.Assignment!.Employee!.EmployeeNumber == "MO-0201" && p.Pillar!.Key == "keep-our-word").Select(p => p.Id).SingleAsync()));
        // Cristina's pillar is sent; Lucía asking with its id still gets nothing.
        var groups = await app.WithDbAsync(db => ColleagueExamples.ForAsync(db, lucia, cristinasPillar));
        Assert.Empty(groups);
    }
}

/// <summary>With reviews on, a reflection sent and waiting for the reviewer already counts as the reader's own: examples show.</summary>
public class ColleagueExamplesUnderReviewTests
{
    [Fact]
    public async Task A_reflection_waiting_for_review_shows_the_examples()
    {
        using var app = new AppFactory { Settings = { ["Learning:ReviewRequired"] = "true" } };
        var manuels = await app.WithDbAsync(async db =>
        {
            var r = await db.Reflections.SingleAsync(x => x.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0102" && x.AssignmentPillar.Pillar!.Key == "listen");
            foreach (var v in await db.ReflectionVersions.Where(v => v.ReflectionId == r.Id).ToListAsync()) v.SubmittedAt = v.SubmittedAt.AddDays(-1);
            r.ShareConsent = true;
            r.FeaturedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
            return r.Meaning;
        });
        var client = app.Browser();
        await client.SignedInAsync(Pages.Employee);
        await UserStories.CompletePillarAsync(client, "/pillars/listen", "En caja atiendo a decenas de clientes cada día y a mis compañeras; voy a dejar que terminen de hablar antes de responder, desde mañana.");
        Assert.Equal(ReflectionStatus.Submitted, await app.WithDbAsync(db => db.Reflections
            .Where(r => r.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0101" && r.AssignmentPillar.Pillar!.Key == "listen").Select(r => r.Status).SingleAsync()));
        var page = await client.GetPageAsync("/pillars/listen");
        Assert.Contains(manuels, page.QuerySelector("#examples")!.TextContent);
    }
}
