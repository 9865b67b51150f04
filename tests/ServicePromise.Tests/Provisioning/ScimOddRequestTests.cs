using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Provisioning;

namespace ServicePromise.Tests.Provisioning;

/// <summary>
/// What an identity provider, a misconfigured connector or someone probing the API may send to <c>/scim/v2</c>: wrong
/// methods and content types, bodies too large, broken or oddly shaped JSON, filters and paging we do not take. Each is
/// a SCIM error (status, scimType, detail in the request's language) — never a 500, never an HTML page — and every
/// answer is <c>no-store</c> and sets no cookie (checked on each request by <see cref="Scim.ExchangeAsync"/>).
/// </summary>
public class ScimOddRequestTests(AppFactory app) : IClassFixture<AppFactory>
{
    async Task<HttpClient> ClientAsync(string address, string? language = null)
    {
        var client = app.ScimClient(await app.TokenAsync());
        client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        if (language is not null) client.DefaultRequestHeaders.Add("Accept-Language", language);
        return client;
    }

    Task<string> UserIdOfAsync(string number) => app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == number).Select(e => e.UserId).SingleAsync());

    static string NewUser(string number) =>
        $$$"""{"userName":"{{{number.ToLowerInvariant()}}}@odd.test","displayName":"Persona {{{number}}}","{{{Scim.Enterprise}}}":{"employeeNumber":"{{{number}}}"}}""";

    static string Patch(string operations) => $$$"""{"schemas":["{{{ScimUserRules.PatchSchema}}}"],"Operations":{{{operations}}}}""";

    [Fact]
    public async Task A_method_an_address_does_not_take_is_405_naming_the_methods_it_takes()
    {
        var scim = await ClientAsync("10.40.0.1");
        var lucia = await UserIdOfAsync("MO-0101");
        foreach (var (method, url, allow) in new[]
        {
            (HttpMethod.Delete, "/scim/v2/Schemas", "GET"),
            (HttpMethod.Put, "/scim/v2/Users", "GET, POST"),
            (HttpMethod.Post, $"/scim/v2/Users/{lucia}", "DELETE, GET, PATCH, PUT"),
            (HttpMethod.Patch, "/scim/v2/serviceproviderconfig", "GET"),
            (HttpMethod.Options, "/scim/v2/ResourceTypes/User", "GET"),
        })
        {
            var answer = await scim.ExchangeAsync(new HttpRequestMessage(method, url) { Content = method == HttpMethod.Delete || method == HttpMethod.Options ? null : Scim.Body("{}") });
            Scim.AssertError(answer, 405);
            Assert.Equal(allow, string.Join(", ", answer.Content.Allow));
        }
        // An address that is not part of the API at all stays a 404.
        Scim.AssertError(await scim.SendAsync(HttpMethod.Put, "/scim/v2/Groups/1", "{}"), 404);
        Assert.True((await app.WithDbAsync(db => db.Employees.SingleAsync(e => e.EmployeeNumber == "MO-0101"))).IsActive);
    }

    [Fact]
    public async Task A_body_must_be_scim_or_plain_json()
    {
        var scim = await ClientAsync("10.40.0.2");
        async Task<Scim.Answer> PostAsync(HttpContent content) =>
            await scim.ExchangeAsync(new HttpRequestMessage(HttpMethod.Post, "/scim/v2/Users") { Content = content });

        var plain = await PostAsync(new StringContent(NewUser("OD-0001"), Encoding.UTF8, "text/plain"));
        Scim.AssertError(plain, 415);
        Assert.Contains("text/plain", (string?)plain.Json!["detail"]);
        var none = new ByteArrayContent(Encoding.UTF8.GetBytes(NewUser("OD-0001")));
        Scim.AssertError(await PostAsync(none), 415);
        Scim.AssertError(await PostAsync(new StringContent(NewUser("OD-0001"), Encoding.UTF8, "application/jsonp")), 415);
        Assert.False(await app.WithDbAsync(db => db.Employees.AnyAsync(e => e.EmployeeNumber == "OD-0001")));
        // Plain JSON is what some connectors send: accepted.
        var json = await PostAsync(new StringContent(NewUser("OD-0001"), Encoding.UTF8, "application/json"));
        Assert.True(json.Status == 201, json.Text);
    }

    [Fact]
    public async Task A_body_over_a_megabyte_is_413_with_or_without_a_length()
    {
        var scim = await ClientAsync("10.40.0.3");
        var huge = "{\"userName\":\"big@odd.test\",\"displayName\":\"" + new string('x', 1 << 20) + "\"}";
        Scim.AssertError(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", huge), 413);
        // Sent in chunks, with no Content-Length to check first.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/scim+json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/scim/v2/Users") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        Scim.AssertError(await scim.ExchangeAsync(request), 413);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == "BIG@ODD.TEST")));
    }

    [Theory]
    [InlineData("", "invalidSyntax")]
    [InlineData("{\"userName\": ", "invalidSyntax")]
    [InlineData("[{\"userName\":\"a@odd.test\"}]", "invalidSyntax")]
    [InlineData("\"a@odd.test\"", "invalidSyntax")]
    [InlineData("null", "invalidSyntax")]
    // The same attribute twice (names are compared without case), at the top or inside.
    [InlineData("{\"userName\":\"a@odd.test\",\"USERNAME\":\"b@odd.test\"}", "invalidSyntax")]
    [InlineData("{\"userName\":\"a@odd.test\",\"name\":{\"givenName\":\"A\",\"givenname\":\"B\"}}", "invalidSyntax")]
    // Values of the wrong type.
    [InlineData("{\"userName\":null,\"externalId\":\"OD-0101\"}", "invalidValue")]
    [InlineData("{\"userName\":[\"a@odd.test\",\"b@odd.test\"],\"externalId\":\"OD-0102\"}", "invalidValue")]
    [InlineData("{\"userName\":{\"value\":\"a@odd.test\"},\"externalId\":\"OD-0103\"}", "invalidValue")]
    [InlineData("{\"userName\":\"a@odd.test\",\"externalId\":\"OD-0104\",\"name\":\"Ana Odd\"}", "invalidValue")]
    [InlineData("{\"userName\":\"a@odd.test\",\"externalId\":\"OD-0105\",\"emails\":\"a@odd.test\"}", "invalidValue")]
    [InlineData("{\"userName\":\"a@odd.test\",\"externalId\":\"OD-0106\",\"active\":\"yes\"}", "invalidValue")]
    [InlineData("{\"userName\":\"a@odd.test\",\"externalId\":\"OD-0107\",\"active\":1}", "invalidValue")]
    [InlineData("{\"userName\":true,\"externalId\":\"OD-0108\"}", "invalidValue")]
    public async Task Broken_or_oddly_shaped_json_is_a_400(string body, string scimType)
    {
        var scim = await ClientAsync("10.40.0.4");
        Scim.AssertError(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", body), 400, scimType);
        Assert.False(await app.WithDbAsync(db => db.Employees.AnyAsync(e => e.EmployeeNumber.StartsWith("OD-01"))));
    }

    [Fact]
    public async Task Json_nested_deeper_than_any_user_is_a_400()
    {
        var scim = await ClientAsync("10.40.0.5");
        var deep = "{\"userName\":\"deep@odd.test\",\"name\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200) + "}";
        Scim.AssertError(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", deep), 400, "invalidSyntax");
    }

    [Fact]
    public async Task Numbers_where_text_is_expected_are_read_as_text_and_null_clears_an_attribute()
    {
        var scim = await ClientAsync("10.40.0.6");
        // Some connectors send an employee number as a number, and attributes they have no value for as null.
        var created = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users",
            $$$"""{"userName":"numero@odd.test","displayName":"Nora Número","title":"Cajera","name":null,"emails":null,"{{{Scim.Enterprise}}}":{"employeeNumber":770001,"department":null,"manager":null}}""");
        Assert.True(created.Status == 201, created.Text);
        Assert.Equal("770001", (string?)created.Json![Scim.Enterprise]!["employeeNumber"]);
        var id = (string)created.Json["id"]!;
        // null is "no value": the title is cleared.
        var cleared = await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", Patch("""[{"op":"replace","path":"title","value":null}]"""));
        Assert.True(cleared.Status == 200, cleared.Text);
        Assert.Equal("", await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "770001").Select(e => e.JobTitle).SingleAsync()));
        // …but not the flag: null is not "leave".
        Scim.AssertError(await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", Patch("""[{"op":"replace","path":"active","value":null}]""")), 400, "invalidValue");
        Assert.True(await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "770001").Select(e => e.IsActive).SingleAsync()));
    }

    [Theory]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""", 400, "invalidSyntax")]
    [InlineData("""{"Operations":{"op":"replace","path":"title","value":"x"}}""", 400, "invalidSyntax")]
    [InlineData("""{"Operations":["replace"]}""", 400, "invalidSyntax")]
    [InlineData("""{"Operations":[{"op":"move","path":"title","value":"x"}]}""", 400, "invalidSyntax")]
    [InlineData("""{"Operations":[{"op":7,"path":"title","value":"x"}]}""", 400, "invalidSyntax")]
    [InlineData("""{"Operations":[{"path":"title","value":"x"}]}""", 400, "invalidSyntax")]
    [InlineData("""{"Operations":[{"op":"replace","path":7,"value":"x"}]}""", 400, "invalidPath")]
    [InlineData("""{"Operations":[{"op":"replace","path":"shoeSize","value":"42"}]}""", 400, "invalidPath")]
    [InlineData("""{"Operations":[{"op":"replace","path":"name.shoeSize","value":"42"}]}""", 400, "invalidPath")]
    [InlineData("""{"Operations":[{"op":"remove"}]}""", 400, "noTarget")]
    [InlineData("""{"Operations":[{"op":"replace","value":"not an object"}]}""", 400, "invalidSyntax")]
    [InlineData("""{"Operations":[{"op":"replace","path":"title","value":"Otra"},{"op":"replace","path":"active","value":"maybe"}]}""", 400, "invalidValue")]
    public async Task A_patch_we_cannot_apply_is_refused_whole(string body, int status, string scimType)
    {
        var scim = await ClientAsync("10.40.0.7");
        var manuel = await UserIdOfAsync("MO-0102");
        Scim.AssertError(await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{manuel}", body), status, scimType);
        var person = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0102").Select(e => new { e.JobTitle, e.IsActive }).SingleAsync());
        Assert.NotEqual("Otra", person.JobTitle);
        Assert.True(person.IsActive);
    }

    [Theory]
    [InlineData("title sw \"C\"")]
    [InlineData("userName eq \"lucia@olivo.test\" and active eq true")]
    [InlineData("emails[type eq \"work\"].value eq \"lucia@olivo.test\"")]
    [InlineData("userName pr")]
    [InlineData("userName eq lucia")]
    public async Task A_filter_we_do_not_support_is_400_invalid_filter_naming_it(string filter)
    {
        var scim = await ClientAsync("10.40.0.8");
        var answer = await scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString(filter)}");
        Scim.AssertError(answer, 400, "invalidFilter");
        Assert.Contains(filter, (string?)answer.Json!["detail"]);
    }

    [Fact]
    public async Task A_very_long_filter_is_400_invalid_filter()
    {
        var scim = await ClientAsync("10.40.0.9");
        var filter = "userName eq \"" + new string('a', 5000) + "\"";
        Scim.AssertError(await scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString(filter)}"), 400, "invalidFilter");
    }

    [Fact]
    public async Task Paging_out_of_range_is_brought_into_range_as_rfc_7644_says()
    {
        var scim = await ClientAsync("10.40.0.10");
        var all = await scim.SendAsync(HttpMethod.Get, "/scim/v2/Users?count=0");
        var total = (int)all.Json!["totalResults"]!;
        Assert.True(total > 3);
        Assert.Empty((JsonArray)all.Json["Resources"]!);

        async Task<(int Start, int Items, int Total)> PageAsync(string query)
        {
            var page = await scim.SendAsync(HttpMethod.Get, "/scim/v2/Users?" + query);
            Assert.True(page.Status == 200, query + ": " + page.Text);
            Assert.Equal((int)page.Json!["itemsPerPage"]!, ((JsonArray)page.Json["Resources"]!).Count);
            return ((int)page.Json["startIndex"]!, (int)page.Json["itemsPerPage"]!, (int)page.Json["totalResults"]!);
        }
        // startIndex below 1 is 1; a negative count is 0; a huge count is a full page (at most 200), however many digits.
        Assert.Equal((1, 2, total), await PageAsync("startIndex=0&count=2"));
        Assert.Equal((1, 2, total), await PageAsync("startIndex=-5&count=2"));
        Assert.Equal((1, 0, total), await PageAsync("count=-1"));
        Assert.Equal((1, Math.Min(total, 200), total), await PageAsync("count=100000"));
        Assert.Equal((1, Math.Min(total, 200), total), await PageAsync("count=99999999999999999999999"));
        Assert.Equal((int.MaxValue, 0, total), await PageAsync("startIndex=99999999999999999999999"));
        Assert.Equal((total, 1, total), await PageAsync($"startIndex={total}&count=5"));
        // Not a number at all is the client's mistake.
        Scim.AssertError(await scim.SendAsync(HttpMethod.Get, "/scim/v2/Users?startIndex=first"), 400, "invalidValue");
        Scim.AssertError(await scim.SendAsync(HttpMethod.Get, "/scim/v2/Users?count=1.5"), 400, "invalidValue");
    }

    [Fact]
    public async Task Errors_speak_the_requests_language_else_the_organisations_spanish()
    {
        async Task<Scim.Answer> MissingAsync(string? language)
        {
            var scim = await ClientAsync("10.40.0.11", language);
            var answer = await scim.ExchangeAsync(new HttpRequestMessage(HttpMethod.Get, "/scim/v2/Users/no-such-user"));
            Scim.AssertError(answer, 404);
            return answer;
        }
        var spanish = await MissingAsync(null);
        Assert.Equal("No existe el usuario «no-such-user».", (string?)spanish.Json!["detail"]);
        Assert.Equal(["es"], spanish.Content.ContentLanguage);
        var english = await MissingAsync("en-US,en;q=0.9");
        Assert.Equal("There is no user “no-such-user”.", (string?)english.Json!["detail"]);
        Assert.Equal(["en"], english.Content.ContentLanguage);
        // The first language we speak, by preference; one we do not speak at all leaves Spanish.
        Assert.Equal("There is no user “no-such-user”.", (string?)(await MissingAsync("fr-FR, en;q=0.5, es;q=0.4")).Json!["detail"]);
        Assert.Equal("No existe el usuario «no-such-user».", (string?)(await MissingAsync("fr-FR, de;q=0.8")).Json!["detail"]);
        Assert.Equal("No existe el usuario «no-such-user».", (string?)(await MissingAsync("en;q=0, es;q=0.1")).Json!["detail"]);

        // The staff rules' own messages too, with their arguments: a manager loop, in English.
        var scim = await ClientAsync("10.40.0.11", "en");
        var carmen = await UserIdOfAsync("MO-0001");
        var lucia = await UserIdOfAsync("MO-0101");
        var loop = await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{carmen}",
            Patch($$$"""[{"op":"add","path":"{{{Scim.Enterprise}}}:manager","value":"{{{lucia}}}"}]"""));
        Scim.AssertError(loop, 400);
        Assert.StartsWith("The managers form a loop: MO-0001 → MO-0101", (string?)loop.Json!["detail"]);
    }

    [Fact]
    public async Task A_sign_in_cookie_is_not_read_renewed_or_answered_with_a_cookie()
    {
        // Lucía signed in, then her profile language changed: a page she opens renews her cookie to follow it.
        var browser = ClientAddress.From(app, "10.40.0.12");
        var cookie = await browser.SignedInCookieAsync(Pages.Employee);
        var luciaId = await UserIdOfAsync("MO-0101");
        await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0101").ExecuteUpdateAsync(s => s.SetProperty(e => e.Language, "en")));
        app.Services.GetRequiredService<SessionCache>().Forget([luciaId]);
        try
        {
            // A SCIM request carrying that cookie (and the antiforgery cookie, without a form token): the bearer token
            // alone decides, nothing is renewed (ExchangeAsync checks no cookie is set), and her English is not the answer's.
            var scim = await ClientAsync("10.40.0.12");
            var missing = new HttpRequestMessage(HttpMethod.Get, "/scim/v2/Users/no-such-user");
            missing.Headers.Add("Cookie", cookie + "; sp.af=anything");
            var answer = await scim.ExchangeAsync(missing);
            Scim.AssertError(answer, 404);
            Assert.Equal("No existe el usuario «no-such-user».", (string?)answer.Json!["detail"]);

            var create = new HttpRequestMessage(HttpMethod.Post, "/scim/v2/Users") { Content = Scim.Body(NewUser("OD-0201")) };
            create.Headers.Add("Cookie", cookie + "; sp.af=anything");
            var created = await scim.ExchangeAsync(create);
            Assert.True(created.Status == 201, created.Text);
            var actor = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject!.Contains("OD-0201")).Select(a => a.ActorName).FirstAsync());
            Assert.Equal("SCIM · Entra ID", actor);
        }
        finally
        {
            await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0101").ExecuteUpdateAsync(s => s.SetProperty(e => e.Language, "es")));
            app.Services.GetRequiredService<SessionCache>().Forget([luciaId]);
        }
    }

    [Fact]
    public async Task Not_found_and_refusals_are_scim_json_never_the_sites_html_pages()
    {
        var scim = await ClientAsync("10.40.0.13");
        var anonymous = app.ScimClient(null);
        anonymous.DefaultRequestHeaders.Add(ClientAddress.Header, "10.40.0.14");
        foreach (var (client, url, status) in new[]
        {
            (scim, "/scim/v2/Users/no-such-user", 404),
            (scim, "/scim/v2/Groups", 404),
            (scim, "/scim/v2/report.pdf", 404),
            (scim, "/scim/v2", 404),
            (scim, "/scim/v2/Schemas/urn:nothing", 404),
            (anonymous, "/scim/v2/Users", 401),
            (anonymous, "/scim/v2/Groups", 401),
        })
        {
            var answer = await client.ExchangeAsync(new HttpRequestMessage(HttpMethod.Get, url));
            Scim.AssertError(answer, status);
            Assert.DoesNotContain("<", answer.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_fault_is_a_scim_500_in_the_requests_language_not_the_error_page()
    {
        // A site whose provisioning cannot even be built: every Users request fails inside the endpoint.
        using var broken = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<ScimProvisioner>(_ => throw new InvalidOperationException("provisioning is broken (test)"))));
        string token;
        using (var scope = broken.Services.CreateScope())
            token = (await scope.ServiceProvider.GetRequiredService<ScimTokens>().CreateAsync("Broken", "test", CancellationToken.None)).Text;
        var client = broken.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Add(ClientAddress.Header, "10.40.0.15");
        client.DefaultRequestHeaders.Add("Accept-Language", "en");
        var answer = await client.ExchangeAsync(new HttpRequestMessage(HttpMethod.Get, "/scim/v2/Users"));
        Scim.AssertError(answer, 500);
        Assert.Equal("Something went wrong handling the request; nothing was changed.", (string?)answer.Json!["detail"]);
    }
}
