using System.Text;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

public class StaffFileTests
{
    const string SpanishHeader = "Nº de empleado;Nombre completo;Correo electrónico;Puesto;Departamento;Centro;Responsable;Fecha de alta;Idioma;Tipo de contrato;Activo";
    const string EnglishHeader = "Employee number,Full name,Email,Job title,Department,Site,Manager,Hire date,Language,Employment type,Active";

    static StaffFileContent Read(string text, Encoding? encoding = null, IReadOnlyDictionary<string, StaffField>? mapping = null) =>
        StaffFile.Read((encoding ?? Encoding.UTF8).GetBytes(text), mapping);

    static string English(ImportProblem p) => p.Message.ToString();

    [Fact]
    public void A_spanish_excel_export_with_semicolons_and_day_first_dates_is_read()
    {
        var file = Read($"{SpanishHeader}\nMO-1;Núñez Crespo, Óscar;oscar@olivo.es;Cajero;Tiendas;Málaga;MO-0;31/03/2026;es;empleado;sí\n");
        Assert.Empty(file.Problems);
        Assert.Equal(';', file.Delimiter);
        var row = Assert.Single(file.Rows);
        Assert.Equal(new StaffRow(2, "MO-1", "Núñez Crespo, Óscar", "oscar@olivo.es", "Cajero", "Tiendas", "Málaga", "MO-0",
            new DateOnly(2026, 3, 31), "es", EmploymentType.Employee, true), row);
    }

    [Fact]
    public void An_english_export_with_commas_quotes_and_iso_dates_is_read()
    {
        var file = Read($"{EnglishHeader}\nC-7,\"Smith, Jo\",jo@agency.co.uk,Temp cashier,Stores,Córdoba,,2026-11-02,en,contractor,no\n");
        Assert.Empty(file.Problems);
        var row = Assert.Single(file.Rows);
        Assert.Equal(("Smith, Jo", "en", EmploymentType.Contractor, false, (string?)null), (row.FullName, row.Language, row.EmploymentType, row.Active, row.ManagerNumber));
    }

