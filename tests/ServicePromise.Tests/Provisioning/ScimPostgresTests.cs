using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Provisioning;

namespace ServicePromise.Tests.Provisioning;

/// <summary>SCIM on PostgreSQL, whose columns enforce their lengths (SQLite's do not).</summary>
public class ScimPostgresTests
{
    [Fact]
    public async Task A_refusal_naming_a_very_long_attribute_or_value_is_answered_and_recorded_on_postgresql()
    {
        using var database = new TestPostgres();
        using var app = new PostgresAppFactory(database.ConnectionString);
        var scim = app.ScimClient(await app.TokenAsync());
        var longName = new string('x', 5000);

        var body = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users",
            $$$"""{"userName":"long@olivo.test","{{{longName}}}":1,"{{{Scim.Enterprise}}}":{"employeeNumber":"PG-1001"}}""");
        Scim.AssertError(body, 400, "invalidSyntax");
        Assert.True(((string)body.Json!["detail"]!).Length < 500, (string?)body.Json["detail"]);

        var lucia = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0101").Select(e => e.UserId).SingleAsync());
        Scim.AssertError(await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{lucia}",
            $$$"""{"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"replace","path":"{{{longName}}}","value":"42"}]}"""), 400, "invalidPath");

        // A value the staff rules cannot read, named in their problem.
        Scim.AssertError(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users",
            $$$"""{"userName":"late@olivo.test","displayName":"Late","{{{Scim.Enterprise}}}":{"employeeNumber":"PG-1002"},"{{{Scim.Ours}}}":{"hireDate":"{{{longName}}}"}}"""), 400);

        // The userName filter and the view's HR/admin exclusion translate on PostgreSQL too.
        static string Filter(string userName) => "/scim/v2/Users?filter=" + Uri.EscapeDataString($"userName eq \"{userName}\"");
        Assert.Equal(1, (int)(await scim.SendAsync(HttpMethod.Get, Filter(ServicePromise.Web.Staff.DemoOrganisation.CashierWithoutEmail.ToLowerInvariant()))).Json!["totalResults"]!);
        Assert.Equal(0, (int)(await scim.SendAsync(HttpMethod.Get, Filter(Pages.Admin))).Json!["totalResults"]!);

        var details = await app.WithDbAsync(db => db.ScimChanges.Where(c => c.Status == 400).Select(c => c.Detail).ToListAsync());
        Assert.Equal(3, details.Count);
        Assert.All(details, d => Assert.InRange(d!.Length, 1, ScimMessages.MaxLength));
    }
}
