using System.Globalization;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>A committed action followed up in a real browser: planned with a date, asked about on that day, answered and replied to.</summary>
public class CheckInBrowserTests(ClockSiteFixture site) : BrowserTest, IClassFixture<ClockSiteFixture>
{
    protected override SiteFixture Site => site;

    const string Employee = "lucia.romero@demo.mercadosolivo.es";
    const string EmployeeName = "Lucía Romero Sánchez";
    const string Manager = "carmen.ruiz@demo.mercadosolivo.es";

    [Fact]
    public async Task A_planned_action_is_asked_about_on_its_date_answered_partly_and_the_manager_replies()
    {
        const string note = "Lo hice con dos clientes con prisa; con el tercero se me olvidó por la cola.";
        const string reply = "¡Bien hecho! El sábado pide a Rosa que abra la segunda caja.";
        var employee = await site.NewPageAsync(375, 740);
        await JourneyTests.SignInAsync(employee, Employee);
        await employee.GotoAsync("/pillars/listen");
        await JourneyTests.ReadAndPassCheckAsync(employee, "listen");
        await ReflectionForm.FillAsync(employee, "Escucha");
        await ReflectionForm.Action(employee).FillAsync("Cuando un cliente llegue con prisa a caja, voy a saludarle y decirle cuánto tardaré en atenderle.");

        // The date, by keyboard: Tab from the action to the date picker, then arrows on its day. It offers a week ahead;
        // she moves it three days (on, or back when the month would wrap), which keeps it between tomorrow and 90 days.
        var date = employee.GetByLabel("¿Para cuándo lo habrás hecho por primera vez?");
        var today = DateOnly.ParseExact((await date.GetAttributeAsync("min"))!, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-1);
        await ReflectionForm.Action(employee).FocusAsync();
        await employee.Keyboard.PressAsync("Tab");
        await Assertions.Expect(date).ToBeFocusedAsync();
        var offered = DateOnly.ParseExact(await date.InputValueAsync(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var due = await DatePicker.StepDaysAsync(employee, date, offered.Day <= 25 ? 3 : -3);
        var days = due.DayNumber - today.DayNumber;
        await employee.GetByRole(AriaRole.Button, new() { Name = "Enviar reflexión" }).ClickAsync();
        await Assertions.Expect(employee.GetByRole(AriaRole.Status).Filter(new() { HasText = "Reflexión enviada" })).ToBeVisibleAsync();
        await employee.GotoAsync("/");
        await Assertions.Expect(employee.Locator("#checkins")).ToHaveCountAsync(0);

        // The plan's date comes: the home asks, and she answers "partly" with a note.
        await site.MoveClockAsync(days);
        await employee.Context.ClearCookiesAsync(); // the sign-in does not outlast days
        await JourneyTests.SignInAsync(employee, Employee);
        await employee.GotoAsync("/");
        await employee.GetByRole(AriaRole.Link, new() { Name = "Responder: ¿lo has hecho?" }).ClickAsync();
        await employee.GetByRole(AriaRole.Group, new() { Name = "¿Has hecho lo que te propusiste?" }).GetByLabel("En parte", new() { Exact = true }).CheckAsync();
        await employee.GetByRole(AriaRole.Group, new() { Name = "¿Cómo ha ido? (1 = mal, 5 = muy bien)" }).GetByLabel("3", new() { Exact = true }).CheckAsync();
        await employee.GetByLabel("Una nota breve: qué hiciste y qué pasó (opcional)").FillAsync(note);
        await employee.GetByRole(AriaRole.Button, new() { Name = "Enviar respuesta", Exact = true }).ClickAsync();
        await Assertions.Expect(employee.GetByText(note)).ToBeVisibleAsync();

        // Carmen sees it on Mi equipo and replies.
        var manager = await site.NewPageAsync();
        await JourneyTests.SignInAsync(manager, Manager);
        await manager.GotoAsync("/team");
        // Her answer, and the follow-up it scheduled 30 days on, still to come.
        var row = manager.Locator("#team-checkins tbody tr").Filter(new() { HasText = EmployeeName }).Filter(new() { HasText = "En parte" });
        await Assertions.Expect(row).ToContainTextAsync(due.ToString("d", CultureInfo.GetCultureInfo("es-ES")));
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await manager.GetByLabel($"Tu respuesta a {EmployeeName}").FillAsync(reply);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Enviar respuesta al equipo" }).ClickAsync();
        await Assertions.Expect(manager.Locator("#replies")).ToContainTextAsync(reply);

        // Lucía's home points to the reply, and she reads it.
        await employee.GotoAsync("/");
        await employee.GetByRole(AriaRole.Link, new() { Name = "Leer la respuesta" }).ClickAsync();
        await Assertions.Expect(employee.Locator("#replies")).ToContainTextAsync(reply);
    }
}
