using System.Globalization;
using System.Text.Json.Nodes;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Provisioning;

/// <summary>A request SCIM refuses: its status, SCIM's error type and why, in the reader's language.</summary>
public sealed class ScimException(int status, string? scimType, Message detail) : Exception(detail.ToString())
{
    public int Status { get; } = status;
    public string? ScimType { get; } = scimType;
    public Message Detail { get; } = detail;
}

/// <summary>
/// A person as the identity provider describes them, before the staff rules see them: what a SCIM User resource
/// (core schema, the enterprise extension and ours) sets. Every text is kept as sent; the staff rules check it.
/// </summary>
public sealed class ScimUser
{
    public string? UserName { get; set; }
    public string? ExternalId { get; set; }
    public string? DisplayName { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? Formatted { get; set; }
    public string? Email { get; set; }
    public string? Title { get; set; }
    public string? Language { get; set; }
    public bool Active { get; set; } = true;
    public string? EmployeeNumber { get; set; }
    public string? Department { get; set; }
    /// <summary>The manager's SCIM id, employee number or externalId, as the provider sent it.</summary>
    public string? Manager { get; set; }
    public string? Site { get; set; }
    public string? EmploymentType { get; set; }
    public string? HireDate { get; set; }

    public ScimUser Copy() => (ScimUser)MemberwiseClone();

    /// <summary>The name to show: the display name, else the formatted name, else given name(s) and family name(s).</summary>
    public string FullName => First(DisplayName, Formatted, string.Join(' ', new[] { GivenName, FamilyName }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim())));

    static string First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? "";
}

/// <summary>
/// Reads SCIM User resources and applies PATCH operations as Entra ID and Okta send them: attribute names in any case,
/// ops "add"/"replace"/"remove" in any case, a path-less replace whose value holds plain, dotted
/// ("name.givenName") or schema-qualified keys, booleans as true/false or "True"/"False", the manager as an object or a
/// bare id, emails by type filter. Attributes of the core schema we do not keep (phone numbers, addresses, a password…)
/// are accepted and ignored; a name no schema has is refused. Plain rules, no database.
/// </summary>
public static class ScimUserRules
{
    public const string CoreSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string EnterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /// <summary>Our own extension: site, employment type and hire date, which neither standard schema has.</summary>
    public const string OurSchema = "urn:servicepromise:params:scim:schemas:extension:2.0:User";
    public const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    static readonly Messages L = new();

