using System.Text.Json;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Audit;

/// <summary>Whether this process runs a command of the executable (then no person is signed in: the actor is the command line).</summary>
public sealed class AuditProcess
{
    public bool IsCommandLine { get; set; }
}

/// <summary>
/// Writes audit entries. <see cref="Add"/> only stages the row in the caller's DbContext, so it is saved in the same
/// SaveChanges — the same transaction — as the action it records: there is never an action without its entry, nor an
/// entry for an action that rolled back. <see cref="RecordAsync"/> saves at once, for actions that write nothing else
/// (a download). The actor and origin come from the request; without one, from the command line or the system.
/// </summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, OrganisationClock clock, AuditProcess process)
{
    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public AuditEntry Add(string action, int? subjectEmployeeId = null, string? subject = null, IReadOnlyDictionary<string, object?>? details = null)
    {
        var entry = NewEntry(action, subjectEmployeeId, subject, details);
        db.AuditEntries.Add(entry);
        return entry;
    }

    public async Task RecordAsync(string action, int? subjectEmployeeId = null, string? subject = null,
        IReadOnlyDictionary<string, object?>? details = null, CancellationToken ct = default)
    {
        Add(action, subjectEmployeeId, subject, details);
        await db.SaveChangesAsync(ct);
    }

    AuditEntry NewEntry(string action, int? subjectEmployeeId, string? subject, IReadOnlyDictionary<string, object?>? details)
    {
        var context = http.HttpContext;
        var user = context?.User;
        var signedIn = user?.Identity?.IsAuthenticated == true;
        return new AuditEntry
        {
            At = clock.UtcNow,
            Action = action,
            ActorEmployeeId = signedIn ? user!.GetEmployeeId() : null,
            ActorName = Cut(signedIn ? user!.DisplayName() : process.IsCommandLine ? $"{Environment.UserName}@{Environment.MachineName}" : "", 200),
            Origin = Cut(context is not null ? context.Connection.RemoteIpAddress?.ToString() ?? "" : process.IsCommandLine ? AuditOrigins.CommandLine : AuditOrigins.System, 100),
            SubjectEmployeeId = subjectEmployeeId,
            Subject = subject is null ? null : Cut(subject, 300),
            Details = details is null || details.Count == 0 ? null : Cut(JsonSerializer.Serialize(details, Json), 8000),
        };
    }

    /// <summary>A value as a reader takes it in: nested objects as "key: value; …", a change as "before → after".</summary>
    static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null => "—",
        JsonValueKind.Object when value.TryGetProperty("from", out var from) && value.TryGetProperty("to", out var to) && value.EnumerateObject().Count() == 2
            => $"{Text(from)} → {Text(to)}",
        JsonValueKind.Object => string.Join("; ", value.EnumerateObject().Select(p => $"{p.Name}: {Text(p.Value)}")),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };

    static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>A person as the log names them: "Name (number)".</summary>
    public static string Person(string fullName, string employeeNumber) => $"{fullName} ({employeeNumber})";

    /// <summary>The details back as key → text, in the order they were written.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ReadDetails(string? details)
    {
        if (string.IsNullOrEmpty(details)) return [];
        try
        {
            using var doc = JsonDocument.Parse(details);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [new("", details)];
            return doc.RootElement.EnumerateObject()
                .Select(p => new KeyValuePair<string, string>(p.Name, Text(p.Value)))
                .ToList();
        }
        catch (JsonException)
        {
            return [new("", details)];
        }
    }
}
