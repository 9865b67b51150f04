using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Certificates;
using ServicePromise.Tests.Support;
using static ServicePromise.Tests.Support.UserStories;

namespace ServicePromise.Tests.Learning;

/// <summary>An employee's whole course over HTTP: read, reflect, complete, certificate, verification.</summary>
public class JourneyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Completing_the_last_pillar_issues_a_certificate_that_verifies()
    {
        var client = app.Browser();
        await client.SignedInAsync("irene.bravo@demo.mercadosolivo.es");
        var home = await client.GetPageAsync("/");
        var pillarLinks = home.QuerySelectorAll(".pillar-item a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.InRange(pillarLinks.Count, 4, 6);

        foreach (var link in pillarLinks)
            await CompletePillarAsync(client, link, Reflection);

        var finished = await client.GetPageAsync("/");
        Assert.Contains("¡Has completado la promesa!", finished.Text());
        var pdfLink = finished.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).First(h => h != null && h.EndsWith("/pdf", StringComparison.Ordinal))!;
        var pdf = await client.GetByteArrayAsync(pdfLink);

        var certificate = await app.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.HolderName == "Irene Bravo Rivas"));
        await CertificateAssertions.PdfAndVerificationPageAgreeAsync(app.Browser(), pdf, certificate);
    }

    [Fact]
    public async Task Submitting_twice_creates_nothing_twice()
    {
        var client = app.Browser();
        await client.SignedInAsync("jorge.pena@demo.mercadosolivo.es");
        var home = await client.GetPageAsync("/");
        var links = home.QuerySelectorAll(".pillar-item a").Select(a => a.GetAttribute("href")!).ToList();
        foreach (var link in links) await CompletePillarAsync(client, link, Reflection);

        // The same final form posted again, as a double click or a resent form would.
        var again = await client.GetPageAsync(links[^1]);
        var response = await client.SubmitAsync(again, ReflectionPage.Form, Fields(links[^1]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("ya está completada", Pages.Parse(await response.Content.ReadAsStringAsync()).Text());

        var (certificates, reflections) = await app.WithDbAsync(async db =>
        {
            var id = await db.Employees.Where(e => e.EmployeeNumber == "MO-0404").Select(e => e.Id).SingleAsync();
            return (await db.Certificates.CountAsync(c => c.EmployeeId == id),
                await db.Reflections.CountAsync(r => r.AssignmentPillar!.Assignment!.EmployeeId == id));
        });
        Assert.Equal(1, certificates);
        Assert.Equal(links.Count, reflections);
    }

    [Fact]
    public async Task Sending_the_last_two_pillars_at_the_same_moment_completes_once_with_one_certificate()
    {
        var client = app.Browser();
        await client.SignedInAsync("david.iglesias@demo.mercadosolivo.es");
        var home = await client.GetPageAsync("/");
        var remaining = home.QuerySelectorAll(".pillar-item").Where(li => li.QuerySelector(".badge.done") is null)
            .Select(li => li.QuerySelector("a")!.GetAttribute("href")!).ToList();
        Assert.Equal(2, remaining.Count);

        var forms = new List<AngleSharp.Html.Dom.IHtmlDocument>();
        foreach (var link in remaining)
            forms.Add(await ReadLessonAsync(client, link));
        var responses = await Task.WhenAll(forms.Select((f, i) => client.SubmitAsync(f, ReflectionPage.Form, Fields(remaining[i]))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

        var (completedAt, certificates) = await app.WithDbAsync(async db =>
        {
            var assignment = await db.Assignments.AsNoTracking().SingleAsync(a => a.Employee!.EmployeeNumber == "MO-0202");
            return (assignment.CompletedAt, await db.Certificates.CountAsync(c => c.AssignmentId == assignment.Id));
        });
        Assert.NotNull(completedAt);
        Assert.Equal(1, certificates);
    }

    [Fact]
    public async Task A_submitted_reflection_cannot_be_replaced_by_a_draft()
    {
        var client = app.Browser();
        await client.SignedInAsync("elena.prieto@demo.mercadosolivo.es");
        var page = await client.GetPageAsync("/pillars/listen");
        Assert.Null(page.QuerySelector("button[formaction*='Draft']"));
        var response = await client.SubmitAsync(page, ReflectionPage.Form, new Dictionary<string, string> { ["Meaning"] = "x" }, ReflectionPage.DraftAction("/pillars/listen"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Ya has enviado esta reflexión", await response.Content.ReadAsStringAsync());
        var stored = await app.WithDbAsync(db => db.Reflections
            .Where(r => r.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0105" && r.AssignmentPillar.Pillar!.Key == "listen")
            .Select(r => r.Meaning).SingleAsync());
        Assert.True(stored.Length >= 60);
    }

    [Fact]
    public async Task A_line_break_counts_as_one_character_as_the_browser_shows_it()
    {
        var client = app.Browser();
        await client.SignedInAsync("alberto.garrido@demo.mercadosolivo.es");
        var page = await ReadLessonAsync(client, "/pillars/tell-the-truth");
        // 1,190 letters and 10 line breaks: 1,200 characters on screen (the maximum), 1,210 of CRLF on the wire.
        var text = string.Join("\r\n", Enumerable.Range(0, 11).Select(i => i + new string('a', i < 10 ? 108 : 98)));
        var response = await client.SubmitAsync(page, ReflectionPage.Form, With(Fields("/pillars/tell-the-truth"), "Meaning", text));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_post_to_a_lesson_without_a_known_action_goes_back_to_the_lesson()
    {
        var client = app.Browser();
        await client.SignedInAsync("hugo.santana@demo.mercadosolivo.es");
        var page = await client.GetPageAsync("/pillars/listen");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var url in new[] { "/pillars/listen", "/pillars/listen?handler=Nope" })
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/pillars/listen", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task A_short_reflection_is_refused_and_the_text_stays_in_the_form()
    {
        var client = app.Browser();
        await client.SignedInAsync("alberto.garrido@demo.mercadosolivo.es");
        var page = await ReadLessonAsync(client, "/pillars/listen");

        var response = await client.SubmitAsync(page, ReflectionPage.Form, With(Fields("/pillars/listen"), "Meaning", "Estoy de acuerdo."));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var again = Pages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("escribe al menos 60", again.QuerySelector("#part-meaning-error")!.TextContent);
        Assert.Equal("true", again.QuerySelector("textarea[name=Meaning]")!.GetAttribute("aria-invalid"));
        Assert.Equal("Estoy de acuerdo.", again.QuerySelector("textarea[name=Meaning]")!.TextContent);
        Assert.Equal(Fields("/pillars/listen")["Action"], again.QuerySelector("textarea[name=Action]")!.TextContent);
    }

    [Fact]
    public async Task A_draft_is_kept_on_the_server_without_completing_the_pillar()
    {
        var client = app.Browser();
        await client.SignedInAsync("patricia.flores@demo.mercadosolivo.es");
        var reflection = await (await PillarPage.OpenAsync(client, "/pillars/own-it")).ReadAndPassAsync();
        var response = await reflection.SaveDraftAsync(new Dictionary<string, string> { ["Meaning"] = "Primera idea" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var reloaded = await ReflectionPage.OpenAsync(client, "/pillars/own-it");
        Assert.Equal("Primera idea", reloaded.Document.QuerySelector("textarea[name=Meaning]")!.TextContent);
        var home = await client.GetPageAsync("/");
        Assert.Contains("0 de 5 pilares completados", home.Text());
    }

    [Fact]
    public async Task A_reflection_cannot_be_sent_before_the_lesson_is_read()
    {
        var client = app.Browser();
        await client.SignedInAsync("sara.cortes@demo.mercadosolivo.es");
        var lesson = await client.GetPageAsync("/pillars/keep-our-word");
        Assert.Null(lesson.QuerySelector("textarea"));
        var token = lesson.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync(ReflectionPage.SendAction("/pillars/keep-our-word"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Meaning"] = Reflection,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/pillars/keep-our-word", response.Headers.Location!.OriginalString);
        Assert.Equal(0, await app.WithDbAsync(db => db.Reflections.CountAsync(r => r.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0205")));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        var client = app.Browser();
        await client.SignedInAsync("hugo.santana@demo.mercadosolivo.es");
        var response = await client.PostAsync("/pillars/listen?handler=Read", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_pillar_is_not_found()
    {
        var client = app.Browser();
        await client.SignedInAsync("hugo.santana@demo.mercadosolivo.es");
        var response = await client.GetAsync("/pillars/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Página no encontrada", await response.Content.ReadAsStringAsync());
    }
}
