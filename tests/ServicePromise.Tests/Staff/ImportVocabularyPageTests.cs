using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>HR files from other countries on the import page: read as they are, or mapped from a suggestion HR confirms.</summary>
public class ImportVocabularyPageTests
{
    /// <summary>What a browser would post from the mapping form: each select's selected option.</summary>
    static Dictionary<string, string> AsShown(IHtmlDocument page) =>
        page.QuerySelectorAll("form[action*='handler=Mapping'] select")
            .ToDictionary(s => s.GetAttribute("name")!, s => s.QuerySelector("option[selected]")?.GetAttribute("value") ?? "");

    [Fact]
    public async Task Files_from_bogota_and_monterrey_import_without_renaming_a_column()
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        foreach (var (sample, person, reading) in new[]
                 {
                     ("bogota.csv", "Andrés Felipe Castaño Rincón", "«Departamento» (la región, como en Colombia) no se importa"),
                     ("monterrey.csv", "María Guadalupe Cantú Salinas", "La columna «Estado» tiene estados de México (como «Nuevo León»)"),
                     ("lima.csv", "Jorge Luis de la Cruz Huamán", null),
                 })
        {
            var dryRun = await (await ImportPage.OpenAsync(hr)).PreviewAsync(SampleFilesTests.Sample(sample));
            var text = dryRun.Document.Text();
            Assert.Null(dryRun.Document.QuerySelector("#map-heading"));
            Assert.Contains("Filas con problemas: 0", text);
            Assert.Contains(person, text);
            // How its ambiguous headers were read.
            if (reading is not null) Assert.Contains(reading, dryRun.Document.QuerySelector("#readings-heading")!.ParentElement!.TextContent);
            Assert.Equal(HttpStatusCode.Redirect, (await dryRun.ApplyAsync()).StatusCode);
            Assert.True(await app.WithDbAsync(db => db.Employees.AnyAsync(e => e.FullName == person)), person);
        }
        var lupita = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "1002").Select(e => new { Manager = e.Manager!.FullName, e.HireDate }).SingleAsync());
        Assert.Equal(("Rogelio Treviño Garza", new DateOnly(2019, 7, 4)), (lupita.Manager, lupita.HireDate));
        // Managers named by name, people who left by their leaving date.
        var people = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "1007" || e.EmployeeNumber.StartsWith("LIM-") || e.EmployeeNumber == "BOG-008")
            .Select(e => new { e.EmployeeNumber, Manager = e.Manager!.EmployeeNumber, e.IsActive }).ToListAsync());
        Assert.Equal([("1005", false), ("BOG-001", false), (null, true), ("LIM-01", true), ("LIM-01", true), ("LIM-03", false)],
            people.OrderBy(p => p.EmployeeNumber).Select(p => (p.Manager, p.IsActive)).ToList());
    }

    const string Unrecognised = """
        Legajo;Apellido y nombre;Mail corporativo;Fecha ingreso al puesto;Puesto
        AR-1;Sofía Benítez;sofia.benitez@olivo.test;1º de abril de 2024;Cajera
        AR-2;Tomás Acuña;tomas.acuna@olivo.test;02/05/2024;Repositor
        """;

    [Fact]
    public async Task Unrecognised_headers_get_a_suggestion_hr_confirms_which_is_saved_and_used_by_the_next_upload()
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);

        var preview = (await (await ImportPage.OpenAsync(hr)).PreviewAsync(Encoding.UTF8.GetBytes(Unrecognised))).Document;
        Assert.NotNull(preview.QuerySelector("#map-heading"));
        Assert.Contains("«Mail corporativo»", preview.QuerySelector("form[action*='handler=Mapping']")!.TextContent);
        var shown = AsShown(preview);
        Assert.Equal("Mail corporativo", shown["columns[Email]"]);
        Assert.Equal("Fecha ingreso al puesto", shown["columns[HireDate]"]);
        Assert.Equal("Legajo", shown["columns[EmployeeNumber]"]); // recognised, not a suggestion
        Assert.Contains("Sugerencia: «Mail corporativo»", preview.QuerySelector("#column-Email-suggested")!.TextContent);
        Assert.Null(preview.QuerySelector("#column-EmployeeNumber-suggested"));
        Assert.Contains("column-Email-suggested", preview.QuerySelector("#column-Email")!.GetAttribute("aria-describedby"));
        Assert.Null(preview.QuerySelector(ImportPreviewPage.ApplyForm));
        Assert.False(await app.WithDbAsync(db => db.StaffImportMappings.AnyAsync())); // a suggestion is not saved until HR confirms it

        var saved = await hr.SubmitAsync(preview, "form[action*='handler=Mapping']", shown);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var columns = ColumnMapping.FromJson(await app.WithDbAsync(db => db.StaffImportMappings.Select(m => m.Columns).SingleAsync()));
        Assert.Equal(("Mail corporativo", "Fecha ingreso al puesto"), (columns.Headers[StaffField.Email], columns.Headers[StaffField.HireDate]));
        var mapped = await hr.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Altas: 2", mapped.Text());

        // The next export with the same headers goes straight to its dry run, and its dates are read.
        var next = await (await ImportPage.OpenAsync(hr)).PreviewAsync(Encoding.UTF8.GetBytes(Unrecognised.Replace("AR-2", "AR-3")));
        Assert.Null(next.Document.QuerySelector("#map-heading"));
        Assert.Contains("Altas: 2", next.Document.Text());
        Assert.Equal(HttpStatusCode.Redirect, (await next.ApplyAsync()).StatusCode);
        Assert.Equal(new DateOnly(2024, 4, 1), await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "AR-1").Select(e => e.HireDate).SingleAsync()));
    }

    [Fact]
    public async Task A_mapping_with_the_name_in_parts_is_accepted_and_without_a_surname_is_explained()
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var file = "Cod;Nombre de pila;Apellido 1;Apellido 2;Mail;Alta en la empresa\nX-1;Ana;Gil;Pardo;ana.gil@olivo.test;2024-01-01\n";
        var preview = (await (await ImportPage.OpenAsync(hr)).PreviewAsync(Encoding.UTF8.GetBytes(file))).Document;
        var chosen = new Dictionary<string, string>
        {
            ["columns[EmployeeNumber]"] = "Cod", ["columns[GivenName]"] = "Nombre de pila", ["columns[Email]"] = "Mail", ["columns[HireDate]"] = "Alta en la empresa",
        };
        var noSurname = await hr.SubmitAsync(preview, "form[action*='handler=Mapping']", chosen);
        Assert.Equal(HttpStatusCode.OK, noSurname.StatusCode);
        Assert.Contains("Elige la columna de «Nombre completo», o las de «Nombre de pila» y «Primer apellido»: el nombre es obligatorio.",
            Pages.Parse(await noSurname.Content.ReadAsStringAsync()).QuerySelector("#mapping-error")!.TextContent);

        chosen["columns[Surname]"] = "Apellido 1";
        chosen["columns[SecondSurname]"] = "Apellido 2";
        var saved = await hr.SubmitAsync(preview, "form[action*='handler=Mapping']", chosen);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // The dry run lists her among the new people: her joined name and her number in one row.
        var dryRun = await hr.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains(dryRun.QuerySelectorAll("tr"), r => r.TextContent.Contains("Ana Gil Pardo", StringComparison.Ordinal) && r.TextContent.Contains("X-1", StringComparison.Ordinal));
    }
}
