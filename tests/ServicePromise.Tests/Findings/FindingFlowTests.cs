using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Audit;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Measurement;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Findings;

public class FindingFlowTests
{
    const string Sevilla = "Sevilla Centro";
    const string Manager = "carmen.ruiz@" + DemoOrganisation.EmailDomain;
    const string OtherSite = "cristina.fuentes@" + DemoOrganisation.EmailDomain;
    static readonly DateOnly September = new(2026, 9, 1);
    static readonly DateOnly October = new(2026, 10, 1);

    static Task<List<Finding>> FindingsAsync(AppFactory app) => app.WithDbAsync(db => db.Findings.AsNoTracking().OrderBy(f => f.Id).ToListAsync());

    static Task<List<string>> RefreshedAsync(AppFactory app) => app.WithDbAsync(db => db.Assignments.Where(a => a.Reason == AssignmentReason.Finding)
        .Select(a => a.Employee!.FullName).OrderBy(n => n).ToListAsync());

    static List<string> PreviewNames(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#preview tbody tr td:first-child").Select(td => td.TextContent.Trim()).Order().ToList();

    static Dictionary<string, string> Confirmed(string? comment = null) => comment is null
        ? new() { ["Input.Reviewed"] = "true" }
        : new() { ["Input.Reviewed"] = "true", ["Input.Comments[0].Share"] = "true", ["Input.Comments[0].Text"] = comment };

    [Fact]
    public async Task Results_raise_findings_once_later_periods_close_them_and_corrections_are_judged_again()
    {
        using var app = new AppFactory();
        _ = app.Server;
        var pillar = await app.SeedStandardAsync();

        var first = await app.RecordAsync(Sevilla, September, 6250, pillarKey: pillar);
        var raised = Assert.Single(await FindingsAsync(app));
        Assert.Equal((first, FindingState.Proposed, FindingKind.BelowThreshold, 8000), (raised.ResultId, raised.State, raised.Kind, raised.ThresholdHundredths));

        // Told again of the same result (a retried import): nothing more.
        await app.WithDbAsync(async db =>
        {
            var result = await db.AuditResults.SingleAsync(r => r.Id == first);
            foreach (var listener in app.Services.CreateScope().ServiceProvider.GetServices<IAuditResultsListener>())
                await listener.ResultsRecordedAsync(db, [result], default);
            return 0;
        });
        Assert.Single(await FindingsAsync(app));

        // Met, a small sample, and a drop of more than ten points above the threshold.
        await app.RecordAsync("Córdoba", September, 9600, pillarKey: pillar);
        await app.RecordAsync("Málaga", September, 1000, sample: 2, pillarKey: pillar);
        Assert.Single(await FindingsAsync(app));
        await app.RecordAsync("Córdoba", October, 8500, pillarKey: pillar);
        Assert.Equal(FindingKind.Drop, (await FindingsAsync(app)).Last().Kind);

        // A correction still below: the finding follows it.
        var corrected = await app.RecordAsync(Sevilla, September, 7000, pillarKey: pillar);
        var followed = (await FindingsAsync(app)).First();
        Assert.Equal((corrected, 7000, FindingState.Proposed), (followed.ResultId, followed.ScoreHundredths, followed.State));

        // October meets the standard exactly: September's finding closes.
        var october = await app.RecordAsync(Sevilla, October, 8000, pillarKey: pillar);
        var closed = (await FindingsAsync(app)).First();
        Assert.Equal((FindingState.Closed, october), (closed.State, closed.ClosedByResultId));

        // A correction that meets the standard closes the finding its first figure raised.
        await app.RecordAsync("Málaga", October, 5000, pillarKey: pillar);
        var fixedResult = await app.RecordAsync("Málaga", October, 8100, pillarKey: pillar);
        var malaga = (await FindingsAsync(app)).Last();
        Assert.Equal((FindingState.Closed, fixedResult), (malaga.State, malaga.ClosedByResultId));
    }

    [Fact]
    public async Task Confirming_sends_that_pillar_to_exactly_the_previewed_people_of_that_site_once_and_they_see_the_finding_in_the_lesson()
    {
        using var app = new AppFactory();
        _ = app.Server;
        var pillar = await app.SeedStandardAsync();
        await app.RecordAsync(Sevilla, September, 6250, comment: "Me cortó antes de terminar; Juan, el de la caja 3, ni me miró.", pillarKey: pillar);
        var id = Assert.Single(await FindingsAsync(app)).Id;

        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        Assert.Contains("Escucha antes de responder", (await hr.GetPageAsync("/hr/findings")).Text());
        var page = await hr.GetPageAsync($"/hr/findings/{id}");
        var preview = PreviewNames(page);
        var expected = await app.WithDbAsync(db => db.Employees.Where(e => e.Site!.Name == Sevilla && e.IsActive && e.CurrentAssignment!.CompletedAt != null)
            .Select(e => e.FullName).OrderBy(n => n).ToListAsync());
        Assert.Equal(expected.Order().ToList(), preview);
        Assert.NotEmpty(preview);

        var confirm = await hr.SubmitAsync(page, "#confirm", Confirmed("Me cortó antes de terminar."));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        // The same form again (a double click, a resent request): nothing more.
        Assert.Equal(HttpStatusCode.Redirect, (await hr.SubmitAsync(page, "#confirm", Confirmed("Me cortó antes de terminar."))).StatusCode);

        Assert.Equal(preview, (await RefreshedAsync(app)).Order().ToList());
        var state = await app.WithDbAsync(async db => new
        {
            Finding = await db.Findings.SingleAsync(f => f.Id == id),
            Pillars = await db.AssignmentPillars.Where(p => p.Assignment!.Reason == AssignmentReason.Finding).Select(p => p.Pillar!.Key).Distinct().ToListAsync(),
            Sites = await db.Assignments.Where(a => a.Reason == AssignmentReason.Finding).Select(a => a.Employee!.Site!.Name).Distinct().ToListAsync(),
            Plan = await db.ActionPlans.Select(p => new { p.FindingId, p.State, Author = p.Author!.EmployeeNumber }).SingleAsync(),
            Shared = await db.AuditResults.Where(r => r.ReplacedAt == null && r.SiteId == db.Sites.Single(s => s.Name == Sevilla).Id).Select(r => r.SharedComment).SingleAsync(),
            Logged = await db.AuditEntries.CountAsync(e => e.Action == AuditActions.FindingConfirmed),
        });
        Assert.Equal(FindingState.Confirmed, state.Finding.State);
        Assert.Equal([pillar], state.Pillars);
        Assert.Equal([Sevilla], state.Sites);
        Assert.Equal((id, ActionPlanState.Draft, "MO-0001"), (state.Plan.FindingId, state.Plan.State, state.Plan.Author));
        Assert.Equal("Me cortó antes de terminar.", state.Shared);
        Assert.Equal(1, state.Logged);

        // Manuel, of that site: the lesson opens with the finding and the shared words only.
        var manuel = app.Browser();
        await manuel.SignedInAsync(Pages.OtherEmployee);
        Assert.Contains("Repaso de", (await manuel.GetPageAsync("/")).Text());
        var lesson = (await manuel.GetPageAsync("/pillars/" + pillar)).Text();
        Assert.Contains("En la auditoría de septiembre de 2026, los clientes de tu tienda dieron 62,5 sobre 100 a «Escucha antes de responder»; nuestro estándar es 80.", lesson);
        Assert.Contains("Me cortó antes de terminar.", lesson);
        Assert.DoesNotContain("Juan", lesson);
        var reflection = await (await PillarPage.OpenAsync(manuel, "/pillars/" + pillar)).ReadAndPassAsync();
        Assert.Contains("los clientes de tu tienda dieron 62,5", (await manuel.GetPageAsync($"/pillars/{pillar}/reflection")).Text());
        Assert.Equal(HttpStatusCode.Redirect, (await reflection.SendAsync(UserStories.Fields("/pillars/" + pillar))).StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.Assignments.Where(a => a.Reason == AssignmentReason.Finding && a.Employee!.EmployeeNumber == "MO-0102")
            .Select(a => a.CompletedAt).SingleAsync()));

        // Someone of another site: no banner.
        var cristina = app.Browser();
        await cristina.SignedInAsync(OtherSite);
        Assert.DoesNotContain("Por qué repasas este pilar", (await cristina.GetPageAsync("/pillars/" + pillar)).Text());
    }

