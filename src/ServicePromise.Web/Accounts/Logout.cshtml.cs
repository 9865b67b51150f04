using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServicePromise.Web.Accounts;

public class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, UserSessions sessions) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // A new stamp, so a copy of this cookie (and the person's other sessions) stops working too.
        if (await users.GetUserAsync(User) is { } user) await sessions.EndAllAsync(user);
        await signIn.SignOutAsync();
        return LocalRedirect("/account/login");
    }
}
