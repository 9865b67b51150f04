using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Certificates;

/// <summary>
/// HR's bulk download: one ZIP with the current, non-revoked certificate of each person a list selected, streamed —
/// written to the response as each PDF is rendered, one at a time, so memory stays flat however many there are.
/// Files are named by employee number and code, nothing else. The list that selects the people is the caller's.
/// </summary>
public sealed class CertificateZip(CertificateArchive archive, OrganisationClock clock, IStringLocalizer<SharedResource> L)
{
    /// <summary>Of the certificates <paramref name="ids"/> (in their order), those that can go in the ZIP.</summary>
    public Task<List<int>> PrintableAsync(IReadOnlyList<int> ids, CancellationToken ct = default) => archive.PrintableAsync(ids, ct);

    /// <summary>The download of <paramref name="ids"/> (as <see cref="PrintableAsync"/> returned them), named after today.</summary>
    public IActionResult Download(IReadOnlyList<int> ids) => new Result(this, ids);

    async Task WriteAsync(HttpResponse response, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var today = clock.Today;
        response.ContentType = "application/zip";
        response.Headers.ContentDisposition =
            $"attachment; filename=\"{CertificateArchive.Safe(L["certificados-{0}", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value, 60)}.zip\"";
        var modified = new DateTimeOffset(clock.Local(clock.UtcNow), TimeSpan.Zero);
        var spool = new SpoolStream(response.Body);
        await using (var zip = new ZipArchive(spool, ZipArchiveMode.Create, leaveOpen: true))
        {
            await foreach (var pdf in archive.RenderAsync(ids, ct))
            {
                await CertificateArchive.AddAsync(zip, pdf.FileName, pdf.Bytes, modified, ct);
                await spool.DrainAsync(ct);
            }
        }
        await spool.DrainAsync(ct); // the central directory, written as the archive closes
    }

    sealed class Result(CertificateZip zip, IReadOnlyList<int> ids) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) =>
            zip.WriteAsync(context.HttpContext.Response, ids, context.HttpContext.RequestAborted);
    }
}
