using System.Globalization;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Reports;

namespace ServicePromise.Web.Audit;

/// <summary>The audit log as CSV (formula-safe, streamed): the admin's export and the file in the evidence pack.</summary>
public static class AuditCsv
{
    /// <returns>How many entries were written.</returns>
    public static async Task<int> WriteAsync(Stream destination, char delimiter, IAsyncEnumerable<AuditEntry> entries,
        OrganisationClock clock, IStringLocalizer L, CancellationToken ct = default)
    {
        var count = 0;
        await using var csv = new SpreadsheetSafeCsv(destination, delimiter);
        await csv.WriteRowAsync(L["Fecha"], L["Hora (UTC)"], L["Acción"], L["Código de acción"], L["Quién"], L["Origen"], L["Sobre"], L["Detalles"]);
        await foreach (var e in entries.WithCancellation(ct))
        {
            await csv.WriteRowAsync(
                clock.Local(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                e.At.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                AuditText.Action(e.Action, L), e.Action, AuditText.Actor(e.ActorName, L), AuditText.Origin(e.Origin, L), e.Subject, e.Details);
            count++;
        }
        return count;
    }
}
