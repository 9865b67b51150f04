using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Certificates;

/// <summary>The certificate PDF: for its holder, and for HR. Anyone else gets "not found", which tells nothing.</summary>
public class DownloadModel(AppDbContext db, CertificateRenderer renderer, IOptions<AppOptions> app, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null) return NotFound();
        var mayRead = certificate.EmployeeId == User.GetEmployeeId() || User.IsInRole(Roles.HR) || User.IsInRole(Roles.Admin);
        if (!mayRead) return NotFound();

        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            // A certificate always prints in the language it was issued in, whoever downloads it.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(certificate.Language);
            var pdf = renderer.Render(certificate, VerificationUrl(app.Value, certificate.Code));
            return File(pdf, "application/pdf", $"{L["certificado"]}-{certificate.Code}.pdf");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    public static string VerificationUrl(AppOptions app, string code) => app.Link("/verify/" + code);
}
