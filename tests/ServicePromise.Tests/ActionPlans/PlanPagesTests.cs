using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Coaching;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Audit;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Tests.ActionPlans;

/// <summary>
/// The manager's action plan over HTTP on a real SQLite file: who sees, edits and decides it, its states, a double
/// click and a stale tab, and the before and after. Carmen (Sevilla Centro) writes; for these tests she reports to
/// Isabel Castro, who may approve her plans, as may HR (Marta); Javier (Córdoba) may not.
/// </summary>
public class PlanPagesTests : IClassFixture<AppFactory>
{
    const string Carmen = "MO-0001", Isabel = "MO-0005";
    static readonly string IsabelEmail = Coach.Email("isabel.castro");
    readonly AppFactory _app;

    public PlanPagesTests(AppFactory app)
    {
        _app = app;
        app.WithDbAsync(async db =>
        {
            var isabel = await db.Employees.Where(e => e.EmployeeNumber == Isabel).Select(e => e.Id).SingleAsync();
            return await db.Employees.Where(e => e.EmployeeNumber == Carmen).ExecuteUpdateAsync(u => u.SetProperty(e => e.ManagerId, isabel));
        }).GetAwaiter().GetResult();
    }

    static string Due(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static Dictionary<string, string> Filled(string cause = "Los sábados hay una sola caja abierta y la cola no deja escuchar.") => new()
    {
        ["Input.Cause"] = cause,
        ["Input.Actions"] = "Abrir una segunda caja los sábados de 11 a 14 y repasar el pilar en la reunión del lunes.",
        ["Input.Owner"] = "Carmen Ruiz y el equipo de cajas",
        ["Input.DueOn"] = Due(30),
    };

    static Task<HttpResponseMessage> SaveAsync(HttpClient client, IHtmlDocument page, Dictionary<string, string> values) =>
        client.SubmitAsync(page, "form#plan-form", values);

    static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlDocument page, Dictionary<string, string> values) =>
        client.SubmitAsync(page, "form#plan-form", values, page.QuerySelector("form#plan-form button[formaction]")!.GetAttribute("formaction"));

    static Task<HttpResponseMessage> DecideAsync(HttpClient client, IHtmlDocument page, string verdict, string comment = "") =>
        client.SubmitAsync(page, "form#decision", new Dictionary<string, string> { ["Verdict"] = verdict, ["Comment"] = comment });

