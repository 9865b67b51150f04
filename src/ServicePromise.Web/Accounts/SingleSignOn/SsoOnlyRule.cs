using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Accounts.SingleSignOn;

/// <summary>
/// With <see cref="OidcOptions.SsoOnly"/>, a person whose account is linked to an identity at a provider — they have
/// signed in through it, or were created by it just in time — has no password here: the password sign-in, the
/// forgotten and reset password pages, invitation links and welcome-letter codes refuse them, naming the button they
/// sign in with. Everyone else keeps their password: people who never signed in through a provider (staff without a
/// company account, who sign in with their employee number), and HR and admin accounts, linked or not (break-glass:
/// the way in when the provider is down or misconfigured).
/// </summary>
public sealed class SsoOnlyRule(AppDbContext db, IOptions<OidcOptions> options)
{
    /// <summary>The text of the button the person signs in with («Entrar con …»'s name) when their password is refused; else null.</summary>
    public async Task<string?> CompanyButtonAsync(string userId)
    {
        if (!options.Value.SsoOnly) return null;
        var login = await db.UserLogins.AsNoTracking().Where(l => l.UserId == userId).OrderBy(l => l.LoginProvider)
            .Select(l => new { l.LoginProvider, l.ProviderDisplayName }).FirstOrDefaultAsync();
        if (login is null) return null;
        if (await db.IsHrOrAdminAsync(userId)) return null;
        // The name the button has now (its settings may have changed since the link), else the one it had then.
        var now = options.Value.Providers.FirstOrDefault(p => OidcOptions.Scheme(p.Key) == login.LoginProvider);
        return now.Value is not null ? now.Value.ButtonText(now.Key) : login.ProviderDisplayName ?? login.LoginProvider;
    }

    public async Task<bool> RefusesPasswordAsync(string userId) => await CompanyButtonAsync(userId) is not null;
}
