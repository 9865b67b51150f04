using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>
/// Every page issue 12 added or changed, on a 375 px phone with the company's sign-in configured (<see cref="SsoSiteFixture"/>), in Spanish and in English, as the people who use them
/// reach them: nothing outside the viewport and axe clean (every page, see <see cref="Accessibility"/>), and by keyboard
/// every control reached in reading order, on the screen, with a focus ring (<see cref="KeyboardWalk"/>).
/// SP_SCREENSHOTS=folder keeps a screenshot of each, to look at.
/// </summary>
public class PhoneWalkTests(SsoSiteFixture site) : BrowserTest, IClassFixture<SsoSiteFixture>
{
    protected override SiteFixture Site => site;

    const string Password = "Promesa-2026";
    const string Hr = "marta.jimenez@demo.mercadosolivo.es";
    const string Admin = "pablo.serrano@demo.mercadosolivo.es";
    const string Manager = "carmen.ruiz@demo.mercadosolivo.es";
    const string WarehouseWorkerWithoutEmail = "MO-0405";

    // Recognised Spanish headers; a person to add with a long name, one whose job changes, one who leaves, and two rows
    // that cannot be read: an "email" of one long word (it must wrap, not push the page sideways) and an impossible date.
    static string ChangesFile(string run) => $"""
        Nº de empleado;Nombre completo;Correo electrónico;Puesto;Departamento;Centro;Responsable;Fecha de alta;Activo
        PW-{run}-1;María de los Ángeles Fernández-Villaverde Santisteban;angeles.fernandez.{run}@olivo.test;Cajera;Tiendas;Sevilla Centro;MO-0001;10/11/2026;sí
        MO-0103;Ana Belén Vargas Rubio;anabelen.vargas@demo.mercadosolivo.es;Encargada de charcutería;Frescos;Sevilla Centro;MO-0001;{HiredDaysAgo(450)};sí
        MO-0106;Raúl Domínguez León;raul.dominguez@demo.mercadosolivo.es;Reponedor;Tiendas;Sevilla Centro;MO-0001;{HiredDaysAgo(40)};no
        PW-{run}-4;Sin Correo;estonoesuncorreoelectronicovalidoporquelefaltalaarrobayeldominio{run}.olivo;Agente;Tiendas;Sevilla Centro;MO-0001;10/11/2026;sí
        PW-{run}-5;Fecha Rara;fecha.rara.{run}@olivo.test;Agente;Tiendas;Sevilla Centro;MO-0001;31/02/2026;sí
        """;

    // Two required columns under names we do not know, close enough to be suggested, and a column of no use to us
    // whose header is one long word (listed among the file's columns, it must wrap).
    static string UnrecognisedFile(string run) => $"""
        Nº de empleado;Nombre completo;Mail corporativo;Fecha ingreso contrato;CODIGO_INTERNO_DEL_SISTEMA_DE_NOMINAS_EXPORTADO
        PW-{run}-7;Úrsula Marín;ursula.marin.{run}@olivo.test;01/12/2026;X1
        """;

