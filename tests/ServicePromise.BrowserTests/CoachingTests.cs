using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>Manager coaching with reviews on, in a real browser: a reflection goes back and forth until it is approved.</summary>
public class CoachingTests(ReviewSiteFixture site) : BrowserTest, IClassFixture<ReviewSiteFixture>
{
    protected override SiteFixture Site => site;

    const string Employee = "sergio.molina@demo.mercadosolivo.es";
    const string EmployeeName = "Sergio Molina Cabrera";
    const string Manager = "carmen.ruiz@demo.mercadosolivo.es";

    [Fact]
    public async Task A_manager_returns_a_reflection_with_a_comment_and_the_employee_revises_it_to_approval()
    {
        const string comment = "Cuéntame a qué clientes atiendes en el mostrador de la carnicería.";
        var employee = await site.NewPageAsync(375, 740);
        await JourneyTests.SignInAsync(employee, Employee);
        await employee.GotoAsync("/pillars/own-it");
        await JourneyTests.ReadAndPassCheckAsync(employee, "own-it");
        await ReflectionForm.FillAsync(employee, "Hazlo tuyo", "carnicero en Sevilla Centro");
        await employee.GetByRole(AriaRole.Button, new() { Name = "Enviar reflexión" }).ClickAsync();
        await Assertions.Expect(employee.GetByText("Tu responsable la revisará")).ToBeVisibleAsync();

        // Carmen finds it on her team page and sends it back with a comment and one rubric answer.
        var manager = await site.NewPageAsync();
        await JourneyTests.SignInAsync(manager, Manager);
        var team = manager.GetByRole(AriaRole.Navigation, new() { Name = "Principal" }).GetByRole(AriaRole.Link, new() { Name = "Mi equipo" });
        await team.ClickAsync();
        var open = manager.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Abrir la reflexión de " + EmployeeName) });
        await open.ClickAsync();
        await manager.GetByLabel("Comentario para " + EmployeeName).FillAsync(comment);
        await manager.GetByRole(AriaRole.Group, new() { Name = "Nombra al cliente" }).GetByLabel("No", new() { Exact = true }).CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Devolver con comentario" }).ClickAsync();
        await Assertions.Expect(manager.GetByText($"Reflexión devuelta a {EmployeeName}")).ToBeVisibleAsync();

        // Sergio reads the comment under his reflection, changes the part it asks about and sends it again.
        await employee.ReloadAsync();
        await Assertions.Expect(employee.GetByText(comment)).ToBeVisibleAsync();
        await ReflectionForm.Customers(employee).FillAsync("En la carnicería atiendo a quien espera en el mostrador y a mis compañeras de frescos.");
        await employee.GetByRole(AriaRole.Button, new() { Name = "Enviar reflexión" }).ClickAsync();
        await Assertions.Expect(employee.GetByText("Tu responsable la revisará")).ToBeVisibleAsync();

        // Carmen approves the second version.
        await team.ClickAsync();
        await open.ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Versión 2" })).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByText("mostrador y a mis compañeras de frescos")).ToBeVisibleAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Aprobar" }).ClickAsync();
        await Assertions.Expect(manager.GetByText($"Reflexión aprobada: el pilar cuenta como hecho para {EmployeeName}.")).ToBeVisibleAsync();

        await employee.ReloadAsync();
        await Assertions.Expect(employee.GetByText("Reflexión aprobada.", new() { Exact = true })).ToBeVisibleAsync();
        await employee.GotoAsync("/");
        await Assertions.Expect(employee.GetByText("3 de 5 pilares completados").First).ToBeVisibleAsync();
    }
}
