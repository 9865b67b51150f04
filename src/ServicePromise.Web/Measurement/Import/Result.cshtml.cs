using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;

namespace ServicePromise.Web.Measurement.Import;

/// <summary>One audit result typed in by HR: the same checks and the same apply as a file of one row.</summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class ResultModel(AuditImporter importer, IStringLocalizer<SharedResource> L) : PageModel
{
    public const string Address = "/hr/measurement/result";

    public sealed class InputModel
    {
        /// <summary>"s:ID" for a site, "d:ID" for a department.</summary>
        public string? Place { get; set; }
        public string? Period { get; set; }
        public string? Source { get; set; }
        public string? Standard { get; set; }
        public string? Score { get; set; }
        public string? Sample { get; set; }
        public string? Comment { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public AuditCatalogue Catalogue { get; private set; } = new(new Dictionary<int, string>(), new Dictionary<int, string>(), []);

    public async Task OnGetAsync(CancellationToken ct) => Catalogue = await importer.CatalogueAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Catalogue = await importer.CatalogueAsync(ct);
        string Name(IReadOnlyDictionary<int, string> places, string id) =>
            int.TryParse(id, out var n) && places.TryGetValue(n, out var name) ? name : "";
        var place = Input.Place ?? "";
        var site = place.StartsWith("s:", StringComparison.Ordinal) ? Name(Catalogue.Sites, place[2..]) : "";
        var department = place.StartsWith("d:", StringComparison.Ordinal) ? Name(Catalogue.Departments, place[2..]) : "";
        var row = new AuditRow(0, site, department, T(Input.Period), T(Input.Source), T(Input.Standard), T(Input.Score), T(Input.Sample), T(Input.Comment));
        var result = await importer.RecordOneAsync(row, User.FindFirstValue(ClaimTypes.NameIdentifier), apply: true);
        if (result.Problems.Count > 0 || result.Outcome == AuditOutcome.Conflict)
        {
            foreach (var problem in result.Problems) ModelState.AddModelError(string.Empty, problem.Message.In(L));
            if (result.Outcome == AuditOutcome.Conflict) ModelState.AddModelError(string.Empty, IndexModel.Outcome(result, L));
            return Page();
        }
        TempData["StatusMessage"] = IndexModel.Outcome(result, L).Value;
        return Redirect(Address);
    }

    static string T(string? text) => text?.Trim() ?? "";
}
