using System.Text;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>Status words, employment types and languages as HR systems write them.</summary>
public class StaffValuesTests
{
    [Theory]
    [InlineData("Activo")]
    [InlineData("ACTIVA")]
    [InlineData("Sí")]
    [InlineData("S")]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("Yes")]
    [InlineData("Vigente")]
    [InlineData("Alta")]
    [InlineData("Active")]
    [InlineData("On Leave")]
    [InlineData("Vacaciones")]
    [InlineData("onboarding")]
    [InlineData("")]
    public void Status_words_of_someone_employed_read_as_active(string text) => Assert.True(StaffFile.ParseFlag(text));

    [Theory]
    [InlineData("Baja")]
    [InlineData("De baja")]
    [InlineData("Inactivo")]
    [InlineData("No")]
    [InlineData("0")]
    [InlineData("false")]
    [InlineData("Cesado")]
    [InlineData("Retirado")]
    [InlineData("Desvinculado")]
    [InlineData("Egresado")]
    [InlineData("Finiquitado")]
    [InlineData("Terminated")]
    [InlineData("Inactive")]
    [InlineData("Retired")]
    public void Status_words_of_someone_who_has_left_read_as_inactive(string text) => Assert.False(StaffFile.ParseFlag(text));

    [Theory]
    [InlineData("Indefinido", EmploymentType.Employee)]
    [InlineData("Término indefinido", EmploymentType.Employee)]
    [InlineData("Plazo fijo", EmploymentType.Employee)]
    [InlineData("Por tiempo indeterminado", EmploymentType.Employee)]
    [InlineData("Obra o labor", EmploymentType.Employee)]
    [InlineData("Fijo discontinuo", EmploymentType.Employee)]
    [InlineData("De planta", EmploymentType.Employee)]
    [InlineData("Regular", EmploymentType.Employee)]
    [InlineData("Full-Time", EmploymentType.Employee)]
    [InlineData("internal", EmploymentType.Employee)]
    [InlineData("Prestación de servicios", EmploymentType.Contractor)]
    [InlineData("Honorarios", EmploymentType.Contractor)]
    [InlineData("Locación de servicios", EmploymentType.Contractor)]
    [InlineData("Contingent Worker", EmploymentType.Contractor)]
    [InlineData("external", EmploymentType.Contractor)]
    [InlineData("ETT", EmploymentType.Contractor)]
    public void Contract_words_say_employee_or_contractor(string text, EmploymentType type) => Assert.Equal(type, StaffFile.ParseEmploymentType(text));

    [Theory]
    [InlineData("es-MX", "es")]
    [InlineData("Español (Colombia)", "es")]
    [InlineData("es_AR", "es")]
    [InlineData("en-US", "en")]
    [InlineData("English", "en")]
    [InlineData("", "es")]
    [InlineData("fr", null)]
    [InlineData("es en fr de", null)]
    public void Languages_with_a_country_are_read(string text, string? language) => Assert.Equal(language, StaffFile.ParseLanguage(text));

    [Theory]
    [InlineData("Quizá", "“Quizá” in the active column cannot be read")]
    [InlineData("Suspendido temporalmente", "“Suspendido temporalmente” in the active column cannot be read")]
    public void An_unreadable_status_is_a_row_problem_naming_the_value(string status, string reason)
    {
        var file = StaffFile.Read(Encoding.UTF8.GetBytes($"No. empleado,Nombre completo,Correo,Fecha de ingreso,Estatus\nE-1,Ana Gil,ana@olivo.test,3 de marzo de 2025,{status}\n"));
        Assert.Contains(reason, Assert.Single(file.Problems).Message.ToString());
    }

    [Fact]
    public void An_unreadable_date_is_a_row_problem_naming_the_value_in_the_readers_language()
    {
        var file = StaffFile.Read(Encoding.UTF8.GetBytes("No. empleado,Nombre completo,Correo,Fecha de ingreso\nE-1,Ana Gil,ana@olivo.test,3 de brumario de 2025\n"));
        var problem = Assert.Single(file.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("The hire date “3 de brumario de 2025” cannot be read", problem.Message.ToString());
        // Spanish readers get the Spanish text (the key), with the same value.
        Assert.Equal("No se entiende la fecha de alta «3 de brumario de 2025»; escríbela como 2026-03-31 o 31/03/2026.",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, problem.Message.Key, [.. problem.Message.Args]));
    }
}
