using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.Feedback;

/// <summary>One of the manager's people on a targeted refresher: done (and when) or not yet (and by when).</summary>
public sealed record RefresherPerson(int EmployeeId, string FullName, string JobTitle, DateOnly DueOn, DateTime? CompletedAt)
{
    public bool Done => CompletedAt is not null;
}

/// <summary>A confirmed finding's targeted refresher, with who of the manager's team has done it and who has not.</summary>
public sealed record FindingRefresher(int FindingId, string PillarKey, string StandardKey, DateOnly PeriodStart, PeriodKind PeriodKind,
    int ScoreHundredths, int ThresholdHundredths, IReadOnlyList<RefresherPerson> People)
{
    public int DoneCount => People.Count(p => p.Done);
}

/// <summary>
/// The manager's direct reports' targeted refreshers (assignments given for a finding HR confirmed and that is still
/// open), grouped by finding. Only assignments of people whose manager is <c>managerId</c> are read; an assignment a
/// new edition has since moved the person on from is left out (it no longer asks anything of them).
/// </summary>
public static class TeamRefreshers
{
    public static async Task<IReadOnlyList<FindingRefresher>> OfManagerAsync(AppDbContext db, int managerId, CancellationToken ct = default)
    {
        var rows = await db.Assignments.AsNoTracking()
            .Where(a => a.FindingId != null && a.SupersededAt == null
                && a.Employee!.ManagerId == managerId && a.Finding!.State == FindingState.Confirmed)
            .Select(a => new
            {
                FindingId = a.FindingId!.Value, a.Finding!.PillarKey, a.Finding.StandardKey, a.Finding.PeriodStart, a.Finding.PeriodKind,
                a.Finding.ScoreHundredths, a.Finding.ThresholdHundredths,
                Person = new RefresherPerson(a.EmployeeId, a.Employee!.FullName, a.Employee.JobTitle, a.DueOn, a.CompletedAt),
            })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.FindingId)
            .Select(g =>
            {
                var f = g.First();
                return new FindingRefresher(f.FindingId, f.PillarKey, f.StandardKey, f.PeriodStart, f.PeriodKind, f.ScoreHundredths, f.ThresholdHundredths,
                    g.Select(r => r.Person).OrderBy(p => p.Done).ThenBy(p => p.FullName, StringComparer.CurrentCulture).ToList());
            })
            .OrderByDescending(f => f.PeriodStart).ThenBy(f => f.FindingId)
            .ToList();
    }
}
