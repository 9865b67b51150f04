using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Staff.Import;

/// <summary>
/// The organisation's saved column mapping: which column of their HR system's export holds each of our fields, for
/// exports whose headers we do not recognise. One per organisation (the row with <see cref="OrganisationId"/>);
/// every later upload and <c>import-staff</c> run uses it.
/// </summary>
public class StaffImportMapping
{
    public const int OrganisationId = 1;
    public int Id { get; set; } = OrganisationId;
    /// <summary>JSON: field name → the column header as the file writes it.</summary>
    public string Columns { get; set; } = "{}";
    public DateTime UpdatedAt { get; set; }
    public int? UpdatedById { get; set; }
    public Employee? UpdatedBy { get; set; }
}

/// <summary>
/// A mapping of our fields to a file's column headers, checked: every required field has a column (the name may be
/// given in parts: given names and surnames), no column twice.
/// </summary>
public sealed record ColumnMapping(IReadOnlyDictionary<StaffField, string> Headers)
{
    static readonly Messages L = new();

    /// <summary>As <see cref="StaffFile.Read"/> takes it: folded header → field.</summary>
    public IReadOnlyDictionary<string, StaffField> ForReader() =>
        Headers.Where(h => StaffFile.Fold(h.Value).Length > 0).ToDictionary(h => StaffFile.Fold(h.Value), h => h.Key);

    public IReadOnlyList<Message> Problems()
    {
        var problems = new List<Message>();
        var chosen = Headers.Where(h => !string.IsNullOrWhiteSpace(h.Value)).Select(h => h.Key).ToList();
        foreach (var field in StaffFile.Missing(chosen))
            problems.Add(field == StaffField.FullName
                ? L["Elige la columna de «{0}», o las de «{1}» y «{2}»: el nombre es obligatorio.", StaffFile.FieldName(field),
                    StaffFile.FieldName(StaffField.GivenName), StaffFile.FieldName(StaffField.Surname)]
                : L["Elige la columna de «{0}»: es obligatoria.", StaffFile.FieldName(field)]);
        foreach (var same in Headers.Where(h => !string.IsNullOrWhiteSpace(h.Value)).GroupBy(h => StaffFile.Fold(h.Value)).Where(g => g.Count() > 1))
        {
            var fields = same.Select(h => h.Key).ToList();
            problems.Add(L["La columna «{0}» está elegida para «{1}» y «{2}»; cada columna solo puede ser de un campo.", same.First().Value,
                StaffFile.FieldName(fields[0]), StaffFile.FieldName(fields[1])]);
        }
        return problems;
    }

    /// <summary>Accents kept as they are, so the stored row reads as HR wrote the headers.</summary>
    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    public string ToJson() => JsonSerializer.Serialize(Headers.Where(h => !string.IsNullOrWhiteSpace(h.Value)).ToDictionary(h => h.Key.ToString(), h => h.Value.Trim()), Json);

