using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.CheckIns;

/// <summary>
/// The home page's check-in card, for the signed-in person only: their check-ins that are due (by the organisation's
/// clock) and the ones their manager replied to lately. One query; nothing at all when there is neither.
/// </summary>
public sealed class CheckInCardViewComponent(AppDbContext db, OrganisationClock clock) : ViewComponent
{
    /// <summary>A reply stays on the card this long after it was written.</summary>
    public const int RepliesShownDays = 14;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.GetEmployeeId() is not int me) return Content("");
        var today = clock.Today;
        var since = clock.UtcNow.AddDays(-RepliesShownDays);
        var rows = await CheckInRows.ListAsync(db.CommitmentCheckIns.Where(c => c.EmployeeId == me
            && ((c.AnsweredAt == null && c.CancelledAt == null && c.DueOn <= today) || c.Replies.Any(r => r.WrittenAt >= since))), HttpContext.RequestAborted);
        return rows.Count == 0 ? Content("") : View("~/CheckIns/_Card.cshtml", rows.OrderBy(r => r.DueOn).ToList());
    }
}

/// <summary>Mi equipo's commitments block: the signed-in manager's direct reports' commitments, one row each (<see cref="CheckInRows.OnePerCommitment"/>), newest first.</summary>
public sealed class TeamCheckInsViewComponent(AppDbContext db, OrganisationClock clock) : ViewComponent
{
    public const int Shown = 50;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.GetEmployeeId() is not int me) return Content("");
        var ct = HttpContext.RequestAborted;
        var keys = await db.CommitmentCheckIns.AsNoTracking()
            .Where(c => c.Employee!.ManagerId == me && c.Employee.IsActive && c.CancelledAt == null)
            .Select(c => new CheckInKey(c.Id, c.EmployeeId, c.PillarKey, c.ReflectionVersionId, c.DueOn, c.AnsweredAt)).ToListAsync(ct);
        var shown = CheckInRows.OnePerCommitment(keys, clock.Today);
        var rows = await CheckInRows.ListAsync(db.CommitmentCheckIns.Where(c => shown.Contains(c.Id))
            .OrderByDescending(c => c.AnsweredAt ?? c.CreatedAt).ThenByDescending(c => c.Id).Take(Shown), ct);
        return View("~/CheckIns/_Team.cshtml", rows);
    }
}

/// <summary>What Mi historial holds of a person's check-ins: every one asked so far, their answers and the replies.</summary>
public sealed record RecordCheckIns(IReadOnlyList<CheckInRow> CheckIns, ILookup<int, (string Author, DateTime WrittenAt, string Text)> Replies)
{
    /// <summary>The person's own check-ins for the record page and its PDF; null when they never had one asked.</summary>
    public static async Task<RecordCheckIns?> LoadAsync(AppDbContext db, int employeeId, DateOnly today, CancellationToken ct)
    {
        var rows = await CheckInRows.ListAsync(db.CommitmentCheckIns.Where(c => c.EmployeeId == employeeId && (c.DueOn <= today || c.AnsweredAt != null || c.CancelledAt != null))
            .OrderByDescending(c => c.DueOn).ThenByDescending(c => c.Id), ct);
        if (rows.Count == 0) return null;
        var replies = (await db.CheckInReplies.AsNoTracking().Where(r => r.CheckIn!.EmployeeId == employeeId).OrderBy(r => r.WrittenAt)
                .Select(r => new { r.CheckInId, r.Author!.FullName, r.WrittenAt, r.Text }).ToListAsync(ct))
            .ToLookup(r => r.CheckInId, r => (r.FullName, r.WrittenAt, r.Text));
        return new RecordCheckIns(rows, replies);
    }
}

/// <summary>Mi historial's check-ins section, for the signed-in person only; nothing when they never had a plan with a date.</summary>
public sealed class RecordCheckInsViewComponent(AppDbContext db, OrganisationClock clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.GetEmployeeId() is not int me) return Content("");
        var record = await RecordCheckIns.LoadAsync(db, me, clock.Today, HttpContext.RequestAborted);
        return record is null ? Content("") : View("~/CheckIns/_Record.cshtml", record);
    }
}
