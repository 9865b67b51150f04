using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Accounts;

public static class InvitationTokens
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "SetPassword";
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions;

/// <summary>
/// Invitation links live longer than reset links (a new hire may open theirs days later), and stop
/// working once used because setting the password changes the security stamp the token is bound to.
/// </summary>
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(dataProtectionProvider, options, logger);

/// <summary>Builds the absolute links we email or print for account set-up.</summary>
public sealed class AccountLinks(UserManager<AppUser> users, IOptions<AppOptions> app)
{
    /// <summary>The links carry the person's language, so the page opens in it before they have signed in.</summary>
    public async Task<string> InvitationAsync(AppUser user, string language)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokens.ProviderName, InvitationTokens.Purpose);
        return app.Value.Link($"/account/set-password?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}&culture={language}");
    }

    /// <summary>The sign-in page, in the person's language.</summary>
    public string Login(string language) => app.Value.Link($"/account/login?culture={language}");

    public async Task<string> PasswordResetAsync(AppUser user, string language)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return app.Value.Link($"/account/reset-password?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}&culture={language}");
    }
}
