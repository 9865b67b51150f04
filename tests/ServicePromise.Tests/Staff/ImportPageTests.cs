using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>HR's import page: upload, a dry run that changes nothing, then one apply of the valid rows.</summary>
public class ImportPageTests
{
    const string File = """
        Nº de empleado;Nombre completo;Correo electrónico;Puesto;Departamento;Centro;Responsable;Fecha de alta
        IM-1;Inés Moreno;ines.moreno@olivo.test;Cajera;Tiendas;Málaga;MO-0008;01/12/2026
        IM-2;Iván Mesa;ivan.mesa@olivo.test;Reponedor;Tiendas;Málaga;IM-1;2026-12-01
        IM-3;Correo Malo;no-es-un-correo;Cajera;Tiendas;Málaga;;2026-12-01
        """;

    static Task<HttpResponseMessage> UploadAsync(HttpClient client, string text, bool fullImport = false) =>
        UploadAsync(client, Encoding.UTF8.GetBytes(text), fullImport);

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, bool fullImport = false) =>
        await (await ImportPage.OpenAsync(client)).UploadAsync(bytes, fullImport);

    [Fact]
    public async Task Hr_reads_the_dry_run_applies_the_valid_rows_once_and_sees_the_new_people()
    {
        using var app = new AppFactory();
        app.Settings["Invitations:Enabled"] = "true"; // the background sender, as in production
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var before = await app.WithDbAsync(db => db.Employees.CountAsync());

        var dryRun = await (await ImportPage.OpenAsync(hr)).PreviewAsync(Encoding.UTF8.GetBytes(File));
        var preview = dryRun.Document;
        var text = preview.Text();
        Assert.Contains("Altas: 2", text);
        Assert.Contains("Filas con problemas: 1", text);
        Assert.Contains("«no-es-un-correo» no es un correo electrónico válido.", preview.QuerySelector("section[aria-labelledby=problems-heading] table")!.TextContent);
        Assert.Equal("4", preview.QuerySelector("section[aria-labelledby=problems-heading] table tbody td")!.TextContent);
        Assert.Equal(before, await app.WithDbAsync(db => db.Employees.CountAsync()));

        var unconfirmed = await dryRun.ApplyAsync(confirmed: false);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Marca la casilla", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.WithDbAsync(db => db.Employees.CountAsync()));

        var applied = await Task.WhenAll(dryRun.ApplyAsync(), dryRun.ApplyAsync());
        Assert.All(applied, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(before + 2, await app.WithDbAsync(db => db.Employees.CountAsync()));
        // Sent in the background after the apply returned.
        for (var i = 0; i < 100 && app.Mails().Count(m => m.Contains("olivo.test")) < 2; i++) await Task.Delay(100);
        Assert.Equal(2, app.Mails().Count(m => m.Contains("olivo.test")));

        var list = await hr.GetPageAsync("/hr/completion?q=In%C3%A9s");
        Assert.Contains("Inés Moreno", list.Text());
    }

    // Headers no HR system uses, so the mapping step shows whichever columns are required.
    const string Unrecognised = """
        Referencia;Persona;Buzón;Entrada;Sección
        UM-1;Úrsula Marín;ursula.marin@olivo.test;2026-12-01;Tiendas
        UM-2;Ulises Mora;ulises.mora@olivo.test;2026-12-02;Tiendas
        """;

    static Dictionary<string, string> Columns(params (StaffField Field, string Header)[] columns) =>
        columns.ToDictionary(c => $"columns[{c.Field}]", c => c.Header);

    [Fact]
    public async Task Unrecognised_headers_lead_to_the_mapping_step_whose_saved_mapping_later_uploads_use()
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);

        var location = (await UploadAsync(hr, Unrecognised)).Headers.Location!.OriginalString;
        var preview = await hr.GetPageAsync(location);
        Assert.NotNull(preview.QuerySelector("#map-heading"));
        Assert.Equal(["", "Referencia", "Persona", "Buzón", "Entrada", "Sección"],
            preview.QuerySelectorAll("#column-EmployeeNumber option").Select(o => o.GetAttribute("value")));
        Assert.Equal("Sección", preview.QuerySelector("#column-Department option[selected]")!.GetAttribute("value")); // a header we recognise

        // A required field left out, or one column for two fields: explained, nothing saved.
        var missing = await hr.SubmitAsync(preview, "form[action*='handler=Mapping']",
            Columns((StaffField.EmployeeNumber, "Referencia"), (StaffField.FullName, "Persona"), (StaffField.Email, "Buzón")));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Elige la columna de «Fecha de alta»: es obligatoria.", Pages.Parse(await missing.Content.ReadAsStringAsync()).QuerySelector("#mapping-error")!.TextContent);
        var twice = await hr.SubmitAsync(preview, "form[action*='handler=Mapping']",
            Columns((StaffField.EmployeeNumber, "Referencia"), (StaffField.FullName, "Persona"), (StaffField.Email, "Buzón"), (StaffField.HireDate, "Entrada"), (StaffField.JobTitle, "Persona")));
        Assert.Contains("La columna «Persona» está elegida para «Nombre completo» y «Puesto»", await twice.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.StaffImportMappings.AnyAsync()));

        var saved = await hr.SubmitAsync(preview, "form[action*='handler=Mapping']",
            Columns((StaffField.EmployeeNumber, "Referencia"), (StaffField.FullName, "Persona"), (StaffField.Email, "Buzón"), (StaffField.HireDate, "Entrada"), (StaffField.Department, "Sección")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var mapped = await hr.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Altas: 2", mapped.Text());
        Assert.Null(mapped.QuerySelector("#map-heading"));

        // The next upload of the same export goes straight to its dry run.
        var next = await hr.GetPageAsync((await UploadAsync(hr, Unrecognised.Replace("UM-2", "UM-3"))).Headers.Location!.OriginalString);
        Assert.Contains("Altas: 2", next.Text());
        Assert.Null(next.QuerySelector("#map-heading"));

        // Changing it asks for confirmation, as does clearing it.
        var change = await hr.GetPageAsync(location + "&map=true");
        var unconfirmed = await hr.SubmitAsync(change, "form[action*='handler=Mapping']",
            Columns((StaffField.EmployeeNumber, "Referencia"), (StaffField.FullName, "Persona"), (StaffField.Email, "Buzón"), (StaffField.HireDate, "Entrada")));
        Assert.Contains("marca la casilla para sustituirla", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Contains("Sección", await app.WithDbAsync(db => db.StaffImportMappings.Select(m => m.Columns).SingleAsync()));

        var landing = await hr.GetPageAsync("/hr/import");
        Assert.Contains("«Buzón»", landing.QuerySelector("#mapping-heading")!.ParentElement!.TextContent);
        var notCleared = await hr.SubmitAsync(landing, "form[action*='handler=ClearMapping']", new Dictionary<string, string>());
        Assert.Contains("Marca la casilla para confirmar", await notCleared.Content.ReadAsStringAsync());
        Assert.True(await app.WithDbAsync(db => db.StaffImportMappings.AnyAsync()));
        var cleared = await hr.SubmitAsync(landing, "form[action*='handler=ClearMapping']", new Dictionary<string, string> { ["confirmClear"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.StaffImportMappings.AnyAsync()));
        Assert.NotNull((await hr.GetPageAsync(location)).QuerySelector("#map-heading"));
    }

    [Fact]
    public async Task Only_hr_imports_and_each_upload_is_its_uploaders()
    {
        using var app = new AppFactory();
        foreach (var who in new[] { Pages.Employee, "carmen.ruiz@demo.mercadosolivo.es" })
        {
            var client = app.Browser();
            await client.SignedInAsync(who);
            var response = await client.GetAsync("/hr/import");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath);
        }
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var location = (await UploadAsync(hr, File)).Headers.Location!.OriginalString;
        var admin = app.Browser();
        await admin.SignedInAsync(Pages.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(location)).StatusCode);
    }

    [Fact]
    public async Task An_empty_upload_is_explained_next_to_the_file_field()
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var page = await hr.GetPageAsync("/hr/import");
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var response = await hr.PostAsync("/hr/import?handler=Upload", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Elige el archivo CSV", Pages.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#file-error")!.TextContent);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_header_of_hundreds_of_thousands_of_columns_or_a_giant_cell_is_a_clear_problem_on_a_small_page(bool columns)
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        // 300,000 header cells (once a 250 MB preview with a mapping step listing each), or one 5-million-character cell.
        var text = columns
            ? string.Join(';', Enumerable.Range(0, 300_000).Select(i => "c" + i)) + "\nA;B\n"
            : "Nº de empleado;Nombre completo;Correo electrónico;Fecha de alta\nG-1;\"" + new string('x', 5_000_000) + "\";g@olivo.test;2026-01-01\n";
        var uploaded = await UploadAsync(hr, text, fullImport: true);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var response = await hr.GetAsync(uploaded.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Length < 100_000, $"the preview page has {html.Length} characters");
        var problems = Pages.Parse(html).QuerySelector("section[aria-labelledby=problems-heading]")!.TextContent;
        Assert.Contains(columns ? "La línea 1 tiene más de 200 columnas" : "Un campo de la línea 2 tiene más de 4000 caracteres", problems);
        Assert.Null(Pages.Parse(html).QuerySelector("#map-heading"));
        Assert.Null(Pages.Parse(html).QuerySelector(ImportPreviewPage.ApplyForm));
    }

    [Fact]
    public async Task A_file_with_a_utf8_bom_and_bytes_that_are_not_utf8_is_a_clear_problem_not_an_error()
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        // The BOM, then "Iñés" saved as Windows-1252: 0xF1 and 0xE9 are not UTF-8.
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Nº de empleado;Nombre completo;Correo electrónico;Fecha de alta\nIM-1;I"), 0xF1, 0xE9,
            .. Encoding.UTF8.GetBytes("s;ines@olivo.test;2026-12-01\n")];
        var uploaded = await UploadAsync(hr, bytes);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var response = await hr.GetAsync(uploaded.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Pages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("El archivo dice ser UTF-8 pero tiene caracteres que no lo son", html.QuerySelector("section[aria-labelledby=problems-heading]")!.TextContent);
        Assert.Null(html.QuerySelector("#map-heading"));
        Assert.Null(html.QuerySelector(ImportPreviewPage.ApplyForm));
    }
}
