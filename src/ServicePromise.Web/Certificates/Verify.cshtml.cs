using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Certificates;

/// <summary>Public proof: anyone with a code (or the QR code) sees exactly what the certificate says and whether it is valid.</summary>
[AllowAnonymous]
[Accounts.Throttled(Accounts.ThrottledAction.Verify)]
public class VerifyModel(AppDbContext db, Infrastructure.OrganisationClock clock) : PageModel
{
    public sealed record Result(string Code, string HolderName, string JobTitle, string Company, int EditionNumber,
        DateTime EditionPublishedAt, DateTime IssuedAt, IReadOnlyList<string> Pillars, CertificateStatus Status, string? SupersededBy, DateOnly? ExpiresOn,
        DateTime? RevokedAt = null, string? RevokedReason = null);

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public Result? Certificate { get; private set; }
    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code)) return Page();
        Searched = true;
        var normalized = VerificationCode.Normalize(Code);
        if (normalized is null) return NotFoundPage();
        // A code typed in the form, in lower case or without hyphens is fine; show the canonical address.
        if (normalized != Code || Request.Query.ContainsKey("code")) return Redirect("/verify/" + normalized);

        var c = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(x => x.Code == normalized, ct);
        if (c is null) return NotFoundPage();
        // A later certificate of the same person (a later edition, a refresher, or HR's reissue of this one) replaces
        // this one; this one stays verifiable, pointing at the newest.
        var newer = await db.Certificates.AsNoTracking()
            .Where(x => x.EmployeeId == c.EmployeeId && (x.IssuedAt > c.IssuedAt || (x.IssuedAt == c.IssuedAt && x.Id > c.Id)))
            .OrderByDescending(x => x.IssuedAt).ThenByDescending(x => x.Id).Select(x => x.Code).FirstOrDefaultAsync(ct);
        if (newer is null && c.ReplacedById is int replacement)
            newer = await db.Certificates.AsNoTracking().Where(x => x.Id == replacement).Select(x => x.Code).SingleOrDefaultAsync(ct);
        // Shown as the PDF prints it: stored names on one line, without direction overrides that would reverse them.
        Certificate = new Result(c.Code, DisplayText.Clean(c.HolderName), DisplayText.Clean(c.JobTitle), DisplayText.Clean(c.Company), c.EditionNumber, c.EditionPublishedAt, c.IssuedAt,
            c.PillarTitles.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(DisplayText.Clean).ToList(),
            CertificateValidity.StatusOf(newer, c.ExpiresOn, clock.Today, c.RevokedAt), newer, c.ExpiresOn, c.RevokedAt, c.RevokedReason is null ? null : DisplayText.CleanLines(c.RevokedReason));
        return Page();
    }

    IActionResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
