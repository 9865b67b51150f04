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

    sealed record Found(Certificate Certificate, string? Later, string? Replacement);

    /// <summary>
    /// One query, compiled (the page anyone with a QR code opens): the certificate and whatever replaces it. A later
    /// certificate of the same person (a later edition, a refresher, or HR's reissue of this one) replaces this one; this
    /// one stays verifiable, pointing at the newest.
    /// </summary>
    static readonly CompiledPerModel<Func<AppDbContext, string, CancellationToken, Task<Found?>>> FoundByCode = new(() => EF.CompileAsyncQuery((AppDbContext db, string code, CancellationToken ct) =>
        db.Certificates.AsNoTracking().Where(x => x.Code == code)
            .Select(x => new Found(x,
                db.Certificates.Where(n => n.EmployeeId == x.EmployeeId && (n.IssuedAt > x.IssuedAt || (n.IssuedAt == x.IssuedAt && n.Id > x.Id)))
                    .OrderByDescending(n => n.IssuedAt).ThenByDescending(n => n.Id).Select(n => n.Code).FirstOrDefault(),
                db.Certificates.Where(n => n.Id == x.ReplacedById).Select(n => n.Code).FirstOrDefault()))
            .SingleOrDefault()));
    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code)) return Page();
        Searched = true;
        var normalized = VerificationCode.Normalize(Code);
        if (normalized is null) return NotFoundPage();
        // A code typed in the form, in lower case or without hyphens is fine; show the canonical address.
        if (normalized != Code || Request.Query.ContainsKey("code")) return Redirect("/verify/" + normalized);

        var found = await FoundByCode.For(db)(db, normalized, ct);
        if (found is null) return NotFoundPage();
        var (c, newer) = (found.Certificate, found.Later ?? found.Replacement);
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
