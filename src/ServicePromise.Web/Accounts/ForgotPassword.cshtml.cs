using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Mail;

namespace ServicePromise.Web.Accounts;

[AllowAnonymous]
[Throttled(ThrottledAction.ForgotPassword)]
public class ForgotPasswordModel(
    UserManager<AppUser> users, AccountLinks links, MailSender mail, AppDbContext db,
    IStringLocalizer<SharedResource> L, SingleSignOn.SsoOnlyRule ssoOnly) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Sent { get; set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Escribe tu correo electrónico.")]
        [EmailAddress(ErrorMessage = "Ese correo electrónico no tiene un formato válido.")]
        [Display(Name = "Correo electrónico")]
        public string Email { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        var employee = user is null ? null : await db.Employees.AsNoTracking().Where(e => e.UserId == user.Id)
            .Select(e => new { e.FullName, e.Language, e.IsActive }).SingleOrDefaultAsync();
        if (user is not null && employee is { IsActive: true } && await ssoOnly.CompanyButtonAsync(user.Id) is { } button)
        {
            // No password to reset: the mail says how they do sign in (and the page answers as always).
            var login = links.Login(employee.Language);
            await mail.SendAsync(Languages.In(employee.Language, () => new MailMessageContent(user.Email!, employee.FullName,
                L["Cómo entrar en ServicePromise"],
                L["Hola, {0}:\n\nEn ServicePromise no usas contraseña: entras con la cuenta de tu empresa, con el botón «Entrar con {2}» de la página de inicio de sesión:\n{1}\n\nSi no lo has pedido tú, ignora este mensaje.", employee.FullName, login, button])));
        }
        else if (user is not null && employee is { IsActive: true })
        {
            var link = await links.PasswordResetAsync(user, employee.Language);
            // The mail goes out in the person's language, whatever language the form was used in.
            var message = Languages.In(employee.Language, () => new MailMessageContent(user.Email!, employee.FullName,
                L["Restablece tu contraseña de ServicePromise"],
                L["Hola, {0}:\n\nPara elegir una contraseña nueva, abre este enlace en las próximas 2 horas:\n{1}\n\nSi no lo has pedido tú, ignora este mensaje.", employee.FullName, link]));
            // A failure is logged by the sender; the answer stays the same.
            await mail.SendAsync(message);
        }
        // Same answer whether or not the address exists, so the form cannot be used to find accounts.
        Sent = true;
        return Page();
    }
}
