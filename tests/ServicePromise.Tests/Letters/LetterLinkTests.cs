using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Letters;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Letters;

/// <summary>
/// A code that works is never in a URL a server sees: the QR code carries it after "#", an old letter's <c>?code=</c>
/// link is moved there, and the page is kept by no cache.
/// </summary>
public class LetterLinkTests
{
    [Fact]
    public async Task The_qr_codes_link_carries_the_code_after_the_hash_not_in_the_query()
    {
        using var app = new AppFactory();
        using var scope = app.Services.CreateScope();
        var renderer = scope.ServiceProvider.GetRequiredService<LetterRenderer>();
        var person = new LetterRecipient(1, "MO-0107", "Rosa", "Cajera", null, "en", "Mercados Olivo");
        var link = new Uri(renderer.Link(new PrintedLetter(person, "K7QM-4XPD-9HTR", DateTime.UtcNow)));
        Assert.Equal("?culture=en", link.Query);
        Assert.Equal("#K7QM-4XPD-9HTR", link.Fragment);
        Assert.Equal("/account/letter", link.AbsolutePath);

        // As printed: the QR code read back from the PDF.
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var page = await hr.GetPageAsync($"/hr/people/{await LetterSteps.IdOfAsync(app, DemoOrganisation.CashierWithoutEmail)}");
        var pdf = await (await hr.SubmitAsync(page, "#person-letter", new Dictionary<string, string>())).Content.ReadAsByteArrayAsync();
        var printed = new Uri(Tools.QrText(pdf));
        Assert.DoesNotContain("code", printed.Query, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("#" + LetterSteps.CodeIn(pdf), printed.Fragment);
    }

    [Fact]
    public async Task An_old_letters_query_link_is_moved_after_the_hash_and_the_page_is_never_stored()
    {
        using var app = new AppFactory();
        var code = await LetterSteps.PrintAsync(app, await LetterSteps.IdOfAsync(app, DemoOrganisation.CashierWithoutEmail));
        var phone = app.Browser();

        var old = await phone.GetAsync("/account/letter?code=" + Uri.EscapeDataString(code.Replace("-", " ").ToLowerInvariant()) + "&culture=en");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Equal("/account/letter?culture=en#" + code, old.Headers.Location?.OriginalString);
        Assert.Contains("no-store", old.Headers.CacheControl?.ToString());

        var empty = await phone.GetAsync("/account/letter");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.True(empty.Headers.CacheControl?.NoStore, "the letter page may be cached");
        var opened = await LetterSteps.SendCodeAsync(phone, code);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.True(opened.Headers.CacheControl?.NoStore, "the password form with its code may be cached");
        var refused = await LetterSteps.SendCodeAsync(app.Browser(), "AAAA-BBBB-CCCC");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True(refused.Headers.CacheControl?.NoStore, "a refused code's page may be cached");

        // Something that cannot be a code, in an old link, is refused like any code that does not work.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.Browser().GetAsync("/account/letter?code=nope")).StatusCode);
    }
}
