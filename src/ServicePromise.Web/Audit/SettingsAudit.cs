using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Audit;

/// <summary>
/// "Settings that matter" in the audit log: at start-up, the effective value of every setting of every options class
/// (each class that names its configuration <c>Section</c>) is compared with the snapshot the last entry recorded;
/// when any differs — or on the very first start — one entry records what changed from what to what. Secrets
/// (passwords, keys, secrets) are never written, only whether they are set.
/// </summary>
public static class SettingsAudit
{
    public static async Task RecordChangesAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var current = Snapshot(services);
        var last = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.SettingsChanged)
            .OrderByDescending(e => e.Id).Select(e => e.Details).FirstOrDefaultAsync(ct);
        var previous = ReadSnapshot(last);
        var changes = Compare(previous, current);
        if (previous is not null && changes.Count == 0) return;

        var details = new Dictionary<string, object?>
        {
            ["changed"] = changes.ToDictionary(c => c.Key, c => (object?)new { from = c.From, to = c.To }),
            ["settings"] = current,
        };
        await services.GetRequiredService<AuditLog>().RecordAsync(AuditActions.SettingsChanged,
            subject: previous is null ? "*" : string.Join(", ", changes.Select(c => c.Key)), details: details, ct: ct);
    }

    public sealed record Change(string Key, string? From, string? To);

    /// <summary>Every key whose value differs (absent on one side counts as a change).</summary>
    public static IReadOnlyList<Change> Compare(IReadOnlyDictionary<string, string?>? before, IReadOnlyDictionary<string, string?> after)
    {
        before ??= new Dictionary<string, string?>();
        return before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(k => new Change(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .Where(c => c.From != c.To)
            .ToList();
    }

    /// <summary>"Section:Property" → value, for every options class of the app.</summary>
    public static SortedDictionary<string, string?> Snapshot(IServiceProvider services)
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (section, type) in OptionsClasses())
        {
            var options = services.GetService(typeof(IOptions<>).MakeGenericType(type)) is { } o
                ? o.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(o) : null;
            if (options is null) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0))
            {
                var value = property.GetValue(options);
                values[$"{section}:{property.Name}"] = IsSecret(property.Name)
                    ? (value is null or "" ? null : "(set)")
                    : value switch
                    {
                        null => null,
                        string s => s,
                        bool b => b ? "true" : "false",
                        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                        System.Collections.IEnumerable list => string.Join(",", list.Cast<object?>()),
                        // A group of settings (a rate limit's permits and window): its values, so a change shows.
                        _ => JsonSerializer.Serialize(value, value.GetType()),
                    };
            }
        }
        return values;
    }

    public static bool IsSecret(string name) =>
        name.Contains("Password", StringComparison.OrdinalIgnoreCase) || name.Contains("Secret", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("Key", StringComparison.OrdinalIgnoreCase);

    static IEnumerable<(string Section, Type Type)> OptionsClasses() =>
        typeof(SettingsAudit).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x => ((string)x.Field!.GetRawConstantValue()!, x.Type))
            .OrderBy(x => x.Item1, StringComparer.Ordinal);

    static Dictionary<string, string?>? ReadSnapshot(string? details)
    {
        if (details is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(details);
            if (!doc.RootElement.TryGetProperty("settings", out var settings) || settings.ValueKind != JsonValueKind.Object) return null;
            return settings.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString());
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
