using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ServicePromise.Web.Accounts;

/// <summary>A new person chooses their first password from the invitation link; HR never sets one.</summary>
[AllowAnonymous]
public class SetPasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> L, SingleSignOn.SsoOnlyRule ssoOnly) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public NewPasswordInput Input { get; set; } = new();
    public bool LinkIsValid { get; set; }
    /// <summary>The person signs in through the company's provider (SSO only): no password to choose.</summary>
    public bool SignsInWithCompany => CompanyButton is not null;
    /// <summary>The name of the button they sign in with.</summary>
    public string? CompanyButton { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        LinkIsValid = await FindInvitedUserAsync() is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindInvitedUserAsync();
        LinkIsValid = user is not null;
        if (user is null || !ModelState.IsValid) return Page();

        var result = await users.AddPasswordAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("Input.Password", error.Description);
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["StatusMessage"] = L["Tu contraseña está lista. ¡Bienvenida, bienvenido!"].Value;
        return LocalRedirect("/");
    }

    /// <summary>The link works only for an account that has no password yet and a token that is still valid.</summary>
    async Task<AppUser?> FindInvitedUserAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token)) return null;
        var user = await users.FindByIdAsync(UserId);
        if (user is null || await users.HasPasswordAsync(user)) return null;
        if (await ssoOnly.CompanyButtonAsync(user.Id) is { } button)
        {
            CompanyButton = button;
            return null;
        }
        return await users.VerifyUserTokenAsync(user, InvitationTokens.ProviderName, InvitationTokens.Purpose, Token) ? user : null;
    }
}
