using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Accounts;

/// <summary>Signed-in pages speak the person's profile language; the browser's language only decides before sign-in.</summary>
public class LanguageTests(AppFactory app) : IClassFixture<AppFactory>
{
    static string Lang(AngleSharp.Html.Dom.IHtmlDocument page) => page.DocumentElement.GetAttribute("lang") ?? "";

    [Fact]
    public async Task An_english_browser_gets_english_before_sign_in_and_the_spanish_profile_after()
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        Assert.Equal("en", Lang(await client.GetPageAsync("/account/login")));

        await client.SignedInAsync("laura.gallego@demo.mercadosolivo.es");
        foreach (var url in new[] { "/", "/certificates", "/me/record" })
            Assert.Equal("es", Lang(await client.GetPageAsync(url)));
        // Even a link asking for English (?culture=, as in an English mail) does not override the profile.
        Assert.Equal("es", Lang(await client.GetPageAsync("/?culture=en")));
    }

    [Fact]
    public async Task A_profile_language_changed_since_sign_in_applies_on_the_next_page()
    {
        const string number = "MO-0401";
        var client = app.Browser();
        await client.SignedInAsync("diego.mendez@demo.mercadosolivo.es");
        Assert.Equal("es", Lang(await client.GetPageAsync("/")));

        // As the staff import or the footer on another device would: the profile alone changes.
        await app.WithDbAsync(async db =>
        {
            (await db.Employees.SingleAsync(e => e.EmployeeNumber == number)).Language = "en";
            return await db.SaveChangesAsync();
        });
        var home = await client.GetPageAsync("/");
        Assert.Equal("en", Lang(home));
        Assert.Contains("My promise", home.Text());
        Assert.Equal("en", Lang(await client.GetPageAsync("/certificates")));
    }
}
