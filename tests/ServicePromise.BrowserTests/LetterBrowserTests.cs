using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>
/// Issue 12's "done when", whole, on phones: a cashier without email gets a letter from her manager and completes the
/// promise on her phone.
/// </summary>
public partial class LetterBrowserTests(SiteFixture site) : BrowserTest, IClassFixture<SiteFixture>
{
    protected override SiteFixture Site => site;

    [GeneratedRegex("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}")]
    private static partial Regex CodePattern();

    [Fact]
    public async Task A_cashier_without_email_gets_a_letter_from_her_manager_and_completes_the_promise_on_her_phone()
    {
        // Her manager, on her own phone, finds Mi equipo in the menu and prints Rosa's letter from her row.
        var manager = await site.NewPageAsync(375, 740);
        await JourneyTests.SignInAsync(manager, "carmen.ruiz@demo.mercadosolivo.es");
        await PhoneTests.OpenMenuAsync(manager);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Mi equipo", Exact = true }).ClickAsync();
        await Assertions.Expect(manager).ToHaveURLAsync(new Regex("/team$"));
        var print = manager.GetByRole(AriaRole.Button, new() { Name = "Imprimir carta de Rosa Jiménez Bermúdez" });
        await Assertions.Expect(print).ToBeVisibleAsync();
        var download = await manager.RunAndWaitForDownloadAsync(() => print.ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"sp-letter-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(path);
        // The code as the paper shows it.
        var code = CodePattern().Match(PdfText(path)).Value;
        File.Delete(path);
        Assert.NotEmpty(code);

        // On her phone she types it as a phone keyboard gives it: lower case, spaces for hyphens.
        var phone = await site.NewPageAsync(375, 740);
        await phone.GotoAsync("/account/login");
        await phone.GetByRole(AriaRole.Link, new() { Name = "¿Tienes una carta de bienvenida con un código? Elige aquí tu contraseña." }).ClickAsync();
        await phone.GetByLabel("Código de la carta").FillAsync(code.Replace('-', ' ').ToLowerInvariant());
        await phone.GetByRole(AriaRole.Button, new() { Name = "Continuar" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Hola, Rosa Jiménez Bermúdez.", new() { Exact = false })).ToBeVisibleAsync();
        await phone.GetByLabel("Nueva contraseña").FillAsync("Redes-de-pesca-al-amanecer-9");
        await phone.GetByLabel("Repite la contraseña").FillAsync("Redes-de-pesca-al-amanecer-9");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Guardar contraseña" }).ClickAsync();

        // She lands on Mi promesa, told how she signs in from now on.
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/$"));
        await Assertions.Expect(phone.GetByText("Desde ahora entras con tu número de empleado, MO-0107")).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Mi promesa scrolls sideways at 375 px");

        // Lessons, knowledge checks, reflections, certificate.
        await JourneyTests.CompleteThePromiseAsync(phone);

        // The code is spent: the letter cannot be used again, from its QR code either.
        var again = await site.NewPageAsync(375, 740);
        await again.GotoAsync("/account/letter?code=" + code);
        await again.GetByRole(AriaRole.Button, new() { Name = "Continuar" }).ClickAsync(); // an old link lands on the form with the code filled in
        await Assertions.Expect(again.GetByText("Ese código no sirve", new() { Exact = false })).ToBeVisibleAsync();
    }

    internal static string PdfText(string path)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true };
        foreach (var a in new[] { "-layout", path, "-" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }
}
