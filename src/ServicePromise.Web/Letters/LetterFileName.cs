using Microsoft.Extensions.Localization;

namespace ServicePromise.Web.Letters;

/// <summary>The downloaded letters' file name, in the reader's language.</summary>
public static class LetterFileName
{
    public static string For(IStringLocalizer L, string? employeeNumber) =>
        (employeeNumber is null ? L["cartas-de-bienvenida"].Value : L["carta-de-bienvenida"].Value + "-" + Sanitize(employeeNumber)) + ".pdf";

    static string Sanitize(string value) => new(value.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_').ToArray());
}
