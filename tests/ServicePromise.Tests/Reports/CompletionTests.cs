using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Reports;

public class CompletionTests(AppFactory app) : IClassFixture<AppFactory>
{
    async Task<HttpClient> HrAsync()
    {
        var client = app.Browser();
        await client.SignedInAsync(Pages.Hr);
        return client;
    }

    static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("tbody th").Select(th => th.FirstChild!.TextContent.Trim()).ToList();

    [Fact]
    public async Task Hr_sees_everyone_with_their_status_paged()
    {
        var client = await HrAsync();
        var first = await client.GetPageAsync("/hr/completion");
        Assert.Contains("33 personas", first.Text());
        Assert.Equal(25, Names(first).Count);
        Assert.Contains("Página 1 de 2", first.Text());
        var second = await client.GetPageAsync("/hr/completion?p=2");
        Assert.Equal(8, Names(second).Count);
        Assert.Empty(Names(first).Intersect(Names(second)));
    }

    [Theory]
    [InlineData("Overdue", new[] { "Alejandro Vidal Rojas", "Marcos Gómez Díaz", "Nuria Medina Soto", "Raúl Domínguez León" })]
    [InlineData("InProgress", new[] { "Antonio Herrera Vega", "David Iglesias Ramos", "Elena Prieto Márquez", "Hugo Santana Luque", "Ismael Torres Ruiz", "Laura Gallego Cano", "Óscar Núñez Crespo", "Pablo Serrano Lozano", "Sergio Molina Cabrera" })]
    public async Task Filtering_by_status_shows_exactly_those_people(string status, string[] expected)
    {
        var client = await HrAsync();
        var page = await client.GetPageAsync("/hr/completion?status=" + status);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Names(page).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filtering_by_department_and_status_combines()
    {
        var client = await HrAsync();
        var logistics = await app.WithDbAsync(db => db.Departments.Where(d => d.Name == "Logística").Select(d => d.Id).SingleAsync());
        var page = await client.GetPageAsync($"/hr/completion?department={logistics}&status=Completed");
        Assert.Equal(["Diego Méndez Caballero", "Rocío Navarro Gil"], Names(page).Order());
        Assert.All(page.QuerySelectorAll("tbody td:nth-child(6)"), td => Assert.False(string.IsNullOrWhiteSpace(td.TextContent)));
    }

    [Theory]
    [InlineData("lucia")]
    [InlineData("LUCÍA romero")]
    [InlineData("mo-0101")]
    public async Task Search_ignores_case_and_accents(string typed)
    {
        var client = await HrAsync();
        var page = await client.GetPageAsync("/hr/completion?q=" + Uri.EscapeDataString(typed));
        Assert.Equal(["Lucía Romero Sánchez"], Names(page));
    }

    [Fact]
    public async Task Names_with_accents_sort_with_their_letter()
    {
        var client = await HrAsync();
        var names = Names(await client.GetPageAsync("/hr/completion")).Concat(Names(await client.GetPageAsync("/hr/completion?p=2"))).ToList();
        var oscar = names.IndexOf("Óscar Núñez Crespo");
        Assert.True(oscar >= 0 && names[oscar + 1] == "Pablo Serrano Lozano", string.Join(", ", names));
    }

    [Fact]
    public async Task A_filter_that_matches_nobody_says_so()
    {
        var client = await HrAsync();
        var page = await client.GetPageAsync("/hr/completion?q=zzzz");
        Assert.Contains("Nadie coincide con estos filtros.", page.Text());
    }

    [Fact]
    public async Task The_csv_export_is_excel_safe_utf8_with_bom()
    {
        await app.WithDbAsync(async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.EmployeeNumber == "MO-0701");
            e.JobTitle = "=HYPERLINK(\"http://evil.example\",\"x\")";
            return await db.SaveChangesAsync();
        });
        var client = await HrAsync();
        var response = await client.GetAsync("/hr/completion?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // Spanish Excel separates with ";".
        Assert.Equal("Número;Nombre;Puesto;Departamento;Centro;Responsable;Estado;Fecha límite;Fecha de finalización;Código de verificación", lines[0]);
        Assert.Equal(34, lines.Length);
        var teresa = lines.Single(l => l.StartsWith("MO-0701;", StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(", teresa);
        var manuel = lines.Single(l => l.StartsWith("MO-0102;", StringComparison.Ordinal));
        Assert.Matches("^MO-0102;Manuel Ortiz Campos;Reponedor;Tiendas;Sevilla Centro;Carmen Ruiz Delgado;Completado;\\d{4}-\\d{2}-\\d{2};\\d{4}-\\d{2}-\\d{2};[2-9A-Z]{4}(-[2-9A-Z]{4}){4}$", manuel);
    }

    [Fact]
    public async Task An_english_export_uses_commas_and_english_headers()
    {
        await app.WithDbAsync(async db =>
        {
            (await db.Employees.SingleAsync(e => e.EmployeeNumber == "MO-0007")).Language = "en";
            return await db.SaveChangesAsync();
        });
        var client = app.Browser();
        await client.SignedInAsync(Pages.Admin);
        var text = await client.GetStringAsync("/hr/completion?handler=Csv");
        Assert.StartsWith("Employee number,", text.TrimStart('\uFEFF'));
    }

    [Theory]
    [InlineData("semicolon", "Número;Nombre;")]
    [InlineData("comma", "Número,Nombre,")]
    [InlineData("tab", "Número\tNombre\t")]
    public async Task The_csv_delimiter_can_be_chosen_from_the_export_form(string sep, string header)
    {
        var client = await HrAsync();
        var page = await client.GetPageAsync("/hr/completion?status=Overdue");
        var form = page.QuerySelector("form.export")!;
        Assert.Equal("Overdue", form.QuerySelector("input[name=status]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector($"select[name=sep] option[value={sep}]"));
        var text = await client.GetStringAsync($"/hr/completion?handler=Csv&status=Overdue&sep={sep}");
        Assert.StartsWith(header, text.TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task The_csv_export_honours_the_filters()
    {
        var client = await HrAsync();
        var text = await client.GetStringAsync("/hr/completion?handler=Csv&status=Overdue");
        Assert.Equal(5, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
