using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Tests.Reflections;

/// <summary>Writing a reflection over HTTP: drafts, stale saves from another tab, double submits, versions, guardrails, similarity.</summary>
public class ReflectionWritingTests
{
    const string Teresa = "teresa.marin@demo.mercadosolivo.es";   // MO-0701, not started
    const string Patricia = "patricia.flores@demo.mercadosolivo.es"; // MO-0301, not started
    const string Link = "/pillars/listen";

    static Task<Reflection?> StoredAsync(AppFactory app, string number) =>
        app.WithDbAsync(db => db.Reflections.AsNoTracking().Include(r => r.Versions)
            .SingleOrDefaultAsync(r => r.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == number && r.AssignmentPillar.Pillar!.Key == "listen"));

    [Fact]
    public async Task A_save_from_a_stale_tab_is_not_applied_and_both_versions_are_shown()
    {
        using var app = new AppFactory();
        var client = app.Browser();
        await client.SignedInAsync(Teresa);
        var tabA = await UserStories.ReadLessonAsync(client, Link);
        var tabB = await client.GetPageAsync(Link);

        var saved = await client.SubmitAsync(tabA, ReflectionPage.Form, new Dictionary<string, string> { ["Meaning"] = "Lo que escribí en el móvil" }, ReflectionPage.DraftAction(Link));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Tab B still holds revision 0: its save must not overwrite the phone's text.
        var stale = await client.SubmitAsync(tabB, ReflectionPage.Form, new Dictionary<string, string> { ["Meaning"] = "Lo que escribí en el ordenador" }, ReflectionPage.DraftAction(Link));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = Pages.Parse(await stale.Content.ReadAsStringAsync());
        var text = conflict.QuerySelector(".conflict")!.TextContent;
        Assert.Contains("Lo que escribí en el móvil", text);
        Assert.Contains("Lo que escribí en el ordenador", text);
        Assert.Equal("Lo que escribí en el móvil", (await StoredAsync(app, "MO-0701"))!.Meaning);

        // "Keep mine" sends the computer's text again, now against the saved revision.
        var kept = await client.SubmitAsync(conflict, ".conflict form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        var stored = (await StoredAsync(app, "MO-0701"))!;
        Assert.Equal("Lo que escribí en el ordenador", stored.Meaning);
        Assert.Equal(2, stored.Revision);
    }

    [Fact]
    public async Task Autosave_answers_with_the_new_revision_and_refuses_a_stale_one()
    {
        using var app = new AppFactory();
        var client = app.Browser();
        await client.SignedInAsync(Teresa);
        var page = await UserStories.ReadLessonAsync(client, Link);
        var token = page.QuerySelector("form[data-autosave] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        async Task<HttpResponseMessage> Autosave(int revision, string meaning) =>
            await client.PostAsync(Link + "/reflection?handler=Autosave", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Revision"] = revision.ToString(CultureInfo.InvariantCulture), ["Meaning"] = meaning, ["Customers"] = "", ["Action"] = "",
            }));

        var first = await Autosave(0, "Primera frase");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("revision").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await Autosave(1, "Primera frase y segunda")).StatusCode);

        var stale = await Autosave(1, "Desde otra pestaña");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Primera frase y segunda", (await StoredAsync(app, "MO-0701"))!.Meaning);

        var tooLong = await Autosave(2, new string('a', 5000));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Equal(2, (await StoredAsync(app, "MO-0701"))!.Revision);
    }

    [Fact]
    public async Task Sending_the_same_form_twice_keeps_one_version_and_an_update_adds_the_next()
    {
        using var app = new AppFactory();
        var client = app.Browser();
        await client.SignedInAsync(Teresa);
        var page = await UserStories.ReadLessonAsync(client, Link);
        var fields = UserStories.Fields(Link);
        var responses = new[]
        {
            await client.SubmitAsync(page, ReflectionPage.Form, fields),
            await client.SubmitAsync(page, ReflectionPage.Form, fields),
        };
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var stored = (await StoredAsync(app, "MO-0701"))!;
        Assert.Single(stored.Versions);
        Assert.Equal(ReflectionStatus.Accepted, stored.Status);

        var reopened = await client.GetPageAsync(Link);
        var update = UserStories.With(fields, "Action", "Desde el lunes pregunto «¿para cuándo lo necesitas?» antes de prometer nada en el mostrador.");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(reopened, ReflectionPage.Form, update)).StatusCode);
        stored = (await StoredAsync(app, "MO-0701"))!;
        Assert.Equal([1, 2], stored.Versions.Select(v => v.Number).Order());
        Assert.Equal(fields["Action"], stored.Versions.Single(v => v.Number == 1).Action);

        var history = await client.GetPageAsync(Link);
        Assert.Contains("Versiones enviadas (2)", history.QuerySelector("details.history")!.TextContent);
    }

    [Fact]
    public async Task A_part_copied_from_the_lesson_is_refused_with_its_reason_and_nothing_is_saved()
    {
        using var app = new AppFactory();
        var client = app.Browser();
        await client.SignedInAsync(Teresa);
        var page = await UserStories.ReadLessonAsync(client, Link);
        var copied = UserStories.With(UserStories.Fields(Link), "Meaning",
            "Escuchar no es quedarse callado esperando tu turno para hablar. Es prestar atención, dejar que la otra persona termine.");
        var response = await client.SubmitAsync(page, ReflectionPage.Form, copied);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var again = Pages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Repite el texto de la lección", again.QuerySelector("#part-meaning-error")!.TextContent);
        Assert.Equal(copied["Customers"], again.QuerySelector("textarea[name=Customers]")!.TextContent);
        Assert.Null(await StoredAsync(app, "MO-0701"));
    }

    [Fact]
    public async Task A_reflection_nearly_the_same_as_a_colleagues_is_accepted_and_flagged()
    {
        using var app = new AppFactory();
        var teresa = app.Browser();
        await teresa.SignedInAsync(Teresa);
        await UserStories.CompletePillarAsync(teresa, Link, "En soporte escucho a la persona entera antes de tocar su ordenador y le repito lo que he entendido del fallo.");
        var patricia = app.Browser();
        await patricia.SignedInAsync(Patricia);
        await UserStories.CompletePillarAsync(patricia, Link, "En soporte escucho a la persona entera antes de tocar su ordenador y le repito lo que entendí del fallo.");

        var first = (await StoredAsync(app, "MO-0701"))!;
        var second = (await StoredAsync(app, "MO-0301"))!;
        Assert.Null(first.SimilarToId);
        Assert.Equal(first.Id, second.SimilarToId);
        Assert.InRange(second.Similarity!.Value, 0.6, 1.0);
        Assert.Equal(ReflectionStatus.Accepted, second.Status);
    }
}

