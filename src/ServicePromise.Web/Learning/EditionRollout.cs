using ServicePromise.Web.Content;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Learning;

/// <summary>
/// Publishes an edition and assigns what it asks of people in one transaction: either both happen or
/// neither does, so an edition can never exist with nobody told to learn it.
/// </summary>
public sealed class EditionRollout(AppDbContext db, EditionPublisher publisher, NewEditionAssigner assigner, Audit.AuditLog audit,
    Practice.PracticeReset practice)
{
    /// <returns>The current edition, whether it was published now, and how many people got something to do.</returns>
    public async Task<(Edition Edition, bool Published, int Assigned)> PublishAsync(ContentSet content, string? changeNote)
    {
        // Not cancellable: once started, a closed browser tab must not leave half a rollout behind.
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var (edition, published) = await publisher.PublishAsync(content, changeNote, CancellationToken.None);
        var assigned = published ? await assigner.AssignAsync(edition, CancellationToken.None) : 0;
        // The weekly questions follow the edition: a pillar changed in substance starts again for everyone.
        if (published) await practice.ApplyAsync(edition, CancellationToken.None);
        if (published)
            await audit.RecordAsync(Audit.AuditActions.ContentPublished, subject: edition.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                details: new Dictionary<string, object?> { ["edition"] = edition.Number, ["note"] = changeNote, ["assigned"] = assigned }, ct: CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return (edition, published, assigned);
    }
}
