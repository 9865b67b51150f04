using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Reflections;

/// <summary>One colleague's reflection shown as an example. <see cref="AuthorName"/> is null when they asked to be anonymous.</summary>
public sealed record Example(int ReflectionId, string? AuthorName, ReflectionText Text);

/// <summary>Examples from one job family (<see cref="JobFamily"/> null: people without a department).</summary>
public sealed record ExampleGroup(string? JobFamily, IReadOnlyList<Example> Examples);

/// <summary>
/// "Aprende de tus compañeros": under a pillar, reflections on it that colleagues agreed to share and HR or a reviewer
/// featured. Shown only once the reader has sent their own (so it is compared, not copied), and consent is checked on
/// every read, so withdrawing it takes the example away at once.
/// </summary>
public static class ColleagueExamples
{
    public const int PerGroup = 3;
    public const int Total = 12;
    /// <summary>The newest featured reflections considered; far more than are ever shown, and a bounded read at any size.</summary>
    const int Candidates = 300;

    /// <summary>A featured reflection that may be shown, before the limits are applied.</summary>
    public sealed record Candidate(int ReflectionId, int AuthorId, string? AuthorName, string? JobFamily, DateTime FeaturedAt, ReflectionText Text);

    /// <summary>Whether a reader whose own reflection on the pillar is <paramref name="own"/> may see examples: once it is sent.</summary>
    public static bool OpenTo(ReflectionStatus? own) => own is ReflectionStatus.Submitted or ReflectionStatus.Accepted;

    /// <summary>
    /// The examples for the pillar of <paramref name="assignmentPillarId"/>, which must be one of <paramref name="employeeId"/>'s
    /// own; empty until that person's own reflection on it is sent (submitted or accepted).
    /// </summary>
    public static async Task<IReadOnlyList<ExampleGroup>> ForAsync(AppDbContext db, int employeeId, int assignmentPillarId, CancellationToken ct = default)
    {
        var mine = await db.AssignmentPillars.AsNoTracking()
            .Where(p => p.Id == assignmentPillarId && p.Assignment!.EmployeeId == employeeId)
            .Select(p => new
            {
                p.Pillar!.Key,
                Sent = db.Reflections.Any(r => r.AssignmentPillarId == p.Id
                    && (r.Status == ReflectionStatus.Submitted || r.Status == ReflectionStatus.Accepted)),
            })
            .SingleOrDefaultAsync(ct);
        if (mine is not { Sent: true }) return [];

        // Shareable: accepted and consented to, as featuring requires (and consent is read now, so a withdrawal counts at once).
        var rows = await Coaching.Featuring.Shareable(db.Reflections.AsNoTracking())
            .Where(r => r.FeaturedAt != null
                && r.AssignmentPillar!.Pillar!.Key == mine.Key
                && r.AssignmentPillar.Assignment!.EmployeeId != employeeId
                && r.AssignmentPillar.Assignment.Employee!.IsActive)
            .OrderByDescending(r => r.FeaturedAt).ThenByDescending(r => r.Id)
            .Take(Candidates)
            .Select(r => new
            {
                r.Id,
                FeaturedAt = r.FeaturedAt!.Value,
                AuthorId = r.AssignmentPillar!.Assignment!.EmployeeId,
                // An anonymous author's name is never even read.
                Author = r.ShareAnonymously ? null : r.AssignmentPillar.Assignment.Employee!.FullName,
                // The job family is the author's department: the closest thing to "people who do a job like mine" we hold.
                JobFamily = r.AssignmentPillar.Assignment.Employee!.Department!.Name,
            })
            .ToListAsync(ct);
        if (rows.Count == 0) return [];

        // What was featured is the version sent before it was chosen, never a later draft or an unreviewed revision.
        var ids = rows.Select(r => r.Id).ToList();
        var versions = (await db.ReflectionVersions.AsNoTracking().Where(v => ids.Contains(v.ReflectionId))
                .Select(v => new { v.ReflectionId, v.Number, v.SubmittedAt, v.Meaning, v.Customers, v.Action }).ToListAsync(ct))
            .ToLookup(v => v.ReflectionId);
        return Pick(rows.Select(r => (Row: r, Version: versions[r.Id].Where(v => v.SubmittedAt <= r.FeaturedAt).MaxBy(v => v.Number)))
            .Where(x => x.Version is not null)
            .Select(x => new Candidate(x.Row.Id, x.Row.AuthorId, x.Row.Author, x.Row.JobFamily, x.Row.FeaturedAt,
                new ReflectionText(x.Version!.Meaning, x.Version.Customers, x.Version.Action))));
    }

    /// <summary>
    /// Newest first; one example per author (their newest); at most <paramref name="perGroup"/> per job family and
    /// <paramref name="total"/> in all. Families are ordered by their newest example.
    /// </summary>
    public static IReadOnlyList<ExampleGroup> Pick(IEnumerable<Candidate> candidates, int perGroup = PerGroup, int total = Total)
    {
        var authors = new HashSet<int>();
        var groups = new List<(string? Family, List<Example> Examples)>();
        var count = 0;
        foreach (var c in candidates.OrderByDescending(c => c.FeaturedAt).ThenByDescending(c => c.ReflectionId))
        {
            if (count == total) break;
            if (authors.Contains(c.AuthorId)) continue;
            var family = string.IsNullOrWhiteSpace(c.JobFamily) ? null : c.JobFamily;
            var group = groups.FindIndex(g => g.Family == family);
            if (group < 0)
            {
                groups.Add((family, []));
                group = groups.Count - 1;
            }
            if (groups[group].Examples.Count == perGroup) continue;
            groups[group].Examples.Add(new Example(c.ReflectionId, c.AuthorName, c.Text));
            authors.Add(c.AuthorId);
            count++;
        }
        return groups.Where(g => g.Examples.Count > 0).Select(g => new ExampleGroup(g.Family, g.Examples)).ToList();
    }
}
