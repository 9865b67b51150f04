using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts.SingleSignOn;

namespace ServicePromise.Web.Accounts;

public class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, UserSessions sessions, SsoDiscovery discovery,
    IOptions<OidcOptions> sso) : PageModel
{
    /// <summary>Signed out here; the provider's end-session address, to end the session there too (RP-initiated logout).</summary>
    public string? ProviderSignOut { get; private set; }
    public string? ProviderName { get; private set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var session = ProviderSession.Of(await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme));
        // A new stamp, so a copy of this cookie (and the person's other sessions) stops working too.
        if (await users.GetUserAsync(User) is { } user) await sessions.EndAllAsync(user);
        await signIn.SignOutAsync();
        if (session is { } opened && sso.Value.Providers.TryGetValue(opened.Provider, out var provider))
        {
            var backTo = Url.Page("/Accounts/Login", pageHandler: null, values: null, protocol: Request.Scheme)!;
            ProviderSignOut = await discovery.SignOutAddressAsync(opened.Provider, opened.IdToken, backTo, HttpContext.RequestAborted);
            // Not a redirect: the sign-out form's form-action ('self') would hold the browser back from the provider.
            // A page of its own that goes on there (and says where it goes) is a new navigation.
            if (ProviderSignOut is not null)
            {
                ProviderName = provider.ButtonText(opened.Provider);
                return Page();
            }
        }
        return LocalRedirect("/account/login");
    }
}
