using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Certificates;

public class MineModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string Code, int EditionNumber, DateTime IssuedAt);

    public IReadOnlyList<Row> Certificates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.GetEmployeeId() is not int employeeId) return;
        Certificates = await db.Certificates.AsNoTracking().Where(c => c.EmployeeId == employeeId)
            .Where(Certificate.IsCurrent) // a copy replaced by a reissue is no longer the holder's to hand out
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
            .Select(c => new Row(c.Id, c.Code, c.EditionNumber, c.IssuedAt))
            .ToListAsync(ct);
    }
}
