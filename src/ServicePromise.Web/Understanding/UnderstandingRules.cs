using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Understanding;

/// <summary>A share as shown: a percentage, or hidden because so few people are in the group that it would point at someone.</summary>
public sealed record ShownRate(int People, decimal? Rate, bool TooSmall);

/// <summary>A wrong option and how many first tries chose it.</summary>
public sealed record WrongOption(int Option, int Count);

/// <summary>One group of a breakdown as shown: its name (null: the people without one) and its rate.</summary>
public sealed record ShownGroup(string? Group, ShownRate Rate);

/// <summary>How understanding is counted and shown — plain rules, no database.</summary>
public static class UnderstandingRules
{
    /// <summary>The share of <paramref name="people"/> who got it right, as a percentage with one decimal; null when nobody tried.</summary>
    public static decimal? Rate(int right, int people) =>
        people == 0 ? null : Math.Round(100m * right / people, 1, MidpointRounding.AwayFromZero);

    /// <summary>Groups smaller than <paramref name="minimumGroup"/> show no rate: with three people, a rate tells who got it wrong.</summary>
    public static ShownRate Show(int right, int people, int minimumGroup) =>
        people < minimumGroup ? new(people, null, true) : new(people, Rate(right, people), false);

    /// <summary>
    /// The wrong options of a question, most chosen first, counted over the wrong answers: an answer choosing
    /// two options counts for each wrong one it chose. Right options (chosen in a wrong multiple-choice answer) are not listed.
    /// </summary>
    public static IReadOnlyList<WrongOption> WrongOptions(CheckQuestion question, IEnumerable<(string Chosen, int Count)> wrongAnswers)
    {
        var counts = new Dictionary<int, int>();
        foreach (var (chosen, count) in wrongAnswers)
            foreach (var option in CheckAnswer.ParseChosen(chosen))
                if (option >= 0 && option < question.Options.Count && !question.Options[option].Correct)
                    counts[option] = counts.GetValueOrDefault(option) + count;
        return counts.Select(c => new WrongOption(c.Key, c.Value)).OrderByDescending(w => w.Count).ThenBy(w => w.Option).ToList();
    }

    /// <summary>Everyone in the breakdown at once: every person is in exactly one group (the people without one included).</summary>
    public static ShownRate Overall(IEnumerable<GroupTally> groups, int minimumGroup)
    {
        var all = groups.ToList();
        return Show(all.Sum(g => g.Right), all.Sum(g => g.Tries), minimumGroup);
    }

    /// <summary>Each group with its rate (hidden when too small), by name, the people without a group last.</summary>
    public static IReadOnlyList<ShownGroup> ByGroup(IEnumerable<GroupTally> groups, int minimumGroup) =>
        groups.OrderBy(g => g.Group is null).ThenBy(g => g.Group, StringComparer.CurrentCulture)
            .Select(g => new ShownGroup(g.Group, Show(g.Right, g.Tries, minimumGroup))).ToList();
}
