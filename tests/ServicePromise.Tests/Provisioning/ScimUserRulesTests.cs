using System.Text.Json.Nodes;
using ServicePromise.Web.Provisioning;

namespace ServicePromise.Tests.Provisioning;

/// <summary>The shapes Entra ID and Okta send, read into one person's attributes without a database.</summary>
public class ScimUserRulesTests
{
    const string Enterprise = ScimUserRules.EnterpriseSchema;

    static JsonObject Json(string text) => (JsonObject)JsonNode.Parse(text, new JsonNodeOptions { PropertyNameCaseInsensitive = true })!;

    static ScimUser Patch(ScimUser user, string operations) =>
        ScimUserRules.Patch(user, Json($$$"""{"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":{{{operations}}}}"""));

    [Fact]
    public void Entra_pathless_replace_takes_dotted_and_schema_qualified_keys_and_string_flags()
    {
        var before = new ScimUser { UserName = "a@b.es", GivenName = "Ana", FamilyName = "Gil", Active = true };
        var after = Patch(before, $$$"""
            [{"op":"Replace","value":{"active":"False","name.givenName":"Ana María","{{{Enterprise}}}:employeeNumber":"E-1","{{{Enterprise}}}:department":"Tiendas"}}]
            """);
        Assert.Equal((false, "Ana María", "E-1", "Tiendas"), (after.Active, after.GivenName, after.EmployeeNumber, after.Department));
        Assert.Equal("Ana María Gil", after.FullName);
        // The original is left as it was: a refused request changes nothing.
        Assert.True(before.Active);
    }

    [Fact]
    public void The_manager_comes_bare_or_as_an_object_and_can_be_removed()
    {
        var user = new ScimUser();
        Assert.Equal("id-1", Patch(user, $$$"""[{"op":"Add","path":"{{{Enterprise}}}:manager","value":"id-1"}]""").Manager);
        Assert.Equal("id-2", Patch(user, $$$"""[{"op":"replace","path":"{{{Enterprise}}}:manager","value":{"value":"id-2"}}]""").Manager);
        Assert.Equal("id-3", Patch(user, $$$"""[{"op":"replace","path":"{{{Enterprise}}}:manager.value","value":"id-3"}]""").Manager);
        Assert.Null(Patch(new ScimUser { Manager = "id-1" }, $$$"""[{"op":"Remove","path":"{{{Enterprise}}}:manager"}]""").Manager);
    }

    [Fact]
    public void A_body_takes_the_work_email_and_ignores_what_the_site_does_not_keep()
    {
        var user = ScimUserRules.Read(Json($$$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"UserName":"u@olivo.es","password":"secret-from-okta",
             "emails":[{"type":"home","value":"casa@correo.es"},{"type":"work","value":"trabajo@olivo.es"}],
             "phoneNumbers":[{"type":"mobile","value":"+34 600"}],"groups":[],"roles":[],
             "{{{{Enterprise}}}}":{"employeeNumber":"E-9","manager":{"value":"m-1"}}}
            """));
        Assert.Equal(("u@olivo.es", "trabajo@olivo.es", "E-9", "m-1"), (user.UserName, user.Email, user.EmployeeNumber, user.Manager));
    }

    [Theory]
    [InlineData("""[{"op":"replace","path":"shoeSize","value":"42"}]""", "invalidPath")]
    [InlineData("""[{"op":"replace","path":"active","value":"yes"}]""", "invalidValue")]
    [InlineData("""[{"op":"copy","path":"title","value":"x"}]""", "invalidSyntax")]
    [InlineData("""[{"op":"remove"}]""", "noTarget")]
    [InlineData("""[]""", "invalidSyntax")]
    public void What_no_schema_allows_is_refused_with_scims_error_type(string operations, string scimType)
    {
        var refused = Assert.Throws<ScimException>(() => Patch(new ScimUser(), operations));
        Assert.Equal((400, scimType), (refused.Status, refused.ScimType));
    }
}
