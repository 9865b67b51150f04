using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Accounts;

/// <summary>
/// Ends a person's sessions. Every sign-in cookie carries the security stamp the person had when they signed in;
/// <see cref="SessionValidator"/> refuses a cookie whose stamp is no longer the person's, so changing the stamp
/// ends every session they have, on every device, on its next request.
/// </summary>
public sealed class UserSessions(UserManager<AppUser> users, AppDbContext db, ILogger<UserSessions> logger)
{
    /// <summary>
    /// Call after changing something about a person that should make them sign in again. Password, email and role
    /// changes made through <see cref="UserManager{TUser}"/> already do it; a deactivated person is refused anyway.
    /// A change that raced another (a double-clicked sign-out: both read the same concurrency stamp) is tried once
    /// more on the fresh row.
    /// </summary>
    /// <returns>Whether the stamp changed; a failure is logged, never thrown, so signing out always completes.</returns>
    public async Task<bool> EndAllAsync(AppUser user)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await users.UpdateSecurityStampAsync(user);
            if (result.Succeeded) return true;
            if (attempt == 2 || !result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                logger.LogError("Could not end the sessions of user {UserId}: {Errors}", user.Id, string.Join("; ", result.Errors.Select(e => e.Code)));
                return false;
            }
            await db.Entry(user).ReloadAsync();
        }
    }
}

/// <summary>
/// What a session is checked against: the person's security stamp, and whether they still work here; and the
/// language of their profile, which their pages follow even when it changed since they signed in.
/// </summary>
public sealed record SessionState(string? SecurityStamp, bool Active, string? Language = null);

/// <summary>
/// Each instance's short memory of <see cref="SessionState"/>s, so a page view costs no query most of the time.
/// Forgotten for a person whenever this instance saves a change to their stamp or active flag
/// (<see cref="SessionChangeInterceptor"/>).
/// </summary>
public sealed class SessionCache(IOptions<AccountsOptions> options) : IDisposable
{
    readonly MemoryCache _cache = new(new MemoryCacheOptions());
    // Bumped on every forget: a read that started before a change must not put the old state back.
    long _generation;

    public async Task<SessionState?> GetAsync(string userId, Func<Task<SessionState?>> read)
    {
        var seconds = options.Value.SessionCheckSeconds;
        if (seconds == 0) return await read();
        if (_cache.TryGetValue(userId, out SessionState? known)) return known;
        var generation = Interlocked.Read(ref _generation);
        var state = await read();
        if (state is not null && Interlocked.Read(ref _generation) == generation)
            _cache.Set(userId, state, TimeSpan.FromSeconds(seconds));
        return state;
    }

    public void Forget(IEnumerable<string> userIds)
    {
        Interlocked.Increment(ref _generation);
        foreach (var id in userIds) _cache.Remove(id);
    }

    public void Dispose() => _cache.Dispose();
}

/// <summary>
/// Checks every signed-in request against the person's current security stamp and active flag, and signs out a
/// cookie that no longer matches. Replaces Identity's SecurityStampValidator, which re-reads the whole user and
/// re-issues the cookie each time it validates; this reads two columns (or remembers them a few seconds) and
/// leaves the cookie alone.
/// </summary>
public sealed class SessionValidator(AppDbContext db, SessionCache cache, IOptions<IdentityOptions> identity)
{
    public static Task ValidateAsync(CookieValidatePrincipalContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().CheckAsync(context);

    async Task CheckAsync(CookieValidatePrincipalContext context)
    {
        var claims = identity.Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        var state = userId is null ? null : await cache.GetAsync(userId, () => ReadAsync(userId));
        if (state is { Active: true } && state.SecurityStamp is not null && string.Equals(state.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            FollowProfileLanguage(context, state.Language);
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>
    /// The language in the cookie is the profile's at sign-in; a change made since (the staff import, the footer on
    /// another device) replaces it, and the cookie is reissued so the change is carried from then on.
    /// </summary>
    static void FollowProfileLanguage(CookieValidatePrincipalContext context, string? language)
    {
        if (language is null || context.Principal?.Identity is not ClaimsIdentity identity) return;
        var claim = identity.FindFirst(EmployeeClaims.Language);
        if (claim is null || string.Equals(claim.Value, language, StringComparison.Ordinal)) return;
        identity.RemoveClaim(claim);
        identity.AddClaim(new Claim(EmployeeClaims.Language, language));
        context.ShouldRenew = true;
    }

    /// <summary>An account with no employee record (none today but possible) counts as active, as at sign-in.</summary>
    Task<SessionState?> ReadAsync(string userId) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new SessionState(u.SecurityStamp, !db.Employees.Any(e => e.UserId == u.Id && !e.IsActive),
                db.Employees.Where(e => e.UserId == u.Id).Select(e => e.Language).FirstOrDefault()))
            .SingleOrDefaultAsync();
}
