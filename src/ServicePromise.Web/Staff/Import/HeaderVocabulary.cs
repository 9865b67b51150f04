using System.Text;

namespace ServicePromise.Web.Staff.Import;

/// <summary>Where a header name comes from: the spreadsheets and payroll systems of a country, or an HR system's English export.</summary>
public enum HeaderSource
{
    /// <summary>Plain Spanish and English names any spreadsheet uses.</summary>
    Common,
    /// <summary>A3Nom, Sage, Meta4, Factorial and the SAP HCM Spanish screens.</summary>
    Spain,
    /// <summary>CONTPAQi Nóminas, Aspel NOI, NomiPAQ and IMSS-oriented spreadsheets.</summary>
    Mexico,
    /// <summary>Siesa, Heinsohn, World Office and Loggro exports (names in four parts).</summary>
    Colombia,
    /// <summary>Tango Sueldos, Bejerman and Holistor ("legajo" is the employee number).</summary>
    Argentina,
    /// <summary>Buk, Talana, Rex+ and Softland ("ficha" is the employee number).</summary>
    Chile,
    /// <summary>T-Registro/PLAME-oriented spreadsheets, Ofisis and Starsoft.</summary>
    Peru,
    Workday,
    SuccessFactors,
    BambooHR,
    Personio,
}

/// <summary>What a header says: the field it holds, and whether it says so loosely (see <see cref="HeaderVocabulary.Weak"/>).</summary>
public sealed record HeaderMeaning(StaffField Field, bool Weak);

/// <summary>
/// The header names HR files use for our fields, as data in one place: the spreadsheets and payroll systems of Spain,
/// Mexico, Colombia, Argentina, Chile and Peru, and the English exports of Workday, SAP SuccessFactors, BambooHR and
/// Personio. Names are matched by <see cref="Key"/> — without accents, case, punctuation, "de"/"del"/"of", and with
/// every way of writing "number" (Nº, N°, No., Nro., Núm., #) read as one — so "Nº de empleado", "No. empleado" and
/// "numero de empleado" are the same header.
/// </summary>
public static class HeaderVocabulary
{
    // Declared first: the tables below are keyed with them when the class is initialised.
    /// <summary>Words left out of a key: they never tell two headers apart.</summary>
    static readonly HashSet<string> Filler = ["de", "del", "la", "el", "los", "las", "a", "al", "en", "y", "e", "of", "the", "and"];

