using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ServicePromise.Web.Accounts.SingleSignOn;

public static class SingleSignOnExtensions
{
    /// <summary>
    /// One OpenID Connect scheme per provider in <c>Oidc:Providers</c> (the list is read now: schemes are fixed at
    /// start), each configured from the validated options. The provider's answer lands in Identity's external cookie;
    /// <see cref="ExternalLoginModel"/> matches it to an employee and signs them in with the site's own cookie, so the
    /// session is checked on every request like any other (<see cref="SessionValidator"/>).
    /// </summary>
    public static IHostApplicationBuilder AddSingleSignOn(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        builder.Services.AddScoped<SsoAccounts>();
        builder.Services.AddScoped<JustInTimeStaff>();
        builder.Services.AddScoped<SsoOnlyRule>();
        builder.Services.AddSingleton<SsoDiscovery>();

        var authentication = builder.Services.AddAuthentication();
        foreach (var provider in builder.Configuration.GetSection(OidcOptions.Section + ":Providers").GetChildren())
        {
            var name = provider.Key;
            var scheme = OidcOptions.Scheme(name);
            authentication.AddOpenIdConnect(scheme, _ => { });
            builder.Services.AddOptions<OpenIdConnectOptions>(scheme)
                .Configure<IOptions<OidcOptions>>((o, sso) => Configure(o, name, sso.Value.Providers[name]));
        }
        return builder;
    }

    static void Configure(OpenIdConnectOptions o, string name, OidcProviderOptions provider)
    {
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.Authority = provider.Authority;
        o.RequireHttpsMetadata = provider.RequireHttpsMetadata;
        o.ClientId = provider.ClientId;
        o.ClientSecret = provider.ClientSecret;
        o.ResponseType = "code";
        o.UsePkce = true;
        // A redirect back (a top-level GET) carries the correlation and nonce cookies under SameSite=Lax; a form post
        // from the provider's site would not.
        o.ResponseMode = "query";
        o.CallbackPath = OidcOptions.CallbackPath(name);
        o.SignedOutCallbackPath = "/signout-callback-oidc-" + name.ToLowerInvariant();
        o.RemoteSignOutPath = "/signout-oidc-" + name.ToLowerInvariant();
        o.Scope.Clear();
        o.Scope.Add("openid");
        foreach (var scope in provider.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)) o.Scope.Add(scope);
        // The claims keep the provider's own names, which the settings use; the user-info endpoint adds what the ID token leaves out.
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = true;
        foreach (var claim in provider.ClaimNames()) o.ClaimActions.MapUniqueJsonKey(claim, claim);
        // The ID token is kept (in the site's own cookie, see ExternalLoginModel) to end the session at the provider on sign-out.
        o.SaveTokens = true;
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure behind TLS, like the sign-in cookie
        }
        o.Events.OnMessageReceived = context =>
        {
            // Read before the handler checks the correlation, which takes its id out of the properties.
            context.HttpContext.Items[StartedHereItem] = StartedHere(context.Properties, context.Request, o);
            return Task.CompletedTask;
        };
        o.Events.OnRemoteFailure = async context =>
        {
            var http = context.HttpContext;
            // The provider's answer used a second time (a reload, the back button, a copied address): its one-use
            // correlation cookie is gone. Someone already signed in goes on into the site; anyone else is told.
            var used = context.Failure?.Message is { } reason
                && (reason.StartsWith("Correlation failed", StringComparison.Ordinal) || reason.Contains("message.State", StringComparison.Ordinal));
            if (used && (await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Succeeded)
            {
                context.Response.Redirect("/");
                context.HandleResponse();
                return;
            }
            // A token with a wrong audience or issuer, a bad signature, a cancelled sign-in at the provider: refused with a
            // page in the person's language, never an error page, and recorded — in the audit log only when this browser
            // started the sign-in (anyone can send the callback address garbage; that is only logged, and throttled).
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOnExtensions))
                .LogWarning("Sign-in through provider {Provider} refused: {Reason}", name, context.Failure?.Message);
            if (http.Items[StartedHereItem] is true)
                await http.RequestServices.GetRequiredService<SsoAccounts>().RecordFailureAsync(name, Short(context.Failure?.Message));
            context.Response.Redirect("/account/external?failed=" + Uri.EscapeDataString(name) + (used ? "&used=true" : ""));
            context.HandleResponse();
        };
    }

    const string StartedHereItem = "sp.sso-started-here";

    /// <summary>
    /// The answer's state is one this site issued (it decrypted into properties) and the browser carries the correlation
    /// cookie the sign-in set for it — the check the handler makes (RemoteAuthenticationHandler's ".xsrf" item, cookie
    /// value "N"), which a forged or replayed callback fails.
    /// </summary>
    static bool StartedHere(AuthenticationProperties? properties, HttpRequest request, OpenIdConnectOptions o) =>
        properties?.Items.TryGetValue(".xsrf", out var correlation) == true && correlation is { Length: > 0 }
        && request.Cookies[o.CorrelationCookie.Name + correlation] == "N";

    static string Short(string? reason) => reason is null ? "" : reason.Length <= 300 ? reason : reason[..300];
}
