using System.Text;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>The header names of each country's files and each HR system's export are read as our fields, with no renaming.</summary>
public class HeaderVocabularyTests
{
    /// <summary>Which column of the header line each field is read from, by header name.</summary>
    static Dictionary<StaffField, string> Columns(string headerLine)
    {
        var file = StaffFile.Read(Encoding.UTF8.GetBytes(headerLine + "\n"));
        Assert.True(file.Problems.Count == 0, string.Join("; ", file.Problems.Select(p => p.Message.ToString())));
        var delimiter = headerLine.Contains(';') ? ';' : ',';
        var headers = headerLine.Split(delimiter);
        return file.Columns.ToDictionary(c => c.Key, c => headers[c.Value]);
    }

    static void AssertColumns(string headerLine, params (StaffField Field, string Header)[] expected) =>
        Assert.Equal(expected.OrderBy(e => e.Field).ToList(), Columns(headerLine).Select(c => (c.Key, c.Value)).OrderBy(c => c.Key).ToList());

    [Fact]
    public void Spain_a3nom_or_sage_export()
    {
        // "Nombre" beside the surname columns is the given name; the NIF is not an employee number.
        AssertColumns("Cód. empleado;NIF;Nombre;Primer apellido;Segundo apellido;Email corporativo;Puesto de trabajo;Departamento;Centro de trabajo;Responsable;Fecha de alta;Tipo de contrato;Situación;Móvil",
            (StaffField.EmployeeNumber, "Cód. empleado"), (StaffField.GivenName, "Nombre"), (StaffField.Surname, "Primer apellido"), (StaffField.SecondSurname, "Segundo apellido"),
            (StaffField.Email, "Email corporativo"), (StaffField.JobTitle, "Puesto de trabajo"), (StaffField.Department, "Departamento"), (StaffField.Site, "Centro de trabajo"),
            (StaffField.ManagerNumber, "Responsable"), (StaffField.HireDate, "Fecha de alta"), (StaffField.EmploymentType, "Tipo de contrato"), (StaffField.Active, "Situación"),
            (StaffField.MobilePhone, "Móvil"));
    }

    [Fact]
    public void Mexico_payroll_export()
    {
        AssertColumns("No. de empleado,Nombre(s),Apellido paterno,Apellido materno,RFC,CURP,NSS,Correo,Puesto,Departamento,Sucursal,Jefe inmediato,Fecha de ingreso,Tipo de empleado,Estatus,Teléfono celular",
            (StaffField.EmployeeNumber, "No. de empleado"), (StaffField.GivenName, "Nombre(s)"), (StaffField.Surname, "Apellido paterno"), (StaffField.SecondSurname, "Apellido materno"),
            (StaffField.Email, "Correo"), (StaffField.JobTitle, "Puesto"), (StaffField.Department, "Departamento"), (StaffField.Site, "Sucursal"),
            (StaffField.ManagerNumber, "Jefe inmediato"), (StaffField.HireDate, "Fecha de ingreso"), (StaffField.EmploymentType, "Tipo de empleado"), (StaffField.Active, "Estatus"),
            (StaffField.MobilePhone, "Teléfono celular"));
    }

    [Fact]
    public void Colombia_payroll_export_with_the_name_in_four_parts()
    {
        AssertColumns("Código;Tipo de documento;Número de documento;Primer nombre;Segundo nombre;Primer apellido;Segundo apellido;Correo institucional;Cargo;Área;Sede;Código jefe inmediato;Fecha de vinculación;Tipo de contrato;Estado;Celular",
            (StaffField.EmployeeNumber, "Código"), (StaffField.GivenName, "Primer nombre"), (StaffField.MiddleName, "Segundo nombre"), (StaffField.Surname, "Primer apellido"),
            (StaffField.SecondSurname, "Segundo apellido"), (StaffField.Email, "Correo institucional"), (StaffField.JobTitle, "Cargo"), (StaffField.Department, "Área"),
            (StaffField.Site, "Sede"), (StaffField.ManagerNumber, "Código jefe inmediato"), (StaffField.HireDate, "Fecha de vinculación"), (StaffField.EmploymentType, "Tipo de contrato"),
            (StaffField.Active, "Estado"), (StaffField.MobilePhone, "Celular"));
    }

    [Fact]
    public void Argentina_legajo_export()
    {
        AssertColumns("Nro. Legajo;CUIL;Apellido y nombre;Mail laboral;Puesto;Sector;Sucursal;Legajo del jefe;F. ingreso;Modalidad de contratación;Estado;Celular",
            (StaffField.EmployeeNumber, "Nro. Legajo"), (StaffField.FullName, "Apellido y nombre"), (StaffField.Email, "Mail laboral"), (StaffField.JobTitle, "Puesto"),
            (StaffField.Department, "Sector"), (StaffField.Site, "Sucursal"), (StaffField.ManagerNumber, "Legajo del jefe"), (StaffField.HireDate, "F. ingreso"),
            (StaffField.EmploymentType, "Modalidad de contratación"), (StaffField.Active, "Estado"), (StaffField.MobilePhone, "Celular"));
    }

