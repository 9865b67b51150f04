using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Provisioning;

namespace ServicePromise.Tests.Provisioning;

/// <summary>
/// <c>/scim/v2</c> as Entra ID and Okta use it: the request sequences their SCIM documentation shows (look up by
/// userName, create, read, update attributes, set and change the manager, deactivate, reactivate, delete), replayed
/// against the real site and checked in the database — through the same staff rules as the CSV import.
/// </summary>
public class ScimProvisioningTests(AppFactory app) : IClassFixture<AppFactory>
{
    static string Q(string s) => s.Replace("\"", "\\\"", StringComparison.Ordinal);

    async Task<HttpClient> ClientAsync(string address)
    {
        var client = app.ScimClient(await app.TokenAsync());
        client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        return client;
    }

    Task<string> UserIdOfAsync(string number) => app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == number).Select(e => e.UserId).SingleAsync());

    sealed record Person(string Number, string FullName, string? Email, string JobTitle, bool Active, string? Manager, string? Department, string? Site, int? Assignment, bool HasPassword);

    Task<Person> PersonAsync(string number) => app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == number)
        .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new Person(e.EmployeeNumber, e.FullName, u.Email, e.JobTitle, e.IsActive,
            e.Manager!.EmployeeNumber, e.Department!.Name, e.Site!.Name, e.CurrentAssignmentId, u.PasswordHash != null))
        .SingleAsync());

    [Fact]
    public async Task Entra_id_sequence_creates_updates_manages_deactivates_reactivates_and_deletes()
    {
        var scim = await ClientAsync("10.20.0.1");
        const string userName = "Test_User_dfeef4c5@olivo.test";

        // 1. Entra looks the user up first.
        var lookup = await scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}");
        Assert.Equal(200, lookup.Status);
        Assert.Equal(0, (int)lookup.Json!["totalResults"]!);

        // 2. Create.
        var created = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Scim.Enterprise}}}"],
             "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"{{{userName}}}","active":true,
             "displayName":"Elisa Cano","title":"Cajera",
             "emails":[{"primary":true,"type":"work","value":"{{{userName}}}"}],
             "meta":{"resourceType":"User"},
             "name":{"formatted":"Elisa Cano","familyName":"Cano","givenName":"Elisa"},
             "roles":[],
             "{{{Scim.Enterprise}}}":{"employeeNumber":"SC-1001","department":"Tiendas"}}
            """);
        Assert.True(created.Status == 201, created.Text);
        var id = (string)created.Json!["id"]!;
        Assert.Equal(userName, (string?)created.Json["userName"]);
        Assert.Equal("SC-1001", (string?)created.Json[Scim.Enterprise]!["employeeNumber"]);
        var elisa = await PersonAsync("SC-1001");
        Assert.Equal(("Elisa Cano", "Cajera", "Tiendas", true), (elisa.FullName, elisa.JobTitle, elisa.Department, elisa.Active));
        // The same onboarding as the import: the current edition, an invitation; nobody set a password.
        Assert.NotNull(elisa.Assignment);
        Assert.False(elisa.HasPassword);
        Assert.True(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Employee!.EmployeeNumber == "SC-1001")));

        // 3. Read back, and 4. found by userName (any case) and by externalId.
        Assert.Equal(200, (await scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users/{id}")).Status);
        var found = await scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{userName.ToUpperInvariant()}\"")}");
        Assert.Equal(id, (string?)found.Json!["Resources"]![0]!["id"]);
        var byExternal = await scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString("externalId eq \"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef\"")}");
        Assert.Equal(1, (int)byExternal.Json!["totalResults"]!);

        // 5. Update attributes: Entra's "Replace" with paths, email by type filter.
        var updated = await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", $$$"""
            {"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[
              {"op":"Replace","path":"emails[type eq \"work\"].value","value":"elisa.cano@olivo.test"},
              {"op":"Replace","path":"name.familyName","value":"Cano Ruiz"},
              {"op":"Replace","path":"displayName","value":"Elisa Cano Ruiz"},
              {"op":"Add","path":"phoneNumbers[type eq \"mobile\"].value","value":"+34 600 000 000"}]}
            """);
        Assert.True(updated.Status == 200, updated.Text);
        elisa = await PersonAsync("SC-1001");
        Assert.Equal(("Elisa Cano Ruiz", "elisa.cano@olivo.test"), (elisa.FullName, elisa.Email));

        // 6. Set the manager (Entra sends the manager's id bare), then change it.
        var carmen = await UserIdOfAsync("MO-0001");
        var managed = await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", $$$"""
            {"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"Add","path":"{{{Scim.Enterprise}}}:manager","value":"{{{carmen}}}"}]}
            """);
        Assert.True(managed.Status == 200, managed.Text);
        Assert.Equal(carmen, (string?)managed.Json![Scim.Enterprise]!["manager"]!["value"]);
        Assert.Equal("MO-0001", (await PersonAsync("SC-1001")).Manager);
        var javier = await UserIdOfAsync("MO-0002");
        await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", $$$"""
            {"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"Replace","path":"{{{Scim.Enterprise}}}:manager","value":{"value":"{{{javier}}}"}}]}
            """);
        Assert.Equal("MO-0002", (await PersonAsync("SC-1001")).Manager);

        // 7. Deactivate with Entra's older shape: a path-less replace, the flag as the string "False".
        var off = await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", $$$"""
            {"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"Replace","value":{"active":"False"}}]}
            """);
        Assert.True(off.Status == 200, off.Text);
        Assert.False((bool)off.Json!["active"]!);
        Assert.False((await PersonAsync("SC-1001")).Active);

        // 8. Reactivate, with dotted keys in the same path-less shape.
        var on = await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", $$$"""
            {"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"Replace","value":{"active":"True","name.givenName":"Elisa María","title":"Cajera principal"}}]}
            """);
        Assert.True(on.Status == 200, on.Text);
        elisa = await PersonAsync("SC-1001");
        Assert.Equal((true, "Cajera principal"), (elisa.Active, elisa.JobTitle));

        // 9. Delete: the person is deactivated and keeps their records; the resource is gone.
        var deleted = await scim.SendAsync(HttpMethod.Delete, $"/scim/v2/Users/{id}");
        Assert.Equal(204, deleted.Status);
        Scim.AssertError(await scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users/{id}"), 404);
        elisa = await PersonAsync("SC-1001");
        Assert.False(elisa.Active);
        Assert.NotNull(elisa.Assignment);
        Assert.Equal(0, (int)(await scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}")).Json!["totalResults"]!);

        // The same audit entries as an import: deactivation and reactivation logged with the token as the actor.
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject!.Contains("SC-1001")).Select(a => new { a.Action, a.ActorName }).ToListAsync());
        Assert.Contains(actions, a => a.Action == ServicePromise.Web.Audit.AuditActions.Deactivated && a.ActorName == "SCIM · Entra ID");
        Assert.Contains(actions, a => a.Action == ServicePromise.Web.Audit.AuditActions.Reactivated);
        Assert.Contains(actions, a => a.Action == ServicePromise.Web.Audit.AuditActions.ProvisioningApplied);
    }

    [Fact]
    public async Task Okta_sequence_creates_replaces_and_deactivates_with_put_and_pathless_patch()
    {
        var scim = await ClientAsync("10.20.0.2");
        const string userName = "test.user@okta.olivo.test";
        var lookup = await scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}&startIndex=1&count=100");
        Assert.Equal((200, 0), (lookup.Status, (int)lookup.Json!["totalResults"]!));

        var body = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = userName,
            ["name"] = new JsonObject { ["givenName"] = "Test", ["familyName"] = "User" },
            ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["value"] = userName, ["type"] = "work" }),
            ["displayName"] = "Test User",
            ["locale"] = "en-US",
            ["externalId"] = "00ujl29u0le5T6Aj10h7",
            ["groups"] = new JsonArray(),
            ["password"] = "1mz050nq",
            ["active"] = true,
            [Scim.Ours] = new JsonObject { ["site"] = "Córdoba", ["employmentType"] = "Contractor", ["hireDate"] = "2026-11-30" },
        };
        var created = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", body.ToJsonString());
        Assert.True(created.Status == 201, created.Text);
        var id = (string)created.Json!["id"]!;
        // No employeeNumber: Okta's externalId is the number; the password Okta sends is never set.
        var person = await PersonAsync("00ujl29u0le5T6Aj10h7");
        Assert.Equal(("Test User", "Córdoba", false), (person.FullName, person.Site, person.HasPassword));
        Assert.Equal("en", (string?)created.Json["preferredLanguage"]);
        Assert.Equal("Contractor", (string?)created.Json[Scim.Ours]!["employmentType"]);

        // PUT replaces the resource: what it leaves out (the site) is cleared.
        body["displayName"] = "Test Usuario";
        body["title"] = "Reponedor";
        body.Remove(Scim.Ours);
        body["id"] = id;
        var put = await scim.SendAsync(HttpMethod.Put, $"/scim/v2/Users/{id}", body.ToJsonString());
        Assert.True(put.Status == 200, put.Text);
        person = await PersonAsync("00ujl29u0le5T6Aj10h7");
        Assert.Equal(("Test Usuario", "Reponedor", null), (person.FullName, person.JobTitle, person.Site));

        // Okta deactivates and reactivates with a path-less replace of {"active": …}.
        foreach (var active in new[] { false, true })
        {
            var patched = await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", $$$"""
                {"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"replace","value":{"active":{{{(active ? "true" : "false")}}}}}]}
                """);
            Assert.True(patched.Status == 200, patched.Text);
            Assert.Equal(active, (await PersonAsync("00ujl29u0le5T6Aj10h7")).Active);
        }

        // Paging: startIndex is 1-based, count caps the page.
        var page = await scim.SendAsync(HttpMethod.Get, "/scim/v2/Users?startIndex=2&count=3");
        Assert.Equal((2, 3), ((int)page.Json!["startIndex"]!, ((JsonArray)page.Json["Resources"]!).Count));
        Assert.True((int)page.Json["totalResults"]! > 3);
    }

    [Fact]
    public async Task A_manager_who_arrives_after_their_report_is_linked_when_they_do()
    {
        var scim = await ClientAsync("10.20.0.3");
        string Create(string number, string name, string? manager)
        {
            var extension = new JsonObject { ["employeeNumber"] = number };
            if (manager is not null) extension["manager"] = new JsonObject { ["value"] = manager };
            return new JsonObject
            {
                ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User", Scim.Enterprise),
                ["userName"] = number.ToLowerInvariant() + "@olivo.test",
                ["displayName"] = name,
                [Scim.Enterprise] = extension,
            }.ToJsonString();
        }
        var report = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", Create("SC-2002", "Iván Report", "SC-2001"));
        Assert.True(report.Status == 201, report.Text);
        Assert.Null((await PersonAsync("SC-2002")).Manager);

        var boss = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", Create("SC-2001", "Berta Jefa", null));
        Assert.True(boss.Status == 201, boss.Text);
        Assert.Equal("SC-2001", (await PersonAsync("SC-2002")).Manager);
        // Now a manager, as the import makes whoever has reports.
        Assert.True(await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "SC-2001")
            .AnyAsync(e => db.UserRoles.Any(r => r.UserId == e.UserId && db.Roles.Any(x => x.Id == r.RoleId && x.Name == "Manager")))));
        Assert.True(await app.WithDbAsync(db => db.ScimChanges.AnyAsync(c => c.Operation == ScimOperation.ManagerLinked && c.Subject.Contains("SC-2002"))));

        // The same loop check as the import: the boss cannot report to her own report.
        var reportId = (string)report.Json!["id"]!;
        var loop = await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{(string)boss.Json!["id"]!}", $$$"""
            {"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"add","path":"{{{Scim.Enterprise}}}:manager","value":"{{{reportId}}}"}]}
            """);
        Scim.AssertError(loop, 400, "invalidValue");
        Assert.Contains("SC-2001", (string?)loop.Json!["detail"]);
        Assert.Null((await PersonAsync("SC-2001")).Manager);
    }

    [Fact]
    public async Task A_person_from_the_staff_file_is_found_by_email_and_taken_over()
    {
        var scim = await ClientAsync("10.20.0.4");
        var manuel = Pages.OtherEmployee;
        var found = await scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{manuel}\"")}");
        Assert.Equal(1, (int)found.Json!["totalResults"]!);
        var id = (string)found.Json["Resources"]![0]!["id"]!;
        var patched = await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", $$$"""
            {"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"replace","path":"title","value":"Reponedor principal"}]}
            """);
        Assert.True(patched.Status == 200, patched.Text);
        Assert.Equal("Reponedor principal", (await PersonAsync("MO-0102")).JobTitle);
        // Deactivation keeps his certificate.
        await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", $$$"""{"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        Assert.False((await PersonAsync("MO-0102")).Active);
        Assert.True(await app.WithDbAsync(db => db.Certificates.AnyAsync(c => c.Employee!.EmployeeNumber == "MO-0102")));
    }

    [Fact]
    public async Task Hr_and_admin_accounts_are_not_deactivated_or_moved_by_the_provider()
    {
        var scim = await ClientAsync("10.20.0.5");
        var marta = await UserIdOfAsync("MO-0006");
        // Not a SCIM user at all (see ScimViewTests); sent as a new one, refused whole.
        Scim.AssertError(await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{marta}", $$$"""
            {"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"replace","path":"active","value":false},{"op":"replace","path":"title","value":"Otra"}]}
            """), 404);
        var refused = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", $$$"""
            {"userName":"{{{Pages.Hr}}}","displayName":"Marta","active":false,"title":"Otra","{{{Scim.Enterprise}}}":{"employeeNumber":"MO-0006"}}
            """);
        Scim.AssertError(refused, 403, "mutability");
        var person = await PersonAsync("MO-0006");
        // Nothing half-applied: neither the flag nor the title.
        Assert.Equal((true, "Técnica de Personas"), (person.Active, person.JobTitle));
        Assert.True(await app.WithDbAsync(db => db.ScimChanges.AnyAsync(c => c.Status == 403 && c.Subject == Pages.Hr)));
    }

    [Fact]
    public async Task Errors_are_scim_errors_never_a_page()
    {
        var scim = await ClientAsync("10.20.0.6");
        // Malformed JSON.
        Scim.AssertError(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", "{\"userName\": "), 400, "invalidSyntax");
        // An attribute no schema has, in a PATCH path and in a body.
        var lucia = await UserIdOfAsync("MO-0101");
        Scim.AssertError(await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{lucia}",
            $$$"""{"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"replace","path":"shoeSize","value":"42"}]}"""), 400, "invalidPath");
        Scim.AssertError(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users",
            $$$"""{"userName":"x@olivo.test","shoeSize":42,"{{{Scim.Enterprise}}}":{"employeeNumber":"SC-3001"}}"""), 400, "invalidSyntax");
        // A userName someone has already.
        var first = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users",
            $$$"""{"userName":"dup@olivo.test","displayName":"Uno","{{{Scim.Enterprise}}}":{"employeeNumber":"SC-3002"}}""");
        Assert.True(first.Status == 201, first.Text);
        Scim.AssertError(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users",
            $$$"""{"userName":"DUP@olivo.test","displayName":"Dos","emails":[{"type":"work","value":"dos@olivo.test"}],"{{{Scim.Enterprise}}}":{"employeeNumber":"SC-3003"}}"""), 409, "uniqueness");
        // An email another person signs in with, as the import refuses it.
        Scim.AssertError(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users",
            $$$"""{"userName":"tres@olivo.test","displayName":"Tres","emails":[{"type":"work","value":"{{{Pages.Employee}}}"}],"{{{Scim.Enterprise}}}":{"employeeNumber":"SC-3004"}}"""), 409, "uniqueness");
        Assert.False(await app.WithDbAsync(db => db.Employees.AnyAsync(e => e.EmployeeNumber == "SC-3003" || e.EmployeeNumber == "SC-3004" || e.EmployeeNumber == "SC-3001")));
        // A flag that is not one, an operation that does not exist, an unknown user, an unknown address, a wrong method.
        Scim.AssertError(await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{lucia}",
            $$$"""{"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"replace","path":"active","value":"maybe"}]}"""), 400, "invalidValue");
        Scim.AssertError(await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{lucia}",
            $$$"""{"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"move","path":"title","value":"x"}]}"""), 400, "invalidSyntax");
        Scim.AssertError(await scim.SendAsync(HttpMethod.Get, "/scim/v2/Users/no-such-id"), 404);
        Scim.AssertError(await scim.SendAsync(HttpMethod.Get, "/scim/v2/Groups"), 404);
        Scim.AssertError(await scim.SendAsync(HttpMethod.Delete, "/scim/v2/Schemas"), 405);
        Scim.AssertError(await scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString("title sw \"C\"")}"), 400, "invalidFilter");
        Assert.True((await PersonAsync("MO-0101")).Active);
    }

    [Fact]
    public async Task Only_a_live_bearer_token_opens_the_api_not_a_cookie()
    {
        var none = app.ScimClient(null);
        none.DefaultRequestHeaders.Add(ClientAddress.Header, "10.20.0.7");
        Scim.AssertError(await none.SendAsync(HttpMethod.Get, "/scim/v2/Users"), 401);
        var wrong = app.ScimClient("spscim_1_not-the-secret");
        wrong.DefaultRequestHeaders.Add(ClientAddress.Header, "10.20.0.7");
        Scim.AssertError(await wrong.SendAsync(HttpMethod.Get, "/scim/v2/Users"), 401);

        // An admin's sign-in cookie is not a token.
        var admin = ClientAddress.From(app, "10.20.0.7");
        var cookie = await admin.SignedInCookieAsync(Pages.Admin);
        var withCookie = app.ScimClient(null);
        withCookie.DefaultRequestHeaders.Add("Cookie", cookie);
        withCookie.DefaultRequestHeaders.Add(ClientAddress.Header, "10.20.0.7");
        Scim.AssertError(await withCookie.SendAsync(HttpMethod.Get, "/scim/v2/Users"), 401);

        // Discovery answers with a token.
        var token = await app.TokenAsync("Okta");
        var scim = app.ScimClient(token);
        scim.DefaultRequestHeaders.Add(ClientAddress.Header, "10.20.0.8");
        var config = await scim.SendAsync(HttpMethod.Get, "/scim/v2/ServiceProviderConfig");
        Assert.True((bool)config.Json!["patch"]!["supported"]!);
        var types = await scim.SendAsync(HttpMethod.Get, "/scim/v2/ResourceTypes");
        Assert.Equal("User", (string?)types.Json!["Resources"]![0]!["id"]);
        var schemas = await scim.SendAsync(HttpMethod.Get, "/scim/v2/Schemas");
        Assert.Contains(((JsonArray)schemas.Json!["Resources"]!).Select(s => (string?)s!["id"]), id => id == Scim.Ours);

        // Stored hashed; revoked, it stops working.
        var tokenId = int.Parse(token.Split('_')[1], System.Globalization.CultureInfo.InvariantCulture);
        var stored = await app.WithDbAsync(db => db.ScimTokens.SingleAsync(t => t.Id == tokenId));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token.Split('_', 3)[2])), stored.SecretHash);
        Assert.NotNull(stored.LastUsedAt);
        await app.WithDbAsync(async db => { await db.ScimTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, DateTime.UtcNow)); return 0; });
        Scim.AssertError(await scim.SendAsync(HttpMethod.Get, "/scim/v2/Users"), 401);
    }

    [Fact]
    public async Task Failed_token_attempts_are_throttled_per_address()
    {
        var token = await app.TokenAsync();
        var wrong = app.ScimClient(token + "x");
        wrong.DefaultRequestHeaders.Add(ClientAddress.Header, "10.20.9.9");
        for (var i = 0; i < 10; i++) Scim.AssertError(await wrong.SendAsync(HttpMethod.Get, "/scim/v2/Users"), 401);
        Scim.AssertError(await wrong.SendAsync(HttpMethod.Get, "/scim/v2/Users"), 429);
        // Even the right token waits from that address; another address is not affected.
        var right = app.ScimClient(token);
        right.DefaultRequestHeaders.Add(ClientAddress.Header, "10.20.9.9");
        Scim.AssertError(await right.SendAsync(HttpMethod.Get, "/scim/v2/Users"), 429);
        var elsewhere = app.ScimClient(token);
        elsewhere.DefaultRequestHeaders.Add(ClientAddress.Header, "10.20.9.10");
        Assert.Equal(200, (await elsewhere.SendAsync(HttpMethod.Get, "/scim/v2/Users")).Status);
    }

    [Fact]
    public async Task An_admin_creates_a_token_seen_once_and_revokes_it_and_hr_sees_the_changes()
    {
        var admin = ClientAddress.From(app, "10.20.0.9");
        await admin.SignedInAsync(Pages.Admin);
        var page = await admin.GetPageAsync("/admin/scim");
        var response = await admin.SubmitAsync(page, "form[action*='Create']", new Dictionary<string, string> { ["Input.Name"] = "Entra ID producción" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = Pages.Parse(await response.Content.ReadAsStringAsync());
        var token = shown.QuerySelector("#new-token")!.TextContent.Trim();
        Assert.StartsWith("spscim_", token);
        // Once: the list does not show it again.
        var again = await admin.GetPageAsync("/admin/scim");
        Assert.Contains("Entra ID producción", again.Text());
        Assert.DoesNotContain(token, again.DocumentElement.OuterHtml);

        var scim = app.ScimClient(token);
        scim.DefaultRequestHeaders.Add(ClientAddress.Header, "10.20.0.10");
        var created = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users",
            $$$"""{"userName":"olga.paz@olivo.test","displayName":"Olga Paz","{{{Scim.Enterprise}}}":{"employeeNumber":"SC-4001"}}""");
        Assert.Equal(201, created.Status);
        var last = await admin.GetPageAsync("/admin/scim");
        Assert.DoesNotContain("Nunca", last.QuerySelector("tbody tr")!.TextContent);

        // HR sees what provisioning changed.
        var hr = ClientAddress.From(app, "10.20.0.11");
        await hr.SignedInAsync(Pages.Hr);
        var changes = await hr.GetPageAsync("/hr/provisioning");
        Assert.Contains("Olga Paz (SC-4001)", changes.Text());
        Assert.Contains("Alta", changes.Text());

        var revoke = await admin.SubmitAsync(last, "form[action*='Revoke']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Scim.AssertError(await scim.SendAsync(HttpMethod.Get, "/scim/v2/Users"), 401);
    }

    [Theory]
    [InlineData(Pages.Hr, "/admin/scim")]
    [InlineData(Pages.Employee, "/hr/provisioning")]
    [InlineData("carmen.ruiz@demo.mercadosolivo.es", "/hr/provisioning")]
    public async Task Only_admins_manage_tokens_and_only_hr_sees_the_changes(string who, string url)
    {
        var client = ClientAddress.From(app, "10.20.0.12");
        await client.SignedInAsync(who);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }
}
