using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Content;

/// <summary>How a pillar's practice questions differ between two versions, in one language: counts for the content owner.</summary>
public sealed record PracticeChange(int Added, int Removed, int Changed)
{
    public bool Any => Added + Removed + Changed > 0;
}

/// <summary>
/// Compares practice questions by position, because a question's position in the pool is what names it (the same in every
/// language, and what the weekly review keeps a schedule for): a question put in the middle shows as the later ones changed.
/// Only for showing — practice questions never make anyone redo a pillar (<see cref="EditionPublisher"/>).
/// </summary>
public static class PracticeChanges
{
    public static PracticeChange Between(KnowledgeCheck? before, KnowledgeCheck? after)
    {
        IReadOnlyList<CheckQuestion> old = before?.Questions ?? [], now = after?.Questions ?? [];
        var both = Math.Min(old.Count, now.Count);
        var changed = Enumerable.Range(0, both).Count(i => !Same(old[i], now[i]));
        return new(Math.Max(0, now.Count - old.Count), Math.Max(0, old.Count - now.Count), changed);
    }

    static bool Same(CheckQuestion a, CheckQuestion b) =>
        a.Text == b.Text && a.Section == b.Section && a.Options.SequenceEqual(b.Options);
}
