using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Accounts;

/// <summary>
/// Sign-out, leaving, a new password, a new email and a new role end every session the person had, on its very next
/// request (the session check is cached, so each test first opens a page to fill the cache) — and nobody else's.
/// </summary>
public class SessionEndingTests(AppFactory app) : IClassFixture<AppFactory>
{
    const string Bystander = Pages.OtherEmployee;

    [Fact]
    public async Task Signing_out_ends_a_copy_of_the_cookie()
    {
        var client = app.Browser();
        var stolen = await client.SignedInCookieAsync("patricia.flores@demo.mercadosolivo.es");
        var other = await OpenSessionAsync(Bystander);
        Assert.Equal(HttpStatusCode.OK, await app.StatusWithCookieAsync(stolen));

        var home = await client.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(home, "form[action='/account/logout']", new Dictionary<string, string>())).StatusCode);

        await AssertEndedAsync(stolen, other);
    }

    [Fact]
    public async Task A_sign_out_that_raced_another_change_of_the_account_still_ends_the_sessions()
    {
        const string email = "irene.bravo@demo.mercadosolivo.es";
        using var first = app.Services.CreateScope();
        var users = first.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var stale = (await users.FindByEmailAsync(email))!;
        var before = stale.SecurityStamp;
        // Meanwhile another request (a double-clicked sign-out) changes the account: the row read above is stale.
        using (var second = app.Services.CreateScope())
        {
            var other = second.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await other.UpdateSecurityStampAsync((await other.FindByEmailAsync(email))!)).Succeeded);
        }

        Assert.True(await first.ServiceProvider.GetRequiredService<UserSessions>().EndAllAsync(stale));
        var now = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.SecurityStamp).SingleAsync());
        Assert.NotEqual(before, now);
        Assert.Equal(stale.SecurityStamp, now);
    }

    [Fact]
    public async Task Being_deactivated_by_the_staff_import_ends_the_session()
    {
        var session = await OpenSessionAsync("hugo.santana@demo.mercadosolivo.es");
        var other = await OpenSessionAsync(Bystander);

        var applied = await ImportAsync(await RowAsync("MO-0302", active: false));
        Assert.Equal(1, applied.Plan!.Deactivations);

        await AssertEndedAsync(session, other);
    }

    [Fact]
    public async Task A_password_reset_ends_the_sessions_opened_before_it()
    {
        const string email = "cristina.fuentes@demo.mercadosolivo.es";
        var session = await OpenSessionAsync(email);
        var other = await OpenSessionAsync(Bystander);

        string link;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            link = new Uri(await scope.ServiceProvider.GetRequiredService<AccountLinks>().PasswordResetAsync((await users.FindByEmailAsync(email))!, "es")).PathAndQuery;
        }
        var browser = app.Browser();
        var done = await browser.SubmitAsync(await browser.GetPageAsync(link), "form", new Dictionary<string, string>
        {
            ["Input.Password"] = "Olivo verde junto al río 77",
            ["Input.ConfirmPassword"] = "Olivo verde junto al río 77",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        await AssertEndedAsync(session, other);
    }

    [Fact]
    public async Task A_password_change_ends_the_sessions_opened_before_it()
    {
        const string email = "david.iglesias@demo.mercadosolivo.es";
        var session = await OpenSessionAsync(email);
        var other = await OpenSessionAsync(Bystander);

        await WithUserAsync(email, (users, user) => users.ChangePasswordAsync(user, Pages.Password, "Olivo verde junto al río 77"));

        await AssertEndedAsync(session, other);
    }

    [Fact]
    public async Task An_email_change_from_the_staff_import_ends_the_session()
    {
        var session = await OpenSessionAsync("nuria.medina@demo.mercadosolivo.es");
        var other = await OpenSessionAsync(Bystander);

        var applied = await ImportAsync(await RowAsync("MO-0203", email: "nuria.medina.soto@demo.mercadosolivo.es"));
        Assert.Equal(1, applied.Plan!.Updates);

        await AssertEndedAsync(session, other);
    }

    [Fact]
    public async Task An_email_change_through_user_manager_ends_the_session()
    {
        const string email = "alberto.garrido@demo.mercadosolivo.es";
        var session = await OpenSessionAsync(email);
        var other = await OpenSessionAsync(Bystander);

        await WithUserAsync(email, (users, user) => users.SetEmailAsync(user, "alberto.garrido.pastor@demo.mercadosolivo.es"));

        await AssertEndedAsync(session, other);
    }

    [Fact]
    public async Task Losing_a_role_ends_the_session()
    {
        const string email = "javier.morales@demo.mercadosolivo.es";
        var session = await OpenSessionAsync(email, "/team");
        var other = await OpenSessionAsync(Bystander);

        await WithUserAsync(email, (users, user) => users.RemoveFromRoleAsync(user, Roles.Manager));

        await AssertEndedAsync(session, other, "/team");
    }

    [Fact]
    public async Task Becoming_a_manager_through_the_staff_import_ends_the_session()
    {
        // Silvia gains a report, so the import makes her a manager: her cookie's roles are stale and must go.
        var session = await OpenSessionAsync("silvia.lorenzo@demo.mercadosolivo.es");
        var other = await OpenSessionAsync(Bystander);

        await ImportAsync(await RowAsync("MO-0502", manager: "MO-0501"));
        Assert.True(await app.WithDbAsync(db => db.UserRoles.AnyAsync(r =>
            r.UserId == db.Employees.Single(e => e.EmployeeNumber == "MO-0501").UserId && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Manager))));

        await AssertEndedAsync(session, other);
    }

    /// <summary>A signed-in cookie that has just opened a page (so the instance remembers its check).</summary>
    async Task<string> OpenSessionAsync(string email, string url = "/me/record")
    {
        var cookie = await app.Browser().SignedInCookieAsync(email);
        Assert.Equal(HttpStatusCode.OK, await app.StatusWithCookieAsync(cookie, url));
        return cookie;
    }

    async Task AssertEndedAsync(string ended, string other, string url = "/me/record")
    {
        Assert.Equal(HttpStatusCode.Redirect, await app.StatusWithCookieAsync(ended, url));
        Assert.Equal(HttpStatusCode.OK, await app.StatusWithCookieAsync(other));
    }

    async Task WithUserAsync(string email, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await change(users, (await users.FindByEmailAsync(email))!);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    async Task<StaffImportResult> ImportAsync(string row)
    {
        const string header = "Nº de empleado;Nombre completo;Correo electrónico;Puesto;Departamento;Centro;Responsable;Fecha de alta;Idioma;Tipo de contrato;Activo";
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<StaffImporter>().ApplyAsync(Encoding.UTF8.GetBytes(header + "\n" + row + "\n"), fullImport: false);
        Assert.Empty(result.Problems);
        return result;
    }

    /// <summary>The person's staff-file row as it stands, with the given changes.</summary>
    Task<string> RowAsync(string number, bool active = true, string? email = null, string? manager = null) =>
        app.WithDbAsync(async db =>
        {
            var p = await db.Employees.AsNoTracking().Where(e => e.EmployeeNumber == number).Select(e => new
            {
                e.FullName, Email = db.Users.Single(u => u.Id == e.UserId).Email, e.JobTitle, Department = e.Department!.Name, Site = e.Site!.Name,
                Manager = e.Manager!.EmployeeNumber, e.HireDate, e.Language, e.EmploymentType,
            }).SingleAsync();
            return string.Join(';', number, p.FullName, email ?? p.Email, p.JobTitle, p.Department, p.Site, manager ?? p.Manager,
                p.HireDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.Language,
                p.EmploymentType == EmploymentType.Contractor ? "contratista" : "empleado", active ? "sí" : "no");
        });
}

