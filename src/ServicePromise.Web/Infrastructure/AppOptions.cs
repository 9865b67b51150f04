using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Infrastructure;

public class AppOptions : IValidatableObject
{
    public const string Section = "App";

    /// <summary>Address people use to reach the site; printed on certificates and used in emailed links.</summary>
    [Required(ErrorMessage = "App:PublicBaseUrl is required (e.g. https://promesa.example.com).")]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>The organisation's time zone (IANA id): when due dates pass and what date a certificate shows.</summary>
    [Required(ErrorMessage = "App:TimeZone is required (e.g. Europe/Madrid).")]
    public string TimeZone { get; set; } = "Europe/Madrid";

    /// <summary>
    /// Behind a TLS-terminating proxy or load balancer, trust its X-Forwarded-For/-Proto headers so the app
    /// knows requests were https (secure cookies, correct links) and who the client is (throttling). Only the
    /// headers of a request that comes from <see cref="KnownProxies"/> or <see cref="KnownNetworks"/> are read;
    /// anyone else's are ignored.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>Addresses of the proxies whose forwarded headers are trusted (e.g. 10.0.0.5, ::1).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies whose forwarded headers are trusted, in CIDR form (e.g. 10.0.0.0/24).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>Create the demo organisation when the database is empty. Only honoured in Development.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>
    /// With the demo organisation, also write its last three months of service audits (a finding, its refresher, a plan).
    /// The refresher changes what Sevilla Centro's people have to do, so tests about other features start without it.
    /// </summary>
    public bool SeedDemoAudits { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return new ValidationResult($"App:PublicBaseUrl '{PublicBaseUrl}' must be an absolute http or https address.", [nameof(PublicBaseUrl)]);
        if (!string.IsNullOrWhiteSpace(TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new ValidationResult($"App:TimeZone '{TimeZone}' is not a known time zone (use an IANA id such as Europe/Madrid).", [nameof(TimeZone)]);
        foreach (var proxy in KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"App:KnownProxies '{proxy}' is not an IP address (e.g. 10.0.0.5).", [nameof(KnownProxies)]);
        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult($"App:KnownNetworks '{network}' is not a network in CIDR form (e.g. 10.0.0.0/24).", [nameof(KnownNetworks)]);
        if (TrustForwardedHeaders && KnownProxies.Length == 0 && KnownNetworks.Length == 0)
            yield return new ValidationResult("App:TrustForwardedHeaders is true but App:KnownProxies and App:KnownNetworks are empty: name the proxy whose X-Forwarded-* headers are to be trusted (127.0.0.1 for one on this machine).", [nameof(TrustForwardedHeaders)]);
    }

    public string Link(string path) => PublicBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
