using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Provisioning;

namespace ServicePromise.Tests.Provisioning;

/// <summary>
/// Identity providers retry and run several workers: the same person can arrive twice at once, or be changed while
/// being created or deleted. Every race ends in an answer a provider understands (never a 500), one person, and nothing
/// half-written — on SQLite (one writer at a time) and PostgreSQL (writers meet at the unique indexes and row locks).
/// Requests are fired together through the test server, several rounds each.
/// </summary>
public class ScimConcurrencyTests
{
    const int Rounds = 6;
    const int Parallel = 4;

    [Fact]
    public async Task On_sqlite_racing_requests_answer_scim_outcomes_and_leave_one_whole_person()
    {
        using var app = new AppFactory();
        await RaceAsync(app);
    }

    [Fact]
    public async Task On_postgres_racing_requests_answer_scim_outcomes_and_leave_one_whole_person()
    {
        using var database = new TestPostgres();
        using var app = new PostgresAppFactory(database.ConnectionString);
        await RaceAsync(app);
    }

    static async Task RaceAsync(AppFactory app)
    {
        var token = await app.TokenAsync();
        var clients = Enumerable.Range(0, Parallel).Select(i => Client(app, token, i)).ToList();
        for (var round = 0; round < Rounds; round++)
        {
            await SameCreateAsync(app, clients, round);
            await CreateAgainstPatchAsync(app, clients, round);
            await PatchAgainstPatchAsync(app, clients, round);
            await PatchAgainstDeleteAsync(app, clients, round);
        }
        // Nothing half-written anywhere: no account left without its employee row by a request that lost a race.
        Assert.Empty(await app.WithDbAsync(db => db.Users.Where(u => !db.Employees.Any(e => e.UserId == u.Id)).Select(u => u.Email).ToListAsync()));
    }

    static HttpClient Client(AppFactory app, string token, int i)
    {
        var client = app.ScimClient(token);
        client.DefaultRequestHeaders.Add(ClientAddress.Header, $"10.30.0.{i + 1}");
        return client;
    }

