using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>
/// A site of its own that sends its mail through the real SMTP server run-all.sh starts (maildev: SP_TEST_SMTP_PORT
/// for SMTP, SP_TEST_MAILDEV for its HTTP API, from which the tests read the messages back).
/// </summary>
public sealed class SmtpSiteFixture : SiteFixture
{
    public static string Api => Environment.GetEnvironmentVariable("SP_TEST_MAILDEV") is { Length: > 0 } url
        ? url
        : throw new InvalidOperationException("SP_TEST_MAILDEV is not set: run the tests with 'bash tests/run-all.sh', which starts maildev.");

    protected override void Configure(IDictionary<string, string?> environment)
    {
        environment["Mail__Host"] = "127.0.0.1";
        environment["Mail__Port"] = Environment.GetEnvironmentVariable("SP_TEST_SMTP_PORT")
            ?? throw new InvalidOperationException("SP_TEST_SMTP_PORT is not set: run the tests with 'bash tests/run-all.sh', which starts maildev.");
    }

    /// <summary>The text of the first message maildev holds for <paramref name="address"/>, waiting for it up to ten seconds.</summary>
    public static async Task<string> MailToAsync(string address)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            var all = await http.GetFromJsonAsync<JsonElement>(Api + "/email");
            foreach (var mail in all.EnumerateArray())
                if (mail.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase)))
                    return mail.GetProperty("text").GetString() ?? "";
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail reached maildev for {address}");
    }
}

/// <summary>
/// HR brings the staff in from the HR system's file: reads the dry run (problems included), applies the valid rows,
/// finds the new people on the dashboard; a new person sets a password from the invitation the SMTP server received.
/// </summary>
public class ImportTests(SmtpSiteFixture site) : BrowserTest, IClassFixture<SmtpSiteFixture>
{
    protected override SiteFixture Site => site;

    // Semicolons, Spanish headers and day-first dates, as Spanish-locale Excel saves them; two rows are wrong.
    static string StaffFile(string run) => $"""
        Nº de empleado;Nombre completo;Correo electrónico;Puesto;Departamento;Centro;Responsable;Fecha de alta;Idioma
        AC-{run}-1;Ana Castillo Vera;ana.castillo.{run}@olivo.test;Agente;Atención al cliente {run};Sevilla;;10/11/2026;es
        AC-{run}-2;Bruno Sanz Ortega;bruno.sanz.{run}@olivo.test;Agente;Atención al cliente {run};Sevilla;AC-{run}-1;10/11/2026;en
        AC-{run}-3;Carla Ruiz Peña;carla.ruiz.{run}@olivo.test;Agente;Atención al cliente {run};Sevilla;AC-{run}-1;2026-11-12;es
        AC-{run}-4;Sin Correo;no-es-un-correo;Agente;Atención al cliente {run};Sevilla;AC-{run}-1;10/11/2026;es
        AC-{run}-5;Fecha Rara;fecha.rara.{run}@olivo.test;Agente;Atención al cliente {run};Sevilla;AC-{run}-1;31/02/2026;es
        """;

    [Fact]
    public async Task Hr_imports_a_file_with_bad_rows_applies_the_rest_and_a_new_person_sets_a_password_from_the_email()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var page = await site.NewPageAsync();
        await JourneyTests.SignInAsync(page, "marta.jimenez@demo.mercadosolivo.es");

