using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Coaching;
using ServicePromise.Tests.Support;
using ServicePromise.Web.CheckIns;
using static ServicePromise.Tests.Support.CheckInSteps;

namespace ServicePromise.Tests.CheckIns;

/// <summary>
/// A committed action followed up: Lucía (Sevilla Centro, Carmen's team) plans her action on "listen" with a date; on
/// that date her home asks, she answers, Carmen replies, and the follow-ups come as the schedule says.
/// </summary>
public class CheckInFlowTests
{
    const string Lucia = "MO-0101";
    const string Note = "Lo hice con dos clientes con prisa; con el tercero se me olvidó por la cola.";

    static async Task<(CheckInAppFactory App, HttpClient Lucia, CommitmentCheckIn First)> PlannedAsync(int days = 5)
    {
        var app = new CheckInAppFactory();
        var lucia = await app.SignedInAsync(Pages.Employee);
        Redirected(await lucia.CommitAsync("listen", Date(app.Today.AddDays(days))));
        var first = Assert.Single(await app.CheckInsOfAsync(Lucia));
        return (app, lucia, first);
    }

    [Fact]
    public async Task On_the_plan_date_the_home_asks_the_person_answers_partly_and_the_manager_replies()
    {
        var (app, lucia, first) = await PlannedAsync();
        using var _ = app;
        var planDate = app.Today.AddDays(5);
        Assert.Equal(planDate, first.DueOn);
        Assert.Null((await lucia.GetPageAsync("/")).QuerySelector("#checkins"));

        app.MoveTo(planDate);
        lucia = await app.SignedInAsync(Pages.Employee); // the sign-in does not outlast days
        var card = (await lucia.GetPageAsync("/")).QuerySelector("#checkins")!;
        Assert.NotNull(card.QuerySelector($"a[href='/checkins/{first.Id}']"));

        var answer = new Dictionary<string, string> { ["Outcome"] = "Partly", ["Rating"] = "3", ["Note"] = Note, ["Obstacle"] = "La cola del sábado." };
        Redirected(await lucia.AnswerAsync(first.Id, answer));
        // The same form sent again (a double click, a resent tab) answers once and schedules the follow-up once.
        var page = await lucia.GetPageAsync($"/checkins/{first.Id}");
        Assert.Null(page.QuerySelector(AnswerForm));
        Assert.Contains(Note, page.Text());
        var checkIns = await app.CheckInsOfAsync(Lucia);
        Assert.Equal(2, checkIns.Count);
        Assert.Equal((CheckInOutcome.Partly, 3, Note), (checkIns[0].Outcome!.Value, checkIns[0].Rating!.Value, checkIns[0].Note!));
        Assert.Equal(planDate.AddDays(30), checkIns[1].DueOn);
        Assert.Null((await lucia.GetPageAsync("/")).QuerySelector("#checkins"));

        // Carmen sees the commitment and the answer on Mi equipo, and replies.
        var carmen = await app.SignedInAsync(Coach.Carmen);
        var team = (await carmen.GetPageAsync("/team")).QuerySelector("#team-checkins")!;
        Assert.Contains("Lucía Romero Sánchez", team.TextContent);
        Assert.Contains("En parte", team.TextContent);
        // One row for her commitment: the follow-up a month away does not list her again as "Pendiente".
        Assert.Single(team.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Lucía Romero Sánchez"));
        Assert.DoesNotContain("Pendiente", team.TextContent);
        const string Reply = "¡Bien hecho! El sábado pide a Rosa que abra la segunda caja y así no se te olvida.";
        Redirected(await carmen.ReplyAsync(first.Id, Reply));
        Redirected(await carmen.ReplyAsync(first.Id, Reply));
        Assert.Equal(1, await app.WithDbAsync(db => db.CheckInReplies.CountAsync()));

        // Lucía reads the reply, and her home points to it.
        Assert.Contains(Reply, (await lucia.GetPageAsync($"/checkins/{first.Id}")).QuerySelector("#replies")!.TextContent);
        Assert.NotNull((await lucia.GetPageAsync("/")).QuerySelector($"#checkins a[href='/checkins/{first.Id}#replies']"));
        // Mi historial keeps the answer and the reply.
        var record = (await lucia.GetPageAsync("/me/record")).QuerySelector("#checkins")!.TextContent;
        Assert.Contains(Note, record);
        Assert.Contains(Reply, record);

        // HR: by pillar, one check-in due and answered, partly; the group drills down to Lucía's check-in.
        var marta = await app.SignedInAsync(Pages.Hr);
        var report = await marta.GetPageAsync("/hr/checkins");
        var listen = report.QuerySelectorAll("#by-pillar-heading ~ div tbody tr").Single();
        Assert.Equal(["100 % 1 de 1", "0", "1", "0", "0"], listen.QuerySelectorAll("td").Select(td => string.Join(' ', td.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        var drill = await marta.GetPageAsync(listen.QuerySelector("a")!.GetAttribute("href")!);
        Assert.NotNull(drill.QuerySelector($"#people-heading ~ div a[href='/checkins/{first.Id}']"));
        // Employees and managers have no such report.
        var denied = await carmen.GetAsync("/hr/checkins");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/access-denied", denied.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task With_reviews_on_the_check_ins_start_when_the_manager_approves()
    {
        using var app = new CheckInAppFactory();
        app.Settings["Reflections:ReviewRequired"] = "true";
        var lucia = await app.SignedInAsync(Pages.Employee);
        var planDate = app.Today.AddDays(3);
        Redirected(await lucia.CommitAsync("listen", Date(planDate)));
        Assert.Empty(await app.CheckInsOfAsync(Lucia));

        var carmen = await app.SignedInAsync(Coach.Carmen);
        Redirected(await carmen.DecideAsync(await app.ReflectionIdAsync(Lucia, "listen"), "Approved"));
        Assert.Equal(planDate, Assert.Single(await app.CheckInsOfAsync(Lucia)).DueOn);
    }

    [Fact]
    public async Task A_double_submitted_answer_is_recorded_once()
    {
        var (app, lucia, first) = await PlannedAsync();
        using var _ = app;
        app.MoveTo(first.DueOn);
        lucia = await app.SignedInAsync(Pages.Employee); // the sign-in does not outlast days
        var page = await lucia.GetPageAsync($"/checkins/{first.Id}");
        var values = new Dictionary<string, string> { ["Input.Outcome"] = "Yes", ["Input.Rating"] = "5" };
        var both = await Task.WhenAll(lucia.SubmitAsync(page, AnswerForm, values), lucia.SubmitAsync(page, AnswerForm, values));
        Assert.All(both, Redirected);
        var checkIns = await app.CheckInsOfAsync(Lucia);
        Assert.Equal(2, checkIns.Count);
        Assert.Equal(1, checkIns.Count(c => c.AnsweredAt != null));
    }

    [Fact]
    public async Task Not_yet_offers_a_new_date_once_and_the_schedule_continues_from_it()
    {
        var (app, lucia, first) = await PlannedAsync();
        using var _ = app;
        app.MoveTo(first.DueOn);
        lucia = await app.SignedInAsync(Pages.Employee); // the sign-in does not outlast days
        var newDate = app.Today.AddDays(10);
        Redirected(await lucia.AnswerAsync(first.Id, new Dictionary<string, string> { ["Outcome"] = "NotYet", ["Obstacle"] = "Estuve de vacaciones.", ["NewDate"] = Date(newDate) }));
        var retry = (await app.CheckInsOfAsync(Lucia))[1];
        Assert.Equal((newDate, true), (retry.DueOn, retry.IsRetry));

        app.MoveTo(newDate);
        lucia = await app.SignedInAsync(Pages.Employee); // the sign-in does not outlast days
        var page = await lucia.GetPageAsync($"/checkins/{retry.Id}");
        Assert.Null(page.QuerySelector("input[name='Input.NewDate']"));
        // A new date posted anyway (a hand-made form) is not taken: the follow-up counts from the date chosen before.
        Redirected(await lucia.SubmitAsync(page, AnswerForm, new Dictionary<string, string> { ["Input.Outcome"] = "NotYet", ["Input.NewDate"] = Date(newDate.AddDays(3)) }));
        var next = (await app.CheckInsOfAsync(Lucia))[2];
        Assert.Equal((newDate.AddDays(30), false, 1), (next.DueOn, next.IsRetry, next.Step));
    }

    [Fact]
    public async Task A_habit_stops_the_follow_ups()
    {
        var (app, lucia, first) = await PlannedAsync();
        using var _ = app;
        app.MoveTo(first.DueOn);
        lucia = await app.SignedInAsync(Pages.Employee); // the sign-in does not outlast days
        Redirected(await lucia.AnswerAsync(first.Id, new Dictionary<string, string> { ["Outcome"] = "Yes", ["Rating"] = "5", ["Habit"] = "true" }));
        var only = Assert.Single(await app.CheckInsOfAsync(Lucia));
        Assert.True(only.Habit);
    }

    [Fact]
    public async Task The_email_goes_out_once_with_a_direct_link_even_with_two_senders()
    {
        var (app, _, first) = await PlannedAsync();
        using var __ = app;
        Assert.Equal(0, await app.RunMailerAsync());
        app.MoveTo(first.DueOn);
        var sent = await Task.WhenAll(app.RunMailerAsync(), app.RunMailerAsync());
        Assert.Equal(1, sent.Sum());
        Assert.Equal(0, await app.RunMailerAsync()); // a restart: nothing again
        var mail = Assert.Single(app.Mails(), m => m.Contains($"/checkins/{first.Id}"));
        Assert.Contains("lucia.romero@", mail);
        Assert.Contains($"https://promesa.test/checkins/{first.Id}?culture=es", mail);
    }

    [Fact]
    public async Task The_check_in_is_seen_by_the_person_their_manager_and_hr_only()
    {
        var (app, lucia, first) = await PlannedAsync();
        using var _ = app;
        app.MoveTo(first.DueOn);
        lucia = await app.SignedInAsync(Pages.Employee); // the sign-in does not outlast days
        Redirected(await lucia.AnswerAsync(first.Id, new Dictionary<string, string> { ["Outcome"] = "Partly", ["Rating"] = "3", ["Note"] = Note }));
        var url = $"/checkins/{first.Id}";

        var carmen = await app.SignedInAsync(Coach.Carmen);
        Assert.NotNull((await carmen.GetPageAsync(url)).QuerySelector(ReplyForm));
        var marta = await app.SignedInAsync(Pages.Hr);
        var hrView = await marta.GetPageAsync(url);
        Assert.Contains(Note, hrView.Text());
        Assert.Null(hrView.QuerySelector(ReplyForm)); // Lucía has a manager: the coaching is hers

        // A colleague on the same team, another store's manager, another store's employee: no such page.
        foreach (var other in new[] { Pages.OtherEmployee, Coach.Javier, Coach.Email("david.iglesias") })
        {
            var client = await app.SignedInAsync(other);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            var team = await client.GetAsync("/team");
            if (team.StatusCode == HttpStatusCode.OK) Assert.DoesNotContain(Note, await team.Content.ReadAsStringAsync());
        }
        // Nor can they post to it: a reply by the other manager, with his own valid token, is refused and nothing is written.
        var javier = await app.SignedInAsync(Coach.Javier);
        var token = (await javier.GetPageAsync("/team")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await javier.PostAsync(url + "?handler=Reply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Reply"] = "Esto no es de mi equipo.",
        }));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.CheckInReplies.CountAsync()));
        // The person cannot reply to herself as a coach; the manager cannot answer for her.
        Assert.Null((await lucia.GetPageAsync(url)).QuerySelector(ReplyForm));
    }

    [Fact]
    public async Task A_note_never_reaches_colleagues_through_the_shared_examples()
    {
        using var app = new CheckInAppFactory();
        var lucia = await app.SignedInAsync(Pages.Employee);
        var page = await UserStories.ReadLessonAsync(lucia, "/pillars/listen");
        var fields = UserStories.Fields("/pillars/listen");
        fields["ActionDueOn"] = Date(app.Today.AddDays(2));
        fields["ShareConsent"] = "true";
        Redirected(await lucia.SubmitAsync(page, ReflectionPage.Form, fields));
        var reflectionId = await app.ReflectionIdAsync(Lucia, "listen");
        var carmenId = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0001").Select(e => e.Id).SingleAsync());
        using (var scope = app.Services.CreateScope())
            Assert.Equal(ServicePromise.Web.Coaching.FeatureOutcome.Featured,
                await scope.ServiceProvider.GetRequiredService<ServicePromise.Web.Coaching.Featuring>().FeatureAsync(reflectionId, carmenId));
        var first = Assert.Single(await app.CheckInsOfAsync(Lucia));
        app.MoveTo(first.DueOn);
        lucia = await app.SignedInAsync(Pages.Employee); // the sign-in does not outlast days
        Redirected(await lucia.AnswerAsync(first.Id, new Dictionary<string, string> { ["Outcome"] = "Partly", ["Rating"] = "2", ["Note"] = Note, ["Obstacle"] = "Mucho lío en la cola." }));

        // Manuel, on her team, is shown her reflection as an example — and nothing of her check-in.
        var manuel = await app.SignedInAsync(Pages.OtherEmployee);
        var html = await (await manuel.GetAsync("/pillars/listen")).Content.ReadAsStringAsync();
        Assert.Contains("Lo pienso para «listen»", System.Net.WebUtility.HtmlDecode(html));
        Assert.DoesNotContain(Note, System.Net.WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("Mucho lío en la cola", System.Net.WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task Rewriting_the_reflection_cancels_the_old_plans_pending_check_in_and_starts_the_new_one()
    {
        var (app, lucia, first) = await PlannedAsync();
        using var _ = app;
        var page = await UserStories.ReadLessonAsync(lucia, "/pillars/listen");
        var fields = UserStories.With(UserStories.Fields("/pillars/listen"), "Action",
            "Cuando un cliente me pregunte por un producto que no tenemos, voy a ofrecerle pedirlo y llamarle cuando llegue.");
        fields["ActionDueOn"] = Date(app.Today.AddDays(20));
        Redirected(await lucia.SubmitAsync(page, ReflectionPage.Form, fields));
        var checkIns = await app.CheckInsOfAsync(Lucia);
        Assert.Equal(2, checkIns.Count);
        Assert.NotNull(checkIns[0].CancelledAt);
        Assert.Equal((app.Today.AddDays(20), (DateTime?)null), (checkIns[1].DueOn, checkIns[1].CancelledAt));
        app.MoveTo(first.DueOn);
        lucia = await app.SignedInAsync(Pages.Employee); // the sign-in does not outlast days
        Assert.Null((await lucia.GetPageAsync("/")).QuerySelector("#checkins"));
    }

    [Theory]
    [InlineData(null, "Elige la fecha en la que lo harás por primera vez.")]
    [InlineData("2027-02-31", "no es una fecha")]
    [InlineData("+91", "entre mañana y dentro de 90 días")]
    [InlineData("+0", "entre mañana y dentro de 90 días")]
    public async Task A_missing_garbled_or_out_of_range_plan_date_is_refused_by_name_and_nothing_is_sent(string? posted, string message)
    {
        using var app = new CheckInAppFactory();
        var lucia = await app.SignedInAsync(Pages.Employee);
        var date = posted is { } p && p.StartsWith('+') ? Date(app.Today.AddDays(int.Parse(p[1..], System.Globalization.CultureInfo.InvariantCulture))) : posted;
        var response = await lucia.CommitAsync("listen", date);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var shown = Pages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, shown.QuerySelector("#part-action-date-error")!.TextContent);
        // What was typed is kept on the page; nothing was sent or planned.
        Assert.Contains("Lo pienso para «listen»", shown.QuerySelector("textarea[name=Meaning]")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReflectionVersions.CountAsync(v => v.Reflection!.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == Lucia)));
        Assert.Empty(await app.CheckInsOfAsync(Lucia));
    }

    [Theory]
    [InlineData("", "3", "Outcome", "Di si lo has hecho")]
    [InlineData("Maybe", "3", "Outcome", "Di si lo has hecho")]
    [InlineData("7", "3", "Outcome", "Di si lo has hecho")]
    [InlineData("Yes", "", "Rating", "Elige cómo ha ido")]
    [InlineData("Partly", "9", "Rating", "Elige cómo ha ido")]
    public async Task A_bad_answer_is_refused_naming_the_problem_and_nothing_is_recorded(string outcome, string rating, string field, string message)
    {
        var (app, lucia, first) = await PlannedAsync();
        using var _ = app;
        app.MoveTo(first.DueOn);
        lucia = await app.SignedInAsync(Pages.Employee); // the sign-in does not outlast days
        var response = await lucia.AnswerAsync(first.Id, new Dictionary<string, string> { ["Outcome"] = outcome, ["Rating"] = rating, ["Note"] = Note });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var shown = Pages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, shown.QuerySelector($"#{field.ToLowerInvariant()}-error")!.TextContent);
        Assert.Contains(Note, shown.QuerySelector("textarea#note")!.TextContent);
        var only = Assert.Single(await app.CheckInsOfAsync(Lucia));
        Assert.Null(only.AnsweredAt);
    }

    [Fact]
    public async Task A_check_in_not_yet_due_cannot_be_answered()
    {
        var (app, lucia, first) = await PlannedAsync();
        using var _ = app;
        var page = await lucia.GetPageAsync($"/checkins/{first.Id}");
        Assert.Null(page.QuerySelector(AnswerForm));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await lucia.PostAsync($"/checkins/{first.Id}?handler=Answer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Outcome"] = "Yes", ["Input.Rating"] = "4",
        }));
        Redirected(posted);
        Assert.Null(Assert.Single(await app.CheckInsOfAsync(Lucia)).AnsweredAt);
    }
}