    static string NewUser(string number, string userName, string name, string? email = null) => new JsonObject
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User", Scim.Enterprise),
        ["userName"] = userName,
        ["externalId"] = "ext-" + number,
        ["displayName"] = name,
        ["emails"] = new JsonArray(new JsonObject { ["type"] = "work", ["primary"] = true, ["value"] = email ?? userName }),
        // A department nobody has yet: each request would create it.
        [Scim.Enterprise] = new JsonObject { ["employeeNumber"] = number, ["department"] = "Dept " + number },
    }.ToJsonString();

    static string Patch(string path, string value) =>
        $$$"""{"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"replace","path":"{{{path}}}","value":"{{{value}}}"}]}""";

    static async Task<string> CreateAsync(HttpClient client, string number, string name)
    {
        var created = await client.SendAsync(HttpMethod.Post, "/scim/v2/Users", NewUser(number, number.ToLowerInvariant() + "@race.test", name));
        Assert.True(created.Status == 201, created.Text);
        return (string)created.Json!["id"]!;
    }

    static async Task<(int Status, JsonObject? Json, string Text)[]> TogetherAsync(params Func<Task<(int Status, JsonObject? Json, string Text)>>[] requests)
    {
        using var start = new SemaphoreSlim(0);
        var running = requests.Select(r => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await r();
        })).ToList();
        start.Release(requests.Length);
        return await Task.WhenAll(running);
    }

    /// <summary>The same POST from every worker: one 201, the others 409 uniqueness; one person, one account, one link.</summary>
    static async Task SameCreateAsync(AppFactory app, IReadOnlyList<HttpClient> clients, int round)
    {
        var number = $"RC-{round:D2}01";
        var userName = $"rc{round:D2}01@race.test";
        var body = NewUser(number, userName, "Rita Carrera");
        var answers = await TogetherAsync(clients.Select(c => (Func<Task<(int, JsonObject?, string)>>)(() => c.SendAsync(HttpMethod.Post, "/scim/v2/Users", body))).ToArray());

        Assert.All(answers, a => Assert.True(a.Status is 201 or 409, $"round {round}: {a.Status} {a.Text}"));
        Assert.Single(answers, a => a.Status == 201);
        Assert.All(answers.Where(a => a.Status == 409), a => Scim.AssertError(a, 409, "uniqueness"));
        var key = userName.ToUpperInvariant();
        var (people, accounts, links, departments) = await app.WithDbAsync(async db => (
            await db.Employees.CountAsync(e => e.EmployeeNumber == number),
            await db.Users.CountAsync(u => u.NormalizedEmail == key),
            await db.ScimLinks.CountAsync(l => l.UserNameKey == key),
            await db.Departments.CountAsync(d => d.Name == "Dept " + number)));
        Assert.Equal((1, 1, 1, 1), (people, accounts, links, departments));
        // HR's list says what each request did: one creation, and each refusal with its status.
        var changes = await app.WithDbAsync(db => db.ScimChanges.Where(c => c.Subject.Contains(number) || c.Subject == userName)
            .Select(c => new { c.Operation, c.Status }).ToListAsync());
        Assert.Single(changes, c => c.Operation == ScimOperation.Create && c.Status == 201);
        Assert.Equal(Parallel - 1, changes.Count(c => c.Status == 409));
    }

    /// <summary>A new person and an existing one claiming the same email at once: one wins, the other is told 409.</summary>
    static async Task CreateAgainstPatchAsync(AppFactory app, IReadOnlyList<HttpClient> clients, int round)
    {
        var existing = await CreateAsync(clients[0], $"RC-{round:D2}02", "Pablo Primero");
        var email = $"rc{round:D2}-shared@race.test";
        var answers = await TogetherAsync(
            () => clients[1].SendAsync(HttpMethod.Post, "/scim/v2/Users", NewUser($"RC-{round:D2}03", email, "Nuria Nueva", email)),
            () => clients[2].SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{existing}",
                $$$"""{"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":[{"op":"replace","path":"userName","value":"{{{email}}}"},{"op":"replace","path":"emails[type eq \"work\"].value","value":"{{{email}}}"}]}"""));
        var (post, patch) = (answers[0], answers[1]);
        Assert.True(post.Status is 201 or 409, $"round {round}: POST {post.Status} {post.Text}");
        Assert.True(patch.Status is 200 or 409, $"round {round}: PATCH {patch.Status} {patch.Text}");
        Assert.True(post.Status == 201 ^ patch.Status == 200, $"round {round}: exactly one may have the address: POST {post.Status}, PATCH {patch.Status}");
        var key = email.ToUpperInvariant();
        var (owners, newcomers) = await app.WithDbAsync(async db => (
            await db.Users.CountAsync(u => u.NormalizedEmail == key),
            await db.Employees.CountAsync(e => e.EmployeeNumber == $"RC-{round:D2}03")));
        Assert.Equal((1, post.Status == 201 ? 1 : 0), (owners, newcomers));
    }

    /// <summary>Two workers patching different attributes of one person: both answered 200, neither change lost.</summary>
    static async Task PatchAgainstPatchAsync(AppFactory app, IReadOnlyList<HttpClient> clients, int round)
    {
        var id = await CreateAsync(clients[0], $"RC-{round:D2}04", "Luis Lento");
        var answers = await TogetherAsync(
            () => clients[1].SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", Patch("title", "Cajero")),
            () => clients[2].SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", Patch("displayName", "Luis Rápido")));
        Assert.All(answers, a => Assert.True(a.Status == 200, $"round {round}: {a.Status} {a.Text}"));
        var person = await app.WithDbAsync(db => db.Employees.Where(e => e.UserId == id).Select(e => new { e.JobTitle, e.FullName }).SingleAsync());
        Assert.Equal(("Cajero", "Luis Rápido"), (person.JobTitle, person.FullName));
    }

    /// <summary>
    /// A PATCH and a DELETE at once: the DELETE is applied (204) and the PATCH either went first (200) or finds the
    /// user gone (404) — it never brings a deleted user back.
    /// </summary>
    static async Task PatchAgainstDeleteAsync(AppFactory app, IReadOnlyList<HttpClient> clients, int round)
    {
        var id = await CreateAsync(clients[0], $"RC-{round:D2}05", "Dora Despedida");
        var answers = await TogetherAsync(
            () => clients[1].SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", Patch("title", "Reponedora")),
            () => clients[2].SendAsync(HttpMethod.Delete, $"/scim/v2/Users/{id}"));
        Assert.True(answers[0].Status is 200 or 404, $"round {round}: PATCH {answers[0].Status} {answers[0].Text}");
        Assert.True(answers[1].Status == 204, $"round {round}: DELETE {answers[1].Status} {answers[1].Text}");
        var after = await app.WithDbAsync(db => db.Employees.Where(e => e.UserId == id)
            .Select(e => new { e.IsActive, Deleted = db.ScimLinks.Any(l => l.EmployeeId == e.Id && l.Deleted) }).SingleAsync());
        Assert.Equal((false, true), (after.IsActive, after.Deleted));
        Scim.AssertError(await clients[3].SendAsync(HttpMethod.Get, $"/scim/v2/Users/{id}"), 404);
    }
}
