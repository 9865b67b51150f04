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

/// <summary>A mapping of our fields to a file's column headers, checked: every required field has a column, no column twice.</summary>
public sealed record ColumnMapping(IReadOnlyDictionary<StaffField, string> Headers)
{
    static readonly Messages L = new();

    /// <summary>As <see cref="StaffFile.Read"/> takes it: folded header → field.</summary>
    public IReadOnlyDictionary<string, StaffField> ForReader() =>
        Headers.Where(h => StaffFile.Fold(h.Value).Length > 0).ToDictionary(h => StaffFile.Fold(h.Value), h => h.Key);

    public IReadOnlyList<Message> Problems()
    {
        var problems = new List<Message>();
        foreach (var field in StaffFile.Required.Where(f => !Headers.TryGetValue(f, out var h) || string.IsNullOrWhiteSpace(h)))
            problems.Add(L["Elige la columna de «{0}»: es obligatoria.", StaffFile.FieldName(field)]);
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
