using ServicePromise.Tests.Support;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>
/// HR files as a Bogotá, a Monterrey and a Lima payroll system export them (our own invented people, in Samples/): they
/// read and import without renaming a column.
/// </summary>
public class SampleFilesTests
{
    public static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(Repo.Root, "tests", "ServicePromise.Tests", "Staff", "Samples", name));

    [Fact]
    public void A_bogota_export_reads_with_its_own_headers()
    {
        var file = StaffFile.Read(Sample("bogota.csv"));
        Assert.True(file.Problems.Count == 0, string.Join("; ", file.Problems.Select(p => $"{p.Line}: {p.Message}")));
        Assert.Equal(8, file.Rows.Count);
        var andres = file.Rows[0];
        Assert.Equal(("BOG-001", "Andrés Felipe Castaño Rincón", "Operaciones", "Chapinero", new DateOnly(2019, 1, 15)),
            (andres.EmployeeNumber, andres.FullName, andres.Department, andres.Site, andres.HireDate));
        Assert.Equal("Jhon Fredy Muñoz", file.Rows.Single(r => r.EmployeeNumber == "BOG-003").FullName);
        Assert.Equal("BOG-002", file.Rows.Single(r => r.EmployeeNumber == "BOG-006").ManagerNumber);
        Assert.Equal(EmploymentType.Contractor, file.Rows.Single(r => r.EmployeeNumber == "BOG-007").EmploymentType);
        Assert.False(file.Rows.Single(r => r.EmployeeNumber == "BOG-008").Active);
        // The identity document is not taken for the employee number.
        Assert.DoesNotContain(file.Rows, r => r.EmployeeNumber.All(char.IsDigit));
        // "Departamento" is the region (Bogotá D.C.) beside "Área", and the dry run says so.
        Assert.Contains(Notes(file), n => n.Contains("the person’s department is read from “Área”; “Departamento” (the region, as in Colombia) is not imported"));
    }

    static List<string> Notes(StaffFileContent file) => (file.Notes ?? []).Select(n => n.Message.ToString()).ToList();

    [Fact]
    public void A_monterrey_export_reads_with_its_own_headers()
    {
        var file = StaffFile.Read(Sample("monterrey.csv"));
        Assert.True(file.Problems.Count == 0, string.Join("; ", file.Problems.Select(p => $"{p.Line}: {p.Message}")));
        Assert.Equal(7, file.Rows.Count);
        var lupita = file.Rows.Single(r => r.EmployeeNumber == "1002");
        Assert.Equal(("María Guadalupe Cantú Salinas", new DateOnly(2019, 7, 4), "Cumbres"), (lupita.FullName, lupita.HireDate, lupita.Site));
        // The file names managers by name, which the planner turns into their numbers.
        Assert.Equal("1001", StaffImportPlanner.Plan(file.Rows, [], fullImport: false, file.Numbers).Changes.Single(c => c.EmployeeNumber == "1002").Row!.ManagerNumber);
        Assert.Equal("José Luis Villarreal", file.Rows.Single(r => r.EmployeeNumber == "1003").FullName);
        Assert.Equal(EmploymentType.Contractor, file.Rows.Single(r => r.EmployeeNumber == "1006").EmploymentType);
        Assert.False(file.Rows.Single(r => r.EmployeeNumber == "1007").Active);
        // Names in capitals, the manager by name, "Estado" holding the state: all read as HR means them.
        Assert.Equal("Estatus", Sample("monterrey.csv") is var bytes ? StaffFile.Headers(bytes)[file.Columns[StaffField.Active]] : null);
        Assert.Contains(Notes(file), n => n.Contains("The column “Estado” holds Mexican states (such as “Nuevo León”)"));
    }

    [Fact]
    public void A_lima_export_with_surnames_first_in_capitals_and_managers_by_name_reads_and_plans()
    {
        var file = StaffFile.Read(Sample("lima.csv"), today: new DateOnly(2026, 12, 1));
        Assert.True(file.Problems.Count == 0, string.Join("; ", file.Problems.Select(p => $"{p.Line}: {p.Message}")));
        Assert.Equal(["Rosa Elena Quispe Mamani", "Jorge Luis de la Cruz Huamán", "Katherine Flores del Águila", "Miguel Ángel Torres Vásquez"], file.Rows.Select(r => r.FullName));
        Assert.False(file.Rows.Single(r => r.EmployeeNumber == "LIM-04").Active);
        var plan = StaffImportPlanner.Plan(file.Rows, [], fullImport: false, file.Numbers);
        Assert.Empty(plan.Problems);
        Assert.Equal(["LIM-01", "LIM-01", "LIM-03"], plan.Changes.Skip(1).Select(c => c.Row!.ManagerNumber));
    }
}
