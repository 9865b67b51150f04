using ServicePromise.Tests.Support;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>
/// HR files as a Bogotá and a Monterrey payroll system export them (our own invented people, in Samples/): they read
/// and import without renaming a column.
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
    }

    [Fact]
    public void A_monterrey_export_reads_with_its_own_headers()
    {
        var file = StaffFile.Read(Sample("monterrey.csv"));
        Assert.True(file.Problems.Count == 0, string.Join("; ", file.Problems.Select(p => $"{p.Line}: {p.Message}")));
        Assert.Equal(7, file.Rows.Count);
        var lupita = file.Rows.Single(r => r.EmployeeNumber == "1002");
        Assert.Equal(("María Guadalupe Cantú Salinas", "1001", new DateOnly(2019, 7, 4), "Cumbres"), (lupita.FullName, lupita.ManagerNumber, lupita.HireDate, lupita.Site));
        Assert.Equal("José Luis Villarreal", file.Rows.Single(r => r.EmployeeNumber == "1003").FullName);
        Assert.Equal(EmploymentType.Contractor, file.Rows.Single(r => r.EmployeeNumber == "1006").EmploymentType);
        Assert.False(file.Rows.Single(r => r.EmployeeNumber == "1007").Active);
    }
}