    [Fact]
    public void Chile_ficha_export_where_the_rut_is_not_the_employee_number()
    {
        // "Área" says which department more exactly than "Gerencia", which is left out rather than refused.
        AssertColumns("N° Ficha;RUT;Nombres;Apellido paterno;Apellido materno;Email corporativo;Cargo;Gerencia;Área;Sucursal;Jefe directo;Fecha ingreso;Tipo de contrato;Estado;Celular",
            (StaffField.EmployeeNumber, "N° Ficha"), (StaffField.GivenName, "Nombres"), (StaffField.Surname, "Apellido paterno"), (StaffField.SecondSurname, "Apellido materno"),
            (StaffField.Email, "Email corporativo"), (StaffField.JobTitle, "Cargo"), (StaffField.Department, "Área"), (StaffField.Site, "Sucursal"),
            (StaffField.ManagerNumber, "Jefe directo"), (StaffField.HireDate, "Fecha ingreso"), (StaffField.EmploymentType, "Tipo de contrato"), (StaffField.Active, "Estado"),
            (StaffField.MobilePhone, "Celular"));
    }

    [Fact]
    public void Peru_planilla_export()
    {
        AssertColumns("Código de trabajador;DNI;Apellido paterno;Apellido materno;Nombres;Correo corporativo;Cargo;Área;Sede;Jefe inmediato;Fecha de ingreso;Tipo de contrato;Situación;Celular",
            (StaffField.EmployeeNumber, "Código de trabajador"), (StaffField.Surname, "Apellido paterno"), (StaffField.SecondSurname, "Apellido materno"), (StaffField.GivenName, "Nombres"),
            (StaffField.Email, "Correo corporativo"), (StaffField.JobTitle, "Cargo"), (StaffField.Department, "Área"), (StaffField.Site, "Sede"),
            (StaffField.ManagerNumber, "Jefe inmediato"), (StaffField.HireDate, "Fecha de ingreso"), (StaffField.EmploymentType, "Tipo de contrato"), (StaffField.Active, "Situación"),
            (StaffField.MobilePhone, "Celular"));
    }

    [Fact]
    public void Workday_worker_report()
    {
        // The manager's ID over the manager's name, the business title over the job profile, the hire date over the original one.
        AssertColumns("Employee ID,Worker,Legal First Name,Legal Last Name,Secondary Last Name,Primary Work Email,Business Title,Job Profile,Supervisory Organization,Location,Manager ID,Manager,Hire Date,Original Hire Date,Worker Type,Employee Type,Active Status,Phone - Primary Mobile",
            (StaffField.EmployeeNumber, "Employee ID"), (StaffField.FullName, "Worker"), (StaffField.GivenName, "Legal First Name"), (StaffField.Surname, "Legal Last Name"),
            (StaffField.SecondSurname, "Secondary Last Name"), (StaffField.Email, "Primary Work Email"), (StaffField.JobTitle, "Business Title"),
            (StaffField.Department, "Supervisory Organization"), (StaffField.Site, "Location"), (StaffField.ManagerNumber, "Manager ID"), (StaffField.HireDate, "Hire Date"),
            (StaffField.EmploymentType, "Worker Type"), (StaffField.Active, "Active Status"), (StaffField.MobilePhone, "Phone - Primary Mobile"));
    }

    [Fact]
    public void SuccessFactors_user_data_file()
    {
        // MANAGER holds the manager's USERID, so USERID is the number (EMPID yields to it).
        AssertColumns("STATUS,USERID,USERNAME,FIRSTNAME,LASTNAME,MI,GENDER,EMAIL,MANAGER,HR,DEPARTMENT,JOBCODE,DIVISION,LOCATION,TIMEZONE,HIREDATE,EMPID,TITLE,BIZ_PHONE",
            (StaffField.Active, "STATUS"), (StaffField.EmployeeNumber, "USERID"), (StaffField.GivenName, "FIRSTNAME"), (StaffField.Surname, "LASTNAME"), (StaffField.Email, "EMAIL"),
            (StaffField.ManagerNumber, "MANAGER"), (StaffField.Department, "DEPARTMENT"), (StaffField.Site, "LOCATION"), (StaffField.HireDate, "HIREDATE"),
            (StaffField.JobTitle, "TITLE"), (StaffField.MobilePhone, "BIZ_PHONE"));
    }

    [Fact]
    public void BambooHR_custom_report()
    {
        // "Employee #" is the company's number, "Employee ID" BambooHR's own; "Supervisor EID" is the supervisor's number, "Reporting to" their name.
        AssertColumns("Employee #,Employee ID,First Name,Last Name,Preferred Name,Work Email,Home Email,Job Title,Department,Division,Location,Reporting to,Supervisor EID,Hire Date,Employment Status,Status,Mobile Phone,Work Phone",
            (StaffField.EmployeeNumber, "Employee #"), (StaffField.GivenName, "First Name"), (StaffField.Surname, "Last Name"), (StaffField.Email, "Work Email"),
            (StaffField.JobTitle, "Job Title"), (StaffField.Department, "Department"), (StaffField.Site, "Location"), (StaffField.ManagerNumber, "Supervisor EID"),
            (StaffField.HireDate, "Hire Date"), (StaffField.Active, "Status"), (StaffField.MobilePhone, "Mobile Phone"));
    }

