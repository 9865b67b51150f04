using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Audit;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Accounts.SingleSignOn;

/// <summary>Why a signed-in identity was not let in.</summary>
public enum SsoRefusal { None, Unknown, Inactive, LinkedToAnother, NotCreated, Privileged, EmailNotVerified, Busy }

public sealed record SsoOutcome(AppUser? User, SsoRefusal Refusal, Message? Why = null);

/// <summary>
/// Finds the employee a provider's identity belongs to: the account it signed in to before (its subject, kept in
/// Identity's AspNetUserLogins), else the person whose email or employee number the claim names, as the provider's
/// settings say. A person who has left is refused like one nobody knows, and so is an HR or admin account; one that
/// matches nobody is created just in time when the provider allows it. Every refusal, link and creation is in the audit
/// log. An identity's first sign-in runs under <see cref="FirstSignInLock"/>: two at once (two tabs) link — and create —
/// one person, and both get in.
/// </summary>
public sealed class SsoAccounts(
    AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, JustInTimeStaff justInTime, AuditLog audit)
{
    public async Task<SsoOutcome> FindAsync(string name, OidcProviderOptions provider, SsoIdentity who, string language)
    {
        var scheme = OidcOptions.Scheme(name);
        if (await users.FindByLoginAsync(scheme, who.Subject) is { } known) return await SignedInAsync(name, who, known);
        // The identity's first sign-in: linked (and perhaps created) once, whichever of two tabs comes first.
        await using (await FirstSignInLock.AcquireAsync(db, scheme, who.Subject))
        {
            // The other tab was first: it linked the identity, and this one finds it.
            if (await users.FindByLoginAsync(scheme, who.Subject) is { } linked) return await SignedInAsync(name, who, linked);
            try
            {
                var outcome = await FirstAsync(name, scheme, provider, who, language);
                // Another instance on the same SQLite file may have just created the person: then it has linked them too.
                if (outcome.Refusal == SsoRefusal.NotCreated && await users.FindByLoginAsync(scheme, who.Subject) is { } created)
                    return await SignedInAsync(name, who, created);
                return outcome;
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
            {
                // The database's unique keys refused a second person or a second link (instances not sharing the lock;
                // the import's bulk statements throw the provider's own exception).
                db.ChangeTracker.Clear();
                if (await users.FindByLoginAsync(scheme, who.Subject) is { } winner) return await SignedInAsync(name, who, winner);
                return await RefusedAsync(name, who, SsoRefusal.Busy);
            }
        }
    }

    /// <summary>An identity already linked: HR and admin accounts are refused here too (a link made before the role was given).</summary>
    async Task<SsoOutcome> SignedInAsync(string name, SsoIdentity who, AppUser user) =>
        await db.IsHrOrAdminAsync(user.Id) ? await RefusedAsync(name, who, SsoRefusal.Privileged)
        : await signIn.CanSignInAsync(user) ? new SsoOutcome(user, SsoRefusal.None)
        : await RefusedAsync(name, who, SsoRefusal.Inactive);

    /// <summary>Matches (or creates) the person an identity that signed in for the first time belongs to, and links them.</summary>
    async Task<SsoOutcome> FirstAsync(string name, string scheme, OidcProviderOptions provider, SsoIdentity who, string language)
    {
        AppUser? user = null;
        // Matched by email, an address the provider does not vouch for finds nobody and creates nobody (see TrustUnverifiedEmail).
        if (provider.MatchBy == OidcMatch.Email && who.Email is not null && !who.EmailVerified)
            return await RefusedAsync(name, who, SsoRefusal.EmailNotVerified);
        if (who.MatchValue(provider) is { } value)
        {
            user = provider.MatchBy == OidcMatch.Email ? await users.FindByEmailAsync(value) : await ByNumberAsync(value);
            // Someone else at this provider signed in to that account before: the claim now names another identity.
            if (user is not null && (await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == scheme))
                return await RefusedAsync(name, who, SsoRefusal.LinkedToAnother);
        }
        // HR and admin accounts never sign in through a provider, linked or not: a claim mapped wrong at the provider, or
        // one its users may edit, would otherwise open them. They sign in with their password (which SSO only leaves them).
        if (user is not null && await db.IsHrOrAdminAsync(user.Id)) return await RefusedAsync(name, who, SsoRefusal.Privileged);
        var created = false;
        if (user is null)
        {
            if (!provider.JustInTime) return await RefusedAsync(name, who, SsoRefusal.Unknown);
            var made = await justInTime.CreateAsync(who, language);
            if (made.User is null) return await RefusedAsync(name, who, SsoRefusal.NotCreated, made.Problem);
            (user, created) = (made.User, true);
        }
        if (!await signIn.CanSignInAsync(user)) return await RefusedAsync(name, who, SsoRefusal.Inactive);
        var added = await users.AddLoginAsync(user, new UserLoginInfo(scheme, who.Subject, provider.ButtonText(name)));
        if (!added.Succeeded) throw new DbUpdateException("Could not link the sign-in: " + string.Join("; ", added.Errors.Select(e => e.Code)));
        var person = await db.Employees.AsNoTracking().Where(e => e.UserId == user.Id).Select(e => new { e.Id, e.FullName, e.EmployeeNumber }).SingleAsync();
        await audit.RecordAsync(created ? AuditActions.SsoCreated : AuditActions.SsoLinked, person.Id, AuditLog.Person(person.FullName, person.EmployeeNumber),
            new Dictionary<string, object?> { ["provider"] = name, ["subject"] = who.Subject, ["email"] = who.Email });
        return new SsoOutcome(user, SsoRefusal.None);
    }

    async Task<AppUser?> ByNumberAsync(string number)
    {
        var userId = await db.Employees.AsNoTracking().WithEmployeeNumber(number).Select(e => e.UserId).FirstOrDefaultAsync();
        return userId is null ? null : await users.FindByIdAsync(userId);
    }

    async Task<SsoOutcome> RefusedAsync(string name, SsoIdentity who, SsoRefusal refusal, Message? why = null)
    {
        await audit.RecordAsync(AuditActions.SsoRefused, subject: who.Email ?? who.EmployeeNumber ?? who.Subject, details: new Dictionary<string, object?>
        {
            ["provider"] = name, ["subject"] = who.Subject, ["email"] = who.Email, ["number"] = who.EmployeeNumber,
            ["reason"] = refusal.ToString(), ["problem"] = why?.ToString(),
        });
        return new SsoOutcome(null, refusal, why);
    }

    /// <summary>A sign-in the provider or the token checks refused (a wrong audience or issuer, a cancelled sign-in).</summary>
    public Task RecordFailureAsync(string name, string reason) =>
        audit.RecordAsync(AuditActions.SsoRefused, subject: name, details: new Dictionary<string, object?> { ["provider"] = name, ["reason"] = reason });
}
