using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ServicePromise.Web.Accounts.SingleSignOn;

/// <summary>How a signed-in identity is matched to an employee.</summary>
public enum OidcMatch
{
    /// <summary>The email claim equals the person's sign-in email.</summary>
    Email,
    /// <summary>The employee-number claim equals the person's employee number (as the HR file writes it).</summary>
    EmployeeNumber,
}

/// <summary>The company's own sign-in: OpenID Connect providers (section <c>Oidc</c>), each a button on the sign-in page.</summary>
public sealed partial class OidcOptions
{
    public const string Section = "Oidc";

    /// <summary>
    /// On: a person who has signed in through a provider can no longer use a password here (sign-in, forgotten and
    /// reset password, invitation links). HR and admin accounts keep theirs: they are the way in when the provider is down.
    /// </summary>
    public bool SsoOnly { get; set; }

    /// <summary>By name (letters, digits and hyphens: it is part of the sign-in scheme and the callback address).</summary>
    public Dictionary<string, OidcProviderOptions> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The authentication scheme of a provider.</summary>
    public static string Scheme(string name) => "oidc-" + name.ToLowerInvariant();

    /// <summary>Where the provider sends the person back: one address per provider, registered at the provider.</summary>
    public static string CallbackPath(string name) => CallbackPrefix + name.ToLowerInvariant();

    const string CallbackPrefix = "/signin-oidc-";

    /// <summary>A provider's callback is answered by its authentication handler, not a page that could carry <see cref="ThrottledAttribute"/>.</summary>
    internal static ThrottledAction? CallbackAction(PathString path) =>
        path.Value?.StartsWith(CallbackPrefix, StringComparison.OrdinalIgnoreCase) == true ? ThrottledAction.SsoCallback : null;

    [GeneratedRegex("^[A-Za-z0-9-]{1,40}$")]
    internal static partial Regex ValidName();
}

/// <summary>One OpenID Connect provider (Entra ID, Google Workspace, Okta, Keycloak…): <c>Oidc:Providers:&lt;name&gt;</c>.</summary>
public sealed class OidcProviderOptions
{
    /// <summary>The button's text: «Entrar con {DisplayName}». Empty: the provider's name.</summary>
    public string DisplayName { get; set; } = "";
    /// <summary>The issuer's address; its <c>/.well-known/openid-configuration</c> is read from there.</summary>
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    /// <summary>Scopes asked for besides <c>openid</c>, separated by spaces.</summary>
    public string Scopes { get; set; } = "profile email";
    /// <summary>Off only for a provider on this machine in tests: its metadata is then read over plain http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public OidcMatch MatchBy { get; set; } = OidcMatch.Email;
    /// <summary>
    /// Trust the email claim although the provider does not say it is verified (<c>email_verified</c> missing or false).
    /// Off, an unverified address matches nobody and creates nobody: anyone could have typed it into a personal account.
    /// On only for a provider whose addresses the company issues itself — Entra ID sends no <c>email_verified</c> at all,
    /// so it needs this (or <see cref="MatchBy"/> = <see cref="OidcMatch.EmployeeNumber"/>).
    /// </summary>
    public bool TrustUnverifiedEmail { get; set; }
    /// <summary>Create a person who matches nobody from the claims, through the staff import's rules.</summary>
    public bool JustInTime { get; set; }

    public string EmailClaim { get; set; } = "email";
    public string EmployeeNumberClaim { get; set; } = "employee_number";
    public string NameClaim { get; set; } = "name";
    public string DepartmentClaim { get; set; } = "department";
    public string SiteClaim { get; set; } = "site";
    public string JobTitleClaim { get; set; } = "job_title";
    public string ManagerNumberClaim { get; set; } = "manager_number";

    public string ButtonText(string name) => DisplayName.Length > 0 ? DisplayName : name;

    /// <summary>The claims read from the provider (asked of its user-info endpoint too): every one configured.</summary>
    public IEnumerable<string> ClaimNames() =>
        new[] { EmailClaim, EmployeeNumberClaim, NameClaim, DepartmentClaim, SiteClaim, JobTitleClaim, ManagerNumberClaim, "email_verified", "locale" }
            .Where(c => c.Length > 0).Distinct(StringComparer.Ordinal);

    /// <summary>What the settings audit records: everything but the secret, which shows only as set.</summary>
    public override string ToString() =>
        $"DisplayName={DisplayName}; Authority={Authority}; ClientId={ClientId}; ClientSecret={(ClientSecret.Length > 0 ? "(set)" : "")}; Scopes={Scopes}; "
        + $"RequireHttpsMetadata={RequireHttpsMetadata}; MatchBy={MatchBy}; TrustUnverifiedEmail={TrustUnverifiedEmail}; JustInTime={JustInTime}; EmailClaim={EmailClaim}; "
        + $"EmployeeNumberClaim={EmployeeNumberClaim}; NameClaim={NameClaim}; DepartmentClaim={DepartmentClaim}; SiteClaim={SiteClaim}; "
        + $"JobTitleClaim={JobTitleClaim}; ManagerNumberClaim={ManagerNumberClaim}";
}

/// <summary>Stops the app at start-up on a provider that cannot work, with a message naming the setting.</summary>
public sealed class OidcOptionsValidator : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        var problems = new List<string>();
        foreach (var (key, p) in options.Providers)
        {
            var at = $"{OidcOptions.Section}:Providers:{key}";
            if (!OidcOptions.ValidName().IsMatch(key))
                problems.Add($"{at}: a provider's name may hold only letters, digits and hyphens (at most 40): it is part of the callback address.");
            if (!Uri.TryCreate(p.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
                problems.Add($"{at}:Authority must be the provider's absolute https address (its issuer), e.g. https://login.microsoftonline.com/<tenant>/v2.0.");
            else if (authority.Scheme == Uri.UriSchemeHttp && p.RequireHttpsMetadata)
                problems.Add($"{at}:Authority must use https (http only with {at}:RequireHttpsMetadata=false, for a provider on this machine in tests).");
            if (string.IsNullOrWhiteSpace(p.ClientId))
                problems.Add($"{at}:ClientId is required: the application's client id registered at the provider.");
            if (string.IsNullOrWhiteSpace(p.ClientSecret))
                problems.Add($"{at}:ClientSecret is required: the application's client secret registered at the provider.");
            if (p.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(s => !s.All(c => c > ' ' && c < 127 && c != '"' && c != '\\')))
                problems.Add($"{at}:Scopes must be scope names separated by spaces.");
            var matchClaim = p.MatchBy == OidcMatch.Email ? (nameof(p.EmailClaim), p.EmailClaim) : (nameof(p.EmployeeNumberClaim), p.EmployeeNumberClaim);
            if (string.IsNullOrWhiteSpace(matchClaim.Item2))
                problems.Add($"{at}:{matchClaim.Item1} is required with {at}:MatchBy={p.MatchBy}: it is the claim people are matched by.");
            if (p.JustInTime)
            {
                foreach (var (setting, value) in new[] { (nameof(p.EmployeeNumberClaim), p.EmployeeNumberClaim), (nameof(p.NameClaim), p.NameClaim), (nameof(p.EmailClaim), p.EmailClaim) })
                    if (string.IsNullOrWhiteSpace(value))
                        problems.Add($"{at}:{setting} is required with {at}:JustInTime=true: a new person needs an employee number, a name and an email.");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
