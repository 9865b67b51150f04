using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

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

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string text, bool fullImport = false)
    {
        var page = await client.GetPageAsync("/hr/import");
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "plantilla.csv" },
        };
        if (fullImport) form.Add(new StringContent("true"), "fullImport");
        return await client.PostAsync("/hr/import?handler=Upload", form);
    }

    [Fact]
    public async Task Hr_reads_the_dry_run_applies_the_valid_rows_once_and_sees_the_new_people()
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var before = await app.WithDbAsync(db => db.Employees.CountAsync());

        var uploaded = await UploadAsync(hr, File);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var preview = await hr.GetPageAsync(uploaded.Headers.Location!.OriginalString);
        var text = preview.Text();
        Assert.Contains("Altas: 2", text);
        Assert.Contains("Filas con problemas: 1", text);
        Assert.Contains("«no-es-un-correo» no es un correo electrónico válido.", preview.QuerySelector("table")!.TextContent);
        Assert.Equal("4", preview.QuerySelector("table tbody td")!.TextContent);
        Assert.Equal(before, await app.WithDbAsync(db => db.Employees.CountAsync()));

        var unconfirmed = await hr.SubmitAsync(preview, "form[action*='handler=Apply']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Marca la casilla", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.WithDbAsync(db => db.Employees.CountAsync()));

        var applied = await Task.WhenAll(
            hr.SubmitAsync(preview, "form[action*='handler=Apply']", new Dictionary<string, string> { ["confirm"] = "true" }),
            hr.SubmitAsync(preview, "form[action*='handler=Apply']", new Dictionary<string, string> { ["confirm"] = "true" }));
        Assert.All(applied, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(before + 2, await app.WithDbAsync(db => db.Employees.CountAsync()));
        Assert.Equal(2, app.Mails().Count(m => m.Contains("olivo.test")));

        var list = await hr.GetPageAsync("/hr/completion?q=In%C3%A9s");
        Assert.Contains("Inés Moreno", list.Text());
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
}
