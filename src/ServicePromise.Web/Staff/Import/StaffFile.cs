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
    // Appended, so the numbers above keep their meaning. A full name may come in these parts (see PersonName).
    GivenName,
    MiddleName,
    Surname,
    SecondSurname,
    /// <summary>Optional; kept, not yet used for messages.</summary>
    MobilePhone,
    /// <summary>The day the person leaves (or left): in the past, they are inactive; today or later, active until then.</summary>
    TerminationDate,
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
public sealed record ImportProblem(int Line, Message Message, ProblemKind Kind = ProblemKind.Row);

/// <summary>What a staff file says, row by row, and what is wrong with it.</summary>
/// <param name="Numbers">Every employee number on a data row, including rows refused for a problem.</param>
/// <param name="Suggested">When a required column was not recognised: for each field left out, the file's header that looks most like it, for HR to confirm.</param>
/// <param name="Notes">How the file was read where it could be read two ways (<see cref="AmbiguousHeaders"/>), and what a row says that
/// the import does not do now (a leaving date still to come): shown with the dry run, not counted as problems.</param>
public sealed record StaffFileContent(
    string Encoding, char Delimiter, IReadOnlyDictionary<StaffField, int> Columns, IReadOnlyList<StaffRow> Rows, IReadOnlyList<ImportProblem> Problems,
    IReadOnlySet<string>? Numbers = null, bool Stopped = false, IReadOnlyDictionary<StaffField, string>? Suggested = null,
    IReadOnlyList<ImportProblem>? Notes = null)
{
    /// <summary>
    /// The file as a whole could not be read (no usable header, or reading stopped part-way: an unclosed quote, a record
    /// too large): nothing can be planned from it — a full import of half a file would deactivate the other half.
    /// </summary>
    public bool Unreadable => Stopped || (Problems.Any(p => p.Line <= 1) && Rows.Count == 0);
}

/// <summary>
/// Reads an HR system's staff export: maps its columns (the header names of <see cref="HeaderVocabulary"/>, or a saved
/// mapping; a name split into given names and surnames is joined), checks every row on its own — email, dates
/// (<see cref="DateText"/>), language, employment type, status, numbers or emails used twice — and reports each
/// problem with its line. When a required column is not recognised it suggests the closest headers
/// (<see cref="MappingSuggestions"/>). Rules that need the database (unknown managers,
/// cycles, who is created, updated or deactivated) are <see cref="StaffImportPlanner"/>'s.
/// </summary>
public static class StaffFile
{
    static readonly Messages L = new();
    public const int MaxRows = 250_000;

    /// <summary>Email is not among them: cashiers, shelf staff and warehouse crews often have none.</summary>
    public static readonly StaffField[] Required = [StaffField.EmployeeNumber, StaffField.FullName, StaffField.HireDate];

    /// <summary>Every field in the order HR reads them: a full name's parts right after it.</summary>
    public static readonly StaffField[] InOrder =
    [
        StaffField.EmployeeNumber, StaffField.FullName, StaffField.GivenName, StaffField.MiddleName, StaffField.Surname, StaffField.SecondSurname,
        StaffField.Email, StaffField.JobTitle, StaffField.Department, StaffField.Site, StaffField.ManagerNumber, StaffField.HireDate,
        StaffField.Language, StaffField.EmploymentType, StaffField.Active, StaffField.TerminationDate, StaffField.MobilePhone,
    ];

    /// <summary>
    /// The required fields <paramref name="columns"/> leave out. A full name is there when the file gives it in parts
    /// (given names and a surname).
    /// </summary>
    public static IEnumerable<StaffField> Missing(IReadOnlyCollection<StaffField> columns) =>
        Required.Where(f => !columns.Contains(f) && !(f == StaffField.FullName && PersonName.InParts(columns)));

    /// <summary>A header cell folded the way saved mappings store it.</summary>
    /// <remarks>Compatibility-normalised first, so "Nº" reads as "No".</remarks>
    public static string Fold(string header) => string.Join(' ', Reflections.Shingles.Words(header.Normalize(System.Text.NormalizationForm.FormKC)));

    /// <param name="today">The organisation's today, which a leaving date is compared with; null: today in UTC.</param>
    public static StaffFileContent Read(byte[] bytes, IReadOnlyDictionary<string, StaffField>? savedMapping = null, DateOnly? today = null)
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

        var notes = new List<ImportProblem>();
        var (columns, headerProblems) = MapColumns(records, savedMapping, notes);
        if (headerProblems.Count > 0)
            return new StaffFileContent(encoding, delimiter, columns, [], headerProblems,
                Suggested: Missing(columns.Keys).Any() ? MappingSuggestions.For(records[0].Fields, columns) : null, Notes: notes);

