using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>
/// Issue 3's acceptance: an employee completes edition 1; an admin publishes edition 2 with one substantive
/// and one editorial change; the employee redoes exactly one pillar, gets a new certificate, and the old one
/// verifies as superseded — in Spanish, then the same home in English.
/// </summary>
public class RefresherTests(EditionSiteFixture site) : BrowserTest, IClassFixture<EditionSiteFixture>
{
    protected override SiteFixture Site => site;

    const string Employee = "irene.bravo@demo.mercadosolivo.es";
    const string Admin = "pablo.serrano@demo.mercadosolivo.es";

    static async Task CompleteEveryPillarAsync(IPage page, string job)
    {
        while (true)
        {
            await page.GotoAsync("/");
            var next = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^(Empezar|Continuar):") });
            if (await next.CountAsync() == 0) return;
            await next.ClickAsync();
            await JourneyTests.ReadAndPassCheckAsync(page, new Uri(page.Url).AbsolutePath.Split('/').Last());
            await ReflectionForm.FillAsync(page, new Uri(page.Url).AbsolutePath.Split('/').Last(), job);
            await page.GetByRole(AriaRole.Button, new() { Name = "Enviar reflexión" }).ClickAsync();
            // Let the page the reflection lands on finish loading (and be checked with axe) before leaving it: a
            // navigation started while it still loads can stop its load event, and then axe never reports on it.
            await page.WaitForLoadStateAsync(LoadState.Load);
        }
    }

    static async Task<string> NewestCertificateCodeAsync(IPage page)
    {
        await page.GotoAsync("/certificates");
        return (await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Code).First.InnerTextAsync()).Trim();
    }

    [Fact]
    public async Task A_substantive_change_sends_the_employee_back_to_exactly_that_pillar()
    {
        var employee = await site.NewPageAsync(375, 740);
        await JourneyTests.SignInAsync(employee, Employee);
        await CompleteEveryPillarAsync(employee, "dependienta de frutería");
        await Assertions.Expect(employee.GetByText("¡Has completado la promesa!")).ToBeVisibleAsync();
        var firstCode = await NewestCertificateCodeAsync(employee);

        site.Change("es/pillars/02-tell-the-truth.md", "substantive", "Si hoy no puedes responder, di cuándo lo harás y cúmplelo.");
        site.Change("es/pillars/04-keep-our-word.md", "editorial", "(Corregida una errata.)");

        var admin = await site.NewPageAsync();
        await JourneyTests.SignInAsync(admin, Admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Contenido", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByText("se creará la edición 2")).ToBeVisibleAsync();
        await admin.GetByLabel("Nota de cambios").FillAsync("Pilar 2: qué decir cuando aún no hay respuesta");
        await admin.GetByLabel("He revisado la vista previa y quiero publicar").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publicar la edición 2" }).ClickAsync();
        await Assertions.Expect(admin.GetByText(new Regex("Edición 2 publicada"))).ToBeVisibleAsync();

        await employee.GotoAsync("/");
        await Assertions.Expect(employee.GetByText("Nueva edición 2")).ToBeVisibleAsync();
        await Assertions.Expect(employee.GetByText("0 de 1 pilares completados").First).ToBeVisibleAsync();
        var pillars = employee.GetByRole(AriaRole.Region, new() { Name = "Los pilares", Exact = true }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(pillars).ToHaveCountAsync(1);
        await Assertions.Expect(pillars.GetByRole(AriaRole.Link)).ToHaveTextAsync("Habla claro y di la verdad");

        await CompleteEveryPillarAsync(employee, "dependienta de frutería");
        await employee.GotoAsync("/");
        await Assertions.Expect(employee.GetByText("¡Has completado la promesa!")).ToBeVisibleAsync();
        var secondCode = await NewestCertificateCodeAsync(employee);
        Assert.NotEqual(firstCode, secondCode);

        await employee.GotoAsync("/verify/" + firstCode);
        await Assertions.Expect(employee.GetByText("Certificado sustituido")).ToBeVisibleAsync();
        await employee.GetByRole(AriaRole.Link, new() { Name = secondCode }).ClickAsync();
        await Assertions.Expect(employee.GetByText("Certificado válido")).ToBeVisibleAsync();

        // The same home, in English.
        await employee.GotoAsync("/");
        await employee.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        // The navigation, folded behind its menu button on this phone, is in English too.
        await Assertions.Expect(employee.GetByRole(AriaRole.Link, new() { Name = "My promise", IncludeHidden = true })).ToBeAttachedAsync();
        await Assertions.Expect(employee.GetByText("1 of 1 pillars completed").First).ToBeVisibleAsync();
        await Assertions.Expect(employee.GetByText("You've completed the promise!")).ToBeVisibleAsync();
        Assert.Equal("en", await Words.LanguageOfAsync(employee));
    }
}
