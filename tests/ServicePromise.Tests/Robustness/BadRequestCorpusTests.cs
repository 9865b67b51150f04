using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using Xunit.Abstractions;

namespace ServicePromise.Tests.Robustness;

/// <summary>
/// Careless clients and attackers, against every endpoint the app maps (read from its endpoint list, so a new page
/// is covered without touching this test): each route filled with plausible values (harvested from the site's own
/// links) and hostile ones, × GET/POST/PUT/DELETE/PATCH × each handler of the page and one that does not exist ×
/// anonymous, employee, manager, HR and admin × with and without a valid antiforgery token × malformed bodies.
/// Whatever the request, the answer is never a 5xx.
/// </summary>
public class BadRequestCorpusTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];
    const string TokenField = "__RequestVerificationToken";
    const string Hostile = "\u202Eevil\r\nBcc: x@y.es <script>alert(1)</script> ' OR 1=1 -- ";

    sealed record Target(RouteEndpoint Endpoint, IReadOnlyList<(string Method, string? Name)> Handlers);

    sealed record Body(string Name, Func<string?, IReadOnlyList<string>, IReadOnlyList<string>, HttpContent> Make, bool TokenInHeader = false);

    static readonly Body[] Bodies =
    [
        new("missing fields", (t, _, _) => Form(t, [])),
        new("blank fields", (t, fields, _) => Form(t, fields.Select(f => (f, "")))),
        new("hostile fields", (t, fields, checks) => Form(t, fields.Select(f => (f, checks.Contains(f) ? "maybe" : Hostile)))),
        new("non-boolean and non-number", (t, fields, _) => Form(t, fields.Select(f => (f, "sí")))),
        new("out-of-range numbers", (t, fields, _) => Form(t, fields.Select(f => (f, "99999999999999999999")))),
        new("huge field", (t, fields, _) => Form(t, fields.Select(f => (f, new string('a', 64 * 1024))))),
        new("repeated field", (t, fields, _) => Form(t, fields.SelectMany(f => new[] { (f, "1"), (f, "2") }))),
        new("json", (_, fields, _) => new StringContent("{" + string.Join(",", fields.Select(f => $"\"{f}\":\"maybe\"")) + "}", Encoding.UTF8, "application/json"), TokenInHeader: true),
        new("utf-7 form", (t, fields, _) => WithType(Form(t, fields.Select(f => (f, "+AGEAYgBj-"))), "application/x-www-form-urlencoded; charset=utf-7")),
        new("unknown charset form", (t, fields, _) => WithType(Form(t, fields.Select(f => (f, "x"))), "application/x-www-form-urlencoded; charset=klingon")),
        new("garbage multipart", (_, _, _) => Raw("this is not multipart\r\n--x\r\n\r\n", "multipart/form-data; boundary=x"), TokenInHeader: true),
        new("multipart without boundary", (_, _, _) => Raw("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n", "multipart/form-data"), TokenInHeader: true),
        new("truncated multipart", (_, _, _) => Raw("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc", "multipart/form-data; boundary=x"), TokenInHeader: true),
        new("text", (_, _, _) => Raw("hello", "text/plain"), TokenInHeader: true),
    ];

    [Fact]
    public async Task No_request_to_any_endpoint_answers_a_server_error()
    {
        _ = app.Server;
        var targets = await TargetsAsync();
        Assert.True(targets.Count >= 25, $"expected the app's pages to be enumerated, found {targets.Count}");

        string?[] identities = [null, Pages.Employee, "carmen.ruiz@demo.mercadosolivo.es", Pages.Hr, Pages.Admin];
        var failures = new List<Failure>();
        var sent = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (var who in identities)
        {
            var session = await Session.StartAsync(app, who);
            var values = await HarvestRouteValuesAsync(session.Client, targets);
            foreach (var target in targets)
            {
                var pattern = target.Endpoint.RoutePattern.RawText!;
                (IReadOnlyList<string> Fields, IReadOnlyList<string> Checks)? form = null;
                foreach (var (url, deep) in Urls(target.Endpoint.RoutePattern, values))
                {
                    form ??= await FieldsAsync(session.Client, url);
                    var (fields, checks) = form.Value;
                    foreach (var method in deep ? Methods : ["GET", "POST"])
                    {
                        // GET and POST try every handler of the page and one it does not have; PUT, DELETE and PATCH reach none
                        // of them (the pages have no such handlers), so the plain page and its first named handler are enough.
                        var named = target.Handlers.Select(h => h.Name).OfType<string>().Distinct().ToList();
                        var handlers = !deep ? [null]
                            : method is "GET" or "POST" ? named.Append(null).Append("Nope")
                            : named.Take(1).Append(null);
                        foreach (var handler in handlers)
                        {
                            var address = handler is null ? url : url + (url.Contains('?') ? "&" : "?") + "handler=" + handler;
                            foreach (var withToken in method == "GET" || !deep || (method != "POST" && handler is not null) ? [true] : new[] { true, false })
                            {
                                var answer = await SendAsync(session, pattern, method, address, withToken ? session.Token : null,
                                    method == "GET" ? null : Bodies[0], fields, checks, failures);
                                sent++;
                                // Every malformed body on each handler a form could reach (a POST with a valid token gets past
                                // antiforgery), unless this person is sent to sign in or refused before the body is read.
                                if (method != "POST" || !withToken || !deep || handler == "Nope" || SentAway(answer)) continue;
                                foreach (var body in Bodies.Skip(1))
                                {
                                    await SendAsync(session, pattern, method, address, session.Token, body, fields, checks, failures);
                                    sent++;
                                }
                            }
                        }
                    }
                    // A request may have signed the session out (the sign-out page): start afresh.
                    if (!await session.StillSignedInAsync()) session = await Session.StartAsync(app, who);
                }
            }
        }
        output.WriteLine($"{sent} requests to {targets.Count} endpoints in {started.Elapsed.TotalSeconds:0.0} s; {failures.Count} server errors.");
        // One line per endpoint × method × body (with one example), so a cause shows once, not a thousand times.
        var causes = failures.GroupBy(f => (f.Pattern, f.Method, f.Body)).Select(g => $"{g.Count(),5} × {g.Key.Method} {g.Key.Pattern} [{g.Key.Body}], e.g. {g.First().Example}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests answered a server error:\n{string.Join("\n", causes)}");
    }

    sealed record Failure(string Pattern, string Method, string Body, string Example);

    static bool SentAway((int Status, string? Location) answer) =>
        answer.Status is 302 or 303 && (answer.Location?.StartsWith("/account/login", StringComparison.Ordinal) == true || answer.Location?.StartsWith("/account/access-denied", StringComparison.Ordinal) == true);

    static async Task<(int Status, string? Location)> SendAsync(Session session, string pattern, string method, string url, string? token, Body? body,
        IReadOnlyList<string> fields, IReadOnlyList<string> checks, List<Failure> failures)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = body.Make(body.TokenInHeader ? null : token, fields, checks);
            if (body.TokenInHeader && token is not null) request.Headers.Add("RequestVerificationToken", token);
        }
        HttpResponseMessage response;
        try
        {
            response = await session.Client.SendAsync(request);
        }
        catch (Exception ex)
        {
            failures.Add(new(pattern, method, Describe(body, token), $"{session.Who ?? "anonymous"} {Short(url)} threw {ex.GetType().Name}: {Short(ex.Message)}"));
            return (0, null);
        }
        using (response)
        {
            if ((int)response.StatusCode >= 500)
                failures.Add(new(pattern, method, Describe(body, token), $"{session.Who ?? "anonymous"} {Short(url)} → {(int)response.StatusCode}"));
            var location = response.Headers.Location;
            return ((int)response.StatusCode, location is null ? null : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
        }
    }

    static string Describe(Body? body, string? token) => (body?.Name ?? "no body") + (token is null ? ", no token" : "");

    static string Short(string text) => text.Length > 120 ? text[..120] + "…" : text;

    /// <summary>Every endpoint the app maps, with the handler methods of its page (loaded the way routing loads them).</summary>
    async Task<List<Target>> TargetsAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var targets = new List<Target>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var handlers = new List<(string, string?)>();
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                handlers.AddRange(compiled.HandlerMethods.Select(h => (h.HttpMethod, h.Name)));
            }
            targets.Add(new Target(endpoint, handlers));
        }
        return targets;
    }

    /// <summary>Route values the site itself links to (real people, reviews, pillars, editions), so handlers run on real data.</summary>
    static async Task<Dictionary<string, HashSet<string>>> HarvestRouteValuesAsync(HttpClient client, IReadOnlyList<Target> targets)
    {
        var values = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        var links = new HashSet<string>();
        foreach (var target in targets.Where(t => t.Endpoint.RoutePattern.Parameters.Count == 0))
        {
            using var response = await client.GetAsync("/" + target.Endpoint.RoutePattern.RawText!.TrimStart('/'));
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var page = Pages.Parse(await response.Content.ReadAsStringAsync());
            foreach (var a in page.QuerySelectorAll("a[href]")) links.Add(a.GetAttribute("href")!.Split('?', '#')[0]);
        }
        foreach (var target in targets.Where(t => t.Endpoint.RoutePattern.Parameters.Count > 0))
        {
            var matcher = new TemplateMatcher(TemplateParser.Parse(target.Endpoint.RoutePattern.RawText!), new RouteValueDictionary());
            foreach (var link in links)
            {
                var matched = new RouteValueDictionary();
                if (!matcher.TryMatch(link, matched)) continue;
                foreach (var (key, value) in matched)
                    if (value is string s && values.GetValueOrDefault(key) is not { Count: >= 3 })
                    {
                        if (!values.TryGetValue(key, out var set)) values[key] = set = [];
                        set.Add(s);
                    }
            }
        }
        return values;
    }

    /// <summary>
    /// The route with its parameter filled by harvested values and hostile ones. The first few are tried in depth
    /// (every method, handler and body); values routing alone decides about (out of range, traversal, very long) get a GET and a POST.
    /// </summary>
    static IEnumerable<(string Url, bool Deep)> Urls(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, Dictionary<string, HashSet<string>> harvested)
    {
        if (pattern.Parameters.Count == 0)
        {
            yield return ("/" + pattern.RawText!.TrimStart('/'), true);
            yield break;
        }
        var parameter = pattern.Parameters[0];
        var isInt = parameter.ParameterPolicies.Any(p => p.Content == "int");
        var deep = new List<string>(harvested.GetValueOrDefault(parameter.Name)?.Take(1) ?? []);
        deep.Add(isInt ? "2147483647" : "%E2%80%AE%0D%0A");
        string[] shallow = isInt ? ["0", "-1", "99999999999"] : ["x", "..%2F..%2Fappsettings.json", new string('z', 300)];
        if (parameter.IsOptional) deep.Add("");
        foreach (var (value, inDepth) in deep.Distinct().Select(v => (v, true)).Concat(shallow.Select(v => (v, false))))
        {
            var url = System.Text.RegularExpressions.Regex.Replace(pattern.RawText!, @"\{[^}]+\}", value);
            yield return ("/" + url.TrimStart('/').TrimEnd('/'), inDepth);
        }
    }

    /// <summary>The names of the fields in the page's forms (checkboxes apart), as this person sees them.</summary>
    static async Task<(IReadOnlyList<string> Fields, IReadOnlyList<string> Checks)> FieldsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") return (["Input.Email", "Input.Confirm"], ["Input.Confirm"]);
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());
        var named = page.QuerySelectorAll("form [name]").Select(e => e.GetAttribute("name")!).Where(n => n != TokenField).Distinct().ToList();
        var checks = page.QuerySelectorAll("form input[type=checkbox][name]").Select(e => e.GetAttribute("name")!).Distinct().ToList();
        return (named, checks);
    }

    static HttpContent Form(string? token, IEnumerable<(string Name, string Value)> fields)
    {
        var all = fields.ToList();
        if (token is not null) all.Add((TokenField, token));
        return new FormUrlEncodedContent(all.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
    }

    static HttpContent WithType(HttpContent content, string type)
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return content;
    }

    static HttpContent Raw(string text, string type)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        return content;
    }

    sealed class Session
    {
        public required HttpClient Client { get; init; }
        public required string Token { get; init; }
        public required string? Who { get; init; }

        public static async Task<Session> StartAsync(AppFactory app, string? who)
        {
            var client = app.Browser();
            if (who is not null) await client.SignedInAsync(who);
            var page = await client.GetPageAsync(who is null ? "/account/login" : "/");
            var token = ((IHtmlInputElement)page.QuerySelector($"input[name={TokenField}]")!).Value;
            return new Session { Client = client, Token = token, Who = who };
        }

        public async Task<bool> StillSignedInAsync()
        {
            if (Who is null) return true;
            using var response = await Client.GetAsync("/");
            return response.StatusCode == HttpStatusCode.OK;
        }
    }
}
