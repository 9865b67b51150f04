using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Provisioning;

/// <summary>
/// <c>/scim/v2</c>: SCIM 2.0 (RFC 7643/7644) for identity providers — discovery (ServiceProviderConfig, ResourceTypes,
/// Schemas) and Users (list with <c>userName eq</c> / <c>externalId eq</c> filters and paging, read, create, replace,
/// patch, delete). Bearer tokens only: a sign-in cookie is not looked at, and there is no antiforgery (no form, no
/// cookie). Every answer is <c>application/scim+json</c>; every refusal SCIM's error object — never a status page.
/// </summary>
public static partial class ScimEndpoints
{
    public const string Root = "/scim/v2";
    const string ContentType = "application/scim+json";
    const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";
    const string ListSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    const int MaxCount = 200;
    /// <summary>A User resource is a few kilobytes; 1 MB leaves room for any provider's extras and stops a runaway body early.</summary>
    const int MaxBody = 1 << 20;
    /// <summary>The two filters we answer are short; a longer one is not one of them.</summary>
    const int MaxFilter = 1000;
    static readonly Messages L = new();
    static readonly object TokenKey = new();

    public static IHostApplicationBuilder AddProvisioning(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScimOptions>().BindConfiguration(ScimOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ScimFailedAttempts>();
        builder.Services.AddScoped<ScimTokens>();
        builder.Services.AddScoped<ScimProvisioner>();
        return builder;
    }

    /// <summary>
    /// Before the status pages and the error page can answer for <c>/scim</c>: a SCIM client reads JSON. Goes right after
    /// <c>UseStatusCodePages</c>. A SCIM request is a machine's: the site's cookies (sign-in, antiforgery, language) are
    /// not read, so nobody's session is looked at, renewed or ended by it, and no cookie is set in its answer.
    /// </summary>
    public static IApplicationBuilder UseScimAnswers(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        context.Request.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.Cookie);
        // The server stops reading a body past the limit too (a chunked one has no length to check first).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxBody;
        // People's data: never kept by a browser or a proxy, whoever asks.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            // The server refused what the client sent (a body over the limit, a broken chunk): the client's fault, said as SCIM.
            context.Response.Clear();
            await Error(bad.StatusCode, bad.StatusCode == 413 ? null : "invalidSyntax", bad.StatusCode == 413
                ? L["El contenido tiene más de {0} bytes.", MaxBody] : L["La petición no se ha podido leer ({0}).", bad.StatusCode]).ExecuteAsync(context);
            return;
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ScimEndpoints)).LogError(ex, "SCIM request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await Error(500, null, L["Algo ha fallado al atender la petición; no se ha cambiado nada."]).ExecuteAsync(context);
            return;
        }
        if (!context.Response.HasStarted && context.Response.StatusCode >= 400)
        {
            // A status without a body: an address or a method the API does not have (NotMappedAsync), or anything
            // else on the way that refused the request without saying why in SCIM.
            var status = context.Response.StatusCode;
            var allow = context.Response.Headers.Allow.ToString();
            await Error(status, null, status switch
            {
                405 when allow.Length > 0 => L["Esta dirección no admite el método {0}; admite {1}.", context.Request.Method, allow],
                405 => L["Esta dirección no admite el método {0}.", context.Request.Method],
                404 => L["Esta dirección no es parte de la API SCIM."],
                _ => L["La petición no se ha podido atender ({0}).", status],
            }).ExecuteAsync(context);
        }
    });

    public static IEndpointRouteBuilder MapScim(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup(Root).AllowAnonymous().AddEndpointFilter(AuthenticateAsync);
        scim.MapGet("/ServiceProviderConfig", (HttpContext c) => Json(ServiceProviderConfig(c)));
        scim.MapGet("/ResourceTypes", (HttpContext c) => Json(List([UserResourceType(c)])));
        scim.MapGet("/ResourceTypes/User", (HttpContext c) => Json(UserResourceType(c)));
        scim.MapGet("/Schemas", () => Json(List(ScimSchemas.All())));
        scim.MapGet("/Schemas/{id}", (string id) => ScimSchemas.All().FirstOrDefault(s => string.Equals((string?)s["id"], id, StringComparison.OrdinalIgnoreCase)) is { } schema
            ? Json(schema) : Error(404, null, L["No existe el esquema «{0}».", id]));
        scim.MapGet("/Users", ListUsersAsync);
        scim.MapGet("/Users/{id}", GetUserAsync);
        scim.MapPost("/Users", CreateUserAsync);
        scim.MapPut("/Users/{id}", ReplaceUserAsync);
        scim.MapPatch("/Users/{id}", PatchUserAsync);
        scim.MapDelete("/Users/{id}", DeleteUserAsync);
        // Anything else under /scim/v2 — Groups, Bulk, a method an address does not take — answered here, as SCIM, rather
        // than left to the site's fallback rules (the sign-in page, the status pages).
        scim.MapFallback("{*path}", NotMappedAsync);
        return app;
    }

    /// <summary>
    /// An address we do not serve is a 404; one we serve, asked with another method, a 405 with the methods it takes.
    /// Only the status (and Allow) is set here: the body is written by <see cref="UseScimAnswers"/>, as for any status
    /// that comes back without one — and so before the site's status pages could make it an HTML page.
    /// </summary>
    static IResult NotMappedAsync(HttpContext context, EndpointDataSource endpoints)
    {
        var allowed = AllowedMethods(context.Request.Path, endpoints);
        if (allowed.Count == 0) return Results.StatusCode(StatusCodes.Status404NotFound);
        context.Response.Headers.Allow = string.Join(", ", allowed);
        return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
    }

    /// <summary>The methods of the SCIM endpoints whose route matches <paramref name="path"/> (literal segments in any case, a parameter any segment).</summary>
    static List<string> AllowedMethods(PathString path, EndpointDataSource endpoints)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        bool Matches(RoutePattern pattern) =>
            pattern.PathSegments.Count == segments.Length && pattern.PathSegments.Zip(segments).All(pair => pair.First.Parts switch
            {
                [RoutePatternLiteralPart literal] => literal.Content.Equals(pair.Second, StringComparison.OrdinalIgnoreCase),
                [RoutePatternParameterPart { IsCatchAll: false }] => true,
                _ => false,
            });
        return endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null && Matches(e.RoutePattern))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The bearer token, and nothing else: whoever the cookie says is signed in is forgotten for this request, so the
    /// audit log names the token. Failed attempts are throttled per client address.
    /// </summary>
    static async ValueTask<object?> AuthenticateAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var attempts = context.RequestServices.GetRequiredService<ScimFailedAttempts>();
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (attempts.Exhausted(address))
        {
            context.Response.Headers.RetryAfter = attempts.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Error(429, null, L["Demasiados intentos con un token no válido; espera {0} segundos.", attempts.RetryAfterSeconds]);
        }
        var header = context.Request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var token = await context.RequestServices.GetRequiredService<ScimTokens>().CheckAsync(bearer, context.RequestAborted);
        if (token is null)
        {
            attempts.Failed(address);
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"scim\"";
            return Error(401, null, L["Falta el token de acceso o no es válido (cabecera Authorization: Bearer …)."]);
        }
        context.Items[TokenKey] = token.Name;
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "SCIM · " + token.Name)], "ScimBearer"));
        return await next(invocation);
    }

    static string TokenName(HttpContext context) => context.Items[TokenKey] as string ?? "";

    static async Task<IResult> ListUsersAsync(HttpContext context, ScimProvisioner provisioner, string? filter, string? startIndex, string? count, CancellationToken ct)
    {
        // Read here rather than bound: a value that is not a number is SCIM's 400, not the framework's. Any integer is
        // taken, however large or small, and brought into range as RFC 7644 §3.4.2.4 says.
        long? Number(string? text) => string.IsNullOrWhiteSpace(text) ? null
            : System.Numerics.BigInteger.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                CultureInfo.InvariantCulture, out var n) ? (long)System.Numerics.BigInteger.Clamp(n, long.MinValue + 1, long.MaxValue)
            : long.MinValue;
        var (startAt, pageSize) = (Number(startIndex), Number(count));
        if (startAt == long.MinValue || pageSize == long.MinValue)
            return Error(400, "invalidValue", L["«{0}» debe ser un número entero.", startAt == long.MinValue ? "startIndex" : "count"]);
        var people = provisioner.Visible();
        if (!string.IsNullOrWhiteSpace(filter))
        {
            Match match;
            try
            {
                match = filter.Length > MaxFilter ? Match.Empty : FilterPattern().Match(filter.Trim());
            }
            catch (RegexMatchTimeoutException)
            {
                match = Match.Empty;
            }
            if (!match.Success)
                return Error(400, "invalidFilter", L["No se admite el filtro «{0}»: solo {1} y {2}.",
                    filter.Length > 200 ? filter[..200] + "…" : filter, "userName eq \"…\"", "externalId eq \"…\""]);
            var value = match.Groups["value"].Value.Replace("\\\"", "\"", StringComparison.Ordinal);
            if (match.Groups["attr"].Value.Equals("userName", StringComparison.OrdinalIgnoreCase))
            {
                // The userName the resource shows, whatever it is made of (see ScimPerson.ScimUserName).
                people = people.Where(ScimPerson.UserNameIs(value));
            }
            else
            {
                people = people.Where(p => p.ExternalId == value);
            }
        }
        // Below 1 is 1; a negative count is 0 (the total only); more than a page is a page.
        var start = (int)Math.Clamp(startAt ?? 1, 1, int.MaxValue);
        var size = (int)Math.Clamp(pageSize ?? 100, 0, MaxCount);
        var total = await people.CountAsync(ct);
        var page = size == 0 ? [] : await people.OrderBy(p => p.EmployeeId).Skip(start - 1).Take(size).ToListAsync(ct);
        var list = List(page.Select(p => Resource(context, p)).ToList(), total);
        list["startIndex"] = start;
        list["itemsPerPage"] = page.Count;
        return Json(list);
    }

    static async Task<IResult> GetUserAsync(HttpContext context, ScimProvisioner provisioner, string id, CancellationToken ct) =>
        await provisioner.FindAsync(id, ct) is { } person ? Json(Resource(context, person)) : NotFound(id);

    static async Task<IResult> CreateUserAsync(HttpContext context, ScimProvisioner provisioner, CancellationToken ct)
    {
        ScimUser? user = null;
        try
        {
            var body = await BodyAsync(context);
            user = ScimUserRules.Read(body);
            var result = await provisioner.CreateAsync(user, TokenName(context), ct);
            var resource = Resource(context, result.Person);
            context.Response.Headers.Location = (string?)resource["meta"]!["location"];
            return Json(resource, StatusCodes.Status201Created);
        }
        catch (ScimException refused)
        {
            return await RefusedAsync(context, provisioner, refused, user, null);
        }
    }

    static Task<IResult> ReplaceUserAsync(HttpContext context, ScimProvisioner provisioner, string id, CancellationToken ct) =>
        ChangeAsync(context, provisioner, id, (person, body) => ScimUserRules.Read(body, person.ToUser()), deleting: false, ct);

    static Task<IResult> PatchUserAsync(HttpContext context, ScimProvisioner provisioner, string id, CancellationToken ct) =>
        ChangeAsync(context, provisioner, id, (person, body) => ScimUserRules.Patch(person.ToUser(), body), deleting: false, ct);

    static Task<IResult> DeleteUserAsync(HttpContext context, ScimProvisioner provisioner, string id, CancellationToken ct) =>
        ChangeAsync(context, provisioner, id, (person, _) => person.ToUser(), deleting: true, ct);

    /// <summary>
    /// The body is read first; the change is worked out by the provisioner from the person as they are when it writes
    /// (another request may have changed or deleted them since this one arrived).
    /// </summary>
    static async Task<IResult> ChangeAsync(HttpContext context, ScimProvisioner provisioner, string id, Func<ScimPerson, JsonObject, ScimUser> change,
        bool deleting, CancellationToken ct)
    {
        var person = await provisioner.FindAsync(id, ct);
        if (person is null) return NotFound(id);
        try
        {
            var body = deleting ? new JsonObject() : await BodyAsync(context);
            var result = await provisioner.UpdateAsync(id, now => change(now, body), context.Request.Method, TokenName(context), deleting, ct);
            if (result is null) return NotFound(id);
            return deleting ? Results.StatusCode(StatusCodes.Status204NoContent) : Json(Resource(context, result.Person));
        }
        catch (ScimException refused)
        {
            return await RefusedAsync(context, provisioner, refused, null, person);
        }
    }

    static async Task<IResult> RefusedAsync(HttpContext context, ScimProvisioner provisioner, ScimException refused, ScimUser? user, ScimPerson? person)
    {
        await provisioner.RecordRefusalAsync(context.Request.Method, ScimProvisioner.SubjectOf(user, person), person?.EmployeeId, refused, TokenName(context), CancellationToken.None);
        return Error(refused.Status, refused.ScimType, refused.Detail);
    }

    /// <summary>
    /// The request's JSON object: SCIM or plain JSON, at most <see cref="MaxBody"/> bytes, attribute names in any case.
    /// Read whole here, so whatever is wrong with it — not JSON, not an object, a name sent twice — is a 400 now rather
    /// than a fault later.
    /// </summary>
    static async Task<JsonObject> BodyAsync(HttpContext context)
    {
        var sent = context.Request.ContentType;
        var type = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(sent, out var parsed) ? parsed.MediaType.Value : null;
        if (!string.Equals(type, ContentType, StringComparison.OrdinalIgnoreCase) && !string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase))
            throw new ScimException(415, null, string.IsNullOrWhiteSpace(sent)
                ? L["Falta la cabecera Content-Type; el contenido debe ser {0}.", ContentType]
                : L["El contenido debe ser {0}, no «{1}».", ContentType, sent]);
        if (context.Request.ContentLength > MaxBody) throw TooLarge();
        using var bytes = new MemoryStream();
        try
        {
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                bytes.Write(chunk, 0, read);
                if (bytes.Length > MaxBody) throw TooLarge();
            }
        }
        catch (BadHttpRequestException bad)
        {
            throw bad.StatusCode == 413 ? TooLarge() : new ScimException(400, "invalidSyntax", L["La petición no se ha podido leer ({0}).", bad.StatusCode]);
        }
        if (bytes.Length == 0) throw new ScimException(400, "invalidSyntax", L["Falta el contenido: debe ser un objeto JSON."]);
        try
        {
            var node = JsonNode.Parse(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), new JsonNodeOptions { PropertyNameCaseInsensitive = true });
            if (node is not JsonObject body)
                throw new ScimException(400, "invalidSyntax", node is JsonArray ? L["El contenido debe ser un objeto JSON, no una lista."] : L["El contenido debe ser un objeto JSON."]);
            Walk(body);
            return body;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new ScimException(400, "invalidSyntax", ex is ArgumentException
                ? L["El contenido repite un atributo (los nombres no distinguen mayúsculas)."]
                : L["El contenido no es JSON válido."]);
        }
    }

    static ScimException TooLarge() => new(413, null, L["El contenido tiene más de {0} bytes.", MaxBody]);

    /// <summary>A parsed object builds its members when first looked at; looking at all of them now finds a name sent twice.</summary>
    static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o) Walk(value);
                break;
            case JsonArray a:
                foreach (var item in a) Walk(item);
                break;
        }
    }

    [GeneratedRegex("""^(?<attr>userName|externalId)\s+eq\s+"(?<value>(?:[^"\\]|\\.)*)"$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex FilterPattern();

    static IResult NotFound(string id) => Error(404, null, L["No existe el usuario «{0}».", id]);

    /// <summary>Accents and «» written as they are (a log reader sees "petición", not "petici\u00F3n"); markup characters still escaped.</summary>
    static readonly JsonSerializerOptions Writing = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    static IResult Json(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Content(node.ToJsonString(Writing), ContentType, Encoding.UTF8, status);

    static IResult Error(int status, string? scimType, Message detail) => new ErrorResult(status, scimType, detail);

    /// <summary>
    /// SCIM's error object. Its detail is read by whoever looks at the provider's log — the company's IT staff — so it is
    /// in the language the request asks for (Accept-Language), else the organisation's (Spanish); never the language of
    /// someone's sign-in cookie, which a SCIM request does not have.
    /// </summary>
    sealed class ErrorResult(int status, string? scimType, Message detail) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var language = LanguageOf(context.Request);
            context.Response.Headers.ContentLanguage = language;
            var error = new JsonObject
            {
                ["schemas"] = new JsonArray(ErrorSchema),
                ["status"] = status.ToString(CultureInfo.InvariantCulture),
                ["detail"] = Languages.In(language, () => detail.In(localizer)),
            };
            if (scimType is not null) error["scimType"] = scimType;
            return Json(error, status).ExecuteAsync(context);
        }
    }

    /// <summary>The first language of Accept-Language (by quality) that the site speaks, else the organisation's.</summary>
    static string LanguageOf(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Languages.Normalize(l.Value.Value))
            .FirstOrDefault(l => l is not null) ?? Languages.Default;

    static JsonObject List(IReadOnlyList<JsonObject> resources, int? total = null) => new()
    {
        ["schemas"] = new JsonArray(ListSchema),
        ["totalResults"] = total ?? resources.Count,
        ["itemsPerPage"] = resources.Count,
        ["startIndex"] = 1,
        ["Resources"] = new JsonArray(resources.Select(r => (JsonNode)r).ToArray()),
    };

    /// <summary>On the site's public address, like every link it gives out: not the request's scheme or Host header (a TLS proxy, anyone's Host).</summary>
    static string BaseUrl(HttpContext context) => context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AppOptions>>().Value.Link(Root);

    public static JsonObject Resource(HttpContext context, ScimPerson p)
    {
        var enterprise = new JsonObject { ["employeeNumber"] = p.EmployeeNumber };
        if (p.Department is not null) enterprise["department"] = p.Department;
        if (p.ManagerId is not null)
            enterprise["manager"] = new JsonObject { ["value"] = p.ManagerId, ["$ref"] = $"{BaseUrl(context)}/Users/{p.ManagerId}", ["displayName"] = p.ManagerName };
        var ours = new JsonObject
        {
            ["employmentType"] = p.EmploymentType.ToString(),
            ["hireDate"] = p.HireDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (p.Site is not null) ours["site"] = p.Site;
        var name = new JsonObject { ["formatted"] = p.FullName };
        if (p.GivenName is not null) name["givenName"] = p.GivenName;
        if (p.FamilyName is not null) name["familyName"] = p.FamilyName;
        var meta = new JsonObject { ["resourceType"] = "User", ["location"] = $"{BaseUrl(context)}/Users/{p.Id}" };
        if (p.Created is { } created) meta["created"] = created.ToString("O", CultureInfo.InvariantCulture);
        if (p.Updated is { } updated) meta["lastModified"] = updated.ToString("O", CultureInfo.InvariantCulture);
        var user = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimUserRules.CoreSchema, ScimUserRules.EnterpriseSchema, ScimUserRules.OurSchema),
            ["id"] = p.Id,
            ["userName"] = p.ScimUserName,
            ["name"] = name,
            ["displayName"] = p.FullName,
            ["title"] = p.JobTitle,
            ["preferredLanguage"] = p.Language,
            ["active"] = p.Active,
            ["emails"] = p.Email is { Length: > 0 } email ? new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true }) : new JsonArray(),
            [ScimUserRules.EnterpriseSchema] = enterprise,
            [ScimUserRules.OurSchema] = ours,
            ["meta"] = meta,
        };
        if (p.ExternalId is not null) user["externalId"] = p.ExternalId;
        return user;
    }

    static JsonObject ServiceProviderConfig(HttpContext context) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = MaxCount },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = false },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "Bearer token",
            ["description"] = "A token an administrator creates on the SCIM tokens page, sent as Authorization: Bearer.",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = $"{BaseUrl(context)}/ServiceProviderConfig" },
    };

    static JsonObject UserResourceType(HttpContext context) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
        ["id"] = "User",
        ["name"] = "User",
        ["endpoint"] = "/Users",
        ["description"] = "A person who takes the service promise",
        ["schema"] = ScimUserRules.CoreSchema,
        ["schemaExtensions"] = new JsonArray(
            new JsonObject { ["schema"] = ScimUserRules.EnterpriseSchema, ["required"] = false },
            new JsonObject { ["schema"] = ScimUserRules.OurSchema, ["required"] = false }),
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{BaseUrl(context)}/ResourceTypes/User" },
    };
}
