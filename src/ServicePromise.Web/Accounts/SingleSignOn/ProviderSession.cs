using Microsoft.AspNetCore.Authentication;

namespace ServicePromise.Web.Accounts.SingleSignOn;

/// <summary>
/// A session opened through a provider remembers which one, and the ID token it gave, in the site's own sign-in cookie
/// (its properties, protected like the rest of it), so signing out can end the session at the provider too.
/// </summary>
public static class ProviderSession
{
    const string IdToken = "id_token";

    public static AuthenticationProperties Properties(string provider, string? idToken)
    {
        var properties = new AuthenticationProperties { IsPersistent = false };
        properties.Items[ExternalLoginModel.ProviderItem] = provider;
        if (idToken is not null) properties.StoreTokens([new AuthenticationToken { Name = IdToken, Value = idToken }]);
        return properties;
    }

    /// <summary>The provider and ID token of the current session; null for a session opened with a password.</summary>
    public static (string Provider, string? IdToken)? Of(AuthenticateResult session) =>
        session.Properties?.Items.TryGetValue(ExternalLoginModel.ProviderItem, out var provider) == true && provider is not null
            ? (provider, session.Properties.GetTokenValue(IdToken))
            : null;
}
