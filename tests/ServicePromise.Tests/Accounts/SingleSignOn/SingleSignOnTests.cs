using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Audit;

namespace ServicePromise.Tests.Accounts.SingleSignOn;

/// <summary>
/// Signing in through the company's OpenID Connect provider, against a real one (oidc-provider on loopback): the
/// identity is matched to an active employee by email or by the employee-number claim, as the provider's settings say;
/// anyone else is refused in their language and the refusal audited, unless the provider creates people just in time,
/// which goes through the staff import's own rules. A token meant for another application or from another issuer is refused.
/// </summary>
public class SingleSignOnTests(SsoAppFactory app) : IClassFixture<SsoAppFactory>
{
    /// <summary>What the refusal page says (the page's alert).</summary>
    static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("[role=alert]")?.TextContent ?? page.Text();
    }

    [Fact]
    public async Task An_employee_is_matched_by_email_and_signed_in()
    {
        var client = app.Browser();
        var response = await TestOidc.SignInAsync(client, "empresa", "lucia");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains("Lucía Romero", (await client.GetPageAsync("/me/record")).Text());
        var linked = await app.WithDbAsync(db => db.UserLogins.Where(l => l.LoginProvider == "oidc-empresa" && l.ProviderKey == "lucia")
            .Join(db.Users, l => l.UserId, u => u.Id, (l, u) => u.Email).SingleAsync());
        Assert.Equal(Pages.Employee, linked);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SsoLinked && e.Subject!.Contains("MO-0101"))));
    }

    [Fact]
    public async Task An_employee_is_matched_by_the_employee_number_claim()
    {
        var client = app.Browser();
        var response = await TestOidc.SignInAsync(client, "numero", "manuel");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Manuel Ortiz", (await client.GetPageAsync("/me/record")).Text());
    }

    [Fact]
    public async Task The_employee_number_claim_matches_in_any_case()
    {
        // Rosa has no email: her company's provider knows her by number, written in lower case.
        const string id = "lower-case-number";
        await TestOidc.RegisterAsync(id, new { email = "rosa.j@empresa.example", email_verified = true, name = "Rosa", employee_number = "mo-0107" });
        var client = app.Browser();

        var response = await TestOidc.SignInAsync(client, "numero", id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Rosa Jiménez Bermúdez", (await client.GetPageAsync("/me/record")).Text());
    }

    [Theory]
    // HR's Marta and admin Pablo by their numbers, under addresses the site does not know (a claim mapped wrong at the
    // provider, or one its users may edit), and Marta by her own address.
    [InlineData("numero", "MO-0006", "hr-by-number@empresa.example")]
    [InlineData("numero", "mo-0007", "admin-by-number@empresa.example")]
    [InlineData("empresa", "X-0006", "marta.jimenez@demo.mercadosolivo.es")]
    public async Task An_hr_or_admin_account_is_never_signed_in_or_linked_through_the_provider(string provider, string number, string email)
    {
        var id = "privileged-" + provider + "-" + number;
        await TestOidc.RegisterAsync(id, new { email, email_verified = true, name = "Impostor", employee_number = number });
        var client = app.Browser();

        var response = await TestOidc.SignInAsync(client, provider, id);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Las cuentas de Personas (RR. HH.) y de administración no entran con la cuenta de", await RefusalAsync(response));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.UserLogins.AnyAsync(l => l.ProviderKey == id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SsoRefused && e.Details!.Contains(id) && e.Details.Contains("Privileged"))));
    }

    [Fact]
    public async Task Matched_by_email_the_number_claim_alone_finds_nobody()
    {
        // Manuel's provider account has his number but an address the site does not know.
        var response = await TestOidc.SignInAsync(app.Browser(), "empresa", "manuel");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_identity_that_matches_nobody_is_refused_in_its_language_and_audited()
    {
        var client = app.Browser();
        var response = await TestOidc.SignInAsync(client, "empresa", "nobody");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());
        // The provider says this person reads English (locale en-GB).
        var refusal = page.QuerySelector("[role=alert]")!;
        Assert.Equal("en", refusal.GetAttribute("lang"));
        Assert.Contains("We found nobody in ServicePromise with your Empresa account", refusal.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SsoRefused && e.Subject == "nadie@empresa.example")));
    }

    [Fact]
    public async Task A_person_who_has_left_is_refused()
    {
        const string id = "left-company";
        await TestOidc.RegisterAsync(id, new { email = "sara.cortes@demo.mercadosolivo.es", email_verified = true, name = "Sara" });
        await app.WithDbAsync(db => db.Employees.Where(e => db.Users.Any(u => u.Id == e.UserId && u.Email == "sara.cortes@demo.mercadosolivo.es"))
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.IsActive, false)));

        var response = await TestOidc.SignInAsync(app.Browser(), "empresa", id);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("ya no está activa", await RefusalAsync(response));
    }

    [Fact]
    public async Task Just_in_time_creates_the_person_through_the_staff_import_rules()
    {
        var client = app.Browser();
        var response = await TestOidc.SignInAsync(client, "nuevos", "newhire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Noelia Cajera Nueva", (await client.GetPageAsync("/me/record")).Text());
        var person = await app.WithDbAsync(db => db.Employees.AsNoTracking().Where(e => e.EmployeeNumber == "SSO-0001")
            .Select(e => new { e.FullName, e.JobTitle, Department = e.Department!.Name, Site = e.Site!.Name, Manager = e.Manager!.EmployeeNumber, e.CurrentAssignmentId, e.Id })
            .SingleAsync());
        Assert.Equal(("Noelia Cajera Nueva", "Cajera", "Tiendas", "Sevilla Centro", "MO-0001"), (person.FullName, person.JobTitle, person.Department, person.Site, person.Manager));
        Assert.NotNull(person.CurrentAssignmentId); // onboarding, as the import assigns it
        // No invitation: there is no password to choose. The import's own entry and the creation are in the log.
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.EmployeeId == person.Id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SsoCreated && e.SubjectEmployeeId == person.Id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.StaffImportApplied && e.Details!.Contains("\"created\":1"))));
    }

    [Fact]
    public async Task Just_in_time_refuses_a_manager_nobody_knows_and_creates_nobody()
    {
        const string id = "jit-unknown-manager";
        await TestOidc.RegisterAsync(id, new
        {
            email = "otra.persona@empresa.example", email_verified = true, name = "Otra Persona", employee_number = "SSO-0002", manager_number = "NO-EXISTE",
        });

        var response = await TestOidc.SignInAsync(app.Browser(), "nuevos", id);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("El responsable «NO-EXISTE» no está en el archivo", await RefusalAsync(response));
        Assert.False(await app.WithDbAsync(db => db.Employees.AnyAsync(e => e.EmployeeNumber == "SSO-0002")));
    }

    [Theory]
    // HR's Marta by number, under an address the site does not know: the import's own rule refuses her email's change.
    [InlineData("MO-0006", "esta persona es de RR. HH.")]
    // An ordinary employee by number under another address: creating would mean changing someone already on file.
    [InlineData("MO-0103", "Ya hay una persona con el número de empleado MO-0103")]
    public async Task Just_in_time_never_changes_someone_already_on_file(string number, string why)
    {
        var id = "jit-existing-" + number;
        await TestOidc.RegisterAsync(id, new { email = $"{number}@otra.example", email_verified = true, name = "Nombre Impostor", employee_number = number });
        var before = await PersonAsync(number);

        var response = await TestOidc.SignInAsync(app.Browser(), "nuevos", id);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var refusal = await RefusalAsync(response);
        Assert.Contains("No hemos podido darte de alta con los datos de tu cuenta de Empresa (altas)", refusal);
        Assert.Contains(why, refusal);
        Assert.Equal(before, await PersonAsync(number));
    }

    Task<(string Name, string? Email)> PersonAsync(string number) => app.WithDbAsync(async db =>
    {
        var person = await db.Employees.Where(e => e.EmployeeNumber == number)
            .Select(e => new { e.FullName, Email = db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).Single() }).SingleAsync();
        return (person.FullName, person.Email);
    });

    [Fact]
    public async Task Just_in_time_refuses_an_address_the_provider_has_not_verified()
    {
        const string id = "jit-unverified";
        await TestOidc.RegisterAsync(id, new { email = "sin.verificar@empresa.example", email_verified = false, name = "Sin Verificar", employee_number = "SSO-0003" });

        var response = await TestOidc.SignInAsync(app.Browser(), "nuevos", id);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Employees.AnyAsync(e => e.EmployeeNumber == "SSO-0003")));
    }

    [Theory]
    [InlineData("audiencia")]
    [InlineData("emisor")]
    public async Task A_token_for_another_audience_or_from_another_issuer_is_refused(string provider)
    {
        var client = app.Browser();
        var response = await TestOidc.SignInAsync(client, provider, "lucia");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("No hemos podido iniciar tu sesión con", await RefusalAsync(response));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SsoRefused && e.Subject == provider)));
        Assert.False(await app.WithDbAsync(db => db.UserLogins.AnyAsync(l => l.LoginProvider == "oidc-" + provider)));
    }

    [Fact]
    public async Task A_session_opened_through_the_provider_ends_when_the_person_s_sessions_are_ended()
    {
        const string id = "session-ends";
        await TestOidc.RegisterAsync(id, new { email = "hugo.santana@demo.mercadosolivo.es", email_verified = true, name = "Hugo" });
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await TestOidc.SignInAsync(client, "empresa", id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ServicePromise.Web.Accounts.AppUser>>();
            var sessions = scope.ServiceProvider.GetRequiredService<ServicePromise.Web.Accounts.UserSessions>();
            Assert.True(await sessions.EndAllAsync((await users.FindByEmailAsync("hugo.santana@demo.mercadosolivo.es"))!));
        }

        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_provider_is_a_clear_bad_request()
    {
        var client = app.Browser();
        var page = await client.GetPageAsync("/account/login");
        var response = await client.SubmitAsync(page, "form[action^='/account/external']", new Dictionary<string, string> { ["provider"] = "ninguno" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ese inicio de sesión de empresa no existe", await RefusalAsync(response));
    }

    [Fact]
    public async Task The_sign_in_page_shows_a_button_for_each_provider()
    {
        var page = await app.Browser().GetPageAsync("/account/login");
        var buttons = page.QuerySelectorAll("section[aria-labelledby=sso-heading] button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(["Entrar con Empresa", "Entrar con Empresa (Entra)", "Entrar con Empresa (altas)", "Entrar con Empresa (número)", "Entrar con Otra aplicación", "Entrar con Otro emisor"], buttons.Order(StringComparer.Ordinal));
    }
}
