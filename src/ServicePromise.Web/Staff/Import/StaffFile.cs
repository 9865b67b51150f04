using System.Globalization;
using System.Net.Mail;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Staff.Import;

public enum StaffField
{
    EmployeeNumber,
    FullName,
    Email,
    JobTitle,
    Department,
    Site,
    ManagerNumber,
    HireDate,
    Language,
    EmploymentType,
    Active,
    /// <summary>Optional; kept, not yet used for messages.</summary>
    MobilePhone,
}

public enum EmploymentType
{
    Employee = 0,
    /// <summary>Third parties (temps, outsourced staff) take the promise too.</summary>
    Contractor = 1,
}

/// <summary>One person as the HR file describes them, already checked on its own.</summary>
/// <param name="Email">Empty: the row gives none. A new person then has no email (they get a printed letter); a known one keeps theirs.</param>
public sealed record StaffRow(
    int Line, string EmployeeNumber, string FullName, string Email, string JobTitle, string? Department, string? Site,
    string? ManagerNumber, DateOnly HireDate, string Language, EmploymentType EmploymentType, bool Active)
{
    /// <summary>Null: the row gives none, and a known person keeps theirs.</summary>
    public string? MobilePhone { get; init; }
}

/// <summary>A problem with the file or one of its rows, with the line it is on (0: the file as a whole).</summary>
public sealed record ImportProblem(int Line, Message Message);

/// <summary>What a staff file says, row by row, and what is wrong with it.</summary>
/// <param name="Numbers">Every employee number on a data row, including rows refused for a problem.</param>
public sealed record StaffFileContent(
    string Encoding, char Delimiter, IReadOnlyDictionary<StaffField, int> Columns, IReadOnlyList<StaffRow> Rows, IReadOnlyList<ImportProblem> Problems,
    IReadOnlySet<string>? Numbers = null, bool Stopped = false)
{
    /// <summary>
    /// The file as a whole could not be read (no usable header, or reading stopped part-way: an unclosed quote, a record
    /// too large): nothing can be planned from it — a full import of half a file would deactivate the other half.
    /// </summary>
    public bool Unreadable => Stopped || (Problems.Any(p => p.Line <= 1) && Rows.Count == 0);
}

/// <summary>
/// Reads an HR system's staff export: maps its columns (Spanish and English headers, or a saved mapping), checks
/// every row on its own — email, dates (ISO or dd/mm/yyyy), language, employment type, active flag, numbers or
/// emails used twice — and reports each problem with its line. Rules that need the database (unknown managers,
/// cycles, who is created, updated or deactivated) are <see cref="StaffImportPlanner"/>'s.
/// </summary>
public static class StaffFile
{
    static readonly Messages L = new();
    public const int MaxRows = 250_000;

    /// <summary>Email is not among them: cashiers, shelf staff and warehouse crews often have none.</summary>
    public static readonly StaffField[] Required = [StaffField.EmployeeNumber, StaffField.FullName, StaffField.HireDate];

    /// <summary>Header names people and HR systems use, folded (lowercase, no accents or punctuation).</summary>
    static readonly Dictionary<string, StaffField> KnownHeaders = new Dictionary<string, string[]>
    {
        [nameof(StaffField.EmployeeNumber)] = ["numero de empleado", "n de empleado", "no de empleado", "num empleado", "numero empleado", "id empleado", "matricula", "employee number", "employee id", "employee no", "staff number", "id"],
        [nameof(StaffField.FullName)] = ["nombre completo", "nombre y apellidos", "nombre", "empleado", "full name", "name", "employee name"],
        [nameof(StaffField.Email)] = ["correo electronico", "correo", "email", "e mail", "mail", "email address", "correo corporativo"],
        [nameof(StaffField.JobTitle)] = ["puesto", "cargo", "puesto de trabajo", "job title", "job", "position", "title"],
        [nameof(StaffField.Department)] = ["departamento", "area", "seccion", "department", "dept"],
        [nameof(StaffField.Site)] = ["centro", "centro de trabajo", "sede", "tienda", "ubicacion", "site", "location", "workplace"],
        [nameof(StaffField.ManagerNumber)] = ["numero del responsable", "n del responsable", "no del responsable", "responsable", "numero de responsable", "jefe", "manager", "manager number", "manager employee number", "manager id", "reports to"],
        [nameof(StaffField.HireDate)] = ["fecha de alta", "fecha de incorporacion", "alta", "fecha alta", "hire date", "start date", "date hired"],
        [nameof(StaffField.Language)] = ["idioma", "language", "lang"],
        [nameof(StaffField.EmploymentType)] = ["tipo de contrato", "tipo de empleo", "tipo", "relacion", "employment type", "worker type", "type"],
        [nameof(StaffField.Active)] = ["activo", "alta activa", "estado", "active", "status", "is active"],
        [nameof(StaffField.MobilePhone)] = ["movil", "telefono movil", "mobile", "mobile phone"],
    }.SelectMany(kv => kv.Value.Select(h => (h, Enum.Parse<StaffField>(kv.Key)))).ToDictionary(x => x.h, x => x.Item2);