    static void AccessDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_author_edits_their_own_plan_and_nobody_else_of_another_branch_or_below_reaches_it()
    {
        var seeded = await _app.PlanAsync(Carmen);
        var url = $"/team/plans/{seeded.PlanId}";
        var carmen = await _app.SignedInAsync(Coach.Carmen);
        var list = await carmen.GetPageAsync("/team/plans");
        Assert.NotNull(list.QuerySelector($"#mine a[href='{url}']"));
        Assert.Contains("Sevilla Centro", list.QuerySelector("#mine")!.TextContent);
        Assert.Contains("62,5 sobre 100", list.QuerySelector("#mine")!.TextContent);
        Assert.NotNull((await carmen.GetPageAsync("/team")).QuerySelector("#plans a[href='/team/plans']"));

        var saved = await SaveAsync(carmen, await carmen.GetPageAsync(url), new() { ["Input.Cause"] = "Una primera idea." });
        Assert.Contains("Borrador guardado.", await carmen.FollowAsync(saved));
        var plan = await _app.ReadPlanAsync(seeded.PlanId);
        Assert.Equal(("Una primera idea.", ActionPlanState.Draft), (plan.Cause, plan.State));

        // Another branch's manager finds no such plan, not even with a form of his own.
        var javier = await _app.SignedInAsync(Coach.Javier);
        Assert.Equal(HttpStatusCode.NotFound, (await javier.GetAsync(url)).StatusCode);
        var token = await javier.TokenAsync("/team/plans");
        var post = await javier.PostAsync($"{url}?handler=Save", token, new() { ["Version"] = plan.Version.ToString(CultureInfo.InvariantCulture), ["Input.Cause"] = "Cambiado por Javier" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null((await javier.GetPageAsync("/team/plans")).QuerySelector($"a[href='{url}']"));

        // An employee reaches none of it; her colleague's manager's approver cannot write it either.
        var lucia = await _app.SignedInAsync(Pages.Employee);
        AccessDenied(await lucia.GetAsync(url));
        AccessDenied(await lucia.GetAsync("/team/plans"));
        var isabel = await _app.SignedInAsync(IsabelEmail);
        AccessDenied(await isabel.PostAsync($"{url}?handler=Save", await isabel.TokenAsync(url), new() { ["Version"] = plan.Version.ToString(CultureInfo.InvariantCulture), ["Input.Cause"] = "Cambiado por Isabel" }));
        Assert.Equal("Una primera idea.", (await _app.ReadPlanAsync(seeded.PlanId)).Cause);
    }

    [Fact]
    public async Task Draft_submitted_returned_submitted_approved_then_read_only()
    {
        var seeded = await _app.PlanAsync(Carmen);
        var url = $"/team/plans/{seeded.PlanId}";
        var carmen = await _app.SignedInAsync(Coach.Carmen);

        // Sending an incomplete plan says what is missing and keeps what was typed.
        var incomplete = await SubmitAsync(carmen, await carmen.GetPageAsync(url), new() { ["Input.Cause"] = "Solo la causa", ["Input.DueOn"] = Due(-1) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        var refused = Pages.Parse(await incomplete.Content.ReadAsStringAsync());
        Assert.Contains("Escribe al menos una acción concreta.", refused.Text());
        Assert.Contains("La fecha límite ya ha pasado", refused.Text());
        Assert.Equal("Solo la causa", refused.QuerySelector("#Input-Cause")!.TextContent);
        Assert.Equal(ActionPlanState.Draft, (await _app.ReadPlanAsync(seeded.PlanId)).State);

        var sent = await SubmitAsync(carmen, await carmen.GetPageAsync(url), Filled());
        Assert.Contains("Plan enviado para su aprobación", await carmen.FollowAsync(sent));
        Assert.Equal(ActionPlanState.Submitted, (await _app.ReadPlanAsync(seeded.PlanId)).State);
        Assert.Contains(_app.Mails(), m => m.Contains("isabel.castro@") && m.Contains("Carmen Ruiz Delgado") && m.Contains(url));
        // Sent: no form for her now, and she cannot decide on her own plan.
        var waiting = await carmen.GetPageAsync(url);
        Assert.Null(waiting.QuerySelector("form#plan-form"));
        Assert.Null(waiting.QuerySelector("form#decision"));
        AccessDenied(await carmen.PostAsync($"{url}?handler=Decide", await carmen.TokenAsync(url), new() { ["Version"] = "2", ["Verdict"] = "Approved" }));

        // Her manager returns it: a comment is required.
        var isabel = await _app.SignedInAsync(IsabelEmail);
        Assert.NotNull((await isabel.GetPageAsync("/team/plans")).QuerySelector($"#to-approve a[href='{url}']"));
        var noComment = await DecideAsync(isabel, await isabel.GetPageAsync(url), "Returned");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noComment.StatusCode);
        Assert.Contains("Para devolver el plan, escribe un comentario", await noComment.Content.ReadAsStringAsync());
        Assert.Equal(ActionPlanState.Submitted, (await _app.ReadPlanAsync(seeded.PlanId)).State);
        var returned = await DecideAsync(isabel, await isabel.GetPageAsync(url), "Returned", "Di quién abre la segunda caja.");
        Assert.Contains("Plan devuelto a Carmen Ruiz Delgado", await isabel.FollowAsync(returned));
        Assert.Contains(_app.Mails(), m => m.Contains("carmen.ruiz@") && m.Contains("Di quién abre la segunda caja."));

        // She reads the comment, changes the plan and sends it again.
        var again = await carmen.GetPageAsync(url);
        Assert.Contains("Di quién abre la segunda caja.", again.QuerySelector("#returned")!.TextContent);
        await carmen.FollowAsync(await SubmitAsync(carmen, again, Filled("La cola de los sábados; abre la segunda caja Manuel.")));
        Assert.Equal(ActionPlanState.Submitted, (await _app.ReadPlanAsync(seeded.PlanId)).State);

        // HR approves; the history shows both decisions, the log both.
        var marta = await _app.SignedInAsync(Pages.Hr);
        Assert.NotNull((await marta.GetPageAsync("/hr/plans")).QuerySelector($"#waiting a[href='{url}']"));
        Assert.Contains("Plan aprobado", await marta.FollowAsync(await DecideAsync(marta, await marta.GetPageAsync(url), "Approved")));
        var plan = await _app.ReadPlanAsync(seeded.PlanId);
        Assert.Equal(ActionPlanState.Approved, plan.State);
        Assert.Equal([false, true], plan.Decisions.OrderBy(d => d.Id).Select(d => d.Approved));
        var logged = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action.StartsWith("actionplan.") && e.Details!.Contains($"\"plan\":{seeded.PlanId},"))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.ActionPlanReturned, AuditActions.ActionPlanApproved], logged);
        var history = (await carmen.GetPageAsync(url)).QuerySelector("#history")!.TextContent;
        Assert.Contains("Marta Jiménez Ortega", history);
        Assert.Contains("Isabel Castro Romero", history);

        // Approved: read-only, and a hand-made save changes nothing.
        var approved = await carmen.GetPageAsync(url);
        Assert.Null(approved.QuerySelector("form#plan-form"));
        var late = await carmen.PostAsync($"{url}?handler=Save", await carmen.TokenAsync(url),
            new(Filled("Otra causa")) { ["Version"] = plan.Version.ToString(CultureInfo.InvariantCulture) });
        Assert.Contains("Este plan ya no se puede cambiar", await carmen.FollowAsync(late));
        Assert.Equal("La cola de los sábados; abre la segunda caja Manuel.", (await _app.ReadPlanAsync(seeded.PlanId)).Cause);
    }