/// <summary>With reviews on, sending is not enough: the pillar waits for the reviewer and the text is frozen meanwhile.</summary>
public class ReviewRequiredTests
{
    [Fact]
    public async Task A_sent_reflection_waits_for_review_and_cannot_be_changed_meanwhile()
    {
        using var app = new AppFactory { Settings = { ["Learning:ReviewRequired"] = "true" } };
        var client = app.Browser();
        await client.SignedInAsync("teresa.marin@demo.mercadosolivo.es");
        var page = await UserStories.ReadLessonAsync(client, "/pillars/listen");
        var sent = await client.SubmitAsync(page, ReflectionPage.Form, UserStories.Fields("/pillars/listen"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/pillars/listen#reflection", sent.Headers.Location!.OriginalString);

        var home = await client.GetPageAsync("/");
        Assert.Contains("Enviada; en revisión", home.Text());
        Assert.Contains("0 de 5 pilares completados", home.Text());
        var pillar = await client.GetPageAsync("/pillars/listen");
        Assert.Contains("esperando la revisión de tu responsable", pillar.Text());
        Assert.All(pillar.QuerySelectorAll("form[data-autosave] textarea"), t => Assert.True(t.HasAttribute("readonly")));

        var draft = await client.SubmitAsync(pillar, ReflectionPage.Form, new Dictionary<string, string> { ["Meaning"] = "Cambio de idea" }, ReflectionPage.DraftAction("/pillars/listen"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, draft.StatusCode);
        var stored = await app.WithDbAsync(db => db.Reflections.AsNoTracking()
            .SingleAsync(r => r.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0701"));
        Assert.Equal(ReflectionStatus.Submitted, stored.Status);
        Assert.Equal(UserStories.Fields("/pillars/listen")["Meaning"], stored.Meaning);
        Assert.Null(await app.WithDbAsync(db => db.AssignmentPillars.Where(p => p.Id == stored.AssignmentPillarId).Select(p => p.ReflectedAt).SingleAsync()));
    }
}