    [Fact]
    public void Personio_employee_export()
    {
        AssertColumns("ID,First name,Last name,Email,Gender,Status,Employment type,Position,Department,Team,Office,Supervisor,Hire date,Weekly hours",
            (StaffField.EmployeeNumber, "ID"), (StaffField.GivenName, "First name"), (StaffField.Surname, "Last name"), (StaffField.Email, "Email"), (StaffField.Active, "Status"),
            (StaffField.EmploymentType, "Employment type"), (StaffField.JobTitle, "Position"), (StaffField.Department, "Department"), (StaffField.Site, "Office"),
            (StaffField.ManagerNumber, "Supervisor"), (StaffField.HireDate, "Hire date"));
    }

    [Fact]
    public void Every_header_of_every_source_is_read_as_its_field_and_none_as_two()
    {
        var fieldsByKey = new Dictionary<string, HashSet<(HeaderSource, StaffField)>>();
        foreach (var (source, fields) in HeaderVocabulary.Sources)
            foreach (var (field, headers) in fields)
                foreach (var header in headers)
                {
                    Assert.True(HeaderVocabulary.Meaning(header)?.Field == field, $"{source} “{header}” is read as {HeaderVocabulary.Meaning(header)?.Field}, not {field}");
                    Assert.False(HeaderVocabulary.IsNotOurs(header), $"{source} “{header}” is also listed as not ours");
                    var key = HeaderVocabulary.Key(header);
                    if (!fieldsByKey.TryGetValue(key, out var seen)) fieldsByKey[key] = seen = [];
                    seen.Add((source, field));
                }
        var twice = fieldsByKey.Where(k => k.Value.Select(v => v.Item2).Distinct().Count() > 1).Select(k => $"“{k.Key}”: {string.Join(", ", k.Value)}").ToList();
        Assert.True(twice.Count == 0, "Headers that name two fields:\n" + string.Join("\n", twice));
        // A loose header must be one we know, or it weakens nothing.
        Assert.All(HeaderVocabulary.Weak, w => Assert.True(HeaderVocabulary.Meaning(w) is { Weak: true }, $"weak “{w}” is not in the vocabulary"));
    }

    [Theory]
    [InlineData("Nº de empleado", "numero empleado")]
    [InlineData("N° de empleado", "numero empleado")]
    [InlineData("No. empleado", "numero empleado")]
    [InlineData("Nro. de Empleado", "numero empleado")]
    [InlineData("NÚMERO DE EMPLEADO", "numero empleado")]
    [InlineData("  número   de empleado ", "numero empleado")]
    [InlineData("Employee #", "employee numero")]
    [InlineData("employee_number", "employee numero")]
    [InlineData("E-mail", "email")]
    [InlineData("F. Ingreso", "fecha ingreso")]
    [InlineData("Fecha de ingreso a la empresa", "fecha ingreso empresa")]
    public void Headers_are_matched_without_accents_case_punctuation_or_filler_words(string header, string key) =>
        Assert.Equal(key, HeaderVocabulary.Key(header));

    [Theory]
    [InlineData("NOMBRE(S)", StaffField.GivenName)]
    [InlineData("Fecha de ingreso (dd/mm/aaaa)", StaffField.HireDate)]
    [InlineData("Correo electrónico [empresa]", StaffField.Email)]
    public void A_note_in_brackets_is_ignored_when_the_header_is_not_known_with_it(string header, StaffField field) =>
        Assert.Equal(field, HeaderVocabulary.Meaning(header)?.Field);

    [Theory]
    [InlineData("RUT")]
    [InlineData("Cédula")]
    [InlineData("DNI")]
    [InlineData("CURP")]
    [InlineData("CUIL")]
    [InlineData("Número de documento")]
    public void An_identity_document_is_not_an_employee_number(string header)
    {
        Assert.Null(HeaderVocabulary.Meaning(header));
        Assert.True(HeaderVocabulary.IsNotOurs(header));
        var file = StaffFile.Read(Encoding.UTF8.GetBytes($"{header};Nombre completo;Correo;Fecha de alta\n12.345.678-5;Ana Gil;ana@olivo.test;2025-01-01\n"));
        Assert.Contains(file.Problems, p => p.Message.ToString().Contains("The column “Employee no.” is missing"));
        Assert.False((file.Suggested ?? new Dictionary<StaffField, string>()).ContainsKey(StaffField.EmployeeNumber));
    }

    [Fact]
    public void A_specific_header_wins_over_a_loose_one_and_two_specific_ones_are_refused()
    {
        Assert.Equal("Estatus", Columns("No. empleado,Nombre completo,Correo,Fecha de alta,Estado,Estatus")[StaffField.Active]);
        var twice = StaffFile.Read(Encoding.UTF8.GetBytes("Legajo;Nº de empleado;Nombre completo;Correo;Fecha de ingreso\n"));
        Assert.Contains(twice.Problems, p => p.Message.ToString().Contains("“Legajo” and “Nº de empleado” say the same thing"));
    }
}