    [Fact]
    public async Task A_refresher_narrowed_to_a_job_goes_only_to_it_and_a_list_changed_since_the_preview_is_refused()
    {
        using var app = new AppFactory();
        _ = app.Server;
        var pillar = await app.SeedStandardAsync();
        await app.RecordAsync(Sevilla, September, 6250, pillarKey: pillar);
        var id = Assert.Single(await FindingsAsync(app)).Id;
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);

        var page = await hr.GetPageAsync($"/hr/findings/{id}?jobs=Reponedor");
        Assert.Equal(["Manuel Ortiz Campos"], PreviewNames(page));

        // Between the preview and the confirmation another person becomes a Reponedor.
        await app.WithDbAsync(async db =>
            await db.Employees.Where(e => e.EmployeeNumber == "MO-0103").ExecuteUpdateAsync(u => u.SetProperty(e => e.JobTitle, "Reponedor")));
        var refused = await hr.SubmitAsync(page, "#confirm", Confirmed());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ha cambiado desde la vista previa", await refused.Content.ReadAsStringAsync());
        Assert.Empty(await RefreshedAsync(app));
        Assert.Equal(FindingState.Proposed, Assert.Single(await FindingsAsync(app)).State);

        page = await hr.GetPageAsync($"/hr/findings/{id}?jobs=Reponedor");
        Assert.Equal(HttpStatusCode.Redirect, (await hr.SubmitAsync(page, "#confirm", Confirmed())).StatusCode);
        Assert.Equal(PreviewNames(page), await RefreshedAsync(app));
        Assert.Equal(["Ana Belén Vargas Rubio", "Manuel Ortiz Campos"], await RefreshedAsync(app));
    }

    [Fact]
    public async Task Only_hr_and_admins_reach_findings_and_forged_or_bad_input_is_refused_with_a_message()
    {
        using var app = new AppFactory();
        _ = app.Server;
        var pillar = await app.SeedStandardAsync();
        await app.RecordAsync(Sevilla, September, 6250, pillarKey: pillar);
        var id = Assert.Single(await FindingsAsync(app)).Id;

        foreach (var login in new[] { Pages.Employee, Manager })
        {
            var client = app.Browser();
            await client.SignedInAsync(login);
            foreach (var url in new[] { "/hr/findings", $"/hr/findings/{id}" })
            {
                var denied = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
                Assert.StartsWith("/account/access-denied", denied.Headers.Location!.AbsolutePath);
            }
        }

        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/hr/findings/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/hr/findings/abc")).StatusCode);
        var page = await hr.GetPageAsync($"/hr/findings/{id}");

        var lucia = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0101").Select(e => e.Id).SingleAsync());
        var forged = await hr.SubmitAsync(page, "#confirm", new Dictionary<string, string>(Confirmed()) { ["manager"] = lucia.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Elige quién escribe el plan de acción", await forged.Content.ReadAsStringAsync());
        var unreviewed = await hr.SubmitAsync(page, "#confirm", new Dictionary<string, string> { ["days"] = "0" });
        Assert.Equal(HttpStatusCode.OK, unreviewed.StatusCode);
        Assert.Contains("entre 1 y 365", await unreviewed.Content.ReadAsStringAsync());
        Assert.Empty(await RefreshedAsync(app));

        var noReason = await hr.SubmitAsync(page, "form[action*=Dismiss]", new Dictionary<string, string> { ["Input.DismissReason"] = " " });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("por qué se descarta", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await hr.SubmitAsync(page, "form[action*=Dismiss]",
            new Dictionary<string, string> { ["Input.DismissReason"] = "La visita coincidió con la inventario anual." })).StatusCode);
        Assert.Equal(FindingState.Dismissed, Assert.Single(await FindingsAsync(app)).State);
        Assert.Contains("Escucha antes de responder", (await hr.GetPageAsync("/hr/findings?state=Dismissed")).Text());
        Assert.Empty(await RefreshedAsync(app));
    }
}
