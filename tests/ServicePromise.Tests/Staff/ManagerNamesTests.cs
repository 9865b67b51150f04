using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>
/// Exports that carry the manager's name ("Jefe inmediato", "Supervisor", "Manager name", "Reports To") instead of their
/// number: a name one person has stands for their number; a shared or unknown name is a row problem naming it.
/// </summary>
public class ManagerNamesTests
{
    static readonly DateOnly Hired = new(2025, 1, 15);
    static int _line = 1;

    static StaffRow Row(string number, string name, string? manager = null) =>
        new(++_line, number, name, "", "Cajera", null, null, manager, Hired, "es", EmploymentType.Employee, true);

    static ExistingPerson Known(string number, string name, bool active = true) =>
        new(number, name, "", "Encargado", null, null, null, Hired, "es", EmploymentType.Employee, active);

    [Fact]
    public void A_name_one_person_in_the_file_has_is_their_number_without_case_accents_or_extra_spaces()
    {
        var boss = Row("1001", "Rogelio Treviño Garza");
        var plan = StaffImportPlanner.Plan([boss, Row("1002", "Lupita Cantú", "  ROGELIO  trevino garza ")], [], fullImport: false);
        Assert.Empty(plan.Problems);
        Assert.Equal("1001", plan.Changes.Single(c => c.EmployeeNumber == "1002").Row!.ManagerNumber);
    }

    [Fact]
    public void A_name_written_surname_first_is_read_too()
    {
        var (rows, problems) = ManagerNames.Resolve([Row("1001", "Rogelio Treviño Garza"), Row("1002", "Lupita Cantú", "TREVIÑO GARZA, Rogelio")], []);
        Assert.Empty(problems);
        Assert.Equal("1001", rows[1].ManagerNumber);
    }

    [Fact]
    public void A_name_of_an_active_person_on_file_who_is_not_in_the_file_is_their_number()
    {
        var plan = StaffImportPlanner.Plan([Row("1002", "Lupita Cantú", "Rogelio Treviño Garza")], [Known("1001", "Rogelio Treviño Garza")], fullImport: false);
        Assert.Empty(plan.Problems);
        Assert.Equal("1001", Assert.Single(plan.Changes).Row!.ManagerNumber);
    }

    [Fact]
    public void A_name_two_people_share_is_a_row_problem_naming_it_and_their_numbers()
    {
        var plan = StaffImportPlanner.Plan([Row("1001", "José Luis Pérez"), Row("1002", "Lupita Cantú", "Jose Luis Perez")], [Known("2001", "José Luis Pérez")], fullImport: false);
        var problem = Assert.Single(plan.Problems);
        Assert.Equal("Which manager “Jose Luis Perez” is cannot be told: 2 people have that name (1001, 2001). Write their employee number.", problem.Message.ToString());
        Assert.DoesNotContain(plan.Changes, c => c.EmployeeNumber == "1002");
    }

    [Fact]
    public void An_unknown_name_is_a_row_problem_naming_it()
    {
        var plan = StaffImportPlanner.Plan([Row("1002", "Lupita Cantú", "Nadie Conocido")], [Known("2001", "Alguien Inactivo", active: false)], fullImport: false);
        Assert.Contains("The manager “Nadie Conocido”", Assert.Single(plan.Problems).Message.ToString());
    }

    [Fact]
    public void A_number_stays_a_number_and_someone_who_left_or_whose_file_row_renames_them_does_not_answer_to_the_old_name()
    {
        var renamed = Known("3001", "Ana Gil");
        var (rows, problems) = ManagerNames.Resolve(
            [Row("3001", "Ana Gil Pardo"), Row("1001", "Luis Mora", "3001"), Row("1002", "Eva Sanz", "Ana Gil"), Row("1003", "Pedro Ruiz", "Old Boss")],
            [renamed, Known("4001", "Old Boss", active: false)]);
        Assert.Empty(problems);
        Assert.Equal(["3001", "Ana Gil", "Old Boss"], rows.Skip(1).Select(r => r.ManagerNumber));
    }

    [Fact]
    public void One_person_at_a_time_names_managers_by_number_and_an_unknown_one_is_deferred_not_guessed_from_a_name()
    {
        var plan = StaffImportPlanner.PlanOne(Row("1002", "Lupita Cantú", "Rogelio Treviño Garza"), [Known("1001", "Rogelio Treviño Garza")]);
        Assert.Null(Assert.Single(plan.Changes).Row!.ManagerNumber);
        Assert.Equal("Rogelio Treviño Garza", plan.DeferredManagers["1002"]);
    }

    [Theory]
    [InlineData("Jefe inmediato")]
    [InlineData("Supervisor")]
    [InlineData("Manager name")]
    [InlineData("Reports To")]
    [InlineData("Nombre del jefe")]
    public void Manager_name_headers_are_the_manager_column(string header) =>
        Assert.Equal(StaffField.ManagerNumber, HeaderVocabulary.Meaning(header)?.Field);

    [Fact]
    public async Task A_file_naming_managers_links_them_to_people_in_the_file_and_in_the_organisation_and_refuses_shared_names()
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        // Carmen Ruiz Delgado (MO-0001) is on file already; Rogelio is new in this file; two people are called Luis Pérez.
        var file = """
            No. de empleado,Nombre completo,Fecha de ingreso,Jefe inmediato
            MX-1,ROGELIO TREVIÑO GARZA,15/01/2016,carmen ruiz delgado
            MX-2,María Guadalupe Cantú,04/07/2019,Rogelio Treviño Garza
            MX-3,Luis Pérez,01/03/2023,
            MX-4,Luis Pérez,01/03/2023,
            MX-5,Brenda Elizondo,10/09/2024,Luis Pérez
            MX-6,Héctor Garza,20/11/2017,Nadie Conocido
            """;
        var dryRun = await (await ImportPage.OpenAsync(hr)).PreviewAsync(Encoding.UTF8.GetBytes(file));
        var text = dryRun.Document.Text();
        Assert.Contains("Filas con problemas: 2", text);
        Assert.Contains("No se sabe quién es el responsable «Luis Pérez»: se llaman así 2 personas (MX-3, MX-4).", text);
        Assert.Contains("El responsable «Nadie Conocido» no está en el archivo ni entre las personas activas.", text);
        Assert.Equal(HttpStatusCode.Redirect, (await dryRun.ApplyAsync()).StatusCode);

        var managers = (await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber.StartsWith("MX-"))
            .Select(e => new { e.EmployeeNumber, Manager = e.Manager!.EmployeeNumber }).ToListAsync())).ToDictionary(e => e.EmployeeNumber, e => e.Manager);
        Assert.Equal(("MO-0001", "MX-1"), (managers["MX-1"], managers["MX-2"]));
        Assert.False(managers.ContainsKey("MX-5"));
        Assert.False(managers.ContainsKey("MX-6"));
        Assert.Equal("Rogelio Treviño Garza", await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MX-1").Select(e => e.FullName).SingleAsync()));

        // The same file again changes nothing: the names stand for the same numbers.
        var again = await (await ImportPage.OpenAsync(hr)).PreviewAsync(Encoding.UTF8.GetBytes(file));
        Assert.Contains("Altas: 0", again.Document.Text());
        Assert.Contains("Cambios: 0", again.Document.Text());
    }
}
