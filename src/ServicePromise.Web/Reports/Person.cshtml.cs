using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Reports;

/// <summary>One person's record for HR: where they stand on each pillar, and every knowledge-check attempt.</summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class PersonModel(AppDbContext db, OrganisationClock clock, ServicePromise.Web.Certificates.CertificateIssuer issuer,
    ServicePromise.Web.Staff.SignInEmailChange emailChange, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>The person's sign-in account: their email, and whether HR/Admin protects it.</summary>
    public ServicePromise.Web.Staff.SignInEmailChange.Account? Account { get; private set; }
    /// <summary>The viewer may change this person's sign-in email (see <see cref="ServicePromise.Web.Staff.EmailChangeRules"/>).</summary>
    public bool MayChangeEmail { get; private set; }
    /// <summary>A checked new address waiting for the viewer's confirmation (the old → new step).</summary>
    public string? PendingEmail { get; private set; }
    /// <summary>The address typed, shown again with its error.</summary>
    public string? NewEmail { get; private set; }
    /// <summary>The mobile number from the HR file, if any (kept, not used for messages).</summary>
    public string? MobilePhone { get; private set; }

    /// <param name="ReplacedByCode">Set when HR reissued it: the code of the certificate that replaced it.</param>
    /// <param name="MayReissue">The person's newest certificate, not yet replaced: the only one HR can reissue.</param>
    public sealed record CertificateRow(int Id, string Code, int EditionNumber, DateTime IssuedAt, DateTime? RevokedAt, string? RevokedReason,
        DateTime? ReplacedAt = null, string? ReplacedByCode = null, string? ReissueReason = null, bool MayReissue = false);
    public IReadOnlyList<CertificateRow> Certificates { get; private set; } = [];
    /// <param name="ReflectionId">The sent reflection, which HR may open (see Coaching/Review).</param>
    public sealed record PillarRow(string Title, DateTime? ReadAt, bool HasCheck, DateTime? CheckPassedAt, DateTime? ReflectedAt, int? ReflectionId);
    public sealed record AttemptRow(string Pillar, int Number, DateTime StartedAt, DateTime? SubmittedAt, int? Score, bool Passed);

    public CompletionRow Person { get; private set; } = null!;
    public AssignmentStatus Status { get; private set; }
    public int? EditionNumber { get; private set; }
    public AssignmentReason? Reason { get; private set; }
    public IReadOnlyList<PillarRow> Pillars { get; private set; } = [];
    public IReadOnlyList<AttemptRow> Attempts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var today = clock.Today;
        var person = await CompletionQuery.PersonAsync(db, id, ct);
        if (person is null) return NotFound();
        Person = person;
        Status = person.Status(today);

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        // Two narrow queries, not one nested projection: SQLite would build the nested one over every pillar of every
        // assignment before joining (a second at 100,000 people).
        var current = await db.Employees.AsNoTracking().Where(e => e.Id == id && e.CurrentAssignmentId != null)
            .Select(e => new { AssignmentId = e.CurrentAssignmentId!.Value, e.CurrentAssignment!.Edition!.Number, e.CurrentAssignment.Edition.DefaultLanguage, e.CurrentAssignment.Reason })
            .SingleOrDefaultAsync(ct);
        if (current is not null)
        {
            var pillars = await db.AssignmentPillars.AsNoTracking().Where(p => p.AssignmentId == current.AssignmentId)
                .OrderBy(p => p.Pillar!.Order)
                .Select(p => new
                {
                    p.ReadAt, p.Pillar!.HasCheck, p.CheckPassedAt, p.ReflectedAt,
                    ReflectionId = db.Reflections.Where(r => r.AssignmentPillarId == p.Id && r.SubmittedAt != null).Select(r => (int?)r.Id).FirstOrDefault(),
                    Titles = p.Pillar.Texts.Select(t => new { t.Language, t.Title }).ToList(),
                })
                .AsSplitQuery().ToListAsync(ct);
            EditionNumber = current.Number;
            Reason = current.Reason;
            Pillars = pillars.Select(p => new PillarRow(
                p.Titles.InLanguage(t => t.Language, language, current.DefaultLanguage).Title,
                p.ReadAt, p.HasCheck, p.CheckPassedAt, p.ReflectedAt, p.ReflectionId)).ToList();
        }

        // Every attempt this person ever made, on any edition: HR's evidence that the promise is understood.
        var attempts = await db.CheckAttempts.AsNoTracking().Where(a => a.AssignmentPillar!.Assignment!.EmployeeId == id)
            .OrderByDescending(a => a.StartedAt)
            .Select(a => new
            {
                a.Number, a.StartedAt, a.SubmittedAt, a.Score, a.Passed, a.AssignmentPillar!.Pillar!.Edition!.DefaultLanguage,
                Titles = a.AssignmentPillar.Pillar.Texts.Select(t => new { t.Language, t.Title }).ToList(),
            })
            .Take(200).ToListAsync(ct);
        Attempts = attempts.Select(a => new AttemptRow(
            a.Titles.InLanguage(t => t.Language, language, a.DefaultLanguage).Title,
            a.Number, a.StartedAt, a.SubmittedAt, a.Score, a.Passed)).ToList();
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.EmployeeId == id)
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
            .Select(c => new CertificateRow(c.Id, c.Code, c.EditionNumber, c.IssuedAt, c.RevokedAt, c.RevokedReason, c.ReplacedAt,
                db.Certificates.Where(r => r.Id == c.ReplacedById).Select(r => r.Code).FirstOrDefault(), c.ReissueReason, false))
            .ToListAsync(ct);
        Certificates = certificates.Select((c, i) => i == 0 && c.ReplacedAt is null ? c with { MayReissue = true } : c).ToList();
        Account = await emailChange.FindAsync(id, ct);
        MobilePhone = await db.Employees.AsNoTracking().Where(e => e.Id == id).Select(e => e.MobilePhone).SingleOrDefaultAsync(ct);
        MayChangeEmail = Account is not null && ServicePromise.Web.Staff.EmailChangeRules.MayChange(User.IsInRole(Roles.Admin), User.IsInRole(Roles.HR), Account.Privilege);
        return Page();
    }

    /// <summary>
    /// Changes the person's sign-in email in two steps: the first post checks the address and shows old → new; the
    /// second, confirmed, applies it (their sessions end, the old address is told). Admins only for HR and admin people.
    /// </summary>
    public async Task<IActionResult> OnPostEmailAsync(int id, string? newEmail, bool confirmEmail, CancellationToken ct)
    {
        var account = await emailChange.FindAsync(id, ct);
        if (account is null) return NotFound();
        if (!ServicePromise.Web.Staff.EmailChangeRules.MayChange(User.IsInRole(Roles.Admin), User.IsInRole(Roles.HR), account.Privilege))
            return StatusCode(StatusCodes.Status403Forbidden);
        newEmail = newEmail?.Trim() ?? "";
        var problem = confirmEmail ? await emailChange.ChangeAsync(account, newEmail, ct) : await emailChange.ProblemAsync(account, newEmail, ct);
        if (problem is not null) ModelState.AddModelError("newEmail", problem.In(L));
        if (!ModelState.IsValid)
        {
            var page = await OnGetAsync(id, ct);
            NewEmail = newEmail;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }
        if (!confirmEmail)
        {
            var page = await OnGetAsync(id, ct);
            PendingEmail = newEmail;
            return page;
        }
        TempData["StatusMessage"] = L["Correo cambiado: {0} entra ahora con {1}. Hemos avisado a la dirección antigua y sus sesiones abiertas se han cerrado.", account.FullName, newEmail].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Prints a corrected copy of the person's newest certificate (today's name, job title and company; same edition and
    /// completion); the old one then verifies as replaced by it. Allowed on a revoked certificate: that is how an error is
    /// put right. Once, however often the form is sent.
    /// </summary>
    public async Task<IActionResult> OnPostReissueAsync(int id, int certificateId, string? reissueReason, bool reissueConfirm, CancellationToken ct)
    {
        reissueReason = reissueReason?.Trim();
        if (string.IsNullOrEmpty(reissueReason)) ModelState.AddModelError("reissueReason", L["Escribe el motivo de la reemisión."]);
        else if (reissueReason.Length > 500) ModelState.AddModelError("reissueReason", L["El motivo tiene {0} caracteres; el máximo es {1}.", reissueReason.Length, 500]);
        else if (MultiLineText.Problem(reissueReason) is { } hidden) ModelState.AddModelError("reissueReason", hidden.In(L));
        if (!reissueConfirm) ModelState.AddModelError("reissueConfirm", L["Marca la casilla para confirmar la reemisión."]);
        if (!ModelState.IsValid)
        {
            var page = await OnGetAsync(id, ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }
        var result = await issuer.ReissueAsync(certificateId, id, reissueReason!, User.GetEmployeeId(), ct);
        TempData["StatusMessage"] = result.Outcome switch
        {
            ServicePromise.Web.Certificates.ReissueOutcome.Reissued => L["Certificado reemitido con el código {0}. El anterior aparece ahora como sustituido.", result.Certificate!.Code].Value,
            ServicePromise.Web.Certificates.ReissueOutcome.NotNewest => L["Solo se puede reemitir el certificado más reciente de la persona; no se ha cambiado nada."].Value,
            _ => L["Ese certificado ya se había reemitido o no es de esta persona; no se ha cambiado nada."].Value,
        };
        return Redirect($"/hr/people/{id}#certificates");
    }

    /// <summary>Withdraws one of this person's certificates, with a reason the public verification page shows. Once.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(int id, int certificateId, string? reason, bool confirm,
        [FromServices] Audit.AuditLog audit, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) ModelState.AddModelError("reason", L["Escribe el motivo: se mostrará en la página de verificación."]);
        else if (reason.Length > 500) ModelState.AddModelError("reason", L["El motivo tiene {0} caracteres; el máximo es {1}.", reason.Length, 500]);
        else if (MultiLineText.Problem(reason) is { } hidden) ModelState.AddModelError("reason", hidden.In(L));
        if (!confirm) ModelState.AddModelError("confirm", L["Marca la casilla para confirmar la revocación."]);
        if (!ModelState.IsValid)
        {
            var page = await OnGetAsync(id, ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }
        // The revocation and its audit entry together, or neither.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var revoked = await db.Certificates.Where(c => c.Id == certificateId && c.EmployeeId == id && c.RevokedAt == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(c => c.RevokedAt, clock.UtcNow)
                .SetProperty(c => c.RevokedReason, reason)
                .SetProperty(c => c.RevokedById, User.GetEmployeeId()), ct);
        if (revoked == 1)
        {
            var done = await db.Certificates.AsNoTracking().Where(c => c.Id == certificateId)
                .Select(c => new { c.Code, c.Employee!.FullName, c.Employee.EmployeeNumber }).SingleAsync(ct);
            await audit.RecordAsync(Audit.AuditActions.CertificateRevoked, id, Audit.AuditLog.Person(done.FullName, done.EmployeeNumber),
                new Dictionary<string, object?> { ["certificate"] = done.Code, ["reason"] = reason }, ct);
        }
        await transaction.CommitAsync(ct);
        TempData["StatusMessage"] = revoked == 1 ? L["Certificado revocado."].Value : L["Ese certificado ya estaba revocado o no es de esta persona; no se ha cambiado nada."].Value;
        return Redirect($"/hr/people/{id}#certificates");
    }

    public string Date(DateTime? utc) => utc is { } value ? clock.Local(value).ToString("g", CultureInfo.CurrentCulture) : "—";
}