    /// <summary>A header cell folded the way <see cref="KnownHeaders"/> is written.</summary>
    /// <remarks>Compatibility-normalised first, so "Nº" reads as "No".</remarks>
    public static string Fold(string header) => string.Join(' ', Reflections.Shingles.Words(header.Normalize(System.Text.NormalizationForm.FormKC)));

    public static StaffFileContent Read(byte[] bytes, IReadOnlyDictionary<string, StaffField>? savedMapping = null)
    {
        string text, encoding;
        try
        {
            (text, encoding) = CsvText.Decode(bytes);
        }
        catch (CsvEncodingException)
        {
            return Fail("UTF-8", ',', new ImportProblem(0, L["El archivo dice ser UTF-8 pero tiene caracteres que no lo son. Guárdalo de nuevo como «CSV UTF-8» y vuelve a subirlo."]));
        }
        var delimiter = CsvText.DetectDelimiter(text);
        IReadOnlyList<CsvRecord> records;
        try
        {
            records = CsvText.Parse(text, delimiter);
        }
        catch (CsvFormatException ex)
        {
            return Fail(encoding, delimiter, new ImportProblem(ex.Line, L["Hay unas comillas que se abren y no se cierran; revisa esa línea."]));
        }
        catch (CsvTooLargeException ex)
        {
            return Fail(encoding, delimiter, new ImportProblem(ex.Line, ex.TooManyFields
                ? L["La línea {0} tiene más de {1} columnas; un archivo de plantilla tiene como mucho {1}. No se ha leído más.", ex.Line, CsvText.MaxFields]
                : L["Un campo de la línea {0} tiene más de {1} caracteres; ningún dato de una plantilla es tan largo. Revisa que las comillas estén bien cerradas. No se ha leído más.", ex.Line, CsvText.MaxFieldLength]));
        }
        if (records.Count == 0) return Fail(encoding, delimiter, new ImportProblem(0, L["El archivo está vacío."]));
        if (records.Count - 1 > MaxRows)
            return Fail(encoding, delimiter, new ImportProblem(0, L["El archivo tiene {0} filas; como mucho se pueden importar {1} de una vez.", records.Count - 1, MaxRows]));

        var (columns, headerProblems) = MapColumns(records[0], savedMapping);
        if (headerProblems.Count > 0) return new StaffFileContent(encoding, delimiter, columns, [], headerProblems);

        var problems = new List<ImportProblem>();
        var rows = new List<StaffRow>();
        foreach (var record in records.Skip(1))
            if (ReadRow(record, columns, problems) is { } row) rows.Add(row);

        // A number or email used twice: both rows are refused, since nobody can tell which one is right.
        foreach (var (key, name) in new (Func<StaffRow, string> Key, Message Name)[]
                 { (r => r.EmployeeNumber.ToUpperInvariant(), FieldName(StaffField.EmployeeNumber)), (r => r.Email.ToLowerInvariant(), FieldName(StaffField.Email)) })
        {
            // Rows without email do not share one: they have none.
            foreach (var group in rows.GroupBy(key).Where(g => g.Key.Length > 0 && g.Count() > 1))
                foreach (var row in group)
                    problems.Add(new(row.Line, L["«{1}» ({0}) aparece también en la línea {2}.", name, group.Key, group.First(r => r != row).Line]));
        }
        var refused = problems.Select(p => p.Line).ToHashSet();
        var numbers = records.Skip(1)
            .Select(r => columns.TryGetValue(StaffField.EmployeeNumber, out var i) && i < r.Fields.Count ? r.Fields[i].Trim() : "")
            .Where(n => n.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new StaffFileContent(encoding, delimiter, columns, rows.Where(r => !refused.Contains(r.Line)).ToList(), problems.OrderBy(p => p.Line).ToList(), numbers);
    }

    /// <summary>The header cells of a staff file (its first line), for HR to choose from when mapping columns.</summary>
    public static IReadOnlyList<string> Headers(byte[] bytes)
    {
        string text;
        try
        {
            (text, _) = CsvText.Decode(bytes);
        }
        catch (CsvEncodingException)
        {
            return []; // the reader says why
        }
        var end = text.IndexOf('\n');
        // A header longer than the caps allow is refused by the reader anyway: never copy more of it than that.
        const int longest = CsvText.MaxFields * (CsvText.MaxFieldLength + 3);
        if ((end < 0 ? text.Length : end) > longest) return [];
        var first = end < 0 ? text : text[..end];
        try
        {
            var records = CsvText.Parse(first, CsvText.DetectDelimiter(first));
            return records.Count > 0 ? records[0].Fields.Select(f => f.Trim()).ToList() : [];
        }
        catch (Exception ex) when (ex is CsvFormatException or CsvTooLargeException)
        {
            return [];
        }
    }

    static StaffFileContent Fail(string encoding, char delimiter, ImportProblem problem) =>
        new(encoding, delimiter, new Dictionary<StaffField, int>(), [], [problem], Stopped: true);

    static (Dictionary<StaffField, int> Columns, List<ImportProblem> Problems) MapColumns(CsvRecord header, IReadOnlyDictionary<string, StaffField>? saved)
    {
        var columns = new Dictionary<StaffField, int>();
        var problems = new List<ImportProblem>();
        // A saved mapping's columns first; then the headers we recognise, for the fields it leaves out.
        var fromSaved = new HashSet<int>();
        if (saved is not null)
            for (var i = 0; i < header.Fields.Count; i++)
                if (saved.TryGetValue(Fold(header.Fields[i]), out var s) && columns.TryAdd(s, i))
                    fromSaved.Add(i);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            if (fromSaved.Contains(i)) continue;
            var folded = Fold(header.Fields[i]);
            if (folded.Length == 0 || !KnownHeaders.TryGetValue(folded, out var f)) continue;
            if (columns.TryGetValue(f, out var taken) && fromSaved.Contains(taken)) continue;
            if (!columns.TryAdd(f, i))
                problems.Add(new(header.Line, L["Las columnas «{0}» y «{1}» dicen lo mismo; deja solo una.", header.Fields[columns[f]], header.Fields[i]]));
        }
        foreach (var missing in Required.Where(f => !columns.ContainsKey(f)))
            problems.Add(new(header.Line, L["Falta la columna «{0}». Columnas encontradas: {1}.", FieldName(missing), string.Join(", ", header.Fields)]));
        return (columns, problems);
    }

