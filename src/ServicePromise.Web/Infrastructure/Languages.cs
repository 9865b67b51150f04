using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Localization;
using ServicePromise.Web.Accounts;

namespace ServicePromise.Web.Infrastructure;

/// <summary>
/// The two interface languages. Texts come from the language ("es", "en"); dates and numbers from the
/// culture people here expect: Spain's for Spanish and British (day/month/year) for English.
/// </summary>
public static class Languages
{
    public const string Default = "es";

    public static CultureInfo Formatting(string language) => CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "es-ES");
    public static CultureInfo Texts(string language) => CultureInfo.GetCultureInfo(language == "en" ? "en" : "es");

    /// <summary>"en", "en-US", "EN" → "en"; anything we do not speak → null.</summary>
    public static string? Normalize(string? value) =>
        value is null ? null
        : value.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en"
        : value.StartsWith("es", StringComparison.OrdinalIgnoreCase) ? "es"
        : null;

    /// <summary>Runs <paramref name="action"/> in another language, e.g. a mail or PDF in its reader's language.</summary>
    public static T In<T>(string language, Func<T> action)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = Formatting(language);
            CultureInfo.CurrentUICulture = Texts(language);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}

/// <summary>
/// Picks the request's language: the signed-in person's profile, then an explicit choice (?culture= or the
/// language cookie), then the browser's Accept-Language — and maps it to texts plus formatting culture.
/// </summary>
public sealed class LanguageRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext context)
    {
        var language = Languages.Normalize(context.User.FindFirstValue(EmployeeClaims.Language))
            ?? Languages.Normalize(context.Request.Query["culture"].FirstOrDefault())
            ?? FromCookie(context)
            ?? FromBrowser(context);
        return Task.FromResult(language is null
            ? null
            : new ProviderCultureResult(Languages.Formatting(language).Name, Languages.Texts(language).Name));
    }

    static string? FromCookie(HttpContext context) =>
        context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] is { } value
            ? Languages.Normalize(CookieRequestCultureProvider.ParseCookieValue(value)?.UICultures.FirstOrDefault().Value)
            : null;

    static string? FromBrowser(HttpContext context) =>
        context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Languages.Normalize(l.Value.Value))
            .FirstOrDefault(l => l is not null);
}
