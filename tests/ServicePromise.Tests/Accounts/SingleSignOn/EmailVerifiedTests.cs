using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Audit;

namespace ServicePromise.Tests.Accounts.SingleSignOn;

/// <summary>
/// An address the provider does not say it verified (<c>email_verified</c> false or missing) finds nobody and creates
/// nobody — anyone could type a colleague's address into a personal account — unless the provider's settings trust its
/// addresses (<c>TrustUnverifiedEmail</c>, which Entra ID needs: it sends no <c>email_verified</c>). Through the real
/// provider: its ID token and user-info carry <c>email_verified</c> only when the account has it.
/// </summary>
public class EmailVerifiedTests(SsoAppFactory app) : IClassFixture<SsoAppFactory>
{
    const string Domain = "@demo.mercadosolivo.es";

    static async Task<string> RefusalAsync(HttpResponseMessage response) =>
        Pages.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")?.TextContent ?? "";

    Task<bool> LinkedAsync(string provider, string subject) =>
        app.WithDbAsync(db => db.UserLogins.AnyAsync(l => l.LoginProvider == "oidc-" + provider && l.ProviderKey == subject));

    [Fact]
    public async Task A_verified_address_is_matched()
    {
        await TestOidc.RegisterAsync("verified-yes", new { email = "patricia.flores" + Domain, email_verified = true, name = "Patricia" });
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await TestOidc.SignInAsync(client, "empresa", "verified-yes")).StatusCode);
        Assert.Contains("Patricia Flores", (await client.GetPageAsync("/me/record")).Text());
    }

    [Theory]
    [InlineData("verified-false", "alberto.garrido", false)]
    [InlineData("verified-missing", "david.iglesias", null)]
    public async Task An_address_the_provider_does_not_vouch_for_opens_nobody_s_account(string login, string person, bool? verified)
    {
        object claims = verified is null
            ? new { email = person + Domain, name = "Impostor" }
            : new { email = person + Domain, email_verified = verified.Value, name = "Impostor" };
        await TestOidc.RegisterAsync(login, claims);
        var client = app.Browser();

        var response = await TestOidc.SignInAsync(client, "empresa", login);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"Tu cuenta de Empresa no confirma que el correo {person}{Domain} sea tuyo (no está verificado)", await RefusalAsync(response));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.False(await LinkedAsync("empresa", login));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SsoRefused && e.Details!.Contains("EmailNotVerified") && e.Details.Contains(login))));
    }

    [Fact]
    public async Task A_provider_whose_addresses_are_trusted_matches_without_the_claim()
    {
        // As Entra ID: no email_verified at all.
        await TestOidc.RegisterAsync("entra-user", new { email = "teresa.marin" + Domain, name = "Teresa" });
        var client = app.Browser();

        Assert.Equal(HttpStatusCode.Redirect, (await TestOidc.SignInAsync(client, "confiado", "entra-user")).StatusCode);
        Assert.Contains("Teresa Marín", (await client.GetPageAsync("/me/record")).Text());
        Assert.True(await LinkedAsync("confiado", "entra-user"));
    }

    [Fact]
    public async Task Just_in_time_creates_nobody_from_an_address_the_provider_does_not_vouch_for()
    {
        await TestOidc.RegisterAsync("jit-missing-verified", new { email = "sin.claim@empresa.example", name = "Sin Claim", employee_number = "SSO-0004" });

        var response = await TestOidc.SignInAsync(app.Browser(), "nuevos", "jit-missing-verified");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("no confirma que el correo sin.claim@empresa.example sea tuyo", await RefusalAsync(response));
        Assert.False(await app.WithDbAsync(db => db.Employees.AnyAsync(e => e.EmployeeNumber == "SSO-0004")));
    }
}