    [Fact]
    public async Task Only_hr_and_the_authors_own_manager_approve()
    {
        var seeded = await _app.PlanAsync(Carmen);
        var url = $"/team/plans/{seeded.PlanId}";
        var carmen = await _app.SignedInAsync(Coach.Carmen);
        await carmen.FollowAsync(await SubmitAsync(carmen, await carmen.GetPageAsync(url), Filled()));

        // A manager of another branch: no such plan, no decision.
        var javier = await _app.SignedInAsync(Coach.Javier);
        var token = await javier.TokenAsync("/team/plans");
        Assert.Equal(HttpStatusCode.NotFound, (await javier.PostAsync($"{url}?handler=Decide", token, new() { ["Version"] = "1", ["Verdict"] = "Approved" })).StatusCode);
        Assert.Empty((await _app.ReadPlanAsync(seeded.PlanId)).Decisions);

        // Her own manager approves.
        var isabel = await _app.SignedInAsync(IsabelEmail);
        await isabel.FollowAsync(await DecideAsync(isabel, await isabel.GetPageAsync(url), "Approved"));
        var plan = await _app.ReadPlanAsync(seeded.PlanId);
        Assert.Equal(ActionPlanState.Approved, plan.State);
        var by = await _app.WithDbAsync(db => db.Employees.Where(e => e.UserId == plan.Decisions.Single().DecidedById).Select(e => e.EmployeeNumber).SingleAsync());
        Assert.Equal(Isabel, by);
    }

    [Fact]
    public async Task A_double_click_sends_and_decides_once()
    {
        var seeded = await _app.PlanAsync(Carmen);
        var url = $"/team/plans/{seeded.PlanId}";
        var carmen = await _app.SignedInAsync(Coach.Carmen);
        var page = await carmen.GetPageAsync(url);
        var first = await SubmitAsync(carmen, page, Filled());
        var second = await SubmitAsync(carmen, page, Filled());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Plan enviado para su aprobación", await carmen.FollowAsync(second));
        var sent = await _app.ReadPlanAsync(seeded.PlanId);
        Assert.Equal((ActionPlanState.Submitted, 1), (sent.State, sent.Version));

        var marta = await _app.SignedInAsync(Pages.Hr);
        var decision = await marta.GetPageAsync(url);
        await marta.FollowAsync(await DecideAsync(marta, decision, "Returned", "Falta el horario."));
        Assert.Contains("Plan devuelto", await marta.FollowAsync(await DecideAsync(marta, decision, "Returned", "Falta el horario.")));
        Assert.Single((await _app.ReadPlanAsync(seeded.PlanId)).Decisions);
    }

    [Fact]
    public async Task A_stale_tab_cannot_overwrite_a_newer_save()
    {
        var seeded = await _app.PlanAsync(Carmen);
        var url = $"/team/plans/{seeded.PlanId}";
        var carmen = await _app.SignedInAsync(Coach.Carmen);
        var tabA = await carmen.GetPageAsync(url);
        var tabB = await carmen.GetPageAsync(url);
        await carmen.FollowAsync(await SaveAsync(carmen, tabA, Filled("Lo que escribí en la primera pestaña.")));

        var stale = await SaveAsync(carmen, tabB, Filled("Lo que escribí en la segunda pestaña."));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var answer = Pages.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Este plan ha cambiado desde que abriste la página", answer.Text());
        Assert.Equal("Lo que escribí en la segunda pestaña.", answer.QuerySelector("#Input-Cause")!.TextContent);
        Assert.Equal("Lo que escribí en la primera pestaña.", (await _app.ReadPlanAsync(seeded.PlanId)).Cause);
    }

    [Fact]
    public async Task The_plan_shows_before_and_after_and_says_when_the_finding_is_closed()
    {
        var seeded = await _app.PlanAsync(Carmen);
        var url = $"/team/plans/{seeded.PlanId}";
        var carmen = await _app.SignedInAsync(Coach.Carmen);
        var before = await carmen.GetPageAsync(url);
        Assert.Contains("62,5 sobre 100", before.QuerySelector("#before")!.TextContent);
        Assert.Contains("por debajo del estándar", before.QuerySelector("#before")!.TextContent);
        Assert.Null(before.QuerySelector("#after"));
        Assert.Contains("Aún no hay resultado del periodo siguiente", before.Text());

        await _app.AddResultAsync(seeded, new DateOnly(2026, 11, 1), 8350);
        var after = await carmen.GetPageAsync(url);
        Assert.Contains("83,5 sobre 100", after.QuerySelector("#after")!.TextContent);
        Assert.Contains("cumple el estándar", after.QuerySelector("#after")!.TextContent);
        Assert.Contains("62,5 → 83,5", after.Text());
        Assert.Contains("+21 puntos", after.Text());
        Assert.Null(after.QuerySelector("#finding-closed"));

        await _app.WithDbAsync(db => db.Findings.Where(f => f.Id == seeded.FindingId).ExecuteUpdateAsync(u => u.SetProperty(f => f.State, FindingState.Closed)));
        Assert.NotNull((await carmen.GetPageAsync(url)).QuerySelector("#finding-closed"));
    }
}
