using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ServicePromise.Web.Accounts;

/// <summary>What a page is throttled as; put <see cref="ThrottledAttribute"/> on its page model.</summary>
public enum ThrottledAction
{
    /// <summary>Sign-in posts, per client address and per account (the posted employee number or email).</summary>
    SignIn,
    /// <summary>Password-reset requests, per client address and per target email (each one sends a mail).</summary>
    ForgotPassword,
    /// <summary>Every certificate lookup, per client address (guessing codes).</summary>
    Verify,
    /// <summary>Every answer to a provider's callback address (<c>/signin-oidc-…</c>), per client address: anyone can send it garbage.</summary>
    SsoCallback,
}

[AttributeUsage(AttributeTargets.Class)]
public sealed class ThrottledAttribute(ThrottledAction action) : Attribute
{
    public ThrottledAction Action { get; } = action;
}

/// <summary>At most <see cref="Permits"/> requests in each window of <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimit
{
    public int Permits { get; set; }
    public int WindowSeconds { get; set; }
}

/// <summary>The limits of <see cref="Throttling"/> (section <c>Throttling</c>).</summary>
public sealed class ThrottlingOptions : IValidatableObject
{
    public const string Section = "Throttling";

    public RateLimit SignInPerAddress { get; set; } = new() { Permits = 30, WindowSeconds = 300 };
    public RateLimit SignInPerAccount { get; set; } = new() { Permits = 10, WindowSeconds = 300 };
    public RateLimit ForgotPasswordPerAddress { get; set; } = new() { Permits = 10, WindowSeconds = 3600 };
    public RateLimit ForgotPasswordPerEmail { get; set; } = new() { Permits = 3, WindowSeconds = 3600 };
    public RateLimit VerifyPerAddress { get; set; } = new() { Permits = 60, WindowSeconds = 60 };
    /// <summary>Letter codes that did not work, per client address (<see cref="Letters.LetterCodeAttempts"/>): only failures count.</summary>
    public RateLimit LetterCodePerAddress { get; set; } = new() { Permits = 30, WindowSeconds = 300 };
    public RateLimit SsoCallbackPerAddress { get; set; } = new() { Permits = 30, WindowSeconds = 300 };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, limit) in Limits())
        {
            if (limit.Permits is < 1 or > 1_000_000)
                yield return new ValidationResult($"{Section}:{name}:Permits must be between 1 and 1000000 (it is {limit.Permits}).", [name]);
            if (limit.WindowSeconds is < 1 or > 86_400)
                yield return new ValidationResult($"{Section}:{name}:WindowSeconds must be between 1 and 86400 (it is {limit.WindowSeconds}).", [name]);
        }
    }

    IEnumerable<(string Name, RateLimit Limit)> Limits() =>
    [
        (nameof(SignInPerAddress), SignInPerAddress), (nameof(SignInPerAccount), SignInPerAccount),
        (nameof(ForgotPasswordPerAddress), ForgotPasswordPerAddress), (nameof(ForgotPasswordPerEmail), ForgotPasswordPerEmail),
        (nameof(VerifyPerAddress), VerifyPerAddress), (nameof(LetterCodePerAddress), LetterCodePerAddress),
        (nameof(SsoCallbackPerAddress), SsoCallbackPerAddress),
    ];
}

/// <summary>
/// ASP.NET Core's rate limiter over the pages an attacker would hammer: sign-in, forgot-password (each request mails
/// someone) and certificate verification. Two chained limiters: one per client address, one per account or target
/// email. A throttled request answers 429 with Retry-After, and the status page says in the person's language when
/// to try again.
/// </summary>
public static class Throttling
{
    /// <summary>The sign-in form's field: an employee number or an email.</summary>
    public const string FormLogin = "Input.Login";
    /// <summary>The forgotten-password form's field: the email a reset link would go to.</summary>
    public const string FormEmail = "Input.Email";

    public static IHostApplicationBuilder AddThrottling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ThrottlingOptions>().BindConfiguration(ThrottlingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<ThrottlingOptions>>((o, throttling) =>
        {
            var limits = throttling.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits, byAccount: false)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits, byAccount: true)));
            o.OnRejected = (rejected, _) =>
            {
                var after = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                // Nothing written: the status pages show /status/429 in the person's language.
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>After routing (the page's <see cref="ThrottledAttribute"/> is known), before anything else reads the database.</summary>
    public static WebApplication UseThrottling(this WebApplication app)
    {
        // The per-account limiter needs the posted email, and a limiter's partition cannot wait for the body: read the
        // form first. A body that cannot be read is left for the page to refuse as it would anyway (the failed read is kept).
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ThrottledAttribute>() is not null
                && HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
            {
                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException or InvalidOperationException or System.Text.DecoderFallbackException)
                {
                }
            }
            await next();
        });
        app.UseRateLimiter();
        return app;
    }

    static RateLimitPartition<string> Partition(HttpContext context, ThrottlingOptions limits, bool byAccount)
    {
        var action = context.GetEndpoint()?.Metadata.GetMetadata<ThrottledAttribute>()?.Action ?? SingleSignOn.OidcOptions.CallbackAction(context.Request.Path);
        // Opening the sign-in or reset form is free; sending it is what is counted.
        if (action is null || (action is not (ThrottledAction.Verify or ThrottledAction.SsoCallback) && !HttpMethods.IsPost(context.Request.Method)))
            return RateLimitPartition.GetNoLimiter("");
        var (limit, key) = (action.Value, byAccount) switch
        {
            (ThrottledAction.SignIn, false) => (limits.SignInPerAddress, Address(context)),
            (ThrottledAction.SignIn, true) => (limits.SignInPerAccount, PostedAccount(context, FormLogin)),
            (ThrottledAction.ForgotPassword, false) => (limits.ForgotPasswordPerAddress, Address(context)),
            (ThrottledAction.ForgotPassword, true) => (limits.ForgotPasswordPerEmail, PostedAccount(context, FormEmail)),
            (ThrottledAction.Verify, false) => (limits.VerifyPerAddress, Address(context)),
            (ThrottledAction.SsoCallback, false) => (limits.SsoCallbackPerAddress, Address(context)),
            _ => (null, null),
        };
        if (limit is null || key is null) return RateLimitPartition.GetNoLimiter("");
        return RateLimitPartition.GetFixedWindowLimiter($"{action}/{(byAccount ? "account" : "address")}/{key}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.Permits,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        });
    }

    /// <summary>The client's address (as the trusted proxies report it); an IPv6 client by its /64, which one holder usually has whole.</summary>
    public static string Address(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }
        return address.ToString();
    }

    /// <summary>
    /// The account the page will bind — <paramref name="field"/>: the sign-in's employee number or email, the reset's
    /// email — read the way model binding reads it — the form's value if the form has the
    /// field, else the query string's; the first of repeated values — and normalised as Identity compares emails,
    /// so neither a second copy of the field, nor the address moved to the query string, nor a different case or
    /// Unicode composition makes a new account to count against.
    /// </summary>
    static string? PostedAccount(HttpContext context, string field)
    {
        var form = context.Features.Get<IFormFeature>()?.Form;
        var values = form is not null && form.ContainsKey(field) ? form[field] : context.Request.Query[field];
        var email = values.FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(email)) return null;
        if (email.Length > 256) email = email[..256];
        return context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Identity.ILookupNormalizer>().NormalizeEmail(email);
    }
}
