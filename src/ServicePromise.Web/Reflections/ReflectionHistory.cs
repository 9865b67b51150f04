using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Reflections;

/// <summary>What happened to a reflection once sent: every version (newest first) and the review thread (oldest first).</summary>
public sealed record ReflectionHistory(IReadOnlyList<ReflectionVersion> Versions, IReadOnlyList<(ReflectionReview Review, string Reviewer)> Thread)
{
    public static async Task<ReflectionHistory> LoadAsync(AppDbContext db, int reflectionId, CancellationToken ct)
    {
        var versions = await db.ReflectionVersions.AsNoTracking().Where(v => v.ReflectionId == reflectionId).OrderByDescending(v => v.Number).ToListAsync(ct);
        var thread = await db.ReflectionReviews.AsNoTracking().Where(r => r.ReflectionId == reflectionId).OrderBy(r => r.DecidedAt)
            .Select(r => new { Review = r, r.Reviewer!.FullName }).ToListAsync(ct);
        return new ReflectionHistory(versions, thread.Select(r => (r.Review, r.FullName)).ToList());
    }
}
