using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Accounts;

public class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_demo_employee_signs_in_and_lands_on_their_promise()
    {
        var client = app.Browser();
        await client.SignedInAsync(Pages.OtherEmployee);
        var home = await client.GetPageAsync("/");
        Assert.Contains("Mercados Olivo", home.Text());
        Assert.NotNull(home.QuerySelector("progress"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message()
    {
        var client = app.Browser();
        var response = await client.SignInAsync(Pages.Hr, "not-the-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(RefusedMessage, Pages.Parse(await response.Content.ReadAsStringAsync()).Text());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var client = app.Browser();
        const string victim = "teresa.marin@demo.mercadosolivo.es";
        for (var i = 0; i < 5; i++) await client.SignInAsync(victim, "wrong-password-" + i);
        var response = await client.SignInAsync(victim);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(RefusedMessage, Pages.Parse(await response.Content.ReadAsStringAsync()).Text());
        var locked = await app.WithDbAsync(db => db.Users.Where(u => u.Email == victim).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(locked > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task A_locked_account_and_an_unknown_address_get_the_same_answer()
    {
        const string victim = "jorge.pena@demo.mercadosolivo.es";
        for (var i = 0; i < 5; i++) await app.Browser().SignInAsync(victim, "wrong-" + i);
        var locked = Pages.Parse(await (await app.Browser().SignInAsync(victim)).Content.ReadAsStringAsync());
        var unknown = Pages.Parse(await (await app.Browser().SignInAsync("nadie.nunca@demo.mercadosolivo.es")).Content.ReadAsStringAsync());
        Assert.Equal(unknown.QuerySelector(".error-summary")!.TextContent.Trim(), locked.QuerySelector(".error-summary")!.TextContent.Trim());
    }

    [Fact]
    public async Task Someone_who_has_left_cannot_sign_in()
    {
        await app.WithDbAsync(async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.EmployeeNumber == "MO-0303");
            e.IsActive = false;
            return await db.SaveChangesAsync();
        });
        var response = await app.Browser().SignInAsync("irene.bravo@demo.mercadosolivo.es");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(RefusedMessage, Pages.Parse(await response.Content.ReadAsStringAsync()).Text());
    }

    const string RefusedMessage = "No hemos podido iniciar tu sesión: el número de empleado, el correo o la contraseña no son correctos.";

    [Fact]
    public async Task Every_non_public_page_sends_an_anonymous_visitor_to_sign_in()
    {
        _ = app.Server;
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .ToList();
        Assert.True(endpoints.Count >= 6, "expected the app's pages to be enumerated");
        var client = app.Browser();
        foreach (var endpoint in endpoints)
        {
            var url = Fill(endpoint.RoutePattern.RawText!);
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} answered {(int)response.StatusCode}");
            Assert.Contains("/account/login?ReturnUrl=", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task The_sign_out_button_in_the_header_signs_out()
    {
        var client = app.Browser();
        await client.SignedInAsync(Pages.OtherEmployee);
        var home = await client.GetPageAsync("/");
        var response = await client.SubmitAsync(home, "form[action='/account/logout']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Choosing_english_in_the_footer_switches_the_interface_and_is_remembered_on_the_profile()
    {
        var client = app.Browser();
        await client.SignedInAsync("elena.prieto@demo.mercadosolivo.es");
        var home = await client.GetPageAsync("/");
        Assert.Contains("Mi promesa", home.Text());
        var response = await client.SubmitAsync(home, "form[action='/account/language']", new Dictionary<string, string> { ["culture"] = "en" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var english = await client.GetPageAsync("/");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("My promise", english.Text());

        // A new session on another device opens in English too.
        var elsewhere = app.Browser();
        await elsewhere.SignedInAsync("elena.prieto@demo.mercadosolivo.es");
        Assert.Contains("My promise", (await elsewhere.GetPageAsync("/")).Text());
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/set-password")]
    [InlineData("/account/reset-password")]
    [InlineData("/verify")]
    [InlineData("/healthz")]
    public async Task Public_pages_open_without_signing_in(string url)
    {
        var response = await app.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Puts a plausible value in every route parameter, so the page's own authorisation is what answers.</summary>
    static string Fill(string pattern)
    {
        var url = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:int)?\??\}", m => m.Groups[2].Success ? "1" : "x");
        return "/" + url.TrimStart('/');
    }
}
