using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Coaching;

public enum FeatureOutcome
{
    Featured,
    AlreadyFeatured,
    /// <summary>The author has not agreed to share it (or withdrew), or it is not an accepted reflection: it is not featured.</summary>
    NotShareable,
}

/// <summary>
/// Chooses reflections to show colleagues as examples. Only an accepted reflection whose author consents to sharing
/// can be featured, and the condition is part of the update, so a consent withdrawn a moment earlier always wins.
/// Who may feature (the reviewer or HR) is the caller's check (<see cref="ReviewRules.AccessOf"/>).
/// </summary>
public sealed class Featuring(AppDbContext db, TimeProvider clock)
{
    public async Task<FeatureOutcome> FeatureAsync(int reflectionId, int featuredById, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var featured = await Shareable(db.Reflections).Where(r => r.Id == reflectionId && r.FeaturedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.FeaturedAt, now).SetProperty(r => r.FeaturedById, featuredById), ct);
        if (featured == 1) return FeatureOutcome.Featured;
        return await Shareable(db.Reflections).AnyAsync(r => r.Id == reflectionId && r.FeaturedAt != null, ct)
            ? FeatureOutcome.AlreadyFeatured : FeatureOutcome.NotShareable;
    }

    /// <summary>Stops showing it as an example; the author's consent stays as they left it.</summary>
    public async Task UnfeatureAsync(int reflectionId, CancellationToken ct = default) =>
        await db.Reflections.Where(r => r.Id == reflectionId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.FeaturedAt, (DateTime?)null).SetProperty(r => r.FeaturedById, (int?)null), ct);

    /// <summary>Reflections that may be shown as examples: accepted, and shared by their authors.</summary>
    public static IQueryable<Reflection> Shareable(IQueryable<Reflection> reflections) =>
        reflections.Where(r => r.ShareConsent && r.Status == ReflectionStatus.Accepted);
}
