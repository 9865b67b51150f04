using System.Text;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>The synthetic HR export the import benchmark runs on (generate-staff-csv).</summary>
public class StaffCsvGeneratorTests
{
    static byte[] Generate(int rows, int changed = 0)
    {
        var writer = new StringWriter();
        StaffCsvGenerator.Write(writer, rows, changed);
        return Encoding.UTF8.GetBytes(writer.ToString());
    }

    [Fact]
    public void It_reads_without_problems_with_a_tree_of_managers_and_changes_exactly_the_rows_asked()
    {
        var file = StaffFile.Read(Generate(1_200));
        Assert.Empty(file.Problems);
        Assert.Equal(1_200, file.Rows.Count);
        Assert.Equal(1_199, file.Rows.Count(r => r.ManagerNumber is not null));
        var plan = StaffImportPlanner.Plan(file.Rows, [], fullImport: true, file.Numbers);
        Assert.Empty(plan.Problems);

        Assert.Equal(Generate(1_200), Generate(1_200));
        var changed = StaffFile.Read(Generate(1_200, changed: 30));
        var existing = file.Rows.Select(r => new ExistingPerson(r.EmployeeNumber, r.FullName, r.Email, r.JobTitle, r.Department, r.Site,
            r.ManagerNumber, r.HireDate, r.Language, r.EmploymentType, r.Active)).ToList();
        Assert.Equal(30, StaffImportPlanner.Plan(changed.Rows, existing, fullImport: true, changed.Numbers).Updates);
    }
}