    public static ColumnMapping FromJson(string json) =>
        new((JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
            .Where(kv => Enum.TryParse<StaffField>(kv.Key, out _))
            .ToDictionary(kv => Enum.Parse<StaffField>(kv.Key), kv => kv.Value));
}

/// <summary>
/// The mapping a command line gives: <c>--map "HEADER=FIELD"</c> options, a field named in English or Spanish
/// ("hire date", "HireDate", "fecha de alta", "apellido materno"). Operator-facing, so its problems are in English.
/// </summary>
public static class MapOptions
{
    /// <summary>A field's name on the command line: "HireDate" → "hire date".</summary>
    public static string NameOf(StaffField field) =>
        string.Concat(field.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    static readonly Lazy<Dictionary<string, StaffField>> Names = new(() =>
    {
        var names = new Dictionary<string, StaffField>(StringComparer.Ordinal);
        void Add(string name, StaffField field) => names.TryAdd(StaffFile.Fold(name), field);
        foreach (var field in Enum.GetValues<StaffField>())
        {
            Add(NameOf(field), field);
            Add(field.ToString(), field);
            Add(StaffFile.FieldName(field).Key, field);
            Add(StaffFile.FieldName(field).ToString(), field);
        }
        foreach (var (name, field) in new (string, StaffField)[]
        {
            ("number", StaffField.EmployeeNumber), ("name", StaffField.FullName), ("first name", StaffField.GivenName), ("given names", StaffField.GivenName),
            ("nombres", StaffField.GivenName), ("last name", StaffField.Surname), ("apellido paterno", StaffField.Surname), ("apellido materno", StaffField.SecondSurname),
            ("correo", StaffField.Email), ("job", StaffField.JobTitle), ("cargo", StaffField.JobTitle), ("manager", StaffField.ManagerNumber), ("status", StaffField.Active),
            ("estado", StaffField.Active), ("phone", StaffField.MobilePhone), ("mobile", StaffField.MobilePhone), ("celular", StaffField.MobilePhone),
        })
            Add(name, field);
        return names;
    });

    public static StaffField? Field(string name) => Names.Value.TryGetValue(StaffFile.Fold(name), out var field) ? field : null;

    /// <summary>
    /// The options read against the file's headers: folded header → field, as <see cref="StaffFile.Read"/> takes it, or
    /// the problems (an option without "=", a field we do not know, a header the file does not have, a field or a
    /// header given twice).
    /// </summary>
    public static (IReadOnlyDictionary<string, StaffField>? Mapping, IReadOnlyList<string> Problems) Read(IReadOnlyList<string> options, IReadOnlyList<string> headers)
    {
        var problems = new List<string>();
        var mapping = new Dictionary<string, StaffField>(StringComparer.Ordinal);
        var fields = new HashSet<StaffField>();
        var inFile = headers.Select(StaffFile.Fold).Where(h => h.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var option in options)
        {
            var equals = option.LastIndexOf('=');
            if (equals <= 0 || equals == option.Length - 1)
            {
                problems.Add($"--map \"{option}\": write it as \"HEADER=FIELD\", e.g. --map \"Fecha de ingreso=hire date\".");
                continue;
            }
            var (header, name) = (option[..equals].Trim(), option[(equals + 1)..].Trim());
            if (Field(name) is not { } field)
                problems.Add($"--map \"{option}\": unknown field \"{name}\". Fields: {string.Join(", ", StaffFile.InOrder.Select(NameOf))}.");
            else if (!inFile.Contains(StaffFile.Fold(header)))
                problems.Add($"--map \"{option}\": the file has no column \"{header}\". Its columns: {string.Join(", ", headers.Where(h => h.Length > 0))}.");
            else if (!fields.Add(field))
                problems.Add($"--map \"{option}\": \"{NameOf(field)}\" is mapped twice.");
            else if (!mapping.TryAdd(StaffFile.Fold(header), field))
                problems.Add($"--map \"{option}\": the column \"{header}\" is mapped twice; a column holds one field.");
        }
        return (problems.Count == 0 ? mapping : null, problems);
    }
}

/// <summary>Reads, saves and clears the organisation's saved mapping.</summary>
public sealed class StaffMappings(AppDbContext db, OrganisationClock clock)
{
    public async Task<ColumnMapping?> GetAsync(CancellationToken ct = default) =>
        await db.StaffImportMappings.AsNoTracking().Where(m => m.Id == StaffImportMapping.OrganisationId).Select(m => m.Columns).SingleOrDefaultAsync(ct)
            is { } json ? ColumnMapping.FromJson(json) : null;

    /// <summary>Saves the mapping (replacing the one saved before) unless it has problems, which are returned.</summary>
    public async Task<IReadOnlyList<Message>> SaveAsync(ColumnMapping mapping, int? byEmployeeId, CancellationToken ct = default)
    {
        var problems = mapping.Problems();
        if (problems.Count > 0) return problems;
        var row = await db.StaffImportMappings.SingleOrDefaultAsync(m => m.Id == StaffImportMapping.OrganisationId, ct);
        if (row is null) db.StaffImportMappings.Add(row = new StaffImportMapping());
        row.Columns = mapping.ToJson();
        row.UpdatedAt = clock.UtcNow;
        row.UpdatedById = byEmployeeId;
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<bool> ClearAsync(CancellationToken ct = default) =>
        await db.StaffImportMappings.Where(m => m.Id == StaffImportMapping.OrganisationId).ExecuteDeleteAsync(ct) > 0;
}
