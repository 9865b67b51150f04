using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Accounts;

/// <summary>Switches the interface language; a signed-in person's choice is kept on their profile.</summary>
[AllowAnonymous]
public class LanguageModel(AppDbContext db, SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string culture, string? returnUrl)
    {
        if (culture is not ("es" or "en")) culture = "es";
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = Request.IsHttps });

        if (User.GetEmployeeId() is int employeeId)
        {
            var employee = await db.Employees.SingleAsync(e => e.Id == employeeId);
            employee.Language = culture;
            await db.SaveChangesAsync();
            // The language travels in the sign-in cookie; reissue it so the change applies on the next page.
            if (await users.GetUserAsync(User) is { } user) await signIn.RefreshSignInAsync(user);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
