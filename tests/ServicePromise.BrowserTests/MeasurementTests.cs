using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>A site of its own for the measurement story: no demo audits, so the only results are the ones the test brings.</summary>
public sealed class MeasurementSiteFixture : SiteFixture;

/// <summary>
/// Issue 13's acceptance, in a real browser: HR uploads a month of results in which Sevilla Centro falls below one
/// standard, confirms the finding's refresher; an employee of the store sees the finding on the lesson and redoes the
/// pillar; the store manager writes the plan and HR approves it; next month's results show the improvement on the
/// employee's home, close the finding and fill the plan's before and after. Every page is checked with axe, and the
/// employee's and manager's pages at 375 px.
/// </summary>
public class MeasurementTests(MeasurementSiteFixture site) : BrowserTest, IClassFixture<MeasurementSiteFixture>
{
    protected override SiteFixture Site => site;

    const string Hr = "marta.jimenez@demo.mercadosolivo.es";
    const string Manager = "carmen.ruiz@demo.mercadosolivo.es";
    const string Employee = "manuel.ortiz@demo.mercadosolivo.es";
    const string EmployeeName = "Manuel Ortiz Campos";
    const string Standard = "El cliente puede terminar de explicarse antes de que le respondamos.";
    const string Pillar = "listen";
    const string Comment = "La cajera me cortó dos veces antes de que terminara de explicar lo del cambio";

    // As a Spanish-locale spreadsheet saves it: semicolons, Spanish headers, decimal comma.
    static string Results(string period, string sevilla, string comment) => $"""
        Tienda;Periodo;Fuente;Estándar;Puntuación;Muestra;Comentario
        Sevilla Centro;{period};Cliente misterioso;escucha-sin-interrumpir;{sevilla};12;{comment}
        Málaga;{period};Cliente misterioso;escucha-sin-interrumpir;88;10;
        Córdoba;{period};Cliente misterioso;escucha-sin-interrumpir;91,5;10;
        """;

