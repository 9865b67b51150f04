using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;
using ServicePromise.Web.Measurement;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Findings;

/// <summary>A finding as lists show it, with the standard's wording and the pillar's title in one language.</summary>
public sealed record FindingSummary(int Id, int? SiteId, int? DepartmentId, string Place, string StandardKey, string PillarKey, string Standard, string Pillar,
    DateOnly PeriodStart, PeriodKind PeriodKind, FindingKind Kind, int ScoreHundredths, int ThresholdHundredths, int? PreviousScoreHundredths,
    FindingState State, DateTime RaisedAt, DateTime? ClosedAt)
{
    public decimal Score => ScoreHundredths / 100m;
    public decimal Threshold => ThresholdHundredths / 100m;
    public decimal? PreviousScore => PreviousScoreHundredths / 100m;
}

/// <summary>What the lesson and the reflection show a person doing a targeted refresher: the finding in plain words, and the comments HR shared.</summary>
public sealed record FindingBanner(int FindingId, bool AtSite, DateOnly PeriodStart, PeriodKind PeriodKind, decimal Score, decimal Threshold, string Standard,
    IReadOnlyList<string> SharedComments);

/// <summary>One person a targeted refresher would go to, as the preview lists them.</summary>
public sealed record AudiencePerson(int Id, string Name, string JobTitle);

/// <summary>
/// Reads about findings: for HR's pages, for the lesson's banner, and for other features (a site's open findings on the
/// employee's home and the manager's team page).
/// </summary>
public sealed class FindingQueries(AppDbContext db)
{
    /// <summary>The open (proposed or confirmed) findings of a site, newest period first.</summary>
    public Task<List<FindingSummary>> OpenForSite(int siteId, CancellationToken ct = default) =>
        Summaries(db.Findings.Where(f => f.SiteId == siteId && (f.State == FindingState.Proposed || f.State == FindingState.Confirmed))
            .OrderByDescending(f => f.PeriodStart).ThenBy(f => f.StandardKey)).ToListAsync(ct);

    /// <summary>Every finding of a site in any state, newest period first (for a site's history).</summary>
    public Task<List<FindingSummary>> ForSite(int siteId, CancellationToken ct = default) =>
        Summaries(db.Findings.Where(f => f.SiteId == siteId).OrderByDescending(f => f.PeriodStart).ThenBy(f => f.StandardKey)).ToListAsync(ct);

    public Task<FindingSummary?> ById(int id, CancellationToken ct = default) =>
        Summaries(db.Findings.Where(f => f.Id == id)).SingleOrDefaultAsync(ct);

