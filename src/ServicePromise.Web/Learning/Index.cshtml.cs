using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Learning;

/// <summary>"Mi promesa": the promise, each pillar with its state, and how far the person has got.</summary>
public class IndexModel(AppDbContext db, PublishedEditions editions, Infrastructure.OrganisationClock clock,
    Microsoft.Extensions.Options.IOptions<Reminders.ReminderSenderOptions> reminders) : PageModel
{
    /// <summary>For a person without email, what the reminder mails would tell them today (no query: the session knows they have none).</summary>
    public Reminders.OnPageReminder? Reminder { get; private set; }

    public MyAssignment? Assignment { get; private set; }
    public string PromiseHtml { get; private set; } = "";
    public int? CertificateId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.GetEmployeeId() is not int employeeId) return Page();
        Assignment = await MyAssignment.LoadAsync(db, editions, employeeId, ct);
        if (Assignment is null) return Page();
        PromiseHtml = Assignment.PromiseHtml;
        if (Reminders.OnPageReminders.HasNoEmail(User))
            Reminder = Reminders.OnPageReminders.For(Assignment.DueOn, clock.Today, Assignment.IsComplete, reminders.Value.Schedule);
        if (Assignment.IsComplete)
            CertificateId = await db.Certificates.Where(c => c.AssignmentId == Assignment.AssignmentId && c.ReplacedAt == null).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        return Page();
    }
}
