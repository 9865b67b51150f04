using System.Text;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>
/// A leaving date ("Fecha de baja", "Fecha de egreso", "Fecha de retiro", "Termination date") against the import's
/// today: past means the person has left, later means they are active until then; contradicting the status is a row problem.
/// </summary>
public class TerminationDateTests
{
    static readonly DateOnly Today = new(2026, 6, 15);

    static StaffFileContent Read(string header, params string[] rows) =>
        StaffFile.Read(Encoding.UTF8.GetBytes(header + "\n" + string.Join("\n", rows) + "\n"), today: Today);

    static void NoProblems(StaffFileContent file) =>
        Assert.True(file.Problems.Count == 0, string.Join("; ", file.Problems.Select(p => p.Message.ToString())));

    [Theory]
    [InlineData("Fecha de baja")]
    [InlineData("Fecha de egreso")]
    [InlineData("Fecha de retiro")]
    [InlineData("Fecha de cese")]
    [InlineData("Termination date")]
    public void A_date_in_the_past_means_the_person_has_left(string header)
    {
        var file = Read($"Nº de empleado;Nombre;Fecha de alta;{header}", "E-1;Ana Gil;01/02/2020;31/05/2026", "E-2;Luis Mora;01/02/2020;");
        NoProblems(file);
        Assert.Equal(StaffField.TerminationDate, HeaderVocabulary.Meaning(header)?.Field);
        Assert.Equal([false, true], file.Rows.Select(r => r.Active));
    }

    [Fact]
    public void A_date_today_or_later_keeps_the_person_active_until_then_and_the_dry_run_says_so()
    {
        var file = Read("Nº de empleado;Nombre;Fecha de alta;Fecha de baja", "E-1;Ana Gil;01/02/2020;15/06/2026", "E-2;Luis Mora;01/02/2020;2026-07-31");
        NoProblems(file);
        Assert.All(file.Rows, r => Assert.True(r.Active));
        var note = Assert.Single(file.Notes!, n => n.Line == 3);
        Assert.Equal("Luis Mora (E-2) leaves the company on 2026-07-31: they stay active until then, and the first import after that date deactivates them.", note.Message.ToString());
    }

    [Fact]
    public void The_same_row_read_after_the_date_is_inactive()
    {
        var bytes = Encoding.UTF8.GetBytes("Nº de empleado;Nombre;Fecha de alta;Fecha de baja\nE-2;Luis Mora;01/02/2020;2026-07-31\n");
        Assert.True(Assert.Single(StaffFile.Read(bytes, today: new DateOnly(2026, 7, 31)).Rows).Active);
        Assert.False(Assert.Single(StaffFile.Read(bytes, today: new DateOnly(2026, 8, 1)).Rows).Active);
    }

    [Theory]
    [InlineData("Activo", "31/05/2026", "The termination date 2026-05-31 has passed, but the active column says “Activo”")]
    [InlineData("Baja", "31/07/2026", "The termination date 2026-07-31 has not come yet, but the active column says “Baja”")]
    [InlineData("Activo", "pronto", "The termination date “pronto” cannot be read")]
    public void A_date_that_contradicts_the_status_or_cannot_be_read_is_a_row_problem(string status, string date, string reason)
    {
        var file = Read("Nº de empleado;Nombre;Fecha de alta;Estado;Fecha de baja", "E-9;Bien;01/02/2020;Activo;", $"E-1;Ana Gil;01/02/2020;{status};{date}");
        var problem = Assert.Single(file.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains(reason, problem.Message.ToString());
        Assert.Equal("E-9", Assert.Single(file.Rows).EmployeeNumber);
        Assert.DoesNotContain(file.Notes ?? [], n => n.Line == 3);
    }

    [Fact]
    public void A_past_date_agrees_with_a_leaving_status_and_an_empty_status_follows_the_date()
    {
        var file = Read("Nº de empleado;Nombre;Fecha de alta;Estado;Fecha de baja", "E-1;Ana Gil;01/02/2020;Baja;31/05/2026", "E-2;Luis Mora;01/02/2020;;31/05/2026");
        NoProblems(file);
        Assert.All(file.Rows, r => Assert.False(r.Active));
    }

    [Fact]
    public void A_leaving_date_before_the_hire_date_is_an_earlier_spell_and_the_person_was_hired_again()
    {
        var file = Read("Nº de empleado;Nombre;Fecha de alta;Estado;Fecha de baja", "E-1;Ana Gil;01/03/2025;Activo;31/12/2023");
        NoProblems(file);
        Assert.True(Assert.Single(file.Rows).Active);
    }

    [Fact]
    public void Us_exports_write_the_leaving_date_month_first_like_the_hire_date()
    {
        var file = Read("Employee #,Name,Hire Date,Termination Date", "B-1,Jo Smith,03/15/2020,05/31/2026");
        NoProblems(file);
        Assert.False(Assert.Single(file.Rows).Active);
    }
}