    static async Task ImportAsync(IPage hr, string name, string csv)
    {
        await hr.GotoAsync("/hr/measurement/import");
        await hr.GetByLabel("Archivo CSV", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = name, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        await hr.GetByRole(AriaRole.Button, new() { Name = "Revisar el archivo (no cambia nada)" }).ClickAsync();

        // The dry run: three new results, no problem rows, Sevilla Centro's score read with its decimal comma.
        await Assertions.Expect(hr.GetByText("Nuevos: 3")).ToBeVisibleAsync();
        await Assertions.Expect(hr.GetByText("Filas con problemas: 0")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(hr, "dry-run-" + name);
        await hr.GetByLabel("He revisado la vista previa y quiero registrar estos resultados").CheckAsync();
        await hr.GetByRole(AriaRole.Button, new() { Name = "Registrar los resultados" }).ClickAsync();
        await Assertions.Expect(hr.GetByText("Resultados registrados: 3 nuevos y 0 correcciones (0 sin cambios).")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_finding_becomes_a_refresher_and_a_plan_and_the_next_month_shows_the_improvement()
    {
        // HR, on a desktop: October's results, Sevilla Centro at 62,5 on a standard of 80.
        var hr = await site.NewPageAsync();
        await JourneyTests.SignInAsync(hr, Hr);
        await ImportAsync(hr, "octubre.csv", Results("2026-10", "62,5", Comment));
        await hr.GotoAsync("/hr/measurement");
        await Assertions.Expect(hr.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        // The finding: the proposal's preview names who gets the refresher; HR shares the comment and confirms.
        await hr.GotoAsync("/hr/findings");
        await hr.GetByRole(AriaRole.Link, new() { Name = Standard }).ClickAsync();
        await Assertions.Expect(hr.GetByText("Sevilla Centro obtuvo 62,5 sobre 100")).ToBeVisibleAsync();
        var preview = hr.GetByRole(AriaRole.Region, new() { Name = "Quién recibirá el repaso", Exact = true });
        await Assertions.Expect(preview.GetByRole(AriaRole.Cell, new() { Name = EmployeeName })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(hr, "finding-proposed");
        await hr.GetByLabel("Compartir este comentario").CheckAsync();
        await hr.GetByLabel("Texto que se compartirá").FillAsync("Me cortaron dos veces antes de que terminara de explicar lo del cambio.");
        await hr.GetByLabel(new Regex("^He revisado la lista: envía el repaso")).CheckAsync();
        await hr.GetByRole(AriaRole.Button, new() { Name = "Confirmar el hallazgo" }).ClickAsync();
        await Assertions.Expect(hr.GetByText(new Regex("Confirmado el"))).ToBeVisibleAsync();
        var findingUrl = hr.Url;

        // The employee, on a phone: the finding in plain words on the lesson, then the pillar redone.
        var employee = await site.NewPageAsync(375, 740);
        await JourneyTests.SignInAsync(employee, Employee);
        await employee.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^(Empezar|Continuar):") }).ClickAsync();
        await Assertions.Expect(employee).ToHaveURLAsync(new Regex($"/pillars/{Pillar}$"));
        var banner = employee.GetByRole(AriaRole.Region, new() { Name = "Por qué repasas este pilar" });
        await Assertions.Expect(banner).ToContainTextAsync(
            $"En la auditoría de octubre de 2026, los clientes de tu tienda dieron 62,5 sobre 100 a «{Standard.TrimEnd('.')}»; nuestro estándar es 80.");
        await Assertions.Expect(banner).ToContainTextAsync("Me cortaron dos veces antes de que terminara de explicar lo del cambio.");
        await Screenshots.TakeAsync(employee, "lesson-with-finding");
        await JourneyTests.ReadAndPassCheckAsync(employee, Pillar);
        await ReflectionForm.FillAsync(employee, "Escucha antes de responder tras la auditoría de octubre", "reponedor en Sevilla Centro");
        await employee.GetByRole(AriaRole.Button, new() { Name = "Enviar reflexión" }).ClickAsync();
        await Assertions.Expect(employee.Locator("div.notice[role=status]")).ToBeVisibleAsync();
        await employee.GotoAsync("/");
        await Assertions.Expect(employee.GetByText("¡Has completado la promesa!")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(employee, "home-after-refresher");

        // The manager, on a phone: writes the plan and sends it.
        var manager = await site.NewPageAsync(375, 740);
        await JourneyTests.SignInAsync(manager, Manager);
        await manager.GotoAsync("/team/plans");
        await manager.GetByRole(AriaRole.Region, new() { Name = "Tus planes" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await manager.GetByLabel("Causa").FillAsync("En hora punta respondemos antes de que el cliente termine, para que la cola avance.");
        await manager.GetByLabel("Acciones").FillAsync("Práctica de escucha de cinco minutos en cada cambio de turno durante noviembre; una cajera de apoyo en hora punta.");
        await manager.GetByLabel("Quién se encarga").FillAsync("Carmen Ruiz, con las encargadas de turno");
        await manager.GetByLabel("Fecha límite").FillAsync("2026-12-31");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Enviar para aprobación" }).ClickAsync();
        await Assertions.Expect(manager.GetByText("Esperando aprobación de Personas (RR. HH.) o de tu responsable.")).ToBeVisibleAsync();
        var planUrl = manager.Url;
        await Screenshots.TakeAsync(manager, "plan-sent");

        // HR approves it.
        await hr.GotoAsync("/hr/plans");
        await hr.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Sevilla Centro") }).First.ClickAsync();
        await hr.GetByLabel(new Regex("^Comentario para")).FillAsync("Bien pensado: contadnos en diciembre cómo ha ido.");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Aprobar" }).ClickAsync();
        await Assertions.Expect(hr.GetByText("Aprobado: ya no se cambia.")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(hr, "plan-approved");

        // November's results: Sevilla Centro meets the standard again.
        await ImportAsync(hr, "noviembre.csv", Results("2026-11", "85", ""));

        // The employee's home: the latest result against the standard, and the trend with both numbers.
        await employee.GotoAsync("/");
        var results = employee.GetByRole(AriaRole.Region, new() { Name = "Cómo lo está haciendo tu tienda: Sevilla Centro" });
        await Assertions.Expect(results).ToContainTextAsync("85 sobre 100 (estándar: 80)");
        var trend = results.GetByRole(AriaRole.List, new() { Name = $"Evolución de «{Standard.TrimEnd('.')}»" });
        await Assertions.Expect(trend).ToContainTextAsync("62,5");
        await Assertions.Expect(trend).ToContainTextAsync("85");
        await Screenshots.TakeAsync(employee, "home-improved");

        // The finding is closed, and the plan shows before and after.
        await hr.GotoAsync(findingUrl);
        await Assertions.Expect(hr.GetByText(new Regex("^Cerrado el"))).ToBeVisibleAsync();
        await hr.GotoAsync("/hr/measurement");
        await Assertions.Expect(hr.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(hr, "measurement-overview");
        // Sevilla Centro's understanding: Manuel passed his check at the first try, one person, 100 %.
        var sevilla = hr.GetByRole(AriaRole.Row).Filter(new() { Has = hr.GetByRole(AriaRole.Rowheader, new() { Name = "Sevilla Centro", Exact = true }) });
        await Assertions.Expect(sevilla).ToContainTextAsync(new Regex(@"100 %\s*1 persona"));
        await manager.GotoAsync(planUrl);
        await Assertions.Expect(manager.GetByText("62,5 → 85")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByText("El hallazgo está cerrado: un resultado posterior ha cumplido el estándar.")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(manager, "plan-before-after");
        await manager.GotoAsync("/team");
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(manager, "team");

        // Every page of the story was checked with axe (and the phone's for content outside its width).
        await site.Accessibility.SettleAsync();
        var paths = site.Accessibility.Checked.Select(u => new Uri(u).PathAndQuery).ToList();
        foreach (var expected in new[] { "/hr/measurement/import", "/hr/measurement/import?upload=", "/hr/measurement", "/hr/findings/", "/pillars/" + Pillar, "/team/plans/", "/hr/plans", "/team" })
            Assert.Contains(paths, p => p.StartsWith(expected, StringComparison.Ordinal));
        Assert.Contains(paths, p => p == "/");
    }
}