    [Fact]
    public void Windows_1252_and_a_utf8_bom_read_the_same_names()
    {
        var text = $"{SpanishHeader}\nMO-1;Íñigo Peña;inigo@olivo.es;;;;;01/02/2025;;;\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var ansi = Read(text, Encoding.GetEncoding(1252));
        var bom = StaffFile.Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);
        Assert.Equal("Windows-1252", ansi.Encoding);
        Assert.Equal("UTF-8", bom.Encoding);
        Assert.Equal("Íñigo Peña", Assert.Single(ansi.Rows).FullName);
        Assert.Equal("Íñigo Peña", Assert.Single(bom.Rows).FullName);
    }

    [Fact]
    public void Empty_optional_cells_take_the_defaults()
    {
        var row = Assert.Single(Read($"{SpanishHeader}\nMO-1;Ana;ana@olivo.es;;;;;2026-01-01;;;\n").Rows);
        Assert.Equal(("es", EmploymentType.Employee, true, (string?)null, (string?)null), (row.Language, row.EmploymentType, row.Active, row.Department, row.Site));
    }

    [Theory]
    [InlineData("MO-1;Ana;ana@;;;;;2026-01-01;;;", "“ana@” is not a valid email address")]
    [InlineData("MO-1;Ana;ana olivo@olivo.es;;;;;2026-01-01;;;", "is not a valid email address")]
    [InlineData(";Ana;ana@olivo.es;;;;;2026-01-01;;;", "The employee number is missing")]
    [InlineData("MO-1;;ana@olivo.es;;;;;2026-01-01;;;", "The full name is missing")]
    [InlineData("MO-1;Ana;ana@olivo.es;;;;;31/02/2026;;;", "The hire date “31/02/2026” cannot be read")]
    [InlineData("MO-1;Ana;ana@olivo.es;;;;;ayer;;;", "cannot be read")]
    [InlineData("MO-1;Ana;ana@olivo.es;;;;;;;;", "The hire date is missing")]
    [InlineData("MO-1;Ana;ana@olivo.es;;;;;2026-01-01;fr;;", "Unknown language “fr”")]
    [InlineData("MO-1;Ana;ana@olivo.es;;;;;2026-01-01;;becario;", "Unknown employment type “becario”")]
    [InlineData("MO-1;Ana;ana@olivo.es;;;;;2026-01-01;;;quizá", "“quizá” in the active column cannot be read")]
    [InlineData("MO-1;Ana;ana@olivo.es;;;;MO-1;2026-01-01;;;", "their own manager")]
    public void Each_bad_row_is_refused_with_its_line_and_reason(string row, string reason)
    {
        var file = Read($"{SpanishHeader}\nMO-9;Bien;bien@olivo.es;;;;;2026-01-01;;;\n{row}\n");
        var problem = Assert.Single(file.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains(reason, English(problem));
        Assert.Equal("MO-9", Assert.Single(file.Rows).EmployeeNumber);
    }

    [Fact]
    public void A_number_or_email_used_twice_refuses_both_rows()
    {
        var file = Read($"""
            {SpanishHeader}
            MO-1;Ana;ana@olivo.es;;;;;2026-01-01;;;
            mo-1;Ana Bis;otra@olivo.es;;;;;2026-01-01;;;
            MO-2;Luis;ANA@olivo.es;;;;;2026-01-01;;;
            MO-3;Eva;eva@olivo.es;;;;;2026-01-01;;;
            """);
        Assert.Equal("MO-3", Assert.Single(file.Rows).EmployeeNumber);
        Assert.Equal([2, 2, 3, 4], file.Problems.Select(p => p.Line));
        Assert.Contains(file.Problems, p => p.Line == 2 && English(p).Contains("also appears on line 3"));
        Assert.Contains(file.Problems, p => p.Line == 4 && English(p).Contains("“ana@olivo.es” (Email) also appears on line 2"));
    }

    [Fact]
    public void A_missing_required_column_is_named_with_the_columns_found()
    {
        var file = Read("Nombre;Correo\nAna;ana@olivo.es\n");
        Assert.Empty(file.Rows);
        Assert.Contains(file.Problems, p => p.Line == 1 && English(p).Contains("The column “Employee no.” is missing. Columns found: Nombre, Correo"));
        Assert.Contains(file.Problems, p => English(p).Contains("“Hire date” is missing"));
    }

    [Fact]
    public void A_saved_mapping_reads_a_systems_own_headers()
    {
        var mapping = new Dictionary<string, StaffField>
        {
            [StaffFile.Fold("PERNR")] = StaffField.EmployeeNumber,
            [StaffFile.Fold("ENAME")] = StaffField.FullName,
            [StaffFile.Fold("SMTP_ADDR")] = StaffField.Email,
            [StaffFile.Fold("BEGDA")] = StaffField.HireDate,
        };
        var row = Assert.Single(Read("PERNR,ENAME,SMTP_ADDR,BEGDA\n00042,Ana Gil,ana@olivo.es,2024-05-06\n", mapping: mapping).Rows);
        Assert.Equal(("00042", "Ana Gil"), (row.EmployeeNumber, row.FullName));
    }

    [Fact]
    public void Two_columns_for_the_same_field_are_refused()
    {
        var file = Read("Nº de empleado;Matrícula;Nombre;Email;Fecha de alta\n1;1;Ana;ana@olivo.es;2026-01-01\n");
        Assert.Contains(file.Problems, p => English(p).Contains("say the same thing"));
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void An_unclosed_quote_or_an_empty_file_is_a_clear_error()
    {
        Assert.Contains("never closed", English(Assert.Single(Read($"{SpanishHeader}\n\"MO-1;Ana\n").Problems)));
        Assert.Contains("The file is empty", English(Assert.Single(Read("\n\n").Problems)));
    }

    [Theory]
    [InlineData("MO-1;\"Ana\nRuiz\";ana@olivo.es;;;;;2026-01-01;;;", "“Full name” has a line break")]
    [InlineData("MO-1;\"Ana\r\nRuiz\";ana@olivo.es;;;;;2026-01-01;;;", "“Full name” has a line break")]
    [InlineData("MO-1;\u202Ezeniug Ana;ana@olivo.es;;;;;2026-01-01;;;", "“Full name” has a line break or an invisible control character")]
    [InlineData("MO-1;Ana;ana@olivo.es;\"Caje\nra\";;;;2026-01-01;;;", "“Job title” has a line break")]
    [InlineData("MO-1;Ana;ana@olivo.es;;Tien\u2066das;;;2026-01-01;;;", "“Department” has a line break")]
    [InlineData("MO-1;Ana;ana@olivo.es;;;\"Mála\rga\";;2026-01-01;;;", "“Site” has a line break")]
    [InlineData("MO-\u202D1;Ana;ana@olivo.es;;;;;2026-01-01;;;", "“Employee no.” has a line break")]
    public void A_line_break_or_a_bidirectional_override_in_a_name_or_place_refuses_the_row_naming_line_and_field(string row, string reason)
    {
        // Quoted fields may hold line breaks: the row still starts on line 3.
        var file = Read($"{SpanishHeader}\nMO-9;Bien;bien@olivo.es;;;;;2026-01-01;;;\n{row}\nMO-8;Luego;luego@olivo.es;;;;;2026-01-01;;;\n");
        var problem = Assert.Single(file.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains(reason, English(problem));
        Assert.Equal(["MO-9", "MO-8"], file.Rows.Select(r => r.EmployeeNumber));
    }
}
