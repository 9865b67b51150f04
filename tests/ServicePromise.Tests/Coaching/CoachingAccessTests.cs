using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Coaching;

/// <summary>
/// The boundaries of coaching: a manager sees only their direct reports, HR sees everyone and reviews people without a
/// manager, an employee reaches none of it (the role checks per page are in AuthorizationTests). Each test fails if
/// its check is removed.
/// </summary>
public class CoachingAccessTests(ReviewAppFactory app) : IClassFixture<ReviewAppFactory>
{
    [Fact]
    public async Task An_employee_cannot_open_a_reflection_for_review_even_knowing_its_number()
    {
        var id = await app.SendReflectionAsync(Coach.Email("alberto.garrido"), "listen");
        var colleague = await app.SignedInAsync(Coach.Email("sara.cortes"));
        var response = await colleague.GetAsync($"/reviews/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_team_page_lists_only_the_managers_direct_reports_with_their_progress()
    {
        var carmen = await app.SignedInAsync(Coach.Carmen);
        var page = await carmen.GetPageAsync("/team");
        var names = page.QuerySelectorAll("#team-heading ~ .table-scroll tbody th").Select(th => th.FirstChild!.TextContent.Trim()).ToList();
        Assert.Equal(["Ana Belén Vargas Rubio", "Elena Prieto Márquez", "Lucía Romero Sánchez", "Manuel Ortiz Campos", "Raúl Domínguez León", "Rosa Jiménez Bermúdez", "Sergio Molina Cabrera"], names);
        var sergio = page.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains("Sergio Molina"));
        Assert.Contains("2 de 5", sergio.TextContent);
        var raul = page.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains("Raúl Domínguez"));
        Assert.Contains("row-overdue", raul.ClassName);
        Assert.Contains("Fuera de plazo", raul.TextContent);
        // Managers see the link in the header; people who manage nobody do not.
        Assert.NotNull(page.QuerySelector("header a[href='/team']"));
        Assert.Null((await (await app.SignedInAsync(Pages.Employee)).GetPageAsync("/")).QuerySelector("header a[href='/team']"));
    }

    [Fact]
    public async Task A_manager_with_nobody_on_the_team_is_told_so()
    {
        // Francisco manages three people; move them away for this check, then back.
        var ids = await app.WithDbAsync(db => db.Employees.Where(e => e.Manager!.EmployeeNumber == "MO-0008").Select(e => e.Id).ToListAsync());
        await app.WithDbAsync(db => db.Employees.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(u => u.SetProperty(e => e.ManagerId, (int?)null)));
        try
        {
            var page = await (await app.SignedInAsync(Coach.Francisco)).GetPageAsync("/team");
            Assert.Contains("No tienes a nadie a tu cargo", page.Text());
            Assert.Contains("No hay reflexiones esperando tu revisión.", page.Text());
        }
        finally
        {
            var francisco = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0008").Select(e => e.Id).SingleAsync());
            await app.WithDbAsync(db => db.Employees.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(u => u.SetProperty(e => e.ManagerId, francisco)));
        }
    }

