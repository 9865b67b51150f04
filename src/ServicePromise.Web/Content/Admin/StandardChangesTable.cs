namespace ServicePromise.Web.Content.Admin;

/// <summary>What <c>_StandardChanges.cshtml</c> shows: one pillar's changed standards, and the names of the two versions compared.</summary>
/// <param name="Id">Unique on the page: the table's caption is labelled by it.</param>
public sealed record StandardChangesTable(string Id, string Title, string Before, string After, IReadOnlyList<StandardChange> Changes);
