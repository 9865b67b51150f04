using System.Globalization;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Reports;

/// <summary>
/// The completion list as CSV — the HR export on /hr/completion and the copy in the auditor evidence pack write the
/// same columns the same way: UTF-8 with BOM, formula-safe (<see cref="SpreadsheetSafeCsv"/>), streamed row by row.
/// Writes in the current culture's texts; callers pick the language.
/// </summary>
public static class CompletionCsv
{
    /// <summary>"semicolon", "comma" or "tab"; otherwise the current culture's list separator (";" in Spain, "," in English).</summary>
    public static char Delimiter(string? sep) =>
        sep switch { "semicolon" => ';', "comma" => ',', "tab" => '\t', _ => CultureInfo.CurrentCulture.TextInfo.ListSeparator[0] };

    /// <returns>How many people were written.</returns>
    public static async Task<int> WriteAsync(Stream destination, char delimiter, IAsyncEnumerable<CompletionRow> rows, DateOnly today,
        OrganisationClock clock, IStringLocalizer L, CancellationToken ct = default)
    {
        var count = 0;
        await using var csv = new SpreadsheetSafeCsv(destination, delimiter);
        await csv.WriteRowAsync(L["Número"], L["Nombre"], L["Puesto"], L["Departamento"], L["Centro"], L["Responsable"], L["Estado"], L["Fecha límite"], L["Fecha de finalización"], L["Código de verificación"]);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await csv.WriteRowAsync(row.EmployeeNumber, row.FullName, row.JobTitle, row.Department, row.Site, row.Manager,
                StatusText.Of(row.Status(today), L),
                row.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                row.CompletedAt is { } completed ? clock.LocalDate(completed).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                row.CertificateCode);
            count++;
        }
        return count;
    }
}
