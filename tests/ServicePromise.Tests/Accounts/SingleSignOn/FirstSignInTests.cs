using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Accounts.SingleSignOn;
using ServicePromise.Web.Audit;

namespace ServicePromise.Tests.Accounts.SingleSignOn;

/// <summary>
/// An identity's first sign-in, twice at once (two tabs, a double click): one link, one person, both tabs in — never an
/// error page. And the provider's answer replayed (the callback's state used again): a clear page, never an error.
/// </summary>
public class FirstSignInTests(SsoAppFactory app) : IClassFixture<SsoAppFactory>
{
    [Theory]
    // A person on file, linked at the first sign-in.
    [InlineData("empresa", "twice-link", "beatriz.santos@demo.mercadosolivo.es", null)]
    // A new person, created just in time.
    [InlineData("nuevos", "twice-new", "doble.pestana@empresa.example", "SSO-0201")]
    public async Task Two_first_sign_ins_at_once_link_one_person_and_both_get_in(string provider, string login, string email, string? number)
    {
        await TestOidc.RegisterAsync(login, number is null
            ? new { email, email_verified = true, name = "Doble Pestaña" }
            : (object)new { email, email_verified = true, name = "Doble Pestaña", employee_number = number });
        var tabs = Enumerable.Range(0, 4).Select(_ => app.Browser()).ToList();
        // Each tab has been to the provider; the provider's answers come back to the site at the same moment.
        var backs = await Task.WhenAll(tabs.Select(t => TestOidc.StartAsync(t, provider, login)));

        var answers = await Task.WhenAll(tabs.Select((t, i) => TestOidc.FinishAsync(t, backs[i])));

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Redirect, "/"), (a.StatusCode, a.Headers.Location?.OriginalString)));
        foreach (var tab in tabs) Assert.Equal(HttpStatusCode.OK, (await tab.GetAsync("/me/record")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.UserLogins.CountAsync(l => l.LoginProvider == "oidc-" + provider && l.ProviderKey == login)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
        var action = number is null ? AuditActions.SsoLinked : AuditActions.SsoCreated;
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.Details!.Contains(login))));
    }

    [Fact]
    public async Task The_provider_s_answer_used_again_signs_nobody_in_and_says_so()
    {
        await TestOidc.RegisterAsync("replayed", new { email = "oscar.nunez@demo.mercadosolivo.es", email_verified = true, name = "Óscar" });
        var tab = app.Browser();
        var back = await TestOidc.StartAsync(tab, "empresa", "replayed");
        Assert.Equal(HttpStatusCode.Redirect, (await TestOidc.FinishAsync(tab, back)).StatusCode);

        // The same tab again (back button, reload): already in, it goes on into the site.
        var again = await TestOidc.FinishAsync(tab, back);
        Assert.Equal((HttpStatusCode.Redirect, "/"), (again.StatusCode, again.Headers.Location?.OriginalString));
        // Someone else with the address (a shared link, a proxy's log): a clear refusal, and no session.
        var other = app.Browser();
        var replayed = await TestOidc.FinishAsync(other, back);
        Assert.Equal(HttpStatusCode.Forbidden, replayed.StatusCode);
        var alert = Pages.Parse(await replayed.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")?.TextContent;
        Assert.Contains("Esa vuelta desde Empresa ya se usó o ha caducado", alert);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/")).StatusCode);
    }
}

/// <summary>
/// The same race on the service itself, on SQLite and on PostgreSQL: first sign-ins of one identity in parallel
/// (each in its own request scope, like requests), just in time, make one person with one link, found by every one.
/// </summary>
public class FirstSignInRaceTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Parallel_first_sign_ins_create_one_person_found_by_all(string database)
    {
        using var postgres = database == "PostgreSql" ? new TestPostgres() : null;
        using var app = postgres is null ? new AppFactory() : new PostgresAppFactory(postgres.ConnectionString);
        var provider = new OidcProviderOptions { JustInTime = true, DisplayName = "Empresa" };
        _ = app.Services; // started once, before the race
        var who = new SsoIdentity("race-subject", "carrera@empresa.example", true, "SSO-0301", "Persona Carrera", "Tiendas", "Córdoba", "Cajera", "MO-0002", "es");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await Task.Yield();
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<SsoAccounts>().FindAsync("empresa", provider, who, "es");
        }));

        Assert.All(outcomes, o => Assert.Equal(SsoRefusal.None, o.Refusal));
        Assert.Single(outcomes.Select(o => o.User!.Id).Distinct());
        Assert.Equal(1, await app.WithDbAsync(db => db.Employees.CountAsync(e => e.EmployeeNumber == "SSO-0301")));
        Assert.Equal(1, await app.WithDbAsync(db => db.UserLogins.CountAsync(l => l.ProviderKey == "race-subject")));
    }
}
