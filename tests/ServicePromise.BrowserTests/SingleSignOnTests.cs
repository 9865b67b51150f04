using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>
/// The site with the company's sign-in: the real OpenID Connect provider tests/run-all.sh starts (oidc-provider,
/// its address in SP_TEST_OIDC) as the provider «Empresa», matching people by email.
/// </summary>
public sealed class SsoSiteFixture : SiteFixture
{
    protected override void Configure(IDictionary<string, string?> environment)
    {
        var url = Environment.GetEnvironmentVariable("SP_TEST_OIDC") is { Length: > 0 } u
            ? u.TrimEnd('/')
            : throw new InvalidOperationException("SP_TEST_OIDC is not set: run the tests with 'bash tests/run-all.sh', which starts oidc-provider (tests/tools/oidc-provider.mjs).");
        environment["Oidc__Providers__empresa__DisplayName"] = "Empresa";
        environment["Oidc__Providers__empresa__Authority"] = url;
        environment["Oidc__Providers__empresa__ClientId"] = "sp-test";
        environment["Oidc__Providers__empresa__ClientSecret"] = "sp-test-secret";
        environment["Oidc__Providers__empresa__Scopes"] = "profile email employee";
        environment["Oidc__Providers__empresa__RequireHttpsMetadata"] = "false";
    }
}

/// <summary>An employee signs in with the company's button, at the company's provider, and is in.</summary>
public class SingleSignOnTests(SsoSiteFixture site) : BrowserTest, IClassFixture<SsoSiteFixture>
{
    protected override SiteFixture Site => site;

    [Fact]
    public async Task An_employee_signs_in_with_the_company_button_and_lands_on_Mi_promesa()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar con Empresa", Exact = true }).ClickAsync();

        // The provider's own sign-in form (oidc-provider's development form: any password).
        await page.Locator("input[name=login]").FillAsync("lucia");
        await page.Locator("input[name=password]").FillAsync("cualquiera");
        await page.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(site.BaseUrl) + "/$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mi promesa" })).ToHaveAttributeAsync("aria-current", "page");
        await page.GotoAsync("/me/record");
        await Assertions.Expect(page.GetByText("Lucía Romero Sánchez")).ToBeVisibleAsync();
    }
}
