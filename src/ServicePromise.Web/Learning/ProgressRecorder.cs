using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Data;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Learning;

/// <summary>
/// Records what an employee does on a pillar and, when the last pillar is done, completes the assignment
/// and issues its certificate in the same transaction, so progress and proof never disagree.
/// </summary>
public sealed class ProgressRecorder(AppDbContext db, TimeProvider clock, CertificateIssuer issuer)
{
    public async Task MarkReadAsync(AssignmentPillar pillar, CancellationToken ct = default)
    {
        if (pillar.ReadAt is not null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        pillar.ReadAt = now;
        var assignment = await db.Assignments.SingleAsync(a => a.Id == pillar.AssignmentId, ct);
        assignment.StartedAt ??= now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Saves the text; when <paramref name="submit"/> is set, also marks the pillar reflected and completes the assignment if it was the last one.</summary>
    /// <returns>The certificate issued by this call, if it completed the assignment.</returns>
    public async Task<Certificate?> SaveReflectionAsync(AssignmentPillar pillar, string text, bool submit, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reflection = await db.Reflections.SingleOrDefaultAsync(r => r.AssignmentPillarId == pillar.Id, ct);
        if (reflection is null)
        {
            reflection = new Reflection { AssignmentPillarId = pillar.Id };
            db.Reflections.Add(reflection);
        }
        reflection.Text = text;
        reflection.UpdatedAt = now;

        var assignment = await db.Assignments.Include(a => a.Pillars).SingleAsync(a => a.Id == pillar.AssignmentId, ct);
        assignment.StartedAt ??= now;
        Certificate? issued = null;
        if (submit)
        {
            reflection.SubmittedAt = now;
            pillar.ReflectedAt ??= now;
            if (assignment.CompletedAt is null && CompletionRules.IsComplete(assignment.Pillars.Select(p => (p.ReadAt, p.ReflectedAt)).ToList()))
            {
                assignment.CompletedAt = now;
                issued = await issuer.CreateAsync(assignment, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        return issued;
    }
}
