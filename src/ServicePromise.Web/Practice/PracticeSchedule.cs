namespace ServicePromise.Web.Practice;

/// <summary>One question of one person's schedule: where it stands in the Leitner boxes.</summary>
/// <param name="Box">1 = the shortest interval.</param>
/// <param name="DueWeek">The Monday of the week it is due again.</param>
public sealed record ScheduledItem(string PillarKey, int Question, int Box, DateOnly DueWeek);

/// <summary>A pillar of the current edition as the weekly question sees it: its key, its order and how many questions its pool has.</summary>
public sealed record PoolPillar(string Key, int Order, int Questions);

/// <summary>
/// Spaced retrieval with Leitner boxes (Sebastian Leitner's card-box system, 1972): every question of a pillar's pool sits in
/// a box; box <c>n</c> comes back after <c>IntervalWeeks[n-1]</c> weeks (1, 2, 4, 8, 16 by default). A right answer
/// moves the question one box on (a longer interval), a wrong one sends it back to box 1 (next week). Plain rules: no
/// web, no database.
/// </summary>
public static class PracticeSchedule
{
    /// <summary>The Monday that starts the week of <paramref name="day"/>: the unit the schedule counts in.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// This week's questions for one person, <paramref name="count"/> at most, all different: first the most overdue due
    /// items (earliest due week, then pillar order, then question index); then, when fewer are due, questions not yet
    /// scheduled enter box 1 one at a time — from the pillar with the fewest scheduled, in pillar order, lowest index
    /// first — so a person's schedule grows gradually. When nothing is due and nothing is new, the soonest-due item
    /// comes early rather than leaving a week empty.
    /// </summary>
    public static IReadOnlyList<(string PillarKey, int Question)> Pick(
        IReadOnlyCollection<ScheduledItem> items, IReadOnlyList<PoolPillar> pool, DateOnly week, int count)
    {
        var order = pool.ToDictionary(p => p.Key, p => p.Order);
        var size = pool.ToDictionary(p => p.Key, p => p.Questions);
        var live = items.Where(i => size.TryGetValue(i.PillarKey, out var questions) && i.Question < questions)
            .OrderBy(i => i.DueWeek).ThenBy(i => order[i.PillarKey]).ThenBy(i => i.Question).ToList();
        var picked = live.Where(i => i.DueWeek <= week).Take(count).Select(i => (i.PillarKey, i.Question)).ToList();

        var scheduled = live.Select(i => (i.PillarKey, i.Question)).ToHashSet();
        var perPillar = pool.ToDictionary(p => p.Key, p => live.Count(i => i.PillarKey == p.Key));
        while (picked.Count < count)
        {
            var next = pool.OrderBy(p => order[p.Key]).Select(p => (Pillar: p, Index: FirstFree(p, scheduled)))
                .Where(x => x.Index is not null).OrderBy(x => perPillar[x.Pillar.Key]).ThenBy(x => x.Pillar.Order).FirstOrDefault();
            if (next.Index is not int index) break;
            picked.Add((next.Pillar.Key, index));
            scheduled.Add((next.Pillar.Key, index));
            perPillar[next.Pillar.Key]++;
        }
        picked.AddRange(live.Select(i => (i.PillarKey, i.Question)).Where(i => !picked.Contains(i)).Take(count - picked.Count));
        return picked;
    }

    static int? FirstFree(PoolPillar pillar, HashSet<(string, int)> scheduled) =>
        Enumerable.Range(0, pillar.Questions).Cast<int?>().FirstOrDefault(i => !scheduled.Contains((pillar.Key, i!.Value)));

    /// <summary>
    /// Where a question goes after an answer given in <paramref name="week"/>: right → one box on (the last box stays the
    /// last), due after that box's interval; wrong → box 1, due after box 1's interval (next week by default).
    /// </summary>
    public static (int Box, DateOnly DueWeek) After(int box, bool right, DateOnly week, IReadOnlyList<int> intervalWeeks)
    {
        var next = right ? Math.Min(Math.Max(box, 1) + 1, intervalWeeks.Count) : 1;
        return (next, week.AddDays(7 * intervalWeeks[next - 1]));
    }

    /// <summary>Two misses in a row on one pillar (this answer and the person's previous answer on the same pillar) offer a re-read of the lesson part.</summary>
    public static bool OffersReread(bool right, bool? previousOnPillarRight) => !right && previousOnPillarRight == false;

    /// <summary>The share of right answers as a whole percentage, or null when there were none to count.</summary>
    public static int? KeptPercent(int right, int answered) => answered == 0 ? null : (int)Math.Round(100.0 * right / answered, MidpointRounding.AwayFromZero);

    /// <summary>What a newly published edition does to the schedule rows of one pillar.</summary>
    public static PillarReset ResetFor(Learning.ChangeKind change) =>
        change is Learning.ChangeKind.Substantive or Learning.ChangeKind.New ? PillarReset.Restart : PillarReset.KeepExisting;
}

/// <summary>Substantive change: everyone's questions of the pillar start again; editorial or none: rows are kept (those past the new pool's end go).</summary>
public enum PillarReset { KeepExisting, Restart }