/// <summary>Bulk SQL that bypasses UserManager and EF tracking: the active flag is still read on every request.</summary>
public class SessionEndingBySqlTests : IClassFixture<SessionEndingBySqlTests.UncachedAppFactory>
{
    public sealed class UncachedAppFactory : AppFactory
    {
        public UncachedAppFactory() => Settings["Accounts:SessionCheckSeconds"] = "0";
        protected override bool StartsLikeItsSettings => true;
    }

    readonly UncachedAppFactory _app;
    public SessionEndingBySqlTests(UncachedAppFactory app) => _app = app;

    [Fact]
    public async Task A_deactivation_written_by_bulk_sql_ends_the_session()
    {
        var session = await _app.Browser().SignedInCookieAsync("laura.gallego@demo.mercadosolivo.es");
        var other = await _app.Browser().SignedInCookieAsync(Pages.OtherEmployee);
        Assert.Equal(HttpStatusCode.OK, await _app.StatusWithCookieAsync(session));

        await _app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0403").ExecuteUpdateAsync(u => u.SetProperty(e => e.IsActive, false)));

        Assert.Equal(HttpStatusCode.Redirect, await _app.StatusWithCookieAsync(session));
        Assert.Equal(HttpStatusCode.OK, await _app.StatusWithCookieAsync(other));
    }
}