        var problems = new List<ImportProblem>();
        var rows = new List<StaffRow>();
        var surnameFirst = columns.TryGetValue(StaffField.FullName, out var nameColumn) && HeaderVocabulary.IsSurnameFirst(records[0].Fields[nameColumn]);
        // One export writes all its dates alike: the hire and leaving dates together tell whether the month comes first.
        var monthFirst = DateText.MonthFirst(new[] { StaffField.HireDate, StaffField.TerminationDate }
            .SelectMany(f => columns.TryGetValue(f, out var c) ? records.Skip(1).Select(r => c < r.Fields.Count ? r.Fields[c] : "") : []));
        var context = new RowContext(surnameFirst, monthFirst, today ?? DateOnly.FromDateTime(DateTime.UtcNow), notes);
        foreach (var record in records.Skip(1))
            if (ReadRow(record, columns, context, problems) is { } row) rows.Add(row);

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
        return new StaffFileContent(encoding, delimiter, columns, rows.Where(r => !refused.Contains(r.Line)).ToList(), problems.OrderBy(p => p.Line).ToList(), numbers,
            Notes: notes.Where(n => !refused.Contains(n.Line) || n.Line <= 1).ToList());
    }

    /// <summary>
    /// One person's values checked exactly as a file's row is (the same messages), for callers that get people one at
    /// a time (provisioning from an identity provider). A field left out reads as an empty cell.
    /// </summary>
    public static (StaffRow? Row, IReadOnlyList<ImportProblem> Problems) ReadOne(IReadOnlyDictionary<StaffField, string> values)
    {
        var fields = values.ToList();
        var columns = fields.Select((f, i) => (f.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var problems = new List<ImportProblem>();
        var row = ReadRow(new CsvRecord(1, fields.Select(f => f.Value).ToList()), columns,
            new RowContext(SurnameFirst: false, MonthFirst: false, DateOnly.FromDateTime(DateTime.UtcNow), []), problems);
        return (row, problems);
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

    /// <param name="notes">Gets how each ambiguous header was read (<see cref="AmbiguousHeaders"/>).</param>
    static (Dictionary<StaffField, int> Columns, List<ImportProblem> Problems) MapColumns(IReadOnlyList<CsvRecord> records, IReadOnlyDictionary<string, StaffField>? saved,
        List<ImportProblem> notes)
    {
        var header = records[0];
        var columns = new Dictionary<StaffField, int>();
        var problems = new List<ImportProblem>();
        // A saved mapping's columns first; then the headers we recognise, for the fields it leaves out.
        var fromSaved = new HashSet<int>();
        if (saved is not null)
            for (var i = 0; i < header.Fields.Count; i++)
                if (saved.TryGetValue(Fold(header.Fields[i]), out var s) && columns.TryAdd(s, i))
                    fromSaved.Add(i);
        // Headers that mean different things in different countries: the file's values decide ("Estado" of Mexican states
        // is not a status). A column HR mapped is read as they said.
        var readings = AmbiguousHeaders.Decide(header.Fields, i => records.Skip(1).Select(r => i < r.Fields.Count ? r.Fields[i] : ""))
            .Where(r => !fromSaved.Contains(r.Column)).ToList();
        notes.AddRange(readings.Select(r => new ImportProblem(header.Line, r.Says)));
        var leftOut = readings.Where(r => !r.Read).Select(r => r.Column).ToHashSet();
        var recognised = Enumerable.Range(0, header.Fields.Count)
            .Where(i => !fromSaved.Contains(i) && !leftOut.Contains(i))
            .Select(i => (Column: i, Meaning: HeaderVocabulary.Meaning(header.Fields[i])))
            .Where(r => r.Meaning is not null && !columns.ContainsKey(r.Meaning.Field));
        foreach (var same in recognised.GroupBy(r => r.Meaning!.Field))
        {
            // A specific header wins over a loose one for the same field ("Employee #" over "Employee ID", "Estatus"
            // over "Estado"); two of a kind are refused, since nobody can tell which one is meant.
            var specific = same.Where(r => !r.Meaning!.Weak).ToList();
            var candidates = specific.Count > 0 ? specific : same.ToList();
            columns[same.Key] = candidates[0].Column;
            foreach (var other in candidates.Skip(1))
                problems.Add(new(header.Line, L["Las columnas «{0}» y «{1}» dicen lo mismo; deja solo una.", header.Fields[candidates[0].Column], header.Fields[other.Column]]));
        }
        // "Nombre" beside surname columns holds the given names, not the whole name.
        if (columns.TryGetValue(StaffField.FullName, out var name) && !fromSaved.Contains(name) && columns.ContainsKey(StaffField.Surname)
            && !columns.ContainsKey(StaffField.GivenName) && HeaderVocabulary.IsGivenNameBesideSurnames(header.Fields[name]))
        {
            columns.Remove(StaffField.FullName);
            columns[StaffField.GivenName] = name;
        }
        foreach (var missing in Missing(columns.Keys))
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
        StaffField.GivenName => L["Nombre de pila"],
        StaffField.MiddleName => L["Segundo nombre"],
        StaffField.Surname => L["Primer apellido"],
        StaffField.SecondSurname => L["Segundo apellido"],
        StaffField.MobilePhone => L["Teléfono móvil"],
        StaffField.TerminationDate => L["Fecha de baja"],
        _ => L["Activo"],
    };

    /// <param name="SurnameFirst">The full-name column writes the surnames first ("Apellido y nombre"): "BENÍTEZ, Sofía" is read as "Sofía BENÍTEZ".</param>
    /// <param name="MonthFirst">The date columns write their numbers month first (<see cref="DateText.MonthFirst"/>).</param>
    /// <param name="Today">What a leaving date is compared with.</param>
    /// <param name="Notes">Gets what a row says that the import does not do now (a leaving date still to come).</param>
    sealed record RowContext(bool SurnameFirst, bool MonthFirst, DateOnly Today, List<ImportProblem> Notes);

    static StaffRow? ReadRow(CsvRecord record, IReadOnlyDictionary<StaffField, int> columns, RowContext context, List<ImportProblem> problems)
    {
        string Get(StaffField f) => columns.TryGetValue(f, out var i) && i < record.Fields.Count ? record.Fields[i].Trim() : "";
        var before = problems.Count;
        void Problem(Message m) => problems.Add(new(record.Line, m));

        var number = Get(StaffField.EmployeeNumber);
        if (number.Length == 0) Problem(L["Falta el número de empleado."]);
        else if (number.Length > 40) Problem(L["El número de empleado «{0}» es demasiado largo (máximo {1} caracteres).", number, 40]);

        var name = Get(StaffField.FullName);
        if (context.SurnameFirst) name = PersonName.FromSurnameFirst(name);
        if (name.Length == 0)
            name = PersonName.Join(Get(StaffField.GivenName), Get(StaffField.MiddleName), Get(StaffField.Surname), Get(StaffField.SecondSurname));
        name = PersonName.FromCapitals(name);
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
        else if (DateText.Parse(hire, context.MonthFirst) is { } d) hireDate = d;
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

        // A leaving date: past, the person has left (a status that says otherwise is a contradiction HR must settle);
        // today or later, they are active until then, and the first import after it deactivates them. A date before
        // the hire date is an earlier spell: the person was hired again, and the status column decides.
        var leavingText = Get(StaffField.TerminationDate);
        if (leavingText.Length > 0)
        {
            if (DateText.Parse(leavingText, context.MonthFirst) is not { } leaves)
                Problem(L["No se entiende la fecha de baja «{0}»; escríbela como 2026-03-31 o 31/03/2026.", leavingText]);
            else if (hireDate != default && leaves < hireDate) { }
            else if (leaves < context.Today)
            {
                if (active == true && activeText.Length > 0)
                    Problem(L["La fecha de baja {0} ya pasó, pero la columna de activo dice «{1}»; corrige una de las dos.", Iso(leaves), activeText]);
                else active = false;
            }
            else if (active == false)
                Problem(L["La fecha de baja {0} aún no ha llegado, pero la columna de activo dice «{1}»; corrige una de las dos.", Iso(leaves), activeText]);
            else
                context.Notes.Add(new(record.Line, L["{0} ({1}) deja la empresa el {2}: hasta entonces sigue en activo, y la primera importación después de esa fecha le da de baja.",
                    name, number, Iso(leaves)]));
        }

        var manager = Get(StaffField.ManagerNumber);
        if (manager.Length > 0 && string.Equals(manager, number, StringComparison.OrdinalIgnoreCase))
            Problem(L["La persona figura como su propio responsable."]);

        if (problems.Count > before) return null;
        return new StaffRow(record.Line, number, name, email, job, NullIfEmpty(department), NullIfEmpty(site), NullIfEmpty(manager),
            hireDate, language!, type!.Value, active!.Value)
        { MobilePhone = NullIfEmpty(phone) };
    }

    static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

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

    /// <summary>es or en, with or without a country ("es-MX", "Español (Colombia)", "en-US"); empty is the default language, es.</summary>
    public static string? ParseLanguage(string value)
    {
        var words = Reflections.Shingles.Words(value);
        if (words.Count == 0) return "es";
        if (words.Count > 3) return null;
        return words[0] switch
        {
            "es" or "spa" or "espanol" or "castellano" or "spanish" => "es",
            "en" or "eng" or "ingles" or "english" => "en",
            _ => null,
        };
    }

    /// <summary>
    /// The words HR files use for someone on the company's own payroll, whatever their contract (indefinido, a plazo
    /// fijo, por obra o labor, de planta, regular, full-time…), and for third parties (contractors, agency and
    /// outsourced staff, people paid "por honorarios" or under a "prestación/locación de servicios" contract).
    /// </summary>
    static readonly Dictionary<string, EmploymentType> EmploymentTypes = new[]
    {
        (EmploymentType.Employee, new[]
        {
            "empleado", "empleada", "plantilla", "propio", "propia", "employee", "staff", "indefinido", "contrato indefinido", "termino indefinido",
            "tiempo indefinido", "temporal", "eventual", "fijo", "fijo discontinuo", "plazo fijo", "a plazo fijo", "termino fijo", "obra y servicio",
            "obra o labor", "obra labor", "por obra o faena", "obra o faena", "obra determinada", "por obra determinada", "tiempo indeterminado",
            "por tiempo indeterminado", "plazo indeterminado", "a plazo indeterminado", "sujeto a modalidad", "tiempo determinado", "por tiempo determinado", "aprendizaje", "practicas", "en practicas", "jornada completa",
            "tiempo completo", "tiempo parcial", "media jornada", "planta", "de planta", "directo", "interno", "interna", "confianza", "de confianza",
            "sindicalizado", "base", "de base", "internal", "regular", "permanent", "permanente", "full time", "part time", "fixed term", "temporary",
        }),
        (EmploymentType.Contractor, new[]
        {
            "contratista", "externo", "externa", "ett", "subcontrata", "subcontratado", "subcontratada", "tercero", "tercerizado", "tercerizada",
            "outsourcing", "agencia", "prestacion servicios", "prestacion de servicios", "prestador de servicios", "honorarios", "por honorarios",
            "locacion de servicios", "monotributista", "monotributo", "autonomo", "autonoma", "freelance", "freelancer", "contractor",
            "external", "third party", "contingent", "contingent worker", "agency", "consultant",
        }),
    }.SelectMany(t => t.Item2.Select(w => (Word: w, Type: t.Item1))).ToDictionary(t => t.Word, t => t.Type);

    /// <summary>Empty means an employee.</summary>
    public static EmploymentType? ParseEmploymentType(string value)
    {
        var folded = Fold(value);
        if (folded.Length == 0) return EmploymentType.Employee;
        return EmploymentTypes.TryGetValue(folded, out var type) ? type : null;
    }

    /// <summary>
    /// Yes/no and the status words of HR systems. Someone on leave, on holiday or still onboarding is employed (active);
    /// "baja", "cesado", "retirado", "desvinculado", "egresado", "finiquitado", "terminated"… is someone who has left.
    /// </summary>
    static readonly Dictionary<string, bool> Flags = new[]
    {
        (true, new[]
        {
            "si", "s", "1", "true", "yes", "y", "verdadero", "activo", "activa", "alta", "de alta", "active", "vigente", "laborando", "trabajando",
            "en nomina", "licencia", "de licencia", "en licencia", "vacaciones", "de vacaciones", "incapacidad", "suspendido", "suspendida",
            "excedencia", "on leave", "leave", "paid leave", "unpaid leave", "onboarding", "suspended",
        }),
        (false, new[]
        {
            "no", "n", "0", "false", "falso", "inactivo", "inactiva", "baja", "de baja", "dado de baja", "dada de baja", "inactive", "cesado",
            "cesada", "cese", "retirado", "retirada", "retiro", "desvinculado", "desvinculada", "egresado", "egresada", "egreso", "finiquitado",
            "finiquitada", "liquidado", "liquidada", "terminado", "terminada", "no vigente", "jubilado", "jubilada", "fallecido", "fallecida",
            "terminated", "former", "former employee", "retired", "deceased",
        }),
    }.SelectMany(t => t.Item2.Select(w => (Word: w, Active: t.Item1))).ToDictionary(t => t.Word, t => t.Active);

    /// <summary>Empty means active.</summary>
    public static bool? ParseFlag(string value)
    {
        var folded = Fold(value);
        if (folded.Length == 0) return true;
        return Flags.TryGetValue(folded, out var active) ? active : null;
    }
}
