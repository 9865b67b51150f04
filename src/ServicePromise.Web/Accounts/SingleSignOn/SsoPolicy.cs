namespace ServicePromise.Web.Accounts.SingleSignOn;

/// <summary>
/// The sign-in page's content security policy, widened for its provider buttons: browsers hold a form's submission
/// to <c>form-action</c> through its redirects, and the button's answer is a redirect to the provider's authorization
/// endpoint (<see cref="SsoDiscovery.FormTargetsAsync"/>).
/// </summary>
public static class SsoPolicy
{
    public static string AllowingProviders(string policy, IEnumerable<string> origins)
    {
        var list = origins.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count == 0 || !policy.Contains("form-action 'self'", StringComparison.Ordinal)) return policy;
        return policy.Replace("form-action 'self'", "form-action 'self' " + string.Join(' ', list), StringComparison.Ordinal);
    }
}
