using System.Text;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>Staff rows without email (issue 12): number, name and hire date are enough; a mobile number is kept.</summary>
public class NoEmailRowsTests
{
    static StaffFileContent Read(string text) => StaffFile.Read(Encoding.UTF8.GetBytes(text));

    static ExistingPerson Known(StaffRow row) =>
        new(row.EmployeeNumber, row.FullName, row.Email, row.JobTitle, row.Department, row.Site, row.ManagerNumber, row.HireDate,
            row.Language, row.EmploymentType, row.Active)
        { MobilePhone = row.MobilePhone };

    [Fact]
    public void A_file_without_an_email_column_is_read_number_name_and_hire_date_are_enough()
    {
        var file = Read("Nº de empleado;Nombre completo;Fecha de alta\nMO-7;Rosa Jiménez;01/12/2026\n");
        Assert.Empty(file.Problems);
        var row = Assert.Single(file.Rows);
        Assert.Equal(("MO-7", "", new DateOnly(2026, 12, 1)), (row.EmployeeNumber, row.Email, row.HireDate));
    }

    [Fact]
    public void Rows_without_email_are_not_each_others_duplicates_but_a_shared_email_still_is()
    {
        var file = Read("Nº de empleado;Nombre completo;Correo electrónico;Fecha de alta\nA-1;Ana;;01/12/2026\nB-1;Bea;;01/12/2026\nC-1;Carla;x@olivo.es;01/12/2026\nD-1;Dora;X@olivo.es;01/12/2026\n");
        Assert.Equal(["A-1", "B-1"], file.Rows.Select(r => r.EmployeeNumber));
        Assert.Equal([4, 5], file.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Number_name_and_hire_date_are_still_required()
    {
        var missing = Read("Correo electrónico;Nombre completo\nx@olivo.es;Ana\n");
        Assert.Contains(missing.Problems, p => p.Message.ToString().StartsWith("The column “Employee no.” is missing", StringComparison.Ordinal));
        Assert.Contains(missing.Problems, p => p.Message.ToString().StartsWith("The column “Hire date” is missing", StringComparison.Ordinal));
        Assert.DoesNotContain(missing.Problems, p => p.Message.ToString().StartsWith("The column “Email” is missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Móvil")]
    [InlineData("Teléfono móvil")]
    [InlineData("Mobile phone")]
    public void A_mobile_phone_column_is_kept(string header)
    {
        var file = Read($"Nº de empleado;Nombre completo;Fecha de alta;{header}\nMO-7;Rosa;01/12/2026;+34 600 12 34 56\nMO-8;Iván;01/12/2026;\n");
        Assert.Empty(file.Problems);
        Assert.Equal(["+34 600 12 34 56", null], file.Rows.Select(r => r.MobilePhone));
    }

    [Theory]
    [InlineData("600 12 34 5a")]
    [InlineData("12345")]
    [InlineData("+34+600123456")]
    [InlineData("6001234567890123456")]
    public void A_mobile_number_that_cannot_be_one_is_a_row_problem_naming_it(string phone)
    {
        var file = Read($"Nº de empleado;Nombre completo;Fecha de alta;Móvil\nMO-7;Rosa;01/12/2026;{phone}\n");
        Assert.Empty(file.Rows);
        Assert.Contains(phone, Assert.Single(file.Problems).Message.ToString());
    }

    [Fact]
    public void A_new_person_without_email_is_created()
    {
        var rosa = Assert.Single(Read("Nº de empleado;Nombre completo;Fecha de alta\nMO-7;Rosa;01/12/2026\n").Rows);
        var plan = StaffImportPlanner.Plan([rosa], [], fullImport: false);
        Assert.Equal(1, plan.Creates);
        Assert.Empty(plan.Problems);
    }

    [Fact]
    public void Two_known_people_without_email_do_not_clash()
    {
        var file = Read("Nº de empleado;Nombre completo;Fecha de alta\nA-1;Ana;01/12/2026\nB-1;Bea;01/12/2026\n");
        var plan = StaffImportPlanner.Plan(file.Rows, file.Rows.Select(Known).ToList(), fullImport: true);
        Assert.Empty(plan.Problems);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void A_row_without_email_or_phone_leaves_a_known_persons_email_and_phone_alone()
    {
        var before = Assert.Single(Read("Nº de empleado;Nombre completo;Correo electrónico;Fecha de alta;Móvil\nMO-7;Rosa;rosa@olivo.es;01/12/2026;600123456\n").Rows);
        var without = Assert.Single(Read("Nº de empleado;Nombre completo;Fecha de alta\nMO-7;Rosa;01/12/2026\n").Rows);
        var plan = StaffImportPlanner.Plan([without], [Known(before)], fullImport: true);
        Assert.Empty(plan.Changes);
        Assert.Equal(1, plan.Unchanged);
    }

    [Fact]
    public void A_changed_phone_and_a_first_email_are_updates()
    {
        var before = Assert.Single(Read("Nº de empleado;Nombre completo;Fecha de alta;Móvil\nMO-7;Rosa;01/12/2026;600123456\n").Rows);
        var after = Assert.Single(Read("Nº de empleado;Nombre completo;Correo electrónico;Fecha de alta;Móvil\nMO-7;Rosa;rosa@olivo.es;01/12/2026;611222333\n").Rows);
        var change = Assert.Single(StaffImportPlanner.Plan([after], [Known(before)], fullImport: false).Changes);
        Assert.Equal([StaffField.Email, StaffField.MobilePhone], change.Fields);
    }
}
