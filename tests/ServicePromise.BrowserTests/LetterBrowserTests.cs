using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>A cashier without email gets a letter from her manager and chooses her password on her phone from its code.</summary>
public partial class LetterBrowserTests(SiteFixture site) : BrowserTest, IClassFixture<SiteFixture>
{
    protected override SiteFixture Site => site;

    [GeneratedRegex("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}")]
    private static partial Regex CodePattern();

    [Fact]
    public async Task A_person_without_email_signs_in_for_the_first_time_from_a_printed_letters_code_on_a_phone()
    {
        // Her manager prints the letter from Mi equipo.
        var manager = await site.NewPageAsync();
        await JourneyTests.SignInAsync(manager, "carmen.ruiz@demo.mercadosolivo.es");
        await manager.GotoAsync("/team");
        var download = await manager.RunAndWaitForDownloadAsync(() =>
            manager.GetByRole(AriaRole.Button, new() { Name = "Imprimir carta de Rosa Jiménez Bermúdez" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"sp-letter-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(path);
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

        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/$"));
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByText("Desde ahora entras con tu número de empleado, MO-0107")).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Mi promesa scrolls sideways at 375 px");

        // The code is spent: the letter cannot be used again.
        var again = await site.NewPageAsync(375, 740);
        await again.GotoAsync("/account/letter?code=" + code);
        await again.GetByRole(AriaRole.Button, new() { Name = "Continuar" }).ClickAsync(); // an old link lands on the form with the code filled in
        await Assertions.Expect(again.GetByText("Ese código no sirve", new() { Exact = false })).ToBeVisibleAsync();
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
