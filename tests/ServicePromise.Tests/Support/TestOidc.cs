using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;

namespace ServicePromise.Tests.Support;

/// <summary>
/// The real OpenID Connect provider tests/run-all.sh starts (the npm package oidc-provider on loopback, configured by
/// tests/tools/oidc-provider.mjs; its address in SP_TEST_OIDC). Sign-in tests go through it over real HTTP: the
/// site's button, the provider's login form, the provider's redirect back to the site.
/// </summary>
public static class TestOidc
{
    public const string Secret = "sp-test-secret";

    public static string Url => Environment.GetEnvironmentVariable("SP_TEST_OIDC") is { Length: > 0 } url
        ? url.TrimEnd('/')
        : throw new InvalidOperationException("SP_TEST_OIDC is not set: run the tests with 'bash tests/run-all.sh', which starts oidc-provider (tests/tools/oidc-provider.mjs).");

    /// <summary>Settings for one provider of the site, named <paramref name="name"/>, as client <paramref name="client"/> of the test provider.</summary>
    public static void Use(IDictionary<string, string> settings, string name, string client = "sp-test", string displayName = "Empresa")
    {
        var at = $"Oidc:Providers:{name}:";
        settings[at + "DisplayName"] = displayName;
        settings[at + "Authority"] = Url;
        settings[at + "ClientId"] = client;
        settings[at + "ClientSecret"] = Secret;
        settings[at + "Scopes"] = "profile email employee";
        settings[at + "RequireHttpsMetadata"] = "false";
    }

    /// <summary>A person the provider knows from now on (kept in its memory until it stops), signing in with login <paramref name="id"/>.</summary>
    public static async Task RegisterAsync(string id, object claims)
    {
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync(Url + "/test/accounts", new { id, claims });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"The test provider refused the account {id}: {(int)response.StatusCode}");
    }

    /// <summary>
    /// Clicks the provider's button on the sign-in page, signs in at the provider as <paramref name="login"/> and takes
    /// the provider's answer back to the site; returns the site's last answer (a redirect into the site once signed in,
    /// or the refusal page).
    /// </summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient site, string provider, string login, string? returnUrl = null) =>
        await BackAtSiteAsync(site, await StartAsync(site, provider, login, returnUrl));

    /// <summary>
    /// The first half of <see cref="SignInAsync"/>: the button and the provider's login form, up to the address the
    /// provider sends the browser back to (the site's callback, with its code and state) — not followed yet.
    /// </summary>
    public static async Task<Uri> StartAsync(HttpClient site, string provider, string login, string? returnUrl = null, CookieContainer? atProvider = null)
    {
        var loginPage = await site.GetPageAsync("/account/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        var button = loginPage.QuerySelectorAll("form button[name=provider]").OfType<IHtmlButtonElement>().SingleOrDefault(b => b.Value == provider)
            ?? throw new InvalidOperationException($"The sign-in page has no button for provider {provider}");
        var form = (IHtmlFormElement)button.Closest("form")!;
        var challenge = await site.SubmitAsync(loginPage, $"form[action='{form.GetAttribute("action")}']", new Dictionary<string, string> { ["provider"] = provider });
        Assert.True(challenge.StatusCode == HttpStatusCode.Redirect, $"The button answered {(int)challenge.StatusCode}, not a redirect to the provider");
        return await AtProviderAsync(challenge.Headers.Location!, login, atProvider ?? new CookieContainer());
    }

    /// <summary>The second half of <see cref="SignInAsync"/>: the provider's redirect back, followed at the site.</summary>
    public static Task<HttpResponseMessage> FinishAsync(HttpClient site, Uri back) => BackAtSiteAsync(site, back);

    /// <summary>
    /// Follows the site's sign-out page to the provider's end-session endpoint, as its refresh does, confirms there
    /// ("Do you want to sign-out": yes), and returns where the provider sends the browser back to.
    /// </summary>
    public static async Task<Uri> SignOutAtProviderAsync(string endSession, CookieContainer atProvider)
    {
        using var idp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = atProvider });
        var at = new Uri(endSession);
        var confirm = await idp.GetAsync(at);
        var html = await confirm.Content.ReadAsStringAsync();
        Assert.True(confirm.StatusCode == HttpStatusCode.OK, $"The provider's end-session endpoint answered {(int)confirm.StatusCode}: {html}");
        var form = Pages.Parse(html).QuerySelector("form") as IHtmlFormElement ?? throw new InvalidOperationException("No sign-out form: " + html);
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        fields["logout"] = "yes";
        var done = await idp.PostAsync(new Uri(at, form.GetAttribute("action")!), new FormUrlEncodedContent(fields));
        Assert.True(done.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther, $"Signing out at the provider answered {(int)done.StatusCode}");
        return done.Headers.Location!;
    }

    /// <summary>Follows the provider's redirects and fills its login form; returns the address it sends the browser back to.</summary>
    /// <param name="cookies">The browser's cookies at the provider: its session there, kept across calls by a test that signs out.</param>
    static async Task<Uri> AtProviderAsync(Uri authorize, string login, CookieContainer cookies)
    {
        var issuer = new Uri(Url);
        using var idp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies });
        var at = authorize;
        var response = await idp.GetAsync(at);
        for (var step = 0; step < 12; step++)
        {
            if (response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.Redirect)
            {
                var next = new Uri(at, response.Headers.Location!);
                if (next.Authority != issuer.Authority) return next;
                at = next;
                response = await idp.GetAsync(at);
                continue;
            }
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"The provider answered {(int)response.StatusCode} at {at}: {html}");
            var page = Pages.Parse(html);
            var form = page.QuerySelector("form") as IHtmlFormElement ?? throw new InvalidOperationException("The provider showed no form: " + html);
            var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
            if (form.QuerySelector("input[name=login]") is not null)
            {
                fields["login"] = login;
                fields["password"] = "any";
            }
            at = new Uri(at, form.GetAttribute("action") ?? at.PathAndQuery);
            response = await idp.PostAsync(at, new FormUrlEncodedContent(fields));
        }
        throw new InvalidOperationException("The provider never sent the browser back to the site");
    }

    /// <summary>The provider's redirect back, then the site's own redirects until it leaves the sign-in path.</summary>
    static async Task<HttpResponseMessage> BackAtSiteAsync(HttpClient site, Uri back)
    {
        var response = await site.GetAsync(back.PathAndQuery);
        for (var step = 0; step < 5 && response.StatusCode == HttpStatusCode.Redirect; step++)
        {
            var next = response.Headers.Location!.OriginalString;
            if (!next.StartsWith("/account/external", StringComparison.Ordinal) && !next.StartsWith("/signin-oidc", StringComparison.Ordinal)) break;
            response = await site.GetAsync(next);
        }
        return response;
    }
}
