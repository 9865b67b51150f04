using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ServicePromise.Web.Accounts;

[AllowAnonymous]
public class ResetPasswordModel(UserManager<AppUser> users, IStringLocalizer<SharedResource> L, SingleSignOn.SsoOnlyRule ssoOnly) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public NewPasswordInput Input { get; set; } = new();

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        if (user is null || string.IsNullOrEmpty(Token))
        {
            ModelState.AddModelError(string.Empty, L["El enlace no es válido o ha caducado. Pide uno nuevo."]);
            return Page();
        }
        if (await ssoOnly.CompanyButtonAsync(user.Id) is { } button)
        {
            ModelState.AddModelError(string.Empty, L["Entras con la cuenta de tu empresa, no con una contraseña de aquí: usa el botón «Entrar con {0}» de la página de inicio de sesión.", button]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        // A successful reset also lifts a lockout: the person proved they own the mailbox.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["StatusMessage"] = L["Contraseña cambiada. Ya puedes iniciar sesión."].Value;
        return LocalRedirect("/account/login");
    }
}
