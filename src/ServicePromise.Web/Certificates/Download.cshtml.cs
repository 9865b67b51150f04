using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Certificates;

/// <summary>The certificate PDF: for its holder, and for HR. Anyone else gets "not found", which tells nothing.</summary>
public class DownloadModel(AppDbContext db, CertificateRenderer renderer, CertificatePdfs pdfs, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null) return NotFound();
        var mayRead = certificate.EmployeeId == User.GetEmployeeId() || User.IsInRole(Roles.HR) || User.IsInRole(Roles.Admin);
        if (!mayRead) return NotFound();

        // A certificate always prints in the language it was issued in, whoever downloads it.
        var pdf = pdfs.Of(certificate, renderer);
        var name = Languages.In(certificate.Language, () => L["certificado"].Value);
        return File(pdf, "application/pdf", $"{name}-{certificate.Code}.pdf");
    }

    public static string VerificationUrl(AppOptions app, string code) => app.Link("/verify/" + code);
}