    /// <summary>Short forms HR files write, read as the word.</summary>
    static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        // Every way of writing "number": Nº (compatibility form "No"), N°, No., Nro., Núm., #, nbr.
        ["n"] = "numero", ["no"] = "numero", ["nro"] = "numero", ["num"] = "numero", ["number"] = "numero", ["nbr"] = "numero", ["nr"] = "numero",
        ["cod"] = "codigo", ["f"] = "fecha", ["fec"] = "fecha", ["tel"] = "telefono", ["telf"] = "telefono", ["ap"] = "apellido",
        ["emp"] = "empleado", ["dpto"] = "departamento", ["depto"] = "departamento",
    };

    /// <summary>
    /// Each source's headers, written as the systems write them. The same header may appear under several sources, but
    /// always for the same field (a unit test checks it).
    /// </summary>
    public static readonly IReadOnlyDictionary<HeaderSource, IReadOnlyDictionary<StaffField, string[]>> Sources = new Dictionary<HeaderSource, IReadOnlyDictionary<StaffField, string[]>>
    {
        [HeaderSource.Common] = new Dictionary<StaffField, string[]>
        {
            [StaffField.EmployeeNumber] = ["Número de empleado", "Nº de empleado", "Num. empleado", "ID empleado", "Id. de empleado", "Código de empleado", "Código", "ID",
                "Employee number", "Employee no.", "Employee ID", "Staff number", "Staff ID"],
            [StaffField.FullName] = ["Nombre completo", "Nombre y apellidos", "Nombre", "Empleado", "Nombre del empleado", "Full name", "Name", "Employee name"],
            [StaffField.GivenName] = ["Nombres", "Primer nombre", "First name", "Given name"],
            [StaffField.MiddleName] = ["Segundo nombre", "Middle name"],
            [StaffField.Surname] = ["Apellidos", "Apellido", "Primer apellido", "Last name", "Surname", "Family name"],
            [StaffField.SecondSurname] = ["Segundo apellido"],
            [StaffField.Email] = ["Correo electrónico", "Correo", "Email", "E-mail", "Mail", "Email address", "Correo corporativo", "Work email"],
            [StaffField.JobTitle] = ["Puesto", "Cargo", "Puesto de trabajo", "Job title", "Job", "Position", "Title"],
            [StaffField.Department] = ["Departamento", "Área", "Sección", "Department", "Dept"],
            [StaffField.Site] = ["Centro", "Centro de trabajo", "Sede", "Tienda", "Sucursal", "Ubicación", "Site", "Location", "Workplace", "Store", "Branch", "Office"],
            [StaffField.ManagerNumber] = ["Nº del responsable", "Número de responsable", "Responsable", "Jefe", "Manager", "Manager number", "Manager employee number", "Manager ID", "Reports to",
                // The manager's name, which many exports carry instead of their number (see ManagerNames).
                "Nombre del responsable", "Nombre del jefe", "Nombre del jefe inmediato", "Manager name", "Supervisor name"],
            [StaffField.HireDate] = ["Fecha de alta", "Fecha alta", "Alta", "Fecha de incorporación", "Incorporación", "Fecha de ingreso", "Hire date", "Start date", "Date hired"],
            [StaffField.Language] = ["Idioma", "Idioma preferido", "Language", "Lang", "Preferred language"],
            [StaffField.EmploymentType] = ["Tipo de contrato", "Tipo de empleo", "Tipo", "Relación", "Employment type", "Worker type", "Type"],
            [StaffField.Active] = ["Activo", "Alta activa", "Estado", "Active", "Status", "Is active"],
            [StaffField.MobilePhone] = ["Teléfono móvil", "Móvil", "Celular", "Teléfono", "Mobile", "Mobile phone", "Cell phone", "Phone"],
            [StaffField.TerminationDate] = ["Fecha de baja", "Fecha baja", "F. baja", "Fecha de salida", "Fecha de terminación", "Termination date", "Date terminated", "End of employment"],
        },
        [HeaderSource.Spain] = new Dictionary<StaffField, string[]>
        {
            [StaffField.EmployeeNumber] = ["Cód. empleado", "Código trabajador", "Nº trabajador", "Matrícula", "Nº de personal", "Número de personal"],
            [StaffField.FullName] = ["Apellidos y nombre", "Nombre trabajador", "Trabajador"],
            [StaffField.Surname] = ["Apellidos", "Primer apellido"],
            [StaffField.SecondSurname] = ["Segundo apellido"],
            [StaffField.Email] = ["Email corporativo", "Correo corporativo"],
            [StaffField.JobTitle] = ["Puesto de trabajo"],
            [StaffField.Department] = ["Departamento", "Sección", "Unidad organizativa"],
            [StaffField.Site] = ["Centro de trabajo", "Tienda", "Delegación", "Oficina"],
            [StaffField.ManagerNumber] = ["Responsable", "Código del responsable", "Responsable directo"],
            [StaffField.HireDate] = ["Fecha de alta", "F. alta", "Fecha de incorporación", "Fecha inicio contrato"],
            [StaffField.EmploymentType] = ["Tipo de contrato", "Tipo contrato", "Modalidad de contrato"],
            [StaffField.Active] = ["Situación", "Estado"],
            [StaffField.MobilePhone] = ["Móvil", "Teléfono móvil", "Móvil empresa"],
            [StaffField.TerminationDate] = ["Fecha de baja", "F. baja", "Fecha de cese", "Fecha baja empresa"],
        },
        [HeaderSource.Mexico] = new Dictionary<StaffField, string[]>
        {
            [StaffField.EmployeeNumber] = ["No. de empleado", "Núm. empleado", "No. empleado", "Número de nómina", "No. de nómina", "Clave", "Clave de empleado", "Clave del trabajador", "No. de trabajador"],
            [StaffField.FullName] = ["Nombre del trabajador"],
            [StaffField.GivenName] = ["Nombre(s)", "Nombres"],
            [StaffField.Surname] = ["Apellido paterno", "Ap. paterno"],
            [StaffField.SecondSurname] = ["Apellido materno", "Ap. materno"],
            [StaffField.Email] = ["Correo", "Correo empresarial"],
            [StaffField.JobTitle] = ["Puesto", "Nombre del puesto"],
            [StaffField.Department] = ["Departamento", "Área"],
            [StaffField.Site] = ["Sucursal", "Planta", "Tienda"],
            [StaffField.ManagerNumber] = ["Jefe inmediato", "Jefe directo", "No. de empleado del jefe", "Clave del jefe", "Supervisor"],
            [StaffField.HireDate] = ["Fecha de ingreso", "Fecha ingreso", "Fecha de contratación", "Fecha de alta IMSS"],
            [StaffField.EmploymentType] = ["Tipo de empleado", "Tipo de trabajador"],
            [StaffField.Active] = ["Estatus", "Estatus del empleado"],
            [StaffField.MobilePhone] = ["Teléfono celular", "Tel. celular"],
            [StaffField.TerminationDate] = ["Fecha de baja", "Fecha de baja IMSS", "Fecha de egreso"],
        },
        [HeaderSource.Colombia] = new Dictionary<StaffField, string[]>
        {
            [StaffField.EmployeeNumber] = ["Código del empleado", "Código empleado"],
            [StaffField.GivenName] = ["Primer nombre", "Nombres"],
            [StaffField.MiddleName] = ["Segundo nombre"],
            [StaffField.Surname] = ["Primer apellido"],
            [StaffField.SecondSurname] = ["Segundo apellido"],
            [StaffField.Email] = ["Correo institucional", "Correo corporativo"],
            [StaffField.JobTitle] = ["Cargo"],
            [StaffField.Department] = ["Área", "Dependencia"],
            [StaffField.Site] = ["Sede", "Punto de venta"],
            [StaffField.ManagerNumber] = ["Código jefe inmediato", "Código del jefe inmediato", "Jefe inmediato", "Líder inmediato"],
            [StaffField.HireDate] = ["Fecha de ingreso", "Fecha de vinculación", "Fecha de contratación"],
            [StaffField.EmploymentType] = ["Tipo de vinculación", "Tipo de contrato"],
            [StaffField.Active] = ["Estado del empleado"],
            [StaffField.MobilePhone] = ["Celular", "Número de celular"],
            [StaffField.TerminationDate] = ["Fecha de retiro", "Fecha retiro", "Fecha de desvinculación"],
        },
        [HeaderSource.Argentina] = new Dictionary<StaffField, string[]>
        {
            [StaffField.EmployeeNumber] = ["Legajo", "Nº de legajo", "Nro. legajo", "Número de legajo"],
            [StaffField.FullName] = ["Apellido y nombre", "Apellido y nombres", "Apellidos y nombres", "Nombre y apellido"],
            [StaffField.Email] = ["Mail laboral", "Email laboral", "Correo laboral"],
            [StaffField.JobTitle] = ["Puesto", "Función"],
            [StaffField.Department] = ["Sector", "Área", "Gerencia"],
            [StaffField.Site] = ["Sucursal", "Lugar de trabajo", "Local", "Establecimiento"],
            [StaffField.ManagerNumber] = ["Legajo del jefe", "Legajo jefe", "Legajo del supervisor", "Jefe directo", "Superior"],
            [StaffField.HireDate] = ["Fecha de ingreso", "F. ingreso", "Ingreso"],
            [StaffField.EmploymentType] = ["Modalidad de contratación", "Modalidad contractual"],
            [StaffField.Active] = ["Situación", "Estado"],
            [StaffField.MobilePhone] = ["Celular", "Teléfono celular"],
            [StaffField.TerminationDate] = ["Fecha de egreso", "F. egreso", "Fecha de baja"],
        },
        [HeaderSource.Chile] = new Dictionary<StaffField, string[]>
        {
            [StaffField.EmployeeNumber] = ["Ficha", "N° ficha", "Código trabajador", "ID trabajador"],
            [StaffField.FullName] = ["Trabajador", "Colaborador", "Nombre del colaborador"],
            [StaffField.GivenName] = ["Nombres"],
            [StaffField.Surname] = ["Apellido paterno"],
            [StaffField.SecondSurname] = ["Apellido materno"],
            [StaffField.Email] = ["Email corporativo", "Correo corporativo"],
            [StaffField.JobTitle] = ["Cargo"],
            [StaffField.Department] = ["Área", "Gerencia"],
            [StaffField.Site] = ["Sucursal", "Local", "Faena"],
            [StaffField.ManagerNumber] = ["Jefe directo", "Jefatura", "Ficha jefe"],
            [StaffField.HireDate] = ["Fecha de ingreso", "Fecha ingreso", "Fecha inicio contrato"],
            [StaffField.EmploymentType] = ["Tipo de contrato"],
            [StaffField.Active] = ["Estado"],
            [StaffField.MobilePhone] = ["Celular", "Teléfono móvil"],
            [StaffField.TerminationDate] = ["Fecha de término", "Fecha término", "Fecha de finiquito", "Fecha de desvinculación"],
        },
        [HeaderSource.Peru] = new Dictionary<StaffField, string[]>
        {
            [StaffField.EmployeeNumber] = ["Código de trabajador", "Cód. trabajador", "Código de personal", "Nº de trabajador"],
            [StaffField.FullName] = ["Apellidos y nombres", "Nombres y apellidos", "Trabajador", "Colaborador"],
            [StaffField.GivenName] = ["Nombres"],
            [StaffField.Surname] = ["Apellido paterno"],
            [StaffField.SecondSurname] = ["Apellido materno"],
            [StaffField.Email] = ["Correo", "Correo corporativo", "Correo institucional"],
            [StaffField.JobTitle] = ["Cargo", "Puesto"],
            [StaffField.Department] = ["Área", "Gerencia", "Unidad"],
            [StaffField.Site] = ["Sede", "Local", "Tienda", "Agencia"],
            [StaffField.ManagerNumber] = ["Jefe inmediato", "Jefe directo", "Código del jefe"],
            [StaffField.HireDate] = ["Fecha de ingreso", "F. ingreso", "Fecha ingreso"],
            [StaffField.EmploymentType] = ["Tipo de contrato", "Modalidad de contrato"],
            [StaffField.Active] = ["Estado", "Situación"],
            [StaffField.MobilePhone] = ["Celular", "Teléfono celular"],
            [StaffField.TerminationDate] = ["Fecha de cese", "F. cese", "Fecha cese"],
        },
        [HeaderSource.Workday] = new Dictionary<StaffField, string[]>
        {
            [StaffField.EmployeeNumber] = ["Employee ID", "Employee_ID", "Worker ID"],
            [StaffField.FullName] = ["Worker", "Legal Name", "Full_Name"],
            [StaffField.GivenName] = ["Legal First Name", "Legal Name - First Name", "First Name"],
            [StaffField.MiddleName] = ["Legal Middle Name", "Middle Name"],
            [StaffField.Surname] = ["Legal Last Name", "Legal Name - Last Name", "Last Name"],
            [StaffField.SecondSurname] = ["Secondary Last Name", "Legal Name - Secondary Last Name"],
            [StaffField.Email] = ["Primary Work Email", "Email - Primary Work", "Work Email"],
            [StaffField.JobTitle] = ["Business Title", "Job Title", "Job Profile"],
            [StaffField.Department] = ["Supervisory Organization", "Team_Name"],
            [StaffField.Site] = ["Location", "Work Location", "Primary Work Location"],
            [StaffField.ManagerNumber] = ["Manager ID", "Manager_ID", "Manager Employee ID", "Manager"],
            [StaffField.HireDate] = ["Hire Date", "Original Hire Date", "Start_Date"],
            [StaffField.EmploymentType] = ["Worker Type", "Employee Type", "Employee_Type"],
            [StaffField.Active] = ["Active Status", "Worker Status"],
            [StaffField.MobilePhone] = ["Phone - Primary Mobile", "Primary Mobile Phone", "Mobile Phone", "Primary Work Phone"],
            [StaffField.TerminationDate] = ["Termination Date", "Termination_Date"],
        },
        [HeaderSource.SuccessFactors] = new Dictionary<StaffField, string[]>
        {
            // The user data file's MANAGER holds the manager's USERID, so USERID is the number people are known by.
            [StaffField.EmployeeNumber] = ["USERID", "User ID", "userId", "Person ID External", "personIdExternal", "EMPID"],
            [StaffField.GivenName] = ["FIRSTNAME", "First Name"],
            [StaffField.MiddleName] = ["Middle Name"],
            [StaffField.Surname] = ["LASTNAME", "Last Name"],
            [StaffField.Email] = ["EMAIL", "Business Email"],
            [StaffField.JobTitle] = ["TITLE", "Job Title"],
            [StaffField.Department] = ["DEPARTMENT"],
            [StaffField.Site] = ["LOCATION"],
            [StaffField.ManagerNumber] = ["MANAGER", "Manager User ID", "managerId"],
            [StaffField.HireDate] = ["HIREDATE", "Hire Date", "Original Start Date", "startDate"],
            [StaffField.EmploymentType] = ["Employee Class", "EMPLOYEECLASS", "Employment Type"],
            [StaffField.Active] = ["STATUS", "Employee Status", "emplStatus"],
            [StaffField.MobilePhone] = ["Cell Phone", "BIZ_PHONE"],
            [StaffField.TerminationDate] = ["Termination Date"],
        },
        [HeaderSource.BambooHR] = new Dictionary<StaffField, string[]>
        {
            // "Employee #" is the company's number; "Employee ID" is BambooHR's own, so it yields (it is weak).
            [StaffField.EmployeeNumber] = ["Employee #", "Employee Number", "Employee ID"],
            [StaffField.FullName] = ["Display Name"],
            [StaffField.GivenName] = ["First Name"],
            [StaffField.MiddleName] = ["Middle Name"],
            [StaffField.Surname] = ["Last Name"],
            [StaffField.Email] = ["Work Email"],
            [StaffField.JobTitle] = ["Job Title"],
            [StaffField.Department] = ["Department"],
            [StaffField.Site] = ["Location"],
            [StaffField.ManagerNumber] = ["Supervisor EID", "Reporting to", "Reports To"],
            [StaffField.HireDate] = ["Hire Date", "Original Hire Date"],
            [StaffField.Active] = ["Status"],
            [StaffField.MobilePhone] = ["Mobile Phone", "Work Phone"],
            [StaffField.TerminationDate] = ["Termination Date"],
        },
        [HeaderSource.Personio] = new Dictionary<StaffField, string[]>
        {
            [StaffField.EmployeeNumber] = ["ID", "Personnel number", "Employee ID"],
            [StaffField.GivenName] = ["First name"],
            [StaffField.Surname] = ["Last name"],
            [StaffField.Email] = ["Email"],
            [StaffField.JobTitle] = ["Position"],
            [StaffField.Department] = ["Department", "Team"],
            [StaffField.Site] = ["Office"],
            [StaffField.ManagerNumber] = ["Supervisor", "Supervisor ID"],
            [StaffField.HireDate] = ["Hire date"],
            [StaffField.EmploymentType] = ["Employment type"],
            [StaffField.Active] = ["Status"],
            [StaffField.MobilePhone] = ["Mobile phone"],
            [StaffField.TerminationDate] = ["Termination date"],
        },
    };

    /// <summary>
    /// Headers that name their field loosely: when the file also has a specific header for the same field, the
    /// specific one is read and this one left out ("Employee #" over BambooHR's own "Employee ID", "Área" over
    /// "Gerencia", "Estatus" over "Estado", a manager's number over their name).
    /// </summary>
    public static readonly string[] Weak =
    [
        "ID", "Código", "Employee ID", "Employee_ID", "Person ID External", "personIdExternal", "EMPID",
        "Nombre", "Name", "Empleado", "Trabajador", "Colaborador", "Display Name", "Worker",
        "Correo", "Email", "E-mail", "Mail", "Correo electrónico", "Email address", "EMAIL",
        "Title", "TITLE", "Job", "Job Profile",
        "Gerencia", "Unidad", "Team", "Team_Name",
        "Centro", "Ubicación", "Oficina", "Office", "Location", "LOCATION", "Local", "Agencia",
        "Jefe", "Responsable", "Manager", "Supervisor", "Reports to", "Reporting to", "Jefe directo", "Jefe inmediato", "Superior", "Jefatura", "Líder inmediato",
        "Nombre del responsable", "Nombre del jefe", "Nombre del jefe inmediato", "Manager name", "Supervisor name",
        "Alta", "Ingreso", "Incorporación", "Original Hire Date", "Original Start Date", "Fecha inicio contrato", "Fecha de alta IMSS",
        "Tipo", "Type", "Relación", "Employee Type", "Employee_Type",
        "Estado", "Status", "STATUS", "Situación",
        "Teléfono", "Phone", "Work Phone", "Primary Work Phone", "BIZ_PHONE",
    ];

    /// <summary>
    /// Headers of columns that are not ours, which a suggestion never proposes. Identity documents above all: a RUT,
    /// DNI or cédula identifies a citizen, not an employee number, unless HR says so by choosing it.
    /// </summary>
    public static readonly string[] NotOurs =
    [
        "DNI", "NIF", "NIE", "NAF", "Nº de afiliación", "Nº Seguridad Social", "Número de Seguridad Social", "NSS", "RFC", "CURP",
        "Cédula", "Cédula de ciudadanía", "Número de documento", "Nº de documento", "Documento", "Documento de identidad", "Tipo de documento",
        "Número de identificación", "Identificación", "Tipo de identificación", "NIT", "CUIL", "CUIT", "RUT", "RUN", "RUT trabajador",
        "Carnet de extranjería", "Pasaporte", "SSN", "National ID",
        "Fecha de nacimiento", "Birth date", "Date of birth", "Sexo", "Género", "Gender",
        // A seniority date may reach back before this job.
        "Antigüedad", "Fecha de antigüedad", "Seniority date",
        "Salario", "Sueldo", "Salario diario", "Salary", "Preferred Name", "Home Email", "Correo personal", "Email personal", "Personal email",
        "Employment Status", "Time Type", "Division", "Cost Center", "Centro de costo", "Centro de costos", "Company",
    ];

    static readonly Dictionary<string, HeaderMeaning> ByKey = Build();
    static readonly HashSet<string> NotOursKeys = NotOurs.Select(Key).ToHashSet(StringComparer.Ordinal);

    static Dictionary<string, HeaderMeaning> Build()
    {
        var weak = Weak.Select(Key).ToHashSet(StringComparer.Ordinal);
        var byKey = new Dictionary<string, HeaderMeaning>(StringComparer.Ordinal);
        foreach (var (_, fields) in Sources)
            foreach (var (field, headers) in fields)
                foreach (var header in headers)
                    byKey.TryAdd(Key(header), new HeaderMeaning(field, weak.Contains(Key(header))));
        return byKey;
    }

    /// <summary>Every header of <paramref name="field"/>, as written, across the sources.</summary>
    public static IEnumerable<string> HeadersOf(StaffField field) =>
        Sources.Values.SelectMany(s => s.TryGetValue(field, out var h) ? h : []).Distinct();

    /// <summary>What a file's header cell says, or null for a header we do not know.</summary>
    /// <remarks>A note in brackets is ignored when the header is not known with it: "Nombre(s)" is known, "Fecha de ingreso (dd/mm/aaaa)" reads as "Fecha de ingreso".</remarks>
    public static HeaderMeaning? Meaning(string header)
    {
        var key = Key(header);
        if (key.Length == 0) return null;
        if (ByKey.TryGetValue(key, out var meaning)) return meaning;
        var bare = Key(WithoutBrackets(header));
        return bare.Length > 0 && bare != key && ByKey.TryGetValue(bare, out meaning) ? meaning : null;
    }

    static readonly HashSet<string> GivenNameWords = ["nombre", "name"];

    /// <summary>"Nombre" or "Name": the whole name on its own, the given names beside a surname column.</summary>
    public static bool IsGivenNameBesideSurnames(string header) => GivenNameWords.Contains(Key(header));

    static readonly HashSet<string> SurnameFirstKeys = ["apellido nombre", "apellido nombres", "apellidos nombre", "apellidos nombres"];

    /// <summary>A full-name header that says the surnames come first ("Apellido y nombre", "Apellidos y nombres").</summary>
    public static bool IsSurnameFirst(string header) => SurnameFirstKeys.Contains(Key(header));

    /// <summary>A column we know is not one of ours (an identity document, a birth date…).</summary>
    public static bool IsNotOurs(string header) => NotOursKeys.Contains(Key(header)) || NotOursKeys.Contains(Key(WithoutBrackets(header)));

    static string WithoutBrackets(string header)
    {
        var sb = new StringBuilder(header.Length);
        var depth = 0;
        foreach (var c in header)
        {
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth = Math.Max(0, depth - 1);
            else if (depth == 0) sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// A header as it is matched: compatibility-normalised (so "Nº" reads as "No"), lowercase, without accents or
    /// punctuation, "e-mail" as "email", short forms and every "number" as one word, filler words left out.
    /// </summary>
    public static string Key(string header)
    {
        var text = header.Normalize(NormalizationForm.FormKC).Replace("#", " number ", StringComparison.Ordinal);
        var words = Reflections.Shingles.Words(text).ToList();
        for (var i = 0; i + 1 < words.Count; i++)
            if (words[i] == "e" && words[i + 1] == "mail") { words[i] = "email"; words.RemoveAt(i + 1); }
        return string.Join(' ', words.Where(w => !Filler.Contains(w)).Select(w => Words.GetValueOrDefault(w, w)));
    }
}
