using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ServicePromise.Web.Accounts.SingleSignOn;

/// <summary>
/// What the providers' discovery documents say, as each provider's sign-in scheme read them (once, then cached by it):
/// where the sign-in page's buttons lead (the authorization endpoint, often on another host than the issuer — its
/// <c>form-action</c> must allow it) and where a person signs out at the provider (the end-session endpoint). A
/// provider that does not answer within <see cref="Wait"/> is taken as saying nothing, so it never holds up the
/// sign-in page, whose password form is the way in when the provider is down.
/// </summary>
public sealed class SsoDiscovery(IOptions<OidcOptions> options, IOptionsMonitor<OpenIdConnectOptions> schemes)
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    /// <summary>The origins the provider buttons' form leads to: each issuer's and each authorization endpoint's.</summary>
    public async Task<IReadOnlyList<string>> FormTargetsAsync(CancellationToken ct)
    {
        var providers = options.Value.Providers;
        var endpoints = await Task.WhenAll(providers.Keys.Select(async name => (await DocumentAsync(name, ct))?.AuthorizationEndpoint));
        return providers.Values.Select(p => p.Authority).Concat(endpoints).Select(Origin).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Where to send a person signing out who signed in through provider <paramref name="name"/> (RP-initiated logout),
    /// so their session there ends too; null when its discovery document names no end-session endpoint.
    /// </summary>
    /// <param name="idToken">The ID token the provider gave at sign-in (<c>id_token_hint</c>: which session to end).</param>
    /// <param name="backTo">Where the provider sends the person afterwards (registered at the provider).</param>
    public async Task<string?> SignOutAddressAsync(string name, string? idToken, string backTo, CancellationToken ct)
    {
        if (!options.Value.Providers.TryGetValue(name, out var provider)) return null;
        if ((await DocumentAsync(name, ct))?.EndSessionEndpoint is not { Length: > 0 } endpoint) return null;
        var query = new Dictionary<string, string?> { ["client_id"] = provider.ClientId, ["post_logout_redirect_uri"] = backTo };
        if (idToken is not null) query["id_token_hint"] = idToken;
        return QueryHelpers.AddQueryString(endpoint, query);
    }

    async Task<OpenIdConnectConfiguration?> DocumentAsync(string name, CancellationToken ct)
    {
        if (schemes.Get(OidcOptions.Scheme(name)).ConfigurationManager is not { } manager) return null;
        try
        {
            return await manager.GetConfigurationAsync(ct).WaitAsync(Wait, ct);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException or IOException)
        {
            // Unreachable, or no valid document: the scheme will say so when someone presses its button.
            return null;
        }
    }

    static string? Origin(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.GetLeftPart(UriPartial.Authority) : null;
}
