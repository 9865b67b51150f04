using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
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
    const int MaxBody = 1 << 20;
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
    /// <c>UseStatusCodePages</c>.
    /// </summary>
    public static IApplicationBuilder UseScimAnswers(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
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
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ScimEndpoints)).LogError(ex, "SCIM request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await Error(500, null, L["Algo ha fallado al atender la petición; no se ha cambiado nada."]).ExecuteAsync(context);
            return;
        }
        if (!context.Response.HasStarted && context.Response.StatusCode >= 400)
        {
            // What routing answered without us: an unknown address, a method the address does not take.
            var status = context.Response.StatusCode;
            await Error(status, null, status switch
            {
                405 => L["Esta dirección no admite el método {0}.", context.Request.Method],
                404 => L["No existe {0}.", context.Request.Path.Value ?? ""],
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
        // Anything else under /scim/v2 (Groups, Bulk, a method an address does not take): SCIM's 404, not the sign-in page.
        scim.MapFallback(() => Error(404, null, L["Esta dirección no es parte de la API SCIM."]));
        return app;
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
        // Read here rather than bound: a value that is not a number is SCIM's 400, not the framework's.
        int? Number(string? text) => text is null ? null : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : int.MinValue;
        var (startAt, pageSize) = (Number(startIndex), Number(count));
        if (startAt == int.MinValue || pageSize == int.MinValue)
            return Error(400, "invalidValue", L["«{0}» debe ser un número entero.", startAt == int.MinValue ? "startIndex" : "count"]);
        var people = provisioner.Visible();
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var match = FilterPattern().Match(filter.Trim());
            if (!match.Success)
                return Error(400, "invalidFilter", L["Solo se admiten los filtros {0} y {1}.", "userName eq \"…\"", "externalId eq \"…\""]);
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
        var start = Math.Max(1, startAt ?? 1);
        var size = Math.Clamp(pageSize ?? 100, 0, MaxCount);
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

    static async Task<IResult> ChangeAsync(HttpContext context, ScimProvisioner provisioner, string id, Func<ScimPerson, JsonObject, ScimUser> change,
        bool deleting, CancellationToken ct)
    {
        var person = await provisioner.FindAsync(id, ct);
        if (person is null) return NotFound(id);
        ScimUser? user = null;
        try
        {
            var body = deleting ? new JsonObject() : await BodyAsync(context);
            user = change(person, body);
            var result = await provisioner.UpdateAsync(person, user, context.Request.Method, TokenName(context), deleting, ct);
            return deleting ? Results.StatusCode(StatusCodes.Status204NoContent) : Json(Resource(context, result.Person));
        }
        catch (ScimException refused)
        {
            return await RefusedAsync(context, provisioner, refused, user, person);
        }
    }

    static async Task<IResult> RefusedAsync(HttpContext context, ScimProvisioner provisioner, ScimException refused, ScimUser? user, ScimPerson? person)
    {
        await provisioner.RecordRefusalAsync(context.Request.Method, ScimProvisioner.SubjectOf(user, person), person?.EmployeeId, refused, TokenName(context), CancellationToken.None);
        return Error(refused.Status, refused.ScimType, refused.Detail);
    }

    /// <summary>The request's JSON object: SCIM or plain JSON, at most 1 MB, attribute names in any case.</summary>
    static async Task<JsonObject> BodyAsync(HttpContext context)
    {
        var type = context.Request.ContentType ?? "";
        if (!type.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase) && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new ScimException(415, null, L["El contenido debe ser application/scim+json."]);
        if (context.Request.ContentLength > MaxBody)
            throw new ScimException(413, null, L["El contenido tiene más de {0} bytes.", MaxBody]);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var buffer = new char[MaxBody + 1];
        var read = await reader.ReadBlockAsync(buffer, context.RequestAborted);
        if (read > MaxBody) throw new ScimException(413, null, L["El contenido tiene más de {0} bytes.", MaxBody]);
        try
        {
            return JsonNode.Parse(new string(buffer, 0, read), new JsonNodeOptions { PropertyNameCaseInsensitive = true }) as JsonObject
                ?? throw new ScimException(400, "invalidSyntax", L["El contenido debe ser un objeto JSON."]);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new ScimException(400, "invalidSyntax", L["El contenido no es JSON válido."]);
        }
    }

    [GeneratedRegex("""^(?<attr>userName|externalId)\s+eq\s+"(?<value>(?:[^"\\]|\\.)*)"$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex FilterPattern();

    static IResult NotFound(string id) => Error(404, null, L["No existe el usuario «{0}».", id]);

    static IResult Json(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Content(node.ToJsonString(), ContentType, Encoding.UTF8, status);

    static IResult Error(int status, string? scimType, Message detail) => new ErrorResult(status, scimType, detail);

    /// <summary>SCIM's error object, its detail in the reader's language.</summary>
    sealed class ErrorResult(int status, string? scimType, Message detail) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var error = new JsonObject
            {
                ["schemas"] = new JsonArray(ErrorSchema),
                ["status"] = status.ToString(CultureInfo.InvariantCulture),
                ["detail"] = detail.In(localizer),
            };
            if (scimType is not null) error["scimType"] = scimType;
            return Json(error, status).ExecuteAsync(context);
        }
    }

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
