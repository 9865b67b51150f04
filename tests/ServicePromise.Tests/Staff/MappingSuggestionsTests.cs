using System.Text;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>When a field's column is not recognised, the closest header is suggested, for HR to confirm.</summary>
public class MappingSuggestionsTests
{
    static IReadOnlyDictionary<StaffField, string> Suggested(string headerLine)
    {
        var file = StaffFile.Read(Encoding.UTF8.GetBytes(headerLine + "\nx;x;x;x;x;x\n"));
        Assert.Empty(file.Rows);
        return Assert.IsAssignableFrom<IReadOnlyDictionary<StaffField, string>>(file.Suggested);
    }

    [Fact]
    public void The_closest_header_is_suggested_for_each_field_left_out()
    {
        var suggested = Suggested("Legajo;Apellido y nombre;Mail corporativo;Fecha ingreso al puesto;Puesto");
        Assert.Equal("Mail corporativo", suggested[StaffField.Email]);
        Assert.Equal("Fecha ingreso al puesto", suggested[StaffField.HireDate]);
        Assert.False(suggested.ContainsKey(StaffField.EmployeeNumber)); // recognised, not suggested
    }

    [Theory]
    [InlineData("Incorp.", StaffField.HireDate)]
    [InlineData("Fehca de ingreso", StaffField.HireDate)]
    [InlineData("Correo de la empresa", StaffField.Email)]
    [InlineData("Código interno", StaffField.EmployeeNumber)]
    public void Abbreviations_typos_and_extra_words_are_close(string header, StaffField field) =>
        Assert.True(MappingSuggestions.Likeness(header, field) >= MappingSuggestions.Threshold, $"{MappingSuggestions.Likeness(header, field)}");

    [Theory]
    [InlineData("Buzón", StaffField.Email)]
    [InlineData("Observaciones", StaffField.HireDate)]
    [InlineData("Turno", StaffField.Site)]
    public void Unrelated_headers_are_not_close(string header, StaffField field) =>
        Assert.True(MappingSuggestions.Likeness(header, field) < MappingSuggestions.Threshold, $"{MappingSuggestions.Likeness(header, field)}");

    [Fact]
    public void Identity_documents_and_birth_dates_are_never_suggested_and_each_header_is_suggested_once()
    {
        var suggested = Suggested("Código interno;RUT;Nombre completo;Correo;Fecha de nacimiento;Fecha incorporación empresa");
        Assert.Equal("Código interno", suggested[StaffField.EmployeeNumber]);
        Assert.Equal("Fecha incorporación empresa", suggested[StaffField.HireDate]);
        Assert.DoesNotContain("RUT", suggested.Values);
        Assert.DoesNotContain("Fecha de nacimiento", suggested.Values);
        Assert.Equal(suggested.Count, suggested.Values.Distinct().Count());
    }

    [Fact]
    public void A_document_number_is_not_suggested_for_the_employee_number_nor_a_birth_date_for_the_hire_date()
    {
        // Both look like the field by their words ("número", "fecha"): only what they are keeps them out.
        Assert.True(MappingSuggestions.Likeness("Número de documento", StaffField.EmployeeNumber) >= MappingSuggestions.Threshold);
        Assert.True(MappingSuggestions.Likeness("Fecha de nacimiento", StaffField.HireDate) >= MappingSuggestions.Threshold);
        Assert.Empty(Suggested("Número de documento;Nombre completo;Correo;Fecha de nacimiento"));
    }

    [Fact]
    public void A_file_whose_columns_are_all_recognised_has_no_suggestions()
    {
        var file = StaffFile.Read(Encoding.UTF8.GetBytes("No. de empleado,Nombre completo,Correo,Fecha de ingreso,Observaciones\nE-1,Ana Gil,ana@olivo.test,2025-01-01,\n"));
        Assert.Empty(file.Problems);
        Assert.Null(file.Suggested);
    }
}