    /// <summary>The field's name as shown to HR.</summary>
    public static Message FieldName(StaffField field) => field switch
    {
        StaffField.EmployeeNumber => L["Nº de empleado"],
        StaffField.FullName => L["Nombre completo"],
        StaffField.Email => L["Correo electrónico"],
        StaffField.JobTitle => L["Puesto"],
        StaffField.Department => L["Departamento"],
        StaffField.Site => L["Centro"],
        StaffField.ManagerNumber => L["Nº del responsable"],
        StaffField.HireDate => L["Fecha de alta"],
        StaffField.Language => L["Idioma"],
        StaffField.EmploymentType => L["Tipo de contrato"],
        StaffField.MobilePhone => L["Móvil"],
        _ => L["Activo"],
    };

    static StaffRow? ReadRow(CsvRecord record, IReadOnlyDictionary<StaffField, int> columns, List<ImportProblem> problems)
    {
        string Get(StaffField f) => columns.TryGetValue(f, out var i) && i < record.Fields.Count ? record.Fields[i].Trim() : "";
        var before = problems.Count;
        void Problem(Message m) => problems.Add(new(record.Line, m));

        var number = Get(StaffField.EmployeeNumber);
        if (number.Length == 0) Problem(L["Falta el número de empleado."]);
        else if (number.Length > 40) Problem(L["El número de empleado «{0}» es demasiado largo (máximo {1} caracteres).", number, 40]);

        var name = Get(StaffField.FullName);
        if (name.Length == 0) Problem(L["Falta el nombre completo."]);
        else if (name.Length > 200) Problem(L["El nombre tiene {0} caracteres; el máximo es {1}.", name.Length, 200]);

        var email = Get(StaffField.Email);
        if (email.Length > 0 && !IsEmail(email)) Problem(L["«{0}» no es un correo electrónico válido.", email]);
        var phone = Get(StaffField.MobilePhone);
        if (phone.Length > 0 && !IsPhone(phone)) Problem(L["«{0}» no es un número de móvil válido: usa solo cifras, espacios, guiones y un + delante.", phone]);

        var job = Get(StaffField.JobTitle);
        if (job.Length > 200) Problem(L["El puesto tiene {0} caracteres; el máximo es {1}.", job.Length, 200]);
        var department = Get(StaffField.Department);
        var site = Get(StaffField.Site);
        foreach (var (value, field) in new[] { (department, StaffField.Department), (site, StaffField.Site) })
            if (value.Length > 200) Problem(L["La columna «{0}» tiene {1} caracteres; el máximo es {2}.", FieldName(field), value.Length, 200]);

        // Checked before anything else is said about them: a line break or a reversing character makes every later
        // message (and every mail, certificate and page that shows the value) misleading.
        foreach (var (value, field) in new[] { (number, StaffField.EmployeeNumber), (name, StaffField.FullName), (email, StaffField.Email),
                     (job, StaffField.JobTitle), (department, StaffField.Department), (site, StaffField.Site), (Get(StaffField.ManagerNumber), StaffField.ManagerNumber) })
            if (!SingleLineText.IsSafe(value))
                Problem(L["«{0}» tiene un salto de línea o un carácter de control invisible (como los que invierten el texto); quítalo y vuelve a subir el archivo.", FieldName(field)]);

        var hire = Get(StaffField.HireDate);
        DateOnly hireDate = default;
        if (hire.Length == 0) Problem(L["Falta la fecha de alta."]);
        else if (ParseDate(hire) is { } d) hireDate = d;
        else Problem(L["No se entiende la fecha de alta «{0}»; escríbela como 2026-03-31 o 31/03/2026.", hire]);

        var languageText = Get(StaffField.Language);
        var language = ParseLanguage(languageText);
        if (language is null) Problem(L["Idioma desconocido «{0}»; usa es o en.", languageText]);

        var typeText = Get(StaffField.EmploymentType);
        var type = ParseEmploymentType(typeText);
        if (type is null) Problem(L["Tipo de contrato desconocido «{0}»; usa empleado o contratista.", typeText]);

        var activeText = Get(StaffField.Active);
        var active = ParseFlag(activeText);
        if (active is null) Problem(L["No se entiende «{0}» en la columna de activo; usa sí o no.", activeText]);

        var manager = Get(StaffField.ManagerNumber);
        if (manager.Length > 0 && string.Equals(manager, number, StringComparison.OrdinalIgnoreCase))
            Problem(L["La persona figura como su propio responsable."]);

        if (problems.Count > before) return null;
        return new StaffRow(record.Line, number, name, email, job, NullIfEmpty(department), NullIfEmpty(site), NullIfEmpty(manager),
            hireDate, language!, type!.Value, active!.Value)
        { MobilePhone = NullIfEmpty(phone) };
    }

