using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Letters;

/// <summary>
/// Where a welcome letter's QR code (or its typed code) leads: a person without email chooses their password — the first
/// one, or a new one when they forgot it and were given a new letter — and is signed in. Throttled like sign-in: each
/// try of a code counts, opened from the QR code or typed.
/// </summary>
[AllowAnonymous]
[Throttled(ThrottledAction.LetterCode)]
public class RedeemModel(LetterPrinting letters, UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, Audit.AuditLog audit,
    IStringLocalizer<SharedResource> L, Accounts.SingleSignOn.SsoOnlyRule ssoOnly) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public NewPasswordInput Input { get; set; } = new();

    /// <summary>The person the code belongs to, once it has been checked: the password form is shown.</summary>
    public string? FullName { get; private set; }
    public string? EmployeeNumber { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code)) return Page();
        return await CheckAsync(ct);
    }

    /// <summary>Step one: the code typed from the letter.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        // Only the code is sent in this step; the password fields are the next one's.
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), L["Escribe el código de tu carta."]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        return await CheckAsync(ct);
    }

    /// <summary>Step two: the password, with the code again (nothing is remembered between the steps).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var letter = await letters.FindAsync(Code, ct);
        if (letter is null) return Refused();
        if (await ssoOnly.CompanyButtonAsync(letter.UserId) is { } button) return SignsInWithCompany(button);
        Show(letter);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var user = await users.FindByIdAsync(letter.UserId);
        if (user is null) return Refused();

        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        if (!await letters.ClaimAsync(letter, CancellationToken.None)) return Refused();
        // A forgotten password is replaced the same way as a first one is chosen: the letter is the proof.
        var result = await users.HasPasswordAsync(user)
            ? await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), Input.Password)
            : await users.AddPasswordAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            foreach (var error in result.Errors) ModelState.AddModelError("Input.Password", error.Description);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        // Whoever holds the letter proved it is theirs: a lockout from forgotten-password tries ends too.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(Audit.AuditActions.LetterUsed, letter.EmployeeId, Audit.AuditLog.Person(letter.FullName, letter.EmployeeNumber), ct: CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);

        await signIn.SignInAsync(user, isPersistent: false);
        TempData["StatusMessage"] = L["Tu contraseña está lista. Desde ahora entras con tu número de empleado, {0}, y esa contraseña.", letter.EmployeeNumber].Value;
        return RedirectToPage("/Learning/Index");
    }

    async Task<IActionResult> CheckAsync(CancellationToken ct)
    {
        var letter = await letters.FindAsync(Code, ct);
        if (letter is null) return Refused();
        if (await ssoOnly.CompanyButtonAsync(letter.UserId) is { } button) return SignsInWithCompany(button);
        Show(letter);
        return Page();
    }

    void Show(LetterPrinting.Usable letter)
    {
        FullName = letter.FullName;
        EmployeeNumber = letter.EmployeeNumber;
        Code = LetterCodes.Normalize(Code);
    }

    /// <summary>SSO only: the person signs in through the company's provider, so a letter chooses no password for them.</summary>
    PageResult SignsInWithCompany(string button)
    {
        ModelState.Clear();
        ModelState.AddModelError(nameof(Code), L["Entras con la cuenta de tu empresa, no con una contraseña de aquí: usa el botón «Entrar con {0}» de la página de inicio de sesión.", button]);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>One answer for a mistyped, used, replaced or expired code: the letter is no use either way, and what to do is the same.</summary>
    PageResult Refused()
    {
        ModelState.Clear();
        ModelState.AddModelError(nameof(Code), L["Ese código no sirve: está mal escrito, ya se usó, ha caducado o hay una carta más nueva. Revisa que lo has copiado bien; si sigue sin funcionar, pide una carta nueva a tu responsable o a Personas (RR. HH.)."]);
        FullName = null;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
