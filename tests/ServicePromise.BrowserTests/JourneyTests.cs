using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>The product's promise, in a real browser: a front-line employee earns a certificate and HR sees it.</summary>
public class JourneyTests(SiteFixture site) : BrowserTest, IClassFixture<SiteFixture>
{
    protected override SiteFixture Site => site;

    const string Employee = "lucia.romero@demo.mercadosolivo.es";
    const string EmployeeName = "Lucía Romero Sánchez";
    const string Hr = "marta.jimenez@demo.mercadosolivo.es";
    const string Password = "Promesa-2026";

    static readonly SemaphoreSlim Once = new(1, 1);
    static readonly Lazy<ServicePromise.Web.Content.ContentSet> Content = new(() =>
        ServicePromise.Web.Content.ContentLoader.Load(Path.Combine(SiteFixture.RepoRoot(), "content"), "es"));

    /// <summary>Reads the lesson, marks it read and answers its check right, as a person who learnt it would.</summary>
    internal static async Task ReadAndPassCheckAsync(IPage page, string key)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "He leído la lección" }).ClickAsync();
        var check = Content.Value.Default.Pillars.Single(p => p.Key == key).Check;
        if (check is null) return;
        foreach (var question in check.Questions)
        {
            var group = page.GetByRole(AriaRole.Group, new() { Name = question.Text, Exact = true });
            foreach (var option in question.Options.Where(o => o.Correct))
                await group.GetByLabel(option.Text, new() { Exact = true }).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Comprobar respuestas" }).ClickAsync();
        await Assertions.Expect(page.GetByText("¡Comprobación superada!")).ToBeVisibleAsync();
    }
    static string? _verifiedCode;

    [Fact]
    public async Task An_employee_reads_every_lesson_reflects_and_verifies_the_certificate()
    {
        var code = await CompleteJourneyOnceAsync();
        Assert.Matches("^[2-9A-Z]{4}(-[2-9A-Z]{4}){4}$", code);
    }

    [Fact]
    public async Task Hr_sees_that_the_employee_completed()
    {
        await CompleteJourneyOnceAsync();
        var page = await site.NewPageAsync();
        await SignInAsync(page, Hr);
        await page.GetByRole(AriaRole.Link, new() { Name = "Cumplimiento" }).ClickAsync();
        await page.GetByLabel("Nombre o número").FillAsync("Lucía");
        await page.GetByLabel("Estado").SelectOptionAsync(new SelectOptionValue { Label = "Completado" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrar" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = EmployeeName });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Completado");
    }

    [Fact]
    public async Task Text_typed_in_a_reflection_survives_a_reload()
    {
        var page = await site.NewPageAsync(375, 740);
        await SignInAsync(page, "jorge.pena@demo.mercadosolivo.es");
        await page.GotoAsync("/pillars/listen");
        await ReadAndPassCheckAsync(page, "listen");
        await ReflectionForm.Customers(page).PressSequentiallyAsync("En el almacén mis clientes son las tiendas");
        // Reloaded mid-typing: whether the draft reached the server yet or is still only in the browser, it is back.
        await page.ReloadAsync();
        await Assertions.Expect(ReflectionForm.Customers(page)).ToHaveValueAsync("En el almacén mis clientes son las tiendas");
    }

    [Fact]
    public async Task A_too_short_reflection_is_explained_next_to_the_box_on_a_phone()
    {
        var page = await site.NewPageAsync(375, 740);
        await SignInAsync(page, "irene.bravo@demo.mercadosolivo.es");
        await page.GotoAsync("/pillars/own-it");
        await ReadAndPassCheckAsync(page, "own-it");
        await ReflectionForm.FillAsync(page, "Hazlo tuyo");
        await ReflectionForm.Meaning(page).FillAsync("Estoy de acuerdo.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar reflexión" }).ClickAsync();

        var error = page.GetByText("escribe al menos 60");
        await Assertions.Expect(error).ToBeInViewportAsync();
        // Other pages of this browser may hold window focus; what matters is where the caret is in this one.
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'part-meaning'", null, new() { Timeout = 5000 });
        await Assertions.Expect(ReflectionForm.Meaning(page)).ToHaveValueAsync("Estoy de acuerdo.");
    }

    async Task<string> CompleteJourneyOnceAsync()
    {
        await Once.WaitAsync();
        try
        {
            return _verifiedCode ??= await CompleteJourneyAsync();
        }
        finally { Once.Release(); }
    }

    async Task<string> CompleteJourneyAsync()
    {
        // A phone-sized screen, as most front-line staff use.
        var page = await site.NewPageAsync(375, 740);
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await SignInAsync(page, Employee);
        await CompleteThePromiseAsync(page);
        await PhoneTests.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Mis certificados" }).ClickAsync();
        var code = (await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Code).First.InnerTextAsync()).Trim();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ver la página de verificación" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/verify/" + Regex.Escape(code) + "$"));
        await Assertions.Expect(page.GetByText("Certificado válido")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(EmployeeName)).ToBeVisibleAsync();

        // The same page is public: a fresh browser with no session sees it too.
        var stranger = await site.NewPageAsync();
        await stranger.GotoAsync("/verify/" + code);
        await Assertions.Expect(stranger.GetByText("Certificado válido")).ToBeVisibleAsync();
        await Assertions.Expect(stranger.GetByText(EmployeeName)).ToBeVisibleAsync();
        return code;
    }

    /// <summary>
    /// From Mi promesa, as the signed-in person: every pillar's lesson read, its check passed and its reflection sent,
    /// then the promise shown complete and the certificate downloaded as a PDF.
    /// </summary>
    internal static async Task CompleteThePromiseAsync(IPage page)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var pillarLinks = page.GetByRole(AriaRole.Region, new() { Name = "Los pilares", Exact = true })
            .GetByRole(AriaRole.Listitem).GetByRole(AriaRole.Link);
        var count = await pillarLinks.CountAsync();
        Assert.InRange(count, 4, 6);
        var titles = await pillarLinks.AllInnerTextsAsync();

        foreach (var title in titles)
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
            await ReadAndPassCheckAsync(page, new Uri(page.Url).AbsolutePath.Split('/').Last());
            await ReflectionForm.FillAsync(page, title);
            await page.GetByRole(AriaRole.Button, new() { Name = "Enviar reflexión" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToBeVisibleAsync();
        }

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByText("¡Has completado la promesa!")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"{count} de {count} pilares completados").First).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Descargar mi certificado (PDF)" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"sp-cert-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.Matches("^certificado-.+\\.pdf$", download.SuggestedFilename);
    }

    internal static async Task SignInAsync(IPage page, string login)
    {
        if (!page.Url.Contains("/account/login")) await page.GotoAsync("/account/login");
        await page.GetByLabel("Número de empleado o correo electrónico", new() { Exact = true }).FillAsync(login);
        await page.GetByLabel("Contraseña", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
        // The navigation's first link; on a phone it is folded behind the menu button, so there but maybe hidden.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mi promesa", IncludeHidden = true }).First).ToBeAttachedAsync();
    }
}
