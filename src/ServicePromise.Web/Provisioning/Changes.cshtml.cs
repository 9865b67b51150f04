using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Provisioning;

/// <summary>"Aprovisionamiento": every change the identity provider sent, newest first, with what it did or why it was refused.</summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class ChangesModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(long Id, DateTime At, string Method, ScimOperation Operation, int Status, int? EmployeeId, string Subject, string? Detail, string TokenName)
    {
        public bool Applied => Status is >= 200 and < 300;
    }

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Paged<Row> Rows { get; private set; } = null!;
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await db.ScimChanges.AsNoTracking().OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new Row(c.Id, c.At, c.Method, c.Operation, c.Status, c.EmployeeId, c.Subject, c.Detail, c.TokenName))
            .PageAsync(PageNumber, ct, PageSize);
        Pager = new Pager(Rows.Number, Rows.Count, "p", new Dictionary<string, string?>());
    }
}
