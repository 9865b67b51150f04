using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ServicePromise.Web.Accounts;

[AllowAnonymous]
public class LoginModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> L, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Escribe tu correo electrónico.")]
        [EmailAddress(ErrorMessage = "Ese correo electrónico no tiene un formato válido.")]
        [Display(Name = "Correo electrónico")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Escribe tu contraseña.")]
        [DataType(DataType.Password)]
        [Display(Name = "Contraseña")]
        public string Password { get; set; } = "";

        [Display(Name = "Mantener la sesión iniciada")]
        public bool RememberMe { get; set; }
    }

    public void OnGet(string? returnUrl = null) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User signed in");
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Account locked out after repeated failures");
            ModelState.AddModelError(string.Empty, L["Demasiados intentos fallidos. Tu cuenta está bloqueada durante 15 minutos; vuelve a intentarlo más tarde o restablece tu contraseña."]);
            return Page();
        }
        if (result.IsNotAllowed)
        {
            ModelState.AddModelError(string.Empty, L["Tu cuenta no puede iniciar sesión. Habla con Personas (RR. HH.)."]);
            return Page();
        }
        ModelState.AddModelError(string.Empty, L["El correo o la contraseña no son correctos."]);
        return Page();
    }
}