    [Fact]
    public async Task A_manager_opening_another_teams_reflection_finds_nothing()
    {
        var id = await app.SendReflectionAsync(Coach.Email("david.iglesias"), "keep-our-word");
        var carmen = await app.SignedInAsync(Coach.Carmen);
        var response = await carmen.GetAsync($"/reviews/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("David", await response.Content.ReadAsStringAsync());

        // Nor can she decide on it with a form of her own.
        var token = await carmen.TokenAsync("/team");
        var decide = await carmen.PostAsync($"/reviews/{id}?handler=Decide", token, new() { ["Version"] = "1", ["Decision"] = "Approved" });
        Assert.Equal(HttpStatusCode.NotFound, decide.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReflectionReviews.CountAsync(r => r.ReflectionId == id)));
        Assert.DoesNotContain("David Iglesias", (await carmen.GetPageAsync("/team")).Text());

        // His own manager can.
        var javier = await app.SignedInAsync(Coach.Javier);
        var own = await javier.GetPageAsync($"/reviews/{id}");
        Assert.NotNull(own.QuerySelector("form#decision"));
        Assert.Contains("David Iglesias Ramos", (await javier.GetPageAsync("/team")).QuerySelector("#waiting-heading")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task Hr_reviews_people_without_a_manager()
    {
        // Antonio Herrera (MO-0004) has no manager.
        var id = await app.SendReflectionAsync(Coach.Email("antonio.herrera"), "keep-our-word");
        var marta = await app.SignedInAsync(Pages.Hr);
        var queue = await marta.GetPageAsync("/hr/reviews");
        Assert.Contains("Antonio Herrera Vega", queue.QuerySelector("#waiting-heading")!.ParentElement!.TextContent);
        Assert.NotNull(queue.QuerySelector($"a[href='/reviews/{id}']"));

        // A manager is not his reviewer.
        var carmen = await app.SignedInAsync(Coach.Carmen);
        Assert.Equal(HttpStatusCode.NotFound, (await carmen.GetAsync($"/reviews/{id}")).StatusCode);

        var approved = await marta.DecideAsync(id, "Approved");
        Assert.Contains("Reflexión aprobada", await marta.FollowAsync(approved));
        var reviewer = await app.WithDbAsync(db => db.ReflectionReviews.Where(r => r.ReflectionId == id).Select(r => r.Reviewer!.EmployeeNumber).SingleAsync());
        Assert.Equal("MO-0006", reviewer);
    }

    [Fact]
    public async Task Hr_reads_a_managed_persons_reflection_but_only_the_manager_decides()
    {
        var id = await app.SendReflectionAsync(Coach.Email("hugo.santana"), "tell-the-truth");
        var marta = await app.SignedInAsync(Pages.Hr);
        var page = await marta.GetPageAsync($"/reviews/{id}");
        Assert.Contains("Hugo Santana Luque", page.Text());
        Assert.Null(page.QuerySelector("form#decision"));
        Assert.Contains("La revisa su responsable, Francisco Reyes Blanco.", page.Text());
        Assert.DoesNotContain("Hugo Santana", (await marta.GetPageAsync("/hr/reviews")).QuerySelector("#waiting-heading")!.ParentElement!.TextContent);

        var token = await marta.TokenAsync($"/reviews/{id}");
        var decide = await marta.PostAsync($"/reviews/{id}?handler=Decide", token, new() { ["Version"] = "1", ["Decision"] = "Approved" });
        Assert.Equal(HttpStatusCode.Redirect, decide.StatusCode);
        Assert.StartsWith("/account/access-denied", decide.Headers.Location!.AbsolutePath);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReflectionReviews.CountAsync(r => r.ReflectionId == id)));
    }

    [Fact]
    public async Task A_draft_is_the_authors_own_and_not_open_for_review()
    {
        var elena = await app.SignedInAsync(Coach.Email("elena.prieto"));
        var page = await UserStories.ReadLessonAsync(elena, "/pillars/tell-the-truth");
        var saved = await elena.SubmitAsync(page, ReflectionPage.Form, new Dictionary<string, string> { ["Meaning"] = "Primera idea" }, ReflectionPage.DraftAction("/pillars/tell-the-truth"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await app.ReflectionIdAsync("MO-0105", "tell-the-truth");
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(Coach.Carmen)).GetAsync($"/reviews/{id}")).StatusCode);
    }

    [Fact]
    public async Task Nobody_is_nudged_from_outside_their_team()
    {
        var carmen = await app.SignedInAsync(Coach.Carmen);
        var cristina = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0201").Select(e => e.Id).SingleAsync());
        var response = await carmen.PostAsync("/team?handler=Nudge", await carmen.TokenAsync("/team"), new() { ["employeeId"] = cristina.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Nudges.CountAsync(n => n.EmployeeId == cristina)));
        Assert.DoesNotContain(app.Mails(), m => m.Contains("cristina.fuentes@"));
    }

    [Fact]
    public async Task Every_coaching_form_needs_the_antiforgery_token()
    {
        var id = await app.SendReflectionAsync(Coach.Email("nuria.medina"), "keep-our-word");
        var javier = await app.SignedInAsync(Coach.Javier);
        var nuria = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0203").Select(e => e.Id).SingleAsync());
        foreach (var (url, values) in new (string, Dictionary<string, string>)[]
                 {
                     ($"/reviews/{id}?handler=Decide", new() { ["Version"] = "1", ["Decision"] = "Approved" }),
                     ($"/reviews/{id}?handler=Feature", []),
                     ($"/reviews/{id}?handler=Unfeature", []),
                     ("/team?handler=Nudge", new() { ["employeeId"] = nuria.ToString(CultureInfo.InvariantCulture) }),
                 })
        {
            var response = await javier.PostAsync(url, new FormUrlEncodedContent(values));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} answered {(int)response.StatusCode}");
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.ReflectionReviews.CountAsync(r => r.ReflectionId == id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Nudges.CountAsync(n => n.EmployeeId == nuria)));
    }
}
