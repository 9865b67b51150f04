using System.Security.Claims;

namespace ServicePromise.Web.Accounts.SingleSignOn;

/// <summary>
/// Who the provider says signed in, read through the provider's claim names: its subject (the stable key of the
/// account at the provider) and what the settings say to read — email, employee number, name, department, site,
/// job title and manager's number. Empty claims read as null. <see cref="EmailVerified"/>: the provider says
/// <c>email_verified: true</c>, or its settings trust its addresses (<see cref="OidcProviderOptions.TrustUnverifiedEmail"/>).
/// </summary>
public sealed record SsoIdentity(
    string Subject, string? Email, bool EmailVerified, string? EmployeeNumber, string? FullName,
    string? Department, string? Site, string? JobTitle, string? ManagerNumber, string? Language)
{
    public static SsoIdentity? From(IEnumerable<Claim> claims, OidcProviderOptions provider)
    {
        var list = claims.ToList();
        string? Get(string type) => type.Length == 0 ? null
            : list.FirstOrDefault(c => string.Equals(c.Type, type, StringComparison.Ordinal))?.Value.Trim() is { Length: > 0 } v ? v : null;
        var subject = Get("sub") ?? Get(ClaimTypes.NameIdentifier);
        if (subject is null) return null;
        // Only an address the provider says it verified, unless its settings say it issues the addresses itself: an
        // address anyone typed into a personal account must not open the account of the employee who has it.
        var verified = provider.TrustUnverifiedEmail || string.Equals(Get("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        return new SsoIdentity(subject, Get(provider.EmailClaim), verified, Get(provider.EmployeeNumberClaim), Get(provider.NameClaim),
            Get(provider.DepartmentClaim), Get(provider.SiteClaim), Get(provider.JobTitleClaim), Get(provider.ManagerNumberClaim),
            Infrastructure.Languages.Normalize(Get("locale")));
    }

    /// <summary>What the person is matched by, as the settings say; null when the provider did not send it.</summary>
    public string? MatchValue(OidcProviderOptions provider) => provider.MatchBy == OidcMatch.Email
        ? (EmailVerified ? Email : null)
        : EmployeeNumber;
}
