using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Provisioning;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Provisioning;

/// <summary>
/// What a provisioning token sees of the organisation: the addresses it is given, who answers to which userName,
/// pages that follow one another, and the HR and admin accounts it is not shown.
/// </summary>
public class ScimViewTests(AppFactory app) : IClassFixture<AppFactory>
{
    const string PublicBase = "https://promesa.test"; // App:PublicBaseUrl in AppFactory; the test client speaks http://localhost

    async Task<HttpClient> ClientAsync(string address)
    {
        var client = app.ScimClient(await app.TokenAsync());
        client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        return client;
    }

    Task<string> UserIdOfAsync(string number) => app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == number).Select(e => e.UserId).SingleAsync());

    static string Filter(string userName) => "/scim/v2/Users?filter=" + Uri.EscapeDataString($"userName eq \"{userName.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");

    [Fact]
    public async Task The_scim_address_and_locations_are_the_public_base_url_not_the_request_host()
    {
        var admin = ClientAddress.From(app, "10.21.0.1");
        await admin.SignedInAsync(Pages.Admin);
        var page = await admin.GetPageAsync("/admin/scim");
        Assert.Contains(PublicBase + "/scim/v2", page.Text());
        Assert.DoesNotContain("http://localhost", page.DocumentElement.OuterHtml);

        // Whatever Host header a request carries, what the site gives out is its own address.
        var scim = await ClientAsync("10.21.0.2");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/scim/v2/Users")
        {
            Content = Scim.Body($$$"""{"userName":"host.check@olivo.test","displayName":"Host Check","{{{Scim.Enterprise}}}":{"employeeNumber":"SV-1001"}}"""),
        };
        request.Headers.Host = "attacker.example";
        using var created = await scim.SendAsync(request);
        var json = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.Equal(201, (int)created.StatusCode);
        var id = (string)json["id"]!;
        Assert.Equal($"{PublicBase}/scim/v2/Users/{id}", created.Headers.Location?.ToString());
        Assert.Equal($"{PublicBase}/scim/v2/Users/{id}", (string?)json["meta"]!["location"]);

        var config = await scim.SendAsync(HttpMethod.Get, "/scim/v2/ServiceProviderConfig");
        Assert.Equal($"{PublicBase}/scim/v2/ServiceProviderConfig", (string?)config.Json!["meta"]!["location"]);
        var lucia = await scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users/{await UserIdOfAsync("MO-0101")}");
        Assert.StartsWith($"{PublicBase}/scim/v2/Users/", (string?)lucia.Json![Scim.Enterprise]!["manager"]!["$ref"]);
    }

    [Fact]
    public async Task Every_listed_user_is_found_by_the_user_name_it_shows()
    {
        var scim = await ClientAsync("10.21.0.3");
        // A person without email, not yet sent by the provider, shows their employee number as userName.
        var rosa = await scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users/{await UserIdOfAsync(DemoOrganisation.CashierWithoutEmail)}");
        Assert.Equal(DemoOrganisation.CashierWithoutEmail, (string?)rosa.Json!["userName"]);
        var byNumber = await scim.SendAsync(HttpMethod.Get, Filter(DemoOrganisation.CashierWithoutEmail.ToLowerInvariant()));
        Assert.Equal((string?)rosa.Json["id"], (string?)Assert.Single((JsonArray)byNumber.Json!["Resources"]!)!["id"]);

        var all = await scim.SendAsync(HttpMethod.Get, "/scim/v2/Users?count=200");
        var resources = ((JsonArray)all.Json!["Resources"]!).Select(r => ((string)r!["id"]!, (string)r["userName"]!)).ToList();
        Assert.Equal((int)all.Json["totalResults"]!, resources.Count);
        foreach (var (id, userName) in resources)
        {
            var found = await scim.SendAsync(HttpMethod.Get, Filter(userName));
            Assert.True(found.Status == 200, found.Text);
            Assert.Equal(id, (string?)Assert.Single((JsonArray)found.Json!["Resources"]!)!["id"]);
        }
    }

    [Fact]
    public async Task Pages_follow_one_another()
    {
        var scim = await ClientAsync("10.21.0.4");
        static List<string> Ids((int Status, JsonObject? Json, string Text) page) =>
            ((JsonArray)page.Json!["Resources"]!).Select(r => (string)r!["id"]!).ToList();
        var first = Ids(await scim.SendAsync(HttpMethod.Get, "/scim/v2/Users?startIndex=1&count=4"));
        Assert.Equal(4, first.Count);
        var second = await scim.SendAsync(HttpMethod.Get, "/scim/v2/Users?startIndex=2&count=3");
        Assert.Equal(2, (int)second.Json!["startIndex"]!);
        Assert.Equal(first.Skip(1), Ids(second));
    }

    [Fact]
    public async Task Hr_and_admin_accounts_are_neither_shown_nor_changed_by_a_provisioning_token()
    {
        var scim = await ClientAsync("10.21.0.5");
        var all = await scim.SendAsync(HttpMethod.Get, "/scim/v2/Users?count=200");
        var numbers = ((JsonArray)all.Json!["Resources"]!).Select(r => (string?)r![Scim.Enterprise]!["employeeNumber"]).ToList();
        Assert.Contains("MO-0101", numbers);
        Assert.DoesNotContain("MO-0006", numbers); // HR
        Assert.DoesNotContain("MO-0007", numbers); // admin
        Assert.DoesNotContain(Pages.Admin, all.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Pages.Hr, all.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (int)(await scim.SendAsync(HttpMethod.Get, Filter(Pages.Admin))).Json!["totalResults"]!);

        var pablo = await UserIdOfAsync("MO-0007");
        Scim.AssertError(await scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users/{pablo}"), 404);
        Scim.AssertError(await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{pablo}",
            $$$"""{"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"replace","path":"title","value":"Otra"}]}"""), 404);
        Scim.AssertError(await scim.SendAsync(HttpMethod.Delete, $"/scim/v2/Users/{pablo}"), 404);
        // Sent as a new user (the provider found nobody by userName): refused whole, even with the same email and flag.
        var taken = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users",
            $$$"""{"userName":"{{{Pages.Admin}}}","displayName":"Pablo Serrano Lozano","title":"Otro","{{{Scim.Enterprise}}}":{"employeeNumber":"MO-0007"}}""");
        Scim.AssertError(taken, 403, "mutability");
        var after = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0007").Select(e => new { e.JobTitle, e.IsActive, Linked = db.ScimLinks.Any(l => l.EmployeeId == e.Id) }).SingleAsync());
        Assert.Equal(("Responsable de sistemas", true, false), (after.JobTitle, after.IsActive, after.Linked));
        Assert.True(await app.WithDbAsync(db => db.ScimChanges.AnyAsync(c => c.Status == 403 && c.Method == "POST")));
    }
}
