using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Letters;

/// <summary>
/// Where a welcome letter's QR code (or its typed code) leads: a person without email chooses their password — the first
/// one, or a new one when they forgot it and were given a new letter — and is signed in. The QR code carries the code
/// after "#", which no server, proxy log or Referer sees: js/site.js puts it in the field (without script the person
/// types it). Codes that do not work are throttled per client address (<see cref="LetterCodeAttempts"/>).
/// </summary>
[AllowAnonymous]
public class RedeemModel(LetterPrinting letters, UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, Audit.AuditLog audit,
    LetterCodeAttempts attempts, IStringLocalizer<SharedResource> L, Accounts.SingleSignOn.SsoOnlyRule ssoOnly) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public NewPasswordInput Input { get; set; } = new();

    /// <summary>The person the code belongs to, once it has been checked: the password form is shown.</summary>
    public string? FullName { get; private set; }
    public string? EmployeeNumber { get; private set; }
    /// <summary>The language the QR code's link asked for, kept on the next steps' forms.</summary>
    public string? Culture => Languages.Normalize(Request.Query["culture"].FirstOrDefault());

    /// <summary>A page with a person's code in it is kept by no browser or proxy.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) => Response.Headers.CacheControl = "no-store";

    public IActionResult OnGet()
    {
        if (string.IsNullOrWhiteSpace(Code)) return Page();
        // A letter printed before the code moved after "#": the same page, with the code where no log keeps it.
        if (LetterCodes.Normalize(Code) is not { } code) return Refused();
        return RedirectToPage("/Letters/Redeem", null, Culture is { } culture ? new { culture } : null, code);
    }

    /// <summary>Step one: the code typed from the letter.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        // Only the code is sent in this step; the password fields are the next one's.
        ModelState.Clear();
        if (attempts.Exhausted(HttpContext)) return Throttled();
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
        if (attempts.Exhausted(HttpContext)) return Throttled();
        var letter = await letters.FindAsync(Code, ct);
        if (letter is null) return await SentAgainAsync(ct) ?? Refused();
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
        if (!await letters.ClaimAsync(letter, CancellationToken.None))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return await SentAgainAsync(ct) ?? Refused();
        }
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

    /// <summary>
    /// The same form sent twice (a double tap, a retried request): the first one used the code and saved the password.
    /// When this code was used moments ago and the password sent is the one now saved, the person is signed in as the
    /// first answer did; anything else is a used code.
    /// </summary>
    async Task<IActionResult?> SentAgainAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Input.Password) || await letters.JustUsedAsync(Code, ct) is not { } used) return null;
        if (await users.FindByIdAsync(used.UserId) is not { } user) return null;
        // This request may have read the account before the first one saved the password.
        await db.Entry(user).ReloadAsync(ct);
        if (!await users.CheckPasswordAsync(user, Input.Password)) return null;
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["StatusMessage"] = L["Tu contraseña está lista. Desde ahora entras con tu número de empleado, {0}, y esa contraseña.", used.EmployeeNumber].Value;
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
        attempts.Failed(HttpContext);
        ModelState.Clear();
        ModelState.AddModelError(nameof(Code), L["Ese código no sirve: está mal escrito, ya se usó, ha caducado o hay una carta más nueva. Revisa que lo has copiado bien; si sigue sin funcionar, pide una carta nueva a tu responsable o a Personas (RR. HH.)."]);
        FullName = null;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>Too many codes that did not work from this address: the status page says when to try again.</summary>
    StatusCodeResult Throttled()
    {
        Response.Headers.RetryAfter = attempts.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return StatusCode(StatusCodes.Status429TooManyRequests);
    }
}
