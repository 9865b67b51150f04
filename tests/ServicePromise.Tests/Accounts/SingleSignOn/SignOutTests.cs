using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Data;

namespace ServicePromise.Tests.Accounts.SingleSignOn;

/// <summary>
/// Signing out after signing in through the provider ends the session at the provider too (RP-initiated logout: its
/// end-session endpoint, with the ID token as the hint, back to our sign-in page), so the next person at a shared
/// till is asked who they are. A password session signs out here only, as before. And issue 6's session ending
/// applies to sessions opened through the provider: deactivation ends them.
/// </summary>
public class SignOutTests(SsoAppFactory app) : IClassFixture<SsoAppFactory>
{
    static async Task<HttpResponseMessage> SignOutAsync(HttpClient client) =>
        await client.SubmitAsync(await client.GetPageAsync("/"), "form[action='/account/logout']", new Dictionary<string, string>());

    [Fact]
    public async Task Signing_out_ends_the_session_at_the_provider_and_comes_back_to_the_sign_in_page()
    {
        await TestOidc.RegisterAsync("shared-till", new { email = "silvia.lorenzo@demo.mercadosolivo.es", email_verified = true, name = "Silvia" });
        var atProvider = new CookieContainer();
        var till = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await TestOidc.FinishAsync(till, await TestOidc.StartAsync(till, "empresa", "shared-till", atProvider: atProvider))).StatusCode);

        var signedOut = await SignOutAsync(till);

        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        var page = Pages.Parse(await signedOut.Content.ReadAsStringAsync());
        var endSession = page.QuerySelector("a.button")?.GetAttribute("href") ?? "";
        Assert.StartsWith(TestOidc.Url + "/session/end?", endSession);
        Assert.Equal("0;url=" + endSession, page.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"));
        var query = QueryHelpers.ParseQuery(new Uri(endSession).Query);
        Assert.Equal("http://localhost/account/login", query["post_logout_redirect_uri"].ToString());
        Assert.Equal(3, query["id_token_hint"].ToString().Split('.').Length); // a JWT: the session to end
        Assert.Contains("Cerrar también la sesión en Empresa", page.QuerySelector("a.button")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await till.GetAsync("/")).StatusCode);

        var back = await TestOidc.SignOutAtProviderAsync(endSession, atProvider);
        Assert.Equal("http://localhost/account/login", back.GetLeftPart(UriPartial.Path));

        // The next person at the till: the provider asks who they are (its session ended), so it is Lucía, not Silvia.
        var next = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await TestOidc.FinishAsync(next, await TestOidc.StartAsync(next, "empresa", "lucia", atProvider: atProvider))).StatusCode);
        var record = (await next.GetPageAsync("/me/record")).Text();
        Assert.Contains("Lucía Romero", record);
        Assert.DoesNotContain("Silvia", record);
    }

    [Fact]
    public async Task A_password_session_signs_out_here_only()
    {
        var client = app.Browser();
        await client.SignedInAsync(Pages.OtherEmployee);

        var signedOut = await SignOutAsync(client);

        Assert.Equal((HttpStatusCode.Redirect, "/account/login"), (signedOut.StatusCode, signedOut.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_session_opened_through_the_provider_ends_when_the_person_is_deactivated()
    {
        await TestOidc.RegisterAsync("deactivated-sso", new { email = "marcos.gomez@demo.mercadosolivo.es", email_verified = true, name = "Marcos" });
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await TestOidc.SignInAsync(client, "empresa", "deactivated-sso")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var person = await db.Employees.SingleAsync(e => e.EmployeeNumber == "MO-0502");
            person.IsActive = false;
            await db.SaveChangesAsync();
        }

        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location?.OriginalString);
    }
}

/// <summary>
/// A provider whose authorization endpoint is on another host than its issuer (Entra ID's and many others' discovery
/// documents do this): the sign-in page's form-action allows the host the discovery document names, or the browser
/// would stop the button. The test provider's document under /other-host names localhost for it.
/// </summary>
public class OtherHostAppFactory : AppFactory
{
    public OtherHostAppFactory()
    {
        TestOidc.Use(Settings, "empresa");
        Settings["Oidc:Providers:empresa:Authority"] = TestOidc.Url + "/other-host";
    }

    protected override bool StartsLikeItsSettings => true;
}

public class FormActionTests(OtherHostAppFactory app) : IClassFixture<OtherHostAppFactory>
{
    [Fact]
    public async Task The_sign_in_page_allows_its_buttons_to_lead_to_the_authorization_endpoint_s_host()
    {
        // Read once by the scheme, as the first press of a button would (the page waits only briefly for a slow provider).
        var scheme = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get("oidc-empresa");
        Assert.StartsWith("http://localhost:", (await scheme.ConfigurationManager!.GetConfigurationAsync(CancellationToken.None)).AuthorizationEndpoint);

        var response = await app.Browser().GetAsync("/account/login");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var formAction = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("form-action", StringComparison.Ordinal)).Split(' ');
        Assert.Equal(["form-action", "'self'", TestOidc.Url, TestOidc.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)], formAction);
    }
}
