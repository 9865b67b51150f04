using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts.SingleSignOn;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Accounts.SingleSignOn;

/// <summary>The plain rules of the company's sign-in: which settings can work, what the claims say, the row a new person becomes.</summary>
public class OidcRulesTests
{
    static OidcProviderOptions Good() => new()
    {
        Authority = "https://login.example.com/tenant/v2.0", ClientId = "app", ClientSecret = "secret",
    };

    static IReadOnlyList<string> Problems(OidcProviderOptions provider, string name = "empresa")
    {
        var options = new OidcOptions();
        options.Providers[name] = provider;
        var result = new OidcOptionsValidator().Validate(null, options);
        return result.Failures?.ToList() ?? [];
    }

    [Fact]
    public void A_complete_provider_is_valid() => Assert.Empty(Problems(Good()));

    [Theory]
    [InlineData("Authority", "login.example.com", "Oidc:Providers:empresa:Authority must be the provider's absolute https address")]
    [InlineData("Authority", "http://login.example.com", "Oidc:Providers:empresa:Authority must use https")]
    [InlineData("ClientId", "", "Oidc:Providers:empresa:ClientId is required")]
    [InlineData("ClientSecret", " ", "Oidc:Providers:empresa:ClientSecret is required")]
    [InlineData("Scopes", "profile \"email\"", "Oidc:Providers:empresa:Scopes must be scope names")]
    [InlineData("EmailClaim", "", "Oidc:Providers:empresa:EmailClaim is required with Oidc:Providers:empresa:MatchBy=Email")]
    public void A_setting_that_cannot_work_is_named(string setting, string value, string message)
    {
        var provider = Good();
        typeof(OidcProviderOptions).GetProperty(setting)!.SetValue(provider, value);
        Assert.Contains(Problems(provider), p => p.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_http_is_allowed_only_when_said_so()
    {
        var provider = Good();
        provider.Authority = "http://127.0.0.1:4000";
        provider.RequireHttpsMetadata = false;
        Assert.Empty(Problems(provider));
    }

    [Fact]
    public void Matching_by_number_needs_the_number_claim()
    {
        var provider = Good();
        provider.MatchBy = OidcMatch.EmployeeNumber;
        provider.EmployeeNumberClaim = "";
        Assert.Contains(Problems(provider), p => p.StartsWith("Oidc:Providers:empresa:EmployeeNumberClaim is required with Oidc:Providers:empresa:MatchBy=EmployeeNumber", StringComparison.Ordinal));
    }

    [Fact]
    public void Just_in_time_needs_a_number_a_name_and_an_email()
    {
        var provider = Good();
        provider.JustInTime = true;
        provider.NameClaim = "";
        Assert.Contains(Problems(provider), p => p.StartsWith("Oidc:Providers:empresa:NameClaim is required with Oidc:Providers:empresa:JustInTime=true", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_that_cannot_be_part_of_an_address_is_refused() =>
        Assert.Contains(Problems(Good(), "mi empresa"), p => p.StartsWith("Oidc:Providers:mi empresa: a provider's name", StringComparison.Ordinal));

    [Fact]
    public void The_settings_audit_never_sees_the_secret()
    {
        var text = Good().ToString();
        Assert.DoesNotContain("secret", text.Replace("ClientSecret", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("ClientSecret=(set)", text);
    }

    static Claim[] Claims(params (string Type, string Value)[] claims) => claims.Select(c => new Claim(c.Type, c.Value)).ToArray();

    [Fact]
    public void Claims_are_read_by_the_names_the_settings_give()
    {
        var provider = Good();
        provider.EmployeeNumberClaim = "extension_EmployeeId";
        var who = SsoIdentity.From(Claims(("sub", "abc"), ("email", "ana@example.com"), ("extension_EmployeeId", " E-7 "), ("name", "Ana"), ("locale", "en-US")), provider)!;
        Assert.Equal(("abc", "ana@example.com", "E-7", "Ana", "en"), (who.Subject, who.Email, who.EmployeeNumber, who.FullName, who.Language));
        Assert.Null(who.Department);
    }

    [Theory]
    // The provider vouches for the address: matched, trusted or not.
    [InlineData("true", false, true)]
    [InlineData("True", true, true)]
    // It says it is not verified, or says nothing (as Entra ID): only a provider whose addresses the settings trust.
    [InlineData("false", false, false)]
    [InlineData(null, false, false)]
    [InlineData("false", true, true)]
    [InlineData(null, true, true)]
    public void Only_an_address_the_provider_verified_or_the_settings_trust_matches(string? emailVerified, bool trusted, bool matches)
    {
        var provider = Good();
        provider.TrustUnverifiedEmail = trusted;
        var claims = new List<(string, string)> { ("sub", "abc"), ("email", "ana@example.com") };
        if (emailVerified is not null) claims.Add(("email_verified", emailVerified));
        var who = SsoIdentity.From(Claims([.. claims]), provider)!;
        Assert.Equal(matches, who.EmailVerified);
        Assert.Equal(matches ? "ana@example.com" : null, who.MatchValue(provider));
    }

    [Fact]
    public void Matched_by_number_the_address_plays_no_part()
    {
        var provider = Good();
        provider.MatchBy = OidcMatch.EmployeeNumber;
        var who = SsoIdentity.From(Claims(("sub", "abc"), ("email", "ana@example.com"), ("employee_number", "E-7")), provider)!;
        Assert.Equal("E-7", who.MatchValue(provider));
    }

    [Fact]
    public void An_identity_without_a_subject_is_nobody() =>
        Assert.Null(SsoIdentity.From(Claims(("email", "ana@example.com")), Good()));

    [Fact]
    public void A_new_person_becomes_one_row_of_a_staff_file_that_reads_back_the_same()
    {
        var who = new SsoIdentity("abc", "ana@example.com", true, "E-7", "Ana \"Anita\" Pérez, hija", "Caja", "Sevilla", "Cajera", "MO-0001", "en");
        var file = StaffFile.Read(JustInTimeStaff.Row(who, "en", new DateOnly(2026, 12, 1)), JustInTimeStaff.Mapping);
        Assert.Empty(file.Problems);
        var row = Assert.Single(file.Rows);
        Assert.Equal(("E-7", "Ana \"Anita\" Pérez, hija", "ana@example.com", "Cajera", "Caja", "Sevilla", "MO-0001", new DateOnly(2026, 12, 1), "en"),
            (row.EmployeeNumber, row.FullName, row.Email, row.JobTitle, row.Department, row.Site, row.ManagerNumber, row.HireDate, row.Language));
    }

    [Fact]
    public void The_sign_in_page_allows_its_form_to_lead_to_the_providers()
    {
        var policy = SsoPolicy.AllowingProviders("default-src 'self'; form-action 'self'; frame-ancestors 'none'",
            ["https://login.example.com", "http://127.0.0.1:4000", "https://LOGIN.example.com"]);
        Assert.Equal("default-src 'self'; form-action 'self' https://login.example.com http://127.0.0.1:4000; frame-ancestors 'none'", policy);
    }

    [Fact]
    public async Task A_bad_provider_setting_stops_the_start_naming_it()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Oidc:Providers:empresa:Authority"] = "https://login.example.com",
            ["Oidc:Providers:empresa:ClientId"] = "app",
        });
        builder.AddSingleSignOn();
        using var host = builder.Build();
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Oidc:Providers:empresa:ClientSecret is required", refused.Message);
    }
}