    /// <summary>
    /// The findings as lists show them, in the order of <paramref name="findings"/> (order before projecting). Wording and title come from the newest edition that has the standard, in the
    /// current UI language or else the edition's own.
    /// </summary>
    public IQueryable<FindingSummary> Summaries(IQueryable<Finding> findings)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var standards = db.PillarStandards.Where(s => s.Pillar!.EditionId == db.Editions.OrderByDescending(e => e.Number).Select(e => e.Id).FirstOrDefault());
        return findings.AsNoTracking().Select(f => new FindingSummary(f.Id, f.SiteId, f.DepartmentId,
            f.Site != null ? f.Site.Name : f.Department != null ? f.Department.Name : "",
            f.StandardKey, f.PillarKey,
            standards.Where(s => s.Key == f.StandardKey).SelectMany(s => s.Texts)
                .OrderBy(t => t.Language == language ? 0 : 1).Select(t => t.Wording).FirstOrDefault() ?? f.StandardKey,
            standards.Where(s => s.Key == f.StandardKey).SelectMany(s => s.Pillar!.Texts)
                .OrderBy(t => t.Language == language ? 0 : 1).Select(t => t.Title).FirstOrDefault() ?? f.PillarKey,
            f.PeriodStart, f.PeriodKind, f.Kind, f.ScoreHundredths, f.ThresholdHundredths, f.PreviousScoreHundredths, f.State, f.RaisedAt, f.ClosedAt));
    }

    /// <summary>
    /// Who a targeted refresher for <paramref name="finding"/> goes to: the active people of its site (or department),
    /// of the chosen job titles (none chosen: all), whose current assignment is complete. Someone with work under way
    /// (onboarding, a new edition, another refresher) is left to finish it; someone never assigned is onboarding's.
    /// The preview and the confirmation both read this one query, so they cannot disagree.
    /// </summary>
    public IQueryable<Employee> Audience(Finding finding, IReadOnlyCollection<string> jobTitles)
    {
        var people = AtPlace(finding).Where(e => e.IsActive && e.CurrentAssignmentId != null && e.CurrentAssignment!.CompletedAt != null);
        return jobTitles.Count == 0 ? people : people.Where(e => jobTitles.Contains(e.JobTitle));
    }

    /// <summary>The active people of the finding's place with work under way: they get no refresher on top.</summary>
    public Task<int> BusyCount(Finding finding, IReadOnlyCollection<string> jobTitles, CancellationToken ct) =>
        AtPlace(finding).Where(e => e.IsActive && (jobTitles.Count == 0 || jobTitles.Contains(e.JobTitle))
            && (e.CurrentAssignmentId == null || e.CurrentAssignment!.CompletedAt == null)).CountAsync(ct);

    IQueryable<Employee> AtPlace(Finding finding) => finding.SiteId is int site
        ? db.Employees.Where(e => e.SiteId == site)
        : db.Employees.Where(e => e.DepartmentId == finding.DepartmentId);

    /// <summary>The job titles of the finding's place's active people, for narrowing the refresher.</summary>
    public Task<List<string>> JobTitlesAt(Finding finding, CancellationToken ct) =>
        AtPlace(finding).Where(e => e.IsActive).Select(e => e.JobTitle).Distinct().OrderBy(j => j).ToListAsync(ct);

    /// <summary>
    /// Who may own the action plan: the managers of the place's active people, most people first — the first is the
    /// place's manager by default.
    /// </summary>
    public async Task<List<(int Id, string Name, int People)>> ManagersOf(Finding finding, CancellationToken ct)
    {
        var rows = await AtPlace(finding).Where(e => e.IsActive && e.ManagerId != null)
            .GroupBy(e => e.ManagerId!.Value).Select(g => new { Id = g.Key, People = g.Count() }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var names = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id) && e.IsActive).ToDictionaryAsync(e => e.Id, e => e.FullName, ct);
        return rows.Where(r => names.ContainsKey(r.Id)).OrderByDescending(r => r.People).ThenBy(r => names[r.Id])
            .Select(r => (r.Id, names[r.Id], r.People)).ToList();
    }

    /// <summary>A short fingerprint of the ids a preview listed: the confirmation refuses if the list it recomputes differs.</summary>
    public static string Fingerprint(IEnumerable<int> ids) =>
        Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(",", ids.Order())))).ToLowerInvariant()[..32];

    /// <summary>The results of the finding's place, standard and period that carry a customer comment, for HR to choose what to share.</summary>
    public Task<List<AuditResult>> CommentsOf(Finding finding, CancellationToken ct) =>
        db.AuditResults.AsNoTracking()
            .Where(r => r.ReplacedAt == null && r.SiteId == finding.SiteId && r.DepartmentId == finding.DepartmentId && r.StandardKey == finding.StandardKey
                && r.PeriodStart == finding.PeriodStart && r.Comment != null && r.Comment != "")
            .OrderBy(r => r.Id).ToListAsync(ct);

    /// <summary>The banner for the pillar of the finding an assignment answers; null for any other assignment or pillar.</summary>
    public async Task<FindingBanner?> BannerFor(int assignmentId, string pillarKey, CancellationToken ct = default)
    {
        var finding = await db.Assignments.AsNoTracking().Where(a => a.Id == assignmentId && a.FindingId != null && a.Finding!.PillarKey == pillarKey)
            .Select(a => a.Finding!).SingleOrDefaultAsync(ct);
        if (finding is null) return null;
        var summary = await ById(finding.Id, ct);
        var shared = await db.AuditResults.AsNoTracking()
            .Where(r => r.ReplacedAt == null && r.SiteId == finding.SiteId && r.DepartmentId == finding.DepartmentId && r.StandardKey == finding.StandardKey
                && r.PeriodStart == finding.PeriodStart && r.SharedComment != null)
            .OrderBy(r => r.Id).Select(r => r.SharedComment!).ToListAsync(ct);
        return new FindingBanner(finding.Id, finding.SiteId is not null, finding.PeriodStart, finding.PeriodKind, finding.ScoreHundredths / 100m,
            finding.ThresholdHundredths / 100m, summary?.Standard ?? finding.StandardKey, shared);
    }
}
