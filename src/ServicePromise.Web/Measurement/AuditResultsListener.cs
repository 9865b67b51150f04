namespace ServicePromise.Web.Measurement;

/// <summary>
/// Told of every batch of audit results just recorded (file, command or form), inside the recording's transaction
/// and after its SaveChanges: whatever it writes is applied with the results or not at all. Findings are raised and
/// closed this way, without the import knowing of them.
/// </summary>
public interface IAuditResultsListener
{
    /// <param name="recorded">The new live results (a correction appears as its new row; the row it replaced has ReplacedAt set).</param>
    Task ResultsRecordedAsync(Data.AppDbContext db, IReadOnlyList<AuditResult> recorded, CancellationToken cancellationToken);
}
