using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Reminders;

/// <summary>Every reminder sent or attempted, newest first, with failures and their retries: HR sees who was chased and what did not get through.</summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class SendsModel(AppDbContext db) : PageModel
{
    public sealed record Row(DateTime ClaimedAt, string Person, string Recipient, ReminderKind Kind, string Step, SendStatus Status, int Attempts,
        DateTime? SentAt, DateTime? NextAttemptAt, string? LastError);

    [BindProperty(SupportsGet = true)] public SendStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Paged<Row> Rows { get; private set; } = null!;
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.ReminderSends.AsQueryable();
        if (Status is { } status) query = query.Where(s => s.Status == status);
        Rows = await query.OrderByDescending(s => s.ClaimedAt).ThenByDescending(s => s.Id)
            .Select(s => new Row(s.ClaimedAt, s.Assignment!.Employee!.FullName, s.Recipient, s.Kind, s.Step, s.Status, s.Attempts, s.SentAt, s.NextAttemptAt, s.LastError))
            .PageAsync(PageNumber, ct);
        Pager = new Pager(Rows.Number, Rows.Count, "p", new Dictionary<string, string?> { ["status"] = Status?.ToString() });
    }
}