    /// <summary>Core attributes the site does not keep: accepted so a provider's default mapping works, then ignored.</summary>
    static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "nickName", "profileUrl", "userType", "timezone", "password", "phoneNumbers", "ims", "photos", "addresses",
        "groups", "entitlements", "roles", "x509Certificates", "meta", "schemas", "id",
        // enterprise attributes with no place here
        EnterpriseSchema + ":costCenter", EnterpriseSchema + ":organization", EnterpriseSchema + ":division",
    };

    /// <summary>A new person from a POST or PUT body.</summary>
    public static ScimUser Read(JsonObject body, ScimUser? keep = null)
    {
        var user = new ScimUser { Active = true };
        // A PUT replaces the resource; what it cannot change (the employee number) it leaves as it was.
        if (keep is not null) user.EmployeeNumber = keep.EmployeeNumber;
        foreach (var (name, value) in body)
            Set(user, name, value, remove: false, inBody: true);
        return user;
    }

    /// <summary>Applies a PatchOp body to a copy of <paramref name="current"/>.</summary>
    public static ScimUser Patch(ScimUser current, JsonObject body)
    {
        if (body["Operations"] is not JsonArray operations || operations.Count == 0)
            throw new ScimException(400, "invalidSyntax", L["Una petición PATCH necesita «Operations» con al menos una operación."]);
        var user = current.Copy();
        foreach (var node in operations)
        {
            if (node is not JsonObject operation)
                throw new ScimException(400, "invalidSyntax", L["Cada operación de «Operations» debe ser un objeto."]);
            var op = Text(operation["op"])?.ToLowerInvariant();
            if (operation["path"] is { } sentPath && Text(sentPath) is null)
                throw new ScimException(400, "invalidPath", L["«path» debe ser un texto, no {0}.", sentPath.ToJsonString()]);
            var path = Text(operation["path"]);
            var value = operation["value"];
            switch (op)
            {
                case "add" or "replace" when string.IsNullOrWhiteSpace(path):
                    if (value is not JsonObject values)
                        throw new ScimException(400, "invalidSyntax", L["Una operación «{0}» sin «path» necesita un objeto en «value».", op]);
                    foreach (var (name, inner) in values) Set(user, name, inner, remove: false, inBody: false);
                    break;
                case "add" or "replace":
                    Set(user, path!, value, remove: false, inBody: false);
                    break;
                case "remove" when !string.IsNullOrWhiteSpace(path):
                    Set(user, path!, null, remove: true, inBody: false);
                    break;
                case "remove":
                    throw new ScimException(400, "noTarget", L["Una operación «remove» necesita «path»."]);
                default:
                    throw new ScimException(400, "invalidSyntax", L["Operación desconocida «{0}»; usa add, replace o remove.", Text(operation["op"]) ?? operation["op"]?.ToJsonString() ?? "null"]);
            }
        }
        return user;
    }

    static void Set(ScimUser user, string path, JsonNode? value, bool remove, bool inBody)
    {
        var name = path.Trim();
        // null is "no value" (RFC 7643 §2.5): the attribute is cleared — except the flag, where it would mean leaving.
        if (value is null && !remove && Normalise(name) != "active") remove = true;
        // A whole extension as an object: each of its attributes under the schema's name.
        foreach (var schema in new[] { EnterpriseSchema, OurSchema })
        {
            if (name.Equals(schema, StringComparison.OrdinalIgnoreCase))
            {
                if (remove) { ClearExtension(user, schema); return; }
                if (value is not JsonObject members) throw Invalid(path);
                foreach (var (member, inner) in members) Set(user, schema + ":" + member, inner, false, inBody);
                return;
            }
        }
        if (Ignored.Contains(Root(name))) return;
        switch (Normalise(name))
        {
            case "username": user.UserName = remove ? null : Single(value, path); break;
            case "externalid": user.ExternalId = remove ? null : Single(value, path); break;
            case "displayname": user.DisplayName = remove ? null : Single(value, path); break;
            case "title": user.Title = remove ? null : Single(value, path); break;
            case "preferredlanguage" or "locale":
                // The preferred language wins over the locale when both come.
                var language = remove ? null : Single(value, path);
                if (Normalise(name) == "preferredlanguage" || user.Language is null || !inBody) user.Language = language;
                break;
            case "active": user.Active = !remove && Flag(value, path); break;
            case "name":
                if (remove) { user.GivenName = user.FamilyName = user.Formatted = null; break; }
                if (value is not JsonObject parts) throw Invalid(path);
                foreach (var (part, inner) in parts) Set(user, "name." + part, inner, false, inBody);
                break;
            case "name.givenname": user.GivenName = remove ? null : Single(value, path); break;
            case "name.familyname": user.FamilyName = remove ? null : Single(value, path); break;
            case "name.formatted": user.Formatted = remove ? null : Single(value, path); break;
            case "name.middlename" or "name.honorificprefix" or "name.honorificsuffix": break;
            case "emails":
                user.Email = remove ? null : WorkEmail(value, path) ?? user.Email;
                break;
            case "emails[type eq \"work\"].value" or "emails[primary eq true].value" or "emails.value" or "emails[type eq \"work\"]":
                user.Email = remove ? null : Single(value is JsonObject o ? o["value"] : value, path);
                break;
            case var other when other.StartsWith("emails[", StringComparison.Ordinal):
                break; // another type of email (home, other): not a sign-in address
            case EnterpriseKey + "employeenumber": user.EmployeeNumber = remove ? null : Single(value, path); break;
            case EnterpriseKey + "department": user.Department = remove ? null : Single(value, path); break;
            case EnterpriseKey + "manager":
                user.Manager = remove ? null : Single(value is JsonObject m ? m["value"] : value, path);
                break;
            case EnterpriseKey + "manager.value": user.Manager = remove ? null : Single(value, path); break;
            case EnterpriseKey + "manager.displayname" or EnterpriseKey + "manager.$ref": break;
            case OurKey + "site": user.Site = remove ? null : Single(value, path); break;
            case OurKey + "employmenttype": user.EmploymentType = remove ? null : Single(value, path); break;
            case OurKey + "hiredate": user.HireDate = remove ? null : Single(value, path); break;
            default:
                throw new ScimException(400, inBody ? "invalidSyntax" : "invalidPath",
                    L["El atributo «{0}» no existe en el esquema de usuario, ni en la extensión de empresa ni en la de ServicePromise.", Shown(path)]);
        }
    }

    const string EnterpriseKey = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:";
    const string OurKey = "urn:servicepromise:params:scim:schemas:extension:2.0:user:";

    /// <summary>Lower case, and the core schema's prefix dropped ("urn:…:core:2.0:User:userName" is "username").</summary>
    static string Normalise(string path)
    {
        var lower = path.Trim().ToLowerInvariant().Replace("[type eq 'work']", "[type eq \"work\"]", StringComparison.Ordinal);
        var core = CoreSchema.ToLowerInvariant() + ":";
        return lower.StartsWith(core, StringComparison.Ordinal) ? lower[core.Length..] : lower;
    }

    /// <summary>The attribute a path starts with (before a filter or a sub-attribute), for the list of ignored ones.</summary>
    static string Root(string path)
    {
        var core = CoreSchema + ":";
        var name = path.StartsWith(core, StringComparison.OrdinalIgnoreCase) ? path[core.Length..] : path;
        if (name.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)) return name;
        var end = name.IndexOfAny(['[', '.']);
        return end < 0 ? name : name[..end];
    }

    static void ClearExtension(ScimUser user, string schema)
    {
        if (schema == EnterpriseSchema) user.EmployeeNumber = user.Department = user.Manager = null;
        else user.Site = user.EmploymentType = user.HireDate = null;
    }

    /// <summary>The work address of an emails array (else the primary one, else the first).</summary>
    static string? WorkEmail(JsonNode? value, string path)
    {
        if (value is JsonObject one) value = new JsonArray(one.DeepClone());
        if (value is not JsonArray emails) throw Invalid(path);
        var items = emails.OfType<JsonObject>().ToList();
        var chosen = items.FirstOrDefault(e => string.Equals(Text(e["type"]), "work", StringComparison.OrdinalIgnoreCase))
            ?? items.FirstOrDefault(e => Flag(e["primary"], path, fallback: false))
            ?? items.FirstOrDefault();
        return chosen is null ? null : Single(chosen["value"], path);
    }

    static string? Single(JsonNode? value, string path) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        // Some providers wrap a single value: [{"value": "…"}].
        JsonArray { Count: 1 } a when a[0] is JsonObject o => Single(o["value"], path),
        _ => throw Invalid(path),
    };

    /// <summary>true/false, or the strings "True"/"False" Entra ID sends.</summary>
    static bool Flag(JsonNode? value, string path, bool? fallback = null)
    {
        if (value is JsonValue v)
        {
            if (v.TryGetValue<bool>(out var b)) return b;
            if (v.TryGetValue<string>(out var s))
            {
                if (s.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
                if (s.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
            }
        }
        return fallback ?? throw new ScimException(400, "invalidValue", L["«{0}» debe ser true o false.", Shown(path)]);
    }

    static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    static ScimException Invalid(string path) => new(400, "invalidValue", L["El valor de «{0}» no tiene la forma que pide el esquema.", Shown(path)]);

    /// <summary>A path as sent, cut to a readable length for a refusal (a provider's log, HR's list).</summary>
    static string Shown(string path) => ScimMessages.Cut(path, 200)!;
}
