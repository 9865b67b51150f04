using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>
/// The letter's QR code opens the password form from the code after "#" (js/site.js), leaving no code in the address;
/// a print button sends its form once, however fast it is clicked or pressed.
/// </summary>
public partial class LetterLinkBrowserTests(SiteFixture site) : BrowserTest, IClassFixture<SiteFixture>
{
    protected override SiteFixture Site => site;

    [GeneratedRegex("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}")]
    private static partial Regex CodePattern();

    [Fact]
    public async Task The_qr_codes_link_opens_the_password_form_and_a_print_button_sends_once_from_the_keyboard()
    {
        // Ismael's manager prints his letter from Mi equipo, with the keyboard.
        var manager = await site.NewPageAsync();
        await JourneyTests.SignInAsync(manager, "rocio.navarro@demo.mercadosolivo.es");
        await manager.GotoAsync("/team");
        var button = manager.GetByRole(AriaRole.Button, new() { Name = "Imprimir carta de Ismael Torres Ruiz" });
        await button.FocusAsync();
        var download = await manager.RunAndWaitForDownloadAsync(() => manager.Keyboard.PressAsync("Enter"));
        // The button keeps the focus and says it is busy; a second press while the first answer is on its way is not sent.
        Assert.True(await button.EvaluateAsync<bool>("b => document.activeElement === b"), "the print button lost the focus");
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-disabled", "true");
        Assert.True(await button.EvaluateAsync<bool>(
            "b => { const e = new SubmitEvent('submit', { bubbles: true, cancelable: true }); b.form.dispatchEvent(e); return e.defaultPrevented; }"),
            "a second submit of the print form was sent");

        var path = Path.Combine(Path.GetTempPath(), $"sp-letter-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(path);
        var code = CodePattern().Match(PdfText(path)).Value;
        File.Delete(path);
        Assert.NotEmpty(code);

        // The QR code's link, opened on his phone: the page fills the code in, and the address keeps no code.
        var phone = await site.NewPageAsync(375, 740);
        await phone.GotoAsync("/account/letter?culture=es#" + code);
        await Assertions.Expect(phone.GetByLabel("Código de la carta")).ToHaveValueAsync(code);
        Assert.DoesNotContain(code, phone.Url);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Continuar" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Hola, Ismael Torres Ruiz.", new() { Exact = false })).ToBeVisibleAsync();
        Assert.DoesNotContain(code, await phone.EvaluateAsync<string>("() => document.referrer + ' ' + location.href"));
    }

    static string PdfText(string path)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true };
        foreach (var a in new[] { "-layout", path, "-" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }
}
