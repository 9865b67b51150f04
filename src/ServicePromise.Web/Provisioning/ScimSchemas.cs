using System.Text.Json.Nodes;

namespace ServicePromise.Web.Provisioning;

/// <summary>The schemas <c>/scim/v2/Schemas</c> describes: the attributes of each that the site reads and shows.</summary>
public static class ScimSchemas
{
    static JsonObject Attribute(string name, string type = "string", bool required = false, string mutability = "readWrite",
        string uniqueness = "none", JsonArray? subAttributes = null, bool multiValued = false)
    {
        var a = new JsonObject
        {
            ["name"] = name, ["type"] = type, ["multiValued"] = multiValued, ["required"] = required, ["caseExact"] = false,
            ["mutability"] = mutability, ["returned"] = "default", ["uniqueness"] = uniqueness,
        };
        if (subAttributes is not null) a["subAttributes"] = subAttributes;
        return a;
    }

    static JsonObject Schema(string id, string name, string description, params JsonObject[] attributes) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Schema"),
        ["id"] = id,
        ["name"] = name,
        ["description"] = description,
        ["attributes"] = new JsonArray(attributes.Select(a => (JsonNode)a).ToArray()),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{ScimEndpoints.Root}/Schemas/{id}" },
    };

    public static IReadOnlyList<JsonObject> All() =>
    [
        Schema(ScimUserRules.CoreSchema, "User", "User Account",
            Attribute("userName", required: true, uniqueness: "server"),
            Attribute("name", "complex", subAttributes: new JsonArray(Attribute("formatted"), Attribute("givenName"), Attribute("familyName"))),
            Attribute("displayName"),
            Attribute("title"),
            Attribute("preferredLanguage"),
            Attribute("locale"),
            Attribute("active", "boolean"),
            Attribute("emails", "complex", multiValued: true, subAttributes: new JsonArray(Attribute("value"), Attribute("type"), Attribute("primary", "boolean")))),
        Schema(ScimUserRules.EnterpriseSchema, "EnterpriseUser", "Enterprise User",
            Attribute("employeeNumber", mutability: "immutable"),
            Attribute("department"),
            Attribute("manager", "complex", subAttributes: new JsonArray(Attribute("value"), Attribute("displayName", mutability: "readOnly")))),
        Schema(ScimUserRules.OurSchema, "ServicePromiseUser", "Where and how a person works, which neither standard schema says",
            Attribute("site"),
            Attribute("employmentType", "string"),
            Attribute("hireDate", "dateTime")),
    ];
}
