using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Evidence;

namespace ServicePromise.Tests.Accounts;

/// <summary>Private responses are never stored, cookies are Secure behind TLS, HSTS, no Server header, trusted proxies only.</summary>
public class HeadersTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Every_private_download_says_no_store()
    {
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var employee = app.Browser();
        await employee.SignedInAsync(Pages.OtherEmployee);
        var certificate = await app.WithDbAsync(db => db.Certificates.Where(c => c.Employee!.EmployeeNumber == "MO-0102").Select(c => c.Id).FirstAsync());
        var pack = await ReadyEvidencePackAsync();

        (HttpClient Client, string Url, string Type)[] downloads =
        [
            (employee, $"/certificates/{certificate}/pdf", "application/pdf"),
            (hr, $"/certificates/{certificate}/pdf", "application/pdf"),
            (employee, "/me/record/pdf", "application/pdf"),
            (hr, "/hr/completion?handler=Csv", "text/csv"),
            (hr, "/hr/completion?handler=Certificates&status=Completed", "application/zip"),
            (hr, $"/hr/evidence?handler=Download&id={pack}", "application/zip"),
        ];
        foreach (var (client, url, type) in downloads)
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} has Cache-Control: {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task Every_page_a_signed_in_person_opens_says_no_store()
    {
        _ = app.Server;
        var admin = app.Browser();
        await admin.SignedInAsync(Pages.Admin);
        var patterns = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!).Distinct().ToList();
        Assert.True(patterns.Count >= 20, "expected the app's pages to be enumerated");
        foreach (var pattern in patterns)
        {
            var url = "/" + System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:int)?\??\}", m => m.Groups[2].Success ? "1" : "x").TrimStart('/');
            if (url == "/healthz") continue; // not a page, and says nothing private
            using var response = await admin.GetAsync(url);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} ({(int)response.StatusCode}) has Cache-Control: {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task Antiforgery_and_language_cookies_are_secure_over_https_like_the_sign_in_cookie()
    {
        var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://promesa.test"), AllowAutoRedirect = false });
        var login = await https.GetAsync("/account/login");
        Assert.Contains(Cookie(login, "sp.af"), c => c.Equals("secure", StringComparison.OrdinalIgnoreCase));
        var page = Pages.Parse(await login.Content.ReadAsStringAsync());
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var language = await https.PostAsync("/account/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);
        Assert.Contains(Cookie(language, ".AspNetCore.Culture"), c => c.Equals("secure", StringComparison.OrdinalIgnoreCase));

        // Plain http (a developer's machine) still works: the cookies are not Secure there.
        var http = await app.Browser().GetAsync("/account/login");
        Assert.DoesNotContain(Cookie(http, "sp.af"), c => c.Equals("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Outside_development_https_answers_carry_a_year_of_hsts()
    {
        using var production = new AppFactory { Environment = "Production" };
        var https = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://promesa.test"), AllowAutoRedirect = false });
        var response = await https.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var real = new AppFactory();
        real.UseKestrel(port);
        real.StartServer();
        using var client = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };
        using var response = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), "Server: " + string.Join(",", response.Headers.Server));
    }

    static IEnumerable<string> Cookie(HttpResponseMessage response, string name)
    {
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));
        return cookie.Split(';').Select(p => p.Trim());
    }

    /// <summary>A pack as the worker leaves it: a Ready row and its file in the evidence folder.</summary>
    async Task<int> ReadyEvidencePackAsync()
    {
        var folder = Path.Combine(app.Folder, "evidence");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "headers-test.zip"), [0x50, 0x4B, 0x05, 0x06, .. new byte[18]]);
        return await app.WithDbAsync(async db =>
        {
            var pack = new EvidencePack
            {
                RequestedAt = DateTime.UtcNow, RequestedByName = "Marta", Status = EvidencePackStatus.Ready, FileName = "headers-test.zip",
                SizeBytes = 22, Sha256 = new string('0', 64), CompletedAt = DateTime.UtcNow, Total = 0, People = 0,
            };
            db.EvidencePacks.Add(pack);
            await db.SaveChangesAsync();
            return pack.Id;
        });
    }
}

/// <summary>Forwarded headers are believed only from the configured proxies: anyone else's X-Forwarded-* are ignored.</summary>
public class ForwardedHeadersTests(ForwardedHeadersTests.BehindProxyAppFactory app) : IClassFixture<ForwardedHeadersTests.BehindProxyAppFactory>
{
    public sealed class BehindProxyAppFactory : AppFactory
    {
        protected override bool StartsLikeItsSettings => true;

        public BehindProxyAppFactory()
        {
            Settings["App:TrustForwardedHeaders"] = "true";
            Settings["App:KnownProxies:0"] = "10.0.0.5";
            Settings["App:KnownNetworks:0"] = "10.1.0.0/16";
            Settings["Throttling:VerifyPerAddress:Permits"] = "2";
            Settings["Throttling:VerifyPerAddress:WindowSeconds"] = "3600";
        }
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.1.7.9", true)]
    [InlineData("198.51.100.9", false)]
    [InlineData("10.0.0.6", false)]
    public async Task Only_a_known_proxy_can_say_the_request_was_https(string peer, bool believed)
    {
        var client = ClientAddress.From(app, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.50");
        var response = await client.GetAsync("/account/login");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sp.af=", StringComparison.Ordinal));
        Assert.Equal(believed, cookie.Split(';').Any(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_client_cannot_dodge_throttling_by_forging_x_forwarded_for()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var forger = ClientAddress.From(app, "198.51.100.77");
            forger.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await forger.GetAsync("/verify")).StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        // Through the real proxy, each client it names is counted on its own.
        for (var i = 0; i < 3; i++)
        {
            var proxied = ClientAddress.From(app, "10.0.0.5");
            proxied.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{100 + i}");
            Assert.Equal(HttpStatusCode.OK, (await proxied.GetAsync("/verify")).StatusCode);
        }
    }
}
