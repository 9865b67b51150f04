using System.Globalization;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Coaching;

/// <summary>One sent reflection in a reviewer's list.</summary>
public sealed record QueueRow(int ReflectionId, string FullName, string EmployeeNumber, string Pillar, DateTime SubmittedAt, int Version,
    ReflectionStatus Status, double? Similarity);

/// <summary>A list of reflections on a coaching page, with its pager and what to say when it is empty.</summary>
public sealed record QueueView(string Id, string Caption, string Empty, Paged<QueueRow> Rows, Pager Pager);

/// <summary>
/// The reflections a reviewer's lists show, filtered in the database: sent ones, on assignments still current
/// (a new edition's move leaves nothing to decide on the old one), of people still here.
/// </summary>
public static class ReviewQueue
{
    public static IQueryable<Reflection> Sent(AppDbContext db) => db.Reflections
        .Where(r => r.SubmittedAt != null && r.AssignmentPillar!.Assignment!.SupersededAt == null && r.AssignmentPillar.Assignment.Employee!.IsActive);

    public static IQueryable<Reflection> Waiting(this IQueryable<Reflection> reflections) =>
        reflections.Where(r => r.Status == ReflectionStatus.Submitted);

    /// <summary>A manager's direct reports'.</summary>
    public static IQueryable<Reflection> OfTeam(this IQueryable<Reflection> reflections, int managerId) =>
        reflections.Where(r => r.AssignmentPillar!.Assignment!.Employee!.ManagerId == managerId);

    /// <summary>The ones HR reviews — the rule of <see cref="ReviewRules.ReviewedByHr"/> — except the reviewer's own.</summary>
    public static IQueryable<Reflection> ReviewedByHr(this IQueryable<Reflection> reflections, int? reviewerId) =>
        reflections.Where(r => (r.AssignmentPillar!.Assignment!.Employee!.ManagerId == null || !r.AssignmentPillar.Assignment.Employee.Manager!.IsActive)
            && r.AssignmentPillar.Assignment.EmployeeId != reviewerId);

    /// <summary>Nearly the same as someone else's (see <see cref="Reflection.SimilarToId"/>).</summary>
    public static IQueryable<Reflection> Flagged(this IQueryable<Reflection> reflections) =>
        reflections.Where(r => r.SimilarToId != null);

    /// <summary>One page, oldest sent first (the longest waiting), with pillar titles in the reader's language.</summary>
    public static async Task<Paged<QueueRow>> PageAsync(this IQueryable<Reflection> reflections, int page, CancellationToken ct)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var rows = await reflections.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.AssignmentPillar!.Assignment!.Employee!.FullName,
                r.AssignmentPillar.Assignment.Employee.EmployeeNumber,
                r.SubmittedAt,
                Version = r.Versions.Max(v => (int?)v.Number) ?? 0,
                r.Status,
                r.Similarity,
                r.AssignmentPillar.Pillar!.Edition!.DefaultLanguage,
                Titles = r.AssignmentPillar.Pillar.Texts.Select(t => new { t.Language, t.Title }).ToList(),
            })
            .PageAsync(page, ct);
        return rows.Select(r => new QueueRow(r.Id, r.FullName, r.EmployeeNumber,
            r.Titles.InLanguage(t => t.Language, language, r.DefaultLanguage).Title, r.SubmittedAt!.Value, r.Version, r.Status, r.Similarity));
    }

    /// <summary>A reflection's state as a reviewer reads it.</summary>
    public static string StatusText(ReflectionStatus status, IStringLocalizer L) => status switch
    {
        ReflectionStatus.Submitted => L["Esperando revisión"],
        ReflectionStatus.Returned => L["Devuelta"],
        ReflectionStatus.Accepted => L["Aceptada"],
        _ => L["Borrador"],
    };
}