    [Theory]
    [InlineData("es")]
    [InlineData("en")]
    public async Task The_import_dry_run_shows_its_differences_and_problems_as_stacked_lists_on_a_phone(string language)
    {
        string W(string spanish) => Words.In(language, spanish);
        var page = await SignedInAsync(Hr, language);
        await page.GotoAsync("/hr/import");
        await page.GetByLabel(W("Archivo CSV"), new() { Exact = true }).SetInputFilesAsync(Csv(ChangesFile(Run())));
        await AccessibilityTests.SubmitAsync(page, Button(page, W("Revisar el archivo (no cambia nada)")));
        await Assertions.Expect(page.GetByText(Words.In(language, "Altas: {0}").Replace("{0}", "1"))).ToBeVisibleAsync();

        // Each list of differences: one card per person, the number under the name (not beside it, off the screen).
        foreach (var (title, person, value) in new[]
        {
            ("Altas", "María de los Ángeles Fernández-Villaverde Santisteban", "PW-"),
            ("Cambios", "Ana Belén Vargas Rubio", "MO-0103"),
            ("Bajas", "Raúl Domínguez León", "MO-0106"),
        })
        {
            var row = page.GetByRole(AriaRole.Region, new() { Name = W(title), Exact = true })
                .GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = person, Exact = true }) });
            await Assertions.Expect(row.GetByRole(AriaRole.Cell).First).ToContainTextAsync(value);
            await AssertStackedAsync(row.GetByRole(AriaRole.Rowheader), row.GetByRole(AriaRole.Cell).First);
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = W("Cambios"), Exact = true }).GetByRole(AriaRole.Cell).Nth(1))
            .ToContainTextAsync(W("Puesto"));

        // The problems: the line above its reason, the long unreadable value wrapped inside the card.
        var problems = page.GetByRole(AriaRole.Region, new() { Name = W("Filas que no se importarán"), Exact = true })
            .GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell) });
        await Assertions.Expect(problems).ToHaveCountAsync(2);
        await Assertions.Expect(problems.First.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("5");
        await AssertStackedAsync(problems.First.GetByRole(AriaRole.Cell).First, problems.First.GetByRole(AriaRole.Cell).Nth(1));
        await LookAsync(page, language, "import-dry-run");
    }

    [Theory]
    [InlineData("es")]
    [InlineData("en")]
    public async Task Every_page_issue_12_added_is_usable_on_a_phone(string language)
    {
        await SignedOutAsync(language);
        await ManagerAndLetterAsync(language);
        await WithoutEmailAsync(language);
        await HrAsync(language);
        await AdminAsync(language);
    }

    /// <summary>The sign-in page with the company's button, a refused company sign-in, and the letter's code page with a wrong code.</summary>
    async Task SignedOutAsync(string language)
    {
        string W(string spanish) => Words.In(language, spanish);
        var page = await site.NewPageAsync(375, 740);
        await page.GotoAsync("/account/login");
        await AccessibilityTests.SwitchToAsync(page, language);
        var company = Button(page, Format(W("Entrar con {0}"), "Empresa"));
        await Assertions.Expect(company).ToBeVisibleAsync();
        await LookAsync(page, language, "login");

        // Someone the provider knows and the company does not: refused, in plain words, with a way back.
        await company.ClickAsync();
        await page.Locator("input[name=login]").FillAsync("nobody");
        await page.Locator("input[name=password]").FillAsync("cualquiera");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/account/external**");
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(Words.Document(page)).ToHaveAttributeAsync("lang", language);
        await LookAsync(page, language, "external-refused");

        await page.GotoAsync("/account/letter");
        await LookAsync(page, language, "letter");
        await page.GetByLabel(W("Código de la carta"), new() { Exact = true }).FillAsync("ABCD-EFGH-JKMN");
        await AccessibilityTests.SubmitAsync(page, Button(page, W("Continuar")));
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Alert).Filter(new() { HasText = W("Ese código no sirve: está mal escrito, ya se usó, ha caducado o hay una carta más nueva. Revisa que lo has copiado bien; si sigue sin funcionar, pide una carta nueva a tu responsable o a Personas (RR. HH.).") }))
            .ToBeVisibleAsync();
        await LookAsync(page, language, "letter-wrong-code");
    }

    /// <summary>Mi equipo with its letter buttons; the cashier chooses her password from the printed code, on her phone.</summary>
    async Task ManagerAndLetterAsync(string language)
    {
        string W(string spanish) => Words.In(language, spanish);
        var manager = await SignedInAsync(Manager, language);
        await manager.GotoAsync("/team");
        await Assertions.Expect(manager.GetByRole(AriaRole.Main).GetByText(W("Sin correo"), new() { Exact = true }).First).ToBeVisibleAsync();
        // The team's letter printing (its words, and its button while anyone awaits a first letter) stands apart from the
        // list below it, not touching its first card.
        var letters = await manager.Locator("#team-letters").BoundingBoxAsync();
        var list = await manager.GetByRole(AriaRole.Region, new() { Name = W("Tus personas"), Exact = true }).BoundingBoxAsync();
        Assert.True(list!.Y - (letters!.Y + letters.Height) >= 8, $"The letters block ends {letters.Y + letters.Height:0} px down and the list starts at {list.Y:0} px");
        // Someone who needs no reminder: the card's last label has a value under it, not nothing.
        var done = manager.GetByRole(AriaRole.Row).Filter(new() { Has = manager.GetByRole(AriaRole.Rowheader).Filter(new() { HasText = "Manuel Ortiz Campos" }) });
        await Assertions.Expect(done.GetByRole(AriaRole.Cell).Last).Not.ToBeEmptyAsync();
        await LookAsync(manager, language, "team");
        var download = await manager.RunAndWaitForDownloadAsync(() =>
            Button(manager, Format(W("Imprimir carta de {0}"), "Rosa Jiménez Bermúdez")).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"sp-letter-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(path);
        var code = Regex.Match(LetterBrowserTests.PdfText(path), "[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}").Value;
        File.Delete(path);
        Assert.NotEmpty(code);

        var phone = await site.NewPageAsync(375, 740);
        await phone.GotoAsync("/account/letter");
        await AccessibilityTests.SwitchToAsync(phone, language);
        await phone.GetByLabel(W("Código de la carta"), new() { Exact = true }).FillAsync(code);
        await AccessibilityTests.SubmitAsync(phone, Button(phone, W("Continuar")));
        await Assertions.Expect(phone.GetByLabel(W("Nueva contraseña"), new() { Exact = true })).ToBeVisibleAsync();
        await LookAsync(phone, language, "letter-choose-password");
    }

    /// <summary>The warehouse worker without email: his home page reminds him (nobody mails him).</summary>
    async Task WithoutEmailAsync(string language)
    {
        var page = await SignedInAsync(WarehouseWorkerWithoutEmail, language);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)
            .Filter(new() { HasText = Words.In(language, "Recordatorio") })).ToBeVisibleAsync();
        await LookAsync(page, language, "home-reminder");
    }

    /// <summary>HR: the letters' print form, and the import's column-mapping form with its suggestions.</summary>
    async Task HrAsync(string language)
    {
        string W(string spanish) => Words.In(language, spanish);
        var page = await SignedInAsync(Hr, language);
        await page.GotoAsync("/hr/letters");
        await Assertions.Expect(Button(page, W("Imprimir cartas (PDF)"))).ToBeVisibleAsync();
        await LookAsync(page, language, "hr-letters");

        await page.GotoAsync("/hr/import");
        await page.GetByLabel(W("Archivo CSV"), new() { Exact = true }).SetInputFilesAsync(Csv(UnrecognisedFile(Run())));
        await AccessibilityTests.SubmitAsync(page, Button(page, W("Revisar el archivo (no cambia nada)")));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = W("Asignar las columnas del archivo"), Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(Format(W("Sugerencia: «{0}». Compruébala."), "Fecha ingreso contrato"))).ToBeVisibleAsync();
        await LookAsync(page, language, "import-mapping");
    }

    /// <summary>The admin: a new SCIM token, shown once; the provider sends two changes; what provisioning received.</summary>
    async Task AdminAsync(string language)
    {
        string W(string spanish) => Words.In(language, spanish);
        var page = await SignedInAsync(Admin, language);
        await page.GotoAsync("/admin/scim");
        await page.GetByLabel(W("Nombre"), new() { Exact = true }).FillAsync($"Entra ID producción de la región de Andalucía occidental ({language})");
        await AccessibilityTests.SubmitAsync(page, Button(page, W("Crear token")));
        var shown = page.GetByLabel(W("Token"), new() { Exact = true });
        var token = await shown.InputValueAsync();
        Assert.NotEmpty(token);
        // Shown whole, wrapped inside its box: nothing of it hidden past the box's edge.
        Assert.True(await shown.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight"),
            "The new token does not fit its box: part of it is out of sight");
        await LookAsync(page, language, "scim-token-created");

        // A person with a long name and a long address, and one the rules refuse (no employee number).
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var run = Run();
        var address = $"maria.de.los.angeles.fernandez-villaverde.santisteban.{run}@distribuciones-mercados-olivo-andalucia.example";
        var created = await http.PostAsync("/scim/v2/Users", Scim($$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "userName":"{{{address}}}","active":true,"displayName":"María de los Ángeles Fernández-Villaverde Santisteban",
             "emails":[{"primary":true,"type":"work","value":"{{{address}}}"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"PW-{{{run}}}-S","department":"Tiendas"}}
            """));
        Assert.True((int)created.StatusCode == 201, await created.Content.ReadAsStringAsync());
        var refused = await http.PostAsync("/scim/v2/Users", Scim($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"sinnumerodeempleadoniextensiondeempresa.{{run}}@distribucionesmercadosolivoandalucia.example","active":true,"displayName":"Sin Número"}
            """));
        Assert.True((int)refused.StatusCode is >= 400 and < 500, await refused.Content.ReadAsStringAsync());

        await page.GotoAsync("/hr/provisioning");
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "María de los Ángeles Fernández-Villaverde Santisteban" }).First).ToBeVisibleAsync();
        await LookAsync(page, language, "provisioning");
    }

    /// <summary>A 375 px page signed in as <paramref name="who"/>, in <paramref name="language"/>.</summary>
    async Task<IPage> SignedInAsync(string who, string language)
    {
        var page = await site.NewPageAsync(375, 740);
        await page.GotoAsync("/account/login");
        var shown = await Words.LanguageOfAsync(page);
        await page.GetByLabel(Words.In(shown, "Número de empleado o correo electrónico"), new() { Exact = true }).FillAsync(who);
        await page.GetByLabel(Words.In(shown, "Contraseña"), new() { Exact = true }).FillAsync(Password);
        await AccessibilityTests.SubmitAsync(page, Button(page, Words.In(shown, "Entrar")));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = Words.In(await Words.LanguageOfAsync(page), "Menú"), Exact = true })).ToBeVisibleAsync();
        await AccessibilityTests.SwitchToAsync(page, language);
        return page;
    }

    /// <summary>The page in the walk's language, gone through by keyboard, and a screenshot kept when asked for.</summary>
    static async Task LookAsync(IPage page, string language, string name)
    {
        await Assertions.Expect(Words.Document(page)).ToHaveAttributeAsync("lang", language);
        await KeyboardWalk.AssertAsync(page);
        await Screenshots.TakeAsync(page, $"{name}-{language}");
    }

    /// <summary>The second box lies below the first, not beside it: the row shows as a stacked card.</summary>
    static async Task AssertStackedAsync(ILocator first, ILocator second)
    {
        var a = await first.BoundingBoxAsync() ?? throw new InvalidOperationException("Not shown: " + first);
        var b = await second.BoundingBoxAsync() ?? throw new InvalidOperationException("Not shown: " + second);
        Assert.True(b.Y >= a.Y + a.Height - 1, $"Side by side, not stacked: {a.X:0},{a.Y:0} {a.Width:0}×{a.Height:0} and {b.X:0},{b.Y:0} {b.Width:0}×{b.Height:0}");
    }

    static ILocator Button(IPage page, string name) =>
        page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    static FilePayload Csv(string text) => new() { Name = "plantilla.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    static StringContent Scim(string json) => new(json, Encoding.UTF8, "application/scim+json");

    static string Format(string text, string value) => string.Format(CultureInfo.InvariantCulture, text, value);

    /// <summary>A demo person's hire date as the demo wrote it (Staff/DemoOrganisation.cs), day first.</summary>
    static string HiredDaysAgo(int days) => DateTime.Today.AddDays(-days).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    static string Run() => Guid.NewGuid().ToString("N")[..6];
}
