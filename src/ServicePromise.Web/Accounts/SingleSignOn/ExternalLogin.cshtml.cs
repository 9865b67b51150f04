using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Accounts.SingleSignOn;

/// <summary>
/// Sign-in through the company's provider: the sign-in page's button posts here and goes to the provider; the
/// provider's answer comes back to <see cref="OnGetCallbackAsync"/>, which matches it to an employee and signs them
/// in — or says, in the person's language, why not.
/// </summary>
[AllowAnonymous]
public partial class ExternalLoginModel(
    IOptions<OidcOptions> options, SignInManager<AppUser> signIn, SsoAccounts accounts, IStringLocalizer<SharedResource> pageTexts,
    ILogger<ExternalLoginModel> logger) : PageModel
{
    /// <summary>The provider a session was opened through, in the sign-in cookie's properties (with its ID token): see <see cref="ProviderSession"/>.</summary>
    public const string ProviderItem = "sp.provider";
    static readonly Messages L = new();

    /// <summary>Why the sign-in was refused, already in <see cref="RefusalLanguage"/>.</summary>
    public string? Refusal { get; set; }
    public string? RefusalLanguage { get; set; }

    /// <summary>The provider said no, or its answer did not check out (see SingleSignOnExtensions' OnRemoteFailure).</summary>
    /// <param name="used">The provider's answer had been used before (see SingleSignOnExtensions' OnRemoteFailure).</param>
    public IActionResult OnGet(string? failed = null, bool used = false)
    {
        var provider = failed is null ? null : options.Value.Providers.GetValueOrDefault(failed);
        if (used && provider is not null)
            return Refused(StatusCodes.Status403Forbidden, null,
                L["Esa vuelta desde {0} ya se usó o ha caducado, y nadie ha entrado con ella. Vuelve a la página de inicio de sesión y pulsa el botón «Entrar con {0}».", provider.ButtonText(failed!)]);
        return Refused(StatusCodes.Status403Forbidden, null,
            L["No hemos podido iniciar tu sesión con {0}. Vuelve a intentarlo; si sigue sin funcionar, habla con Personas (RR. HH.).", provider is null ? L["la cuenta de tu empresa"] : (object)provider.ButtonText(failed!)]);
    }

    public IActionResult OnPost(string? provider, string? returnUrl = null)
    {
        if (provider is null || !options.Value.Providers.ContainsKey(provider))
            return Refused(StatusCodes.Status400BadRequest, null, L["Ese inicio de sesión de empresa no existe. Vuelve a la página de inicio de sesión y elige uno de sus botones."]);
        var properties = new AuthenticationProperties
        {
            RedirectUri = Url.Page("/Accounts/SingleSignOn/ExternalLogin", "Callback", new { returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null }),
        };
        properties.Items[ProviderItem] = provider;
        return Challenge(properties, OidcOptions.Scheme(provider));
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl = null)
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var name = external.Properties?.Items.TryGetValue(ProviderItem, out var item) == true ? item : null;
        var provider = name is null ? null : options.Value.Providers.GetValueOrDefault(name);
        var who = provider is null || external.Principal is null ? null : SsoIdentity.From(external.Principal.Claims, provider);
        if (!external.Succeeded || provider is null || who is null) return OnGet(name);

        var language = who.Language ?? Languages.Normalize(CultureInfo.CurrentUICulture.Name) ?? Languages.Default;
        var outcome = await accounts.FindAsync(name!, provider, who, language);
        if (outcome.User is null)
        {
            SsoRefused(logger, name!, outcome.Refusal.ToString());
            var company = provider.ButtonText(name!);
            return Refused(StatusCodes.Status403Forbidden, language, outcome.Refusal switch
            {
                SsoRefusal.Inactive => L["Tu cuenta de ServicePromise ya no está activa. Si crees que es un error, habla con Personas (RR. HH.)."],
                SsoRefusal.LinkedToAnother => L["Esa cuenta de ServicePromise ya está enlazada con otra cuenta de {0}. Habla con Personas (RR. HH.).", company],
                SsoRefusal.Privileged => L["Las cuentas de Personas (RR. HH.) y de administración no entran con la cuenta de {0}: entra con tu correo y tu contraseña.", company],
                SsoRefusal.EmailNotVerified => L["Tu cuenta de {0} no confirma que el correo {1} sea tuyo (no está verificado), así que no podemos usarlo para encontrarte. Verifica el correo en tu cuenta de {0} o habla con Personas (RR. HH.).", company, who.Email!],
                SsoRefusal.Busy => L["Otra pestaña está terminando tu primer inicio de sesión con {0}. Espera un momento y vuelve a pulsar el botón «Entrar con {0}».", company],
                SsoRefusal.NotCreated => L["No hemos podido darte de alta con los datos de tu cuenta de {0}: {1} Habla con Personas (RR. HH.).", company, outcome.Why],
                _ => L["No encontramos a nadie en ServicePromise con tu cuenta de {0}. Pide a Personas (RR. HH.) que te den de alta con el mismo correo o número de empleado que usa tu empresa.", company],
            });
        }
        await signIn.SignInAsync(outcome.User, ProviderSession.Properties(name!, external.Properties!.GetTokenValue("id_token")), OidcOptions.Scheme(name!));
        SsoSignedIn(logger, name!);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    /// <param name="language">The person's language when known (the provider's <c>locale</c>, or the one they sign in in); else the page's.</param>
    PageResult Refused(int status, string? language, Message message)
    {
        Response.StatusCode = status;
        RefusalLanguage = language ?? Languages.Normalize(CultureInfo.CurrentUICulture.Name) ?? Languages.Default;
        // The message in that language, whatever language the page around it is in.
        Refusal = Languages.In(RefusalLanguage, () => message.In(pageTexts));
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User signed in through provider {Provider}")]
    static partial void SsoSignedIn(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in through provider {Provider} refused: {Reason}")]
    static partial void SsoRefused(ILogger logger, string provider, string reason);
}