    static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    public static bool IsEmail(string value) =>
        value.Length <= 256 && !value.Any(char.IsWhiteSpace) && value.Count(c => c == '@') == 1
        && MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.');

    /// <summary>A phone number as people write it (+34 600 12 34 56, 600-123-456, (55) 1234 5678): 6 to 15 digits, at most 30 characters.</summary>
    public static bool IsPhone(string value)
    {
        if (value.Length > 30) return false;
        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 15 && value.IndexOf('+', 1) < 0
            && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+');
    }

    /// <summary>ISO (2026-03-31) or day first (31/03/2026, 31-03-2026, 31.03.2026), as Spanish HR exports write them.</summary>
    public static DateOnly? ParseDate(string value)
    {
        string[] formats = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss"];
        return DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? DateOnly.FromDateTime(d) : null;
    }

    /// <summary>es or en; empty is the default language, es.</summary>
    public static string? ParseLanguage(string value) => Fold(value) switch
    {
        "" or "es" or "es es" or "espanol" or "castellano" or "spanish" => "es",
        "en" or "en gb" or "en us" or "ingles" or "english" => "en",
        _ => null,
    };

    /// <summary>Empty means an employee.</summary>
    public static EmploymentType? ParseEmploymentType(string value) => Fold(value) switch
    {
        "" or "empleado" or "empleada" or "plantilla" or "propio" or "employee" or "staff" => EmploymentType.Employee,
        "contratista" or "externo" or "externa" or "ett" or "subcontrata" or "tercero" or "contractor" or "external" or "third party" => EmploymentType.Contractor,
        _ => null,
    };

    /// <summary>Empty means active.</summary>
    public static bool? ParseFlag(string value) => Fold(value) switch
    {
        "" or "si" or "s" or "1" or "true" or "yes" or "y" or "activo" or "activa" or "alta" or "active" => true,
        "no" or "n" or "0" or "false" or "inactivo" or "inactiva" or "baja" or "inactive" => false,
        _ => null,
    };
}
