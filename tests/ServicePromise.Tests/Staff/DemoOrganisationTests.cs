using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Tests.Staff;

/// <summary>The demo organisation records its people's reflections as history: they count at once, even with reviews on.</summary>
public class DemoOrganisationTests
{
    [Fact]
    public async Task With_reviews_on_the_demo_reflections_count_unflagged_and_the_finished_people_hold_certificates()
    {
        using var app = new ReviewAppFactory();
        var (statuses, flagged, unreflected, completed, certified) = await app.WithDbAsync(async db => (
            await db.Reflections.Select(r => r.Status).Distinct().ToListAsync(),
            await db.Reflections.CountAsync(r => r.SimilarToId != null),
            await db.Reflections.CountAsync(r => r.AssignmentPillar!.ReflectedAt == null),
            await db.Assignments.CountAsync(a => a.CompletedAt != null),
            await db.Certificates.CountAsync()));
        Assert.Equal([ReflectionStatus.Accepted], statuses);
        Assert.Equal(0, flagged);
        Assert.Equal(0, unreflected);
        Assert.True(completed >= 10, $"{completed} completed");
        Assert.Equal(completed, certified);
        // One sent version each, as if sent on the site.
        Assert.Equal(0, await app.WithDbAsync(db => db.Reflections.CountAsync(r => r.Versions.Count != 1)));
    }
}
