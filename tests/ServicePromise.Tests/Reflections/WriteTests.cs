using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Reflections;

/// <summary>The reflection's own page, /pillars/{key}/reflection: where the form under the lesson posts, and where a refused post comes back.</summary>
public class WriteTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_reflection_page_waits_for_the_lesson_and_its_check_then_shows_the_form_with_a_way_back()
    {
        var client = app.Browser();
        await client.SignedInAsync("teresa.marin@demo.mercadosolivo.es");
        var unread = await client.GetAsync("/pillars/listen/reflection");
        Assert.Equal(HttpStatusCode.Redirect, unread.StatusCode);
        Assert.Equal("/pillars/listen", unread.Headers.Location!.OriginalString);

        var lesson = await client.GetPageAsync("/pillars/listen");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(lesson, "form[action*='handler=Read']", new Dictionary<string, string>())).StatusCode);
        var unchecked_ = await client.GetAsync("/pillars/listen/reflection");
        Assert.Equal(HttpStatusCode.Redirect, unchecked_.StatusCode);
        Assert.Equal("/pillars/listen#check", unchecked_.Headers.Location!.OriginalString);

        var ready = await UserStories.ReadLessonAsync(client, "/pillars/listen");
        // The form under the lesson posts to the reflection page; its draft button and its autosave too.
        Assert.Equal("/pillars/listen/reflection?handler=Submit#reflection", ready.QuerySelector("form[data-autosave]")!.GetAttribute("action"));
        Assert.Equal("/pillars/listen/reflection?handler=Draft#reflection", ready.QuerySelector("button[formaction]")!.GetAttribute("formaction"));
        Assert.Equal("/pillars/listen/reflection?handler=Autosave", ready.QuerySelector("form[data-autosave]")!.GetAttribute("data-autosave-url"));

        var page = await client.GetPageAsync("/pillars/listen/reflection");
        Assert.NotNull(page.QuerySelector("form[data-autosave] textarea[name=Meaning]"));
        Assert.NotNull(page.QuerySelector("main a[href='/pillars/listen']"));
        Assert.Null(page.QuerySelector("article.lesson"));
    }

    [Fact]
    public async Task A_refused_post_comes_back_on_the_reflection_page_and_a_saved_draft_goes_back_to_the_lesson()
    {
        var client = app.Browser();
        await client.SignedInAsync("patricia.flores@demo.mercadosolivo.es");
        var page = await UserStories.ReadLessonAsync(client, "/pillars/listen");
        var refused = await client.SubmitAsync(page, "form[data-autosave]", UserStories.With(UserStories.Fields("/pillars/listen"), "Customers", "Yo."));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var again = Pages.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("escribe al menos 25", again.QuerySelector("#part-customers-error")!.TextContent);
        Assert.NotNull(again.QuerySelector("main a[href='/pillars/listen']"));

        var draft = await client.SubmitAsync(again, "form[data-autosave]", new Dictionary<string, string> { ["Meaning"] = "Primera idea" },
            again.QuerySelector("button[formaction]")!.GetAttribute("formaction"));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Equal("/pillars/listen#reflection", draft.Headers.Location!.OriginalString);
        var lesson = await client.GetPageAsync("/pillars/listen");
        Assert.Equal("Primera idea", lesson.QuerySelector("textarea[name=Meaning]")!.TextContent);
        Assert.Contains("Borrador guardado.", lesson.QuerySelector("#reflection")!.TextContent);
    }

    [Fact]
    public async Task A_form_from_before_the_reflection_had_its_own_page_is_passed_on_with_its_text()
    {
        var client = app.Browser();
        await client.SignedInAsync("jorge.pena@demo.mercadosolivo.es");
        var page = await UserStories.ReadLessonAsync(client, "/pillars/listen");
        var token = page.QuerySelector("form[data-autosave] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string>(UserStories.Fields("/pillars/listen")) { ["__RequestVerificationToken"] = token, ["Revision"] = "0" };
        // The action's plan date, as the form suggests it (a send without one is refused: CheckInFlowTests).
        fields["ActionDueOn"] = page.QuerySelector("input[name=ActionDueOn]")!.GetAttribute("value")!;

        // The old page's form posted to the pillar page itself.
        var old = await client.PostAsync("/pillars/listen?handler=Submit", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, old.StatusCode);
        Assert.Equal("/pillars/listen/reflection?handler=Submit", old.Headers.Location!.OriginalString);
        Assert.Equal(0, await app.WithDbAsync(db => db.Reflections.CountAsync(r => r.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0404")));

        // A browser posts the same form again to where it was sent.
        var sent = await client.PostAsync(old.Headers.Location, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(fields["Meaning"], await app.WithDbAsync(db => db.Reflections
            .Where(r => r.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0404").Select(r => r.Meaning).SingleAsync()));
    }
}