        await page.GotoAsync("/hr/import");
        await page.GetByLabel("Archivo CSV", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "plantilla.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(StaffFile(run)),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Revisar el archivo (no cambia nada)" }).ClickAsync();

        // The dry run: three people to create, and each bad row with its line and reason.
        await Assertions.Expect(page.GetByText("Altas: 3")).ToBeVisibleAsync();
        // The rows of the problems table that hold data (the header row has column headers, no cells).
        var problems = page.GetByRole(AriaRole.Region, new() { Name = "Filas que no se importarán", Exact = true })
            .GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell) });
        await Assertions.Expect(problems).ToHaveCountAsync(2);
        await Assertions.Expect(problems.Nth(0).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("5");
        await Assertions.Expect(problems.Nth(0)).ToContainTextAsync("«no-es-un-correo» no es un correo electrónico válido");
        await Assertions.Expect(problems.Nth(1).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("6");
        await Assertions.Expect(problems.Nth(1)).ToContainTextAsync("No se entiende la fecha de alta «31/02/2026»");

        // Applying needs the confirmation; nothing is fixed, the valid rows go in.
        await page.GetByLabel("He revisado la vista previa y quiero aplicar los cambios válidos").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Aplicar los cambios" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Importación aplicada: 3 altas, 0 cambios, 0 bajas. 3 invitaciones se están enviando. 2 filas con problemas no se han importado.")).ToBeVisibleAsync();

        // The dashboard counts the new department's three people, and its number leads to them.
        await page.GotoAsync("/hr/dashboard/department");
        var department = page.GetByRole(AriaRole.Rowheader, new() { Name = $"Atención al cliente {run}", Exact = true });
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Por departamento", Exact = true })
            .GetByRole(AriaRole.Row).Filter(new() { Has = department });
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("3");
        await row.GetByRole(AriaRole.Cell).First.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync("**/hr/completion?department=*");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Lista de cumplimiento", Exact = true })
            .GetByRole(AriaRole.Rowheader).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Ana Castillo Vera", "Bruno Sanz Ortega", "Carla Ruiz Peña"]);
        // On the dashboard itself too: with nobody started yet it is the department most in need of attention.
        await page.GotoAsync("/hr/dashboard");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Por departamento", Exact = true })
            .GetByRole(AriaRole.Rowheader).First).ToHaveTextAsync($"Atención al cliente {run}");

        // Bruno reads his invitation (in English, his language) from the SMTP server and chooses a password.
        var mail = await SmtpSiteFixture.MailToAsync($"bruno.sanz.{run}@olivo.test");
        var link = Regex.Match(mail, @"https?://\S*/account/set-password\?\S+").Value;
        Assert.False(string.IsNullOrEmpty(link), "The invitation has no set-password link:\n" + mail);
        var bruno = await site.NewPageAsync(390, 844);
        await bruno.GotoAsync(link);
        var language = await Words.LanguageOfAsync(bruno);
        await bruno.GetByLabel(Words.In(language, "Nueva contraseña"), new() { Exact = true }).FillAsync("Bruno-elige-2026");
        await bruno.GetByLabel(Words.In(language, "Repite la contraseña"), new() { Exact = true }).FillAsync("Bruno-elige-2026");
        await bruno.GetByRole(AriaRole.Button, new() { Name = Words.In(language, "Guardar contraseña"), Exact = true }).ClickAsync();
        // Signed in at once, with the promise to learn in front of him; then the password works on its own.
        await Assertions.Expect(FirstPillarLink(bruno, "en")).ToBeVisibleAsync();
        await bruno.Context.ClearCookiesAsync();
        await bruno.GotoAsync("/account/login");
        language = await Words.LanguageOfAsync(bruno);
        await bruno.GetByLabel(Words.In(language, "Número de empleado o correo electrónico"), new() { Exact = true }).FillAsync($"bruno.sanz.{run}@olivo.test");
        await bruno.GetByLabel(Words.In(language, "Contraseña"), new() { Exact = true }).FillAsync("Bruno-elige-2026");
        await bruno.GetByRole(AriaRole.Button, new() { Name = Words.In(language, "Entrar"), Exact = true }).ClickAsync();
        await Assertions.Expect(FirstPillarLink(bruno, "en")).ToBeVisibleAsync();
    }

    /// <summary>The link to the first pillar in the home page's list of pillars, for someone whose profile is in <paramref name="language"/>.</summary>
    static ILocator FirstPillarLink(IPage page, string language) =>
        page.GetByRole(AriaRole.Region, new() { Name = Words.In(language, "Los pilares"), Exact = true })
            .GetByRole(AriaRole.Listitem).First.GetByRole(AriaRole.Link);
}
