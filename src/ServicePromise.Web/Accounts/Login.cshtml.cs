using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ServicePromise.Web.Accounts;

[AllowAnonymous]
[Throttled(ThrottledAction.SignIn)]
public partial class LoginModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> L, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    public class InputModel
    {
        /// <summary>
        /// The employee number or the email: people without email sign in with their number. Posted as
        /// <c>Input.Login</c>, the field the per-account throttle counts (<see cref="Throttling.FormLogin"/>).
        /// </summary>
        [Required(ErrorMessage = "Escribe tu número de empleado o tu correo electrónico.")]
        [StringLength(256, ErrorMessage = "Es demasiado largo para ser un número de empleado o un correo.")]
        [Display(Name = "Número de empleado o correo electrónico")]
        public string Login { get; set; } = "";

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

        var result = await signIn.PasswordSignInAsync(Input.Login.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            SignedIn(logger);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }
        if (result.IsLockedOut) RefusedLockedOut(logger);
        else if (result.IsNotAllowed) RefusedNotAllowed(logger);
        if (signIn is ActiveEmployeeSignInManager { PasswordRefusedForSso: { } button })
        {
            ModelState.AddModelError(string.Empty, L["Entras con la cuenta de tu empresa, no con una contraseña de aquí: usa el botón «Entrar con {0}», debajo.", button]);
            return Page();
        }
        // One answer for a wrong password, a locked account and an inactive one, so the form never tells
        // a stranger which addresses have accounts; the message itself says what a real person can do.
        ModelState.AddModelError(string.Empty, L["No hemos podido iniciar tu sesión: el número de empleado, el correo o la contraseña no son correctos. Tras 5 intentos fallidos la cuenta se bloquea 15 minutos. Si sigues sin poder entrar: con correo, restablece tu contraseña; sin correo, pide una carta nueva a tu responsable o a Personas (RR. HH.)."]);
        return Page();
    }

    // Every sign-in logs: generated, allocation-free log methods (CA1848).
    [LoggerMessage(Level = LogLevel.Information, Message = "User signed in")]
    static partial void SignedIn(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: account locked out after repeated failures")]
    static partial void RefusedLockedOut(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: account not allowed (inactive)")]
    static partial void RefusedNotAllowed(ILogger logger);
}
