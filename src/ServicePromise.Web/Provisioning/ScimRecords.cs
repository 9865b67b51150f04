using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Provisioning;

/// <summary>
/// A bearer token an identity provider presents to <c>/scim/v2</c>. Only a SHA-256 hash of its secret is kept: the
/// token is shown once, when an admin creates it, and a revoked token stays listed with when it was revoked.
/// </summary>
public class ScimToken
{
    public int Id { get; set; }
    /// <summary>What the admin called it ("Entra ID producción").</summary>
    public string Name { get; set; } = "";
    /// <summary>SHA-256 of the secret part of the token.</summary>
    public byte[] SecretHash { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    /// <summary>The last accepted request, written at most once a minute.</summary>
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>
/// How the identity provider knows a person: its userName and externalId, the name parts it sends, and a manager it
/// named before that manager arrived (linked when they do). People imported from a file have none until the provider
/// sends them. A deleted resource keeps its row (and the person their records): it no longer answers as a SCIM user.
/// </summary>
public class ScimLink
{
    public int EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>The user name upper-cased (invariant): SCIM user names are compared without case.</summary>
    public string UserNameKey { get; set; } = "";
    public string? ExternalId { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    /// <summary>The manager reference (id, employee number or externalId) nobody matched yet.</summary>
    public string? PendingManager { get; set; }
    public bool Deleted { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>What a received provisioning request did (or why it did nothing).</summary>
public enum ScimOperation { Create = 0, Update = 1, Deactivate = 2, Reactivate = 3, Delete = 4, ManagerLinked = 5, Unchanged = 6 }

/// <summary>One change the identity provider sent, with its outcome, for HR's list (<c>/hr/provisioning</c>).</summary>
public class ScimChange
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string Method { get; set; } = "";
    public ScimOperation Operation { get; set; }
    /// <summary>The HTTP status answered: 2xx applied, anything else refused.</summary>
    public int Status { get; set; }
    public int? EmployeeId { get; set; }
    /// <summary>Who it was about as a reader recognises them: "Name (number)", or the user name sent.</summary>
    public string Subject { get; set; } = "";
    /// <summary>Why it was refused (or what else happened), as a message key and arguments (<see cref="ScimMessages"/>).</summary>
    public string? Detail { get; set; }
    public string TokenName { get; set; } = "";
}

/// <summary>Messages stored as their key and arguments, so the list shows them in the reader's language.</summary>
public static class ScimMessages
{
    sealed record Stored(string K, IReadOnlyList<object?> A);

    /// <summary>The <see cref="ScimChange.Detail"/> column's size.</summary>
    public const int MaxLength = 4000;

    /// <summary>
    /// Arguments come from the request (an attribute's name, a value) and may be any length: each is cut (to 200
    /// characters, less if the whole would still not fit the column), so a long one never makes the refusal unsavable.
    /// </summary>
    public static string Store(Message message)
    {
        for (var limit = 200; ; limit /= 2)
        {
            var stored = System.Text.Json.JsonSerializer.Serialize(ToStored(message, limit));
            if (stored.Length <= MaxLength || limit == 0) return stored;
        }
    }

    static Stored ToStored(Message m, int limit) =>
        new(m.Key, m.Args.Select(a => a is Message inner ? (object?)ToStored(inner, limit) : Cut(a?.ToString(), limit)).ToList());

    /// <summary>At most <paramref name="limit"/> characters, "…" saying it was cut, never half a surrogate pair.</summary>
    public static string? Cut(string? text, int limit)
    {
        if (text is null || text.Length <= limit) return text;
        var end = limit > 0 && char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
        return text[..end] + "…";
    }

    public static Message? Read(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return null;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(stored);
            return FromElement(doc.RootElement);
        }
        catch (System.Text.Json.JsonException)
        {
            return new Message("{0}", stored);
        }
    }

    static Message FromElement(System.Text.Json.JsonElement e) => new(e.GetProperty("K").GetString() ?? "",
        e.GetProperty("A").EnumerateArray().Select(a => a.ValueKind == System.Text.Json.JsonValueKind.Object ? FromElement(a) : (object?)a.ToString()).ToArray());
}
