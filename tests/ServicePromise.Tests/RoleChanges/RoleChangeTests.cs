using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Feedback;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Measurement.Overview;
using ServicePromise.Web.Provisioning;
using ServicePromise.Web.Reports;
using ServicePromise.Web.RoleChanges;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.RoleChanges;

/// <summary>
/// A new job or site asks a certified person to write their reflections again — from HR's page, the staff import and
/// provisioning alike — while their certificate stays valid and the lists read them as re-contextualising, never late.
/// </summary>
public class RoleChangeTests
{
    const string Carmen = "carmen.ruiz@" + ServicePromise.Web.Staff.DemoOrganisation.EmailDomain;
    const string Javier = "javier.morales@" + ServicePromise.Web.Staff.DemoOrganisation.EmailDomain;
    const string AnaBelen = "anabelen.vargas@" + ServicePromise.Web.Staff.DemoOrganisation.EmailDomain;

    static Task<int> IdOfAsync(AppFactory app, string number) =>
        app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == number).Select(e => e.Id).SingleAsync());

    sealed record State(AssignmentReason? Reason, int RoleChanges, int Pillars, int Reflected, int ReadAndChecked, int ValidCertificates, int Reflections);

    static Task<State> StateAsync(AppFactory app, string number) => app.WithDbAsync(async db =>
    {
        var person = await db.Employees.AsNoTracking().SingleAsync(e => e.EmployeeNumber == number);
        var pillars = await db.AssignmentPillars.AsNoTracking().Where(p => p.AssignmentId == person.CurrentAssignmentId).ToListAsync();
        return new State(person.CurrentReason, await db.RoleChanges.CountAsync(r => r.EmployeeId == person.Id), pillars.Count,
            pillars.Count(p => p.ReflectedAt != null), pillars.Count(p => p.ReadAt != null && p.CheckPassedAt != null),
            await db.Certificates.CountAsync(c => c.EmployeeId == person.Id && c.RevokedAt == null && c.ReplacedAt == null),
            await db.Reflections.CountAsync(r => r.AssignmentPillar!.Assignment!.EmployeeId == person.Id && r.SubmittedAt != null));
    });

    static async Task<HttpResponseMessage> ChangeJobOnHrPageAsync(HttpClient hr, int id, string jobTitle, string? siteId = null)
    {
        var page = await hr.GetPageAsync($"/hr/people/{id}/job");
        var site = siteId ?? ((AngleSharp.Html.Dom.IHtmlSelectElement)page.QuerySelector("#job-site")!).Value;
        return await hr.SubmitAsync(page, "#job-form", new Dictionary<string, string> { ["Input.JobTitle"] = jobTitle, ["Input.SiteId"] = site ?? "" });
    }

    static async Task<HttpClient> SignedInAsync(AppFactory app, string login)
    {
        var client = app.Browser();
        await client.SignedInAsync(login);
        return client;
    }

    [Fact]
    public async Task A_new_job_on_HRs_page_asks_for_new_reflections_and_keeps_the_certificate()
    {
        using var app = new AppFactory();
        var hr = await SignedInAsync(app, Pages.Hr);
        var ana = await IdOfAsync(app, "MO-0103");
        var before = await StateAsync(app, "MO-0103");

        var saved = await ChangeJobOnHrPageAsync(hr, ana, "Encargada de turno");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/hr/people/{ana}", saved.Headers.Location?.OriginalString);

        var after = await StateAsync(app, "MO-0103");
        Assert.Equal(AssignmentReason.RoleChange, after.Reason);
        Assert.Equal(1, after.RoleChanges);
        // Every pillar of the edition, read and checked already (the certificate stands), only the reflection to write.
        Assert.Equal(await app.WithDbAsync(db => db.Pillars.CountAsync(p => p.EditionId == db.Editions.Max(e => e.Id))), after.Pillars);
        Assert.Equal(after.Pillars, after.ReadAndChecked);
        Assert.Equal(0, after.Reflected);
        Assert.Equal(1, after.ValidCertificates);
        // The reflections of the job she had are all still there.
        Assert.Equal(before.Reflections, after.Reflections);
        var change = await app.WithDbAsync(db => db.RoleChanges.AsNoTracking().SingleAsync(r => r.EmployeeId == ana));
        Assert.Equal(("Dependienta de charcutería", "Encargada de turno", RoleChangeSource.HrPage), (change.OldJobTitle, change.NewJobTitle, change.Source));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == ServicePromise.Web.Audit.AuditActions.JobChanged && a.SubjectEmployeeId == ana)));

        // Sent twice (a reload of the form): the same job is nothing new.
        await ChangeJobOnHrPageAsync(hr, ana, "Encargada de turno");
        Assert.Equal(1, (await StateAsync(app, "MO-0103")).RoleChanges);
        // The person page says where she stands.
        Assert.Contains("Recontextualizando", (await hr.GetPageAsync($"/hr/people/{ana}")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Re_contextualising_counts_as_certified_never_as_overdue_and_has_its_own_list()
    {
        using var app = new AppFactory();
        var hr = await SignedInAsync(app, Pages.Hr);
        var ana = await IdOfAsync(app, "MO-0103");
        await ChangeJobOnHrPageAsync(hr, ana, "Encargada de turno");

        var due = await app.WithDbAsync(db => db.Employees.Where(e => e.Id == ana).Select(e => e.CurrentDueOn!.Value).SingleAsync());
        // Well past the date for her new reflections, she still holds a valid certificate: completed, not overdue.
        var later = due.AddDays(10);
        async Task<bool> ListedAsync(AssignmentStatus status) => await app.WithDbAsync(db =>
            CompletionQuery.People(db, new CompletionFilter(null, status, null, EmployeeId: ana), later, d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).AnyAsync());
        Assert.True(await ListedAsync(AssignmentStatus.Completed));
        Assert.True(await ListedAsync(AssignmentStatus.Recontextualising));
        Assert.False(await ListedAsync(AssignmentStatus.Overdue));
        Assert.False(await ListedAsync(AssignmentStatus.InProgress));
        Assert.False(await ListedAsync(AssignmentStatus.NotStarted));
        var row = await app.WithDbAsync(db => CompletionQuery.PersonAsync(db, ana, CancellationToken.None));
        Assert.Equal(AssignmentStatus.Recontextualising, row!.Status(later));
        // The list still links her certificate.
        Assert.NotNull(row.CertificateCode);

        // HR's list filters them, and the dashboard counts them.
        var list = await hr.GetPageAsync("/hr/completion?status=Recontextualising");
        Assert.Contains("Ana Belén Vargas Rubio", list.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Manuel Ortiz Campos", list.Text(), StringComparison.Ordinal);
        var dashboard = await hr.GetPageAsync("/hr/dashboard");
        Assert.Equal("1", dashboard.QuerySelector("a[href*='status=Recontextualising'] .stat-value")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_person_sees_why_on_their_home_and_their_previous_reflection_beside_the_new_one()
    {
        using var app = new AppFactory();
        var hr = await SignedInAsync(app, Pages.Hr);
        var ana = await IdOfAsync(app, "MO-0103");
        var previous = await app.WithDbAsync(db => db.Reflections.AsNoTracking()
            .Where(r => r.AssignmentPillar!.Assignment!.EmployeeId == ana && r.AssignmentPillar.Pillar!.Key == "listen" && r.SubmittedAt != null)
            .OrderByDescending(r => r.SubmittedAt).Select(r => r.Meaning).FirstAsync());
        await ChangeJobOnHrPageAsync(hr, ana, "Encargada de turno");

        var person = await SignedInAsync(app, AnaBelen);
        var home = (await person.GetPageAsync("/")).Text();
        Assert.Contains("Has cambiado de puesto: vuelve a escribir cómo aplicas cada pilar en tu nuevo puesto.", home, StringComparison.Ordinal);
        Assert.Contains("Nuevo puesto: Encargada de turno (antes: Dependienta de charcutería)", home, StringComparison.Ordinal);
        // The lessons stay read and checked: the home asks for the reflection, never to "start" what is already done.
        Assert.Contains("Escribir la reflexión: ", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Empezar: ", home, StringComparison.Ordinal);
        var lesson = await person.GetPageAsync("/pillars/listen");
        Assert.Contains(previous.Trim(), lesson.QuerySelector("#role-change .previous-reflection")?.TextContent ?? "", StringComparison.Ordinal);
        // Ready to write at once: the reflection form is there, no check to pass again.
        Assert.NotNull(lesson.QuerySelector("textarea[name=Meaning]"));
        // Mi historial keeps both: the earlier completion with its reflections, and the new request.
        var record = (await person.GetPageAsync("/me/record")).Text();
        Assert.Contains("Cambio de puesto: reflexiones nuevas", record, StringComparison.Ordinal);
        // Still certified while writing again: the request reads as re-contextualising, not as not started.
        Assert.Contains("Recontextualizando (certificado vigente)", record, StringComparison.Ordinal);
        Assert.DoesNotContain("Sin empezar", record, StringComparison.Ordinal);
        Assert.Contains(previous.Trim().Split('\n')[0], record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_re_capitalised_title_a_person_still_onboarding_and_a_setting_turned_off_ask_nothing()
    {
        using (var app = new AppFactory())
        {
            var hr = await SignedInAsync(app, Pages.Hr);
            await ChangeJobOnHrPageAsync(hr, await IdOfAsync(app, "MO-0103"), "  DEPENDIENTA de  charcutería ");
            // Lucía has completed nothing: her onboarding asks for her first reflections anyway.
            await ChangeJobOnHrPageAsync(hr, await IdOfAsync(app, "MO-0101"), "Reponedora");
            Assert.Equal((AssignmentReason?)AssignmentReason.Onboarding, (await StateAsync(app, "MO-0101")).Reason);
            Assert.Equal(0, await app.WithDbAsync(db => db.RoleChanges.CountAsync()));
            Assert.NotEqual(AssignmentReason.RoleChange, (await StateAsync(app, "MO-0103")).Reason);
        }
        using (var off = new AppFactory())
        {
            off.Settings["Learning:RoleChange:Enabled"] = "false";
            var hr = await SignedInAsync(off, Pages.Hr);
            var saved = await ChangeJobOnHrPageAsync(hr, await IdOfAsync(off, "MO-0103"), "Encargada de turno");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal("Encargada de turno", await off.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0103").Select(e => e.JobTitle).SingleAsync()));
            Assert.Equal(0, await off.WithDbAsync(db => db.RoleChanges.CountAsync()));
            Assert.NotEqual(AssignmentReason.RoleChange, (await StateAsync(off, "MO-0103")).Reason);
        }
    }

    [Fact]
    public async Task Bad_input_on_HRs_page_is_refused_with_a_message_and_changes_nothing()
    {
        using var app = new AppFactory();
        var hr = await SignedInAsync(app, Pages.Hr);
        var ana = await IdOfAsync(app, "MO-0103");
        var empty = await ChangeJobOnHrPageAsync(hr, ana, "   ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var emptyPage = Pages.Parse(await empty.Content.ReadAsStringAsync());
        Assert.Contains("Escribe el puesto.", emptyPage.Text(), StringComparison.Ordinal);
        // A screen reader hears which field is wrong: the refused one is marked invalid, the other is not.
        Assert.Equal("true", emptyPage.QuerySelector("#job-title")!.GetAttribute("aria-invalid"));
        Assert.Null(emptyPage.QuerySelector("#job-site")!.GetAttribute("aria-invalid"));
        var unknownSite = await ChangeJobOnHrPageAsync(hr, ana, "Encargada de turno", siteId: "999999");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownSite.StatusCode);
        Assert.Equal("true", Pages.Parse(await unknownSite.Content.ReadAsStringAsync()).QuerySelector("#job-site")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await app.WithDbAsync(db => db.RoleChanges.CountAsync()));
        // Only HR and admins may open it.
        var employee = await SignedInAsync(app, Pages.OtherEmployee);
        var refused = await employee.GetAsync($"/hr/people/{ana}/job");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task A_staff_import_counts_them_in_its_dry_run_and_asks_them_when_applied()
    {
        using var app = new AppFactory();
        var rows = new[]
        {
            await StaffRows.OfAsync(app, "MO-0201", jobTitle: "Encargada de turno"), // certified: asked
            await StaffRows.OfAsync(app, "MO-0101", jobTitle: "Reponedora"), // onboarding: not asked
            await StaffRows.OfAsync(app, "MO-0401", jobTitle: "PREPARADOR DE PEDIDOS"), // the same job: not asked
        };
        var file = Encoding.UTF8.GetBytes(StaffRows.Header + "\n" + string.Join("\n", rows) + "\n");
        using (var scope = app.Services.CreateScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<StaffImporter>();
            var dry = await importer.DryRunAsync(file, fullImport: false);
            Assert.Equal(1, dry.Recontextualising);
            Assert.Equal(0, await app.WithDbAsync(db => db.RoleChanges.CountAsync()));
            var applied = await importer.ApplyAsync(file, fullImport: false);
            Assert.True(applied.Applied);
        }
        var cristina = await StateAsync(app, "MO-0201");
        Assert.Equal((AssignmentReason.RoleChange, 1, 1), (cristina.Reason!.Value, cristina.RoleChanges, cristina.ValidCertificates));
        var change = await app.WithDbAsync(db => db.RoleChanges.AsNoTracking().SingleAsync());
        Assert.Equal(("Cajera", "Encargada de turno", RoleChangeSource.StaffImport), (change.OldJobTitle, change.NewJobTitle, change.Source));

        // Her manager sees her on Mi equipo; another manager does not.
        var javier = (await (await SignedInAsync(app, Javier)).GetPageAsync("/team")).QuerySelector("#team-role-changes")?.TextContent ?? "";
        Assert.Contains("Cristina Fuentes Arias", javier, StringComparison.Ordinal);
        Assert.Contains("Nuevo puesto: Encargada de turno (antes: Cajera)", javier, StringComparison.Ordinal);
        var carmen = await (await SignedInAsync(app, Carmen)).GetPageAsync("/team");
        Assert.Null(carmen.QuerySelector("#team-role-changes"));
    }

    [Fact]
    public async Task A_new_title_from_provisioning_asks_too()
    {
        using var app = new AppFactory();
        var scim = app.ScimClient(await app.TokenAsync());
        var found = await scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{Pages.OtherEmployee}\"")}");
        var id = (string)found.Json!["Resources"]![0]!["id"]!;
        var patched = await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", $$$"""
            {"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"replace","path":"title","value":"Encargado de turno"}]}
            """);
        Assert.True(patched.Status == 200, patched.Text);
        var manuel = await StateAsync(app, "MO-0102");
        Assert.Equal((AssignmentReason.RoleChange, 1, 1), (manuel.Reason!.Value, manuel.RoleChanges, manuel.ValidCertificates));
        var change = await app.WithDbAsync(db => db.RoleChanges.AsNoTracking().SingleAsync());
        Assert.Equal(("Reponedor", "Encargado de turno", RoleChangeSource.Scim), (change.OldJobTitle, change.NewJobTitle, change.Source));

        // The same title sent again, in other capitals: nothing new.
        await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", $$$"""
            {"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"replace","path":"title","value":"encargado de TURNO"}]}
            """);
        Assert.Equal(1, await app.WithDbAsync(db => db.RoleChanges.CountAsync()));
        // Carmen, his manager, sees him re-contextualising.
        var team = (await (await SignedInAsync(app, Carmen)).GetPageAsync("/team")).QuerySelector("#team-role-changes")?.TextContent ?? "";
        Assert.Contains("Manuel Ortiz Campos", team, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unfinished_audit_refresher_replaced_by_a_role_change_still_answers_its_finding_while_the_person_stays_at_its_site()
    {
        using var app = new AppFactory { Settings = { [AppFactory.DemoAudits] = "true" } };
        var open = await app.WithDbAsync(db => db.Employees.AsNoTracking()
            .Where(e => e.IsActive && e.CurrentAssignment!.Reason == AssignmentReason.Finding && e.CurrentAssignment.CompletedAt == null)
            .OrderBy(e => e.Id).Select(e => new { e.Id, e.ManagerId, e.SiteId, FindingId = e.CurrentAssignment!.FindingId!.Value }).ToListAsync());
        Assert.True(open.Count >= 2, "the demo's audit gives its store a refresher");
        var stays = open.First(o => o.ManagerId != null);
        var moves = open.First(o => o.Id != stays.Id);
        var otherSite = await app.WithDbAsync(db => db.Sites.Where(s => s.Id != moves.SiteId).Select(s => s.Id).FirstAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Task<int> PeopleInRefresherAsync() => app.WithDbAsync(async db =>
            (await OverviewQueries.RefreshersAsync(db, today, CancellationToken.None)).Single(r => r.FindingId == stays.FindingId).People);
        var before = await PeopleInRefresherAsync();

        var hr = await SignedInAsync(app, Pages.Hr);
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeJobOnHrPageAsync(hr, stays.Id, "Encargada de frescos")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await ChangeJobOnHrPageAsync(hr, moves.Id, "Encargado de frescos", otherSite.ToString(System.Globalization.CultureInfo.InvariantCulture))).StatusCode);

        var now = await app.WithDbAsync(db => db.Employees.AsNoTracking().Where(e => e.Id == stays.Id || e.Id == moves.Id)
            .Select(e => new { e.Id, e.CurrentAssignmentId, e.CurrentAssignment!.Reason, e.CurrentAssignment.FindingId }).ToDictionaryAsync(e => e.Id));
        // Both now re-contextualise; the one still at the store keeps answering its audit, the one who moved does not.
        Assert.Equal((AssignmentReason.RoleChange, (int?)stays.FindingId), (now[stays.Id].Reason, now[stays.Id].FindingId));
        Assert.Equal((AssignmentReason.RoleChange, (int?)null), (now[moves.Id].Reason, now[moves.Id].FindingId));
        // HR's overview counts one person fewer, not two; the lesson still says why; the manager still sees her in the refresher.
        Assert.Equal(before - 1, await PeopleInRefresherAsync());
        var pillar = await app.WithDbAsync(db => db.Findings.Where(f => f.Id == stays.FindingId).Select(f => f.PillarKey).SingleAsync());
        var other = await app.WithDbAsync(db => db.Pillars.Where(p => p.Key != pillar).Select(p => p.Key).FirstAsync());
        async Task<bool> BannerAsync(int id, string key)
        {
            var login = await app.WithDbAsync(db => db.Users.Where(u => db.Employees.Any(e => e.Id == id && e.UserId == u.Id)).Select(u => u.Email!).SingleAsync());
            var person = app.Browser();
            await person.SignedInAsync(login);
            return (await person.GetPageAsync($"/pillars/{key}")).QuerySelector("#finding-heading") is not null;
        }
        Assert.True(await BannerAsync(stays.Id, pillar));
        Assert.False(await BannerAsync(stays.Id, other));
        Assert.False(await BannerAsync(moves.Id, pillar));
        var team = await app.WithDbAsync(db => TeamRefreshers.OfManagerAsync(db, stays.ManagerId!.Value));
        Assert.Contains(team.Single(f => f.FindingId == stays.FindingId).People, p => p.EmployeeId == stays.Id);
    }
}
