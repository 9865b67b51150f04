using ServicePromise.Web.Practice;

namespace ServicePromise.Tests.Practice;

public class KnowledgeRefresherRuleTests
{
    static (string, bool)[] Answers(string pillar, int right, int wrong) =>
        [.. Enumerable.Repeat((pillar, true), right), .. Enumerable.Repeat((pillar, false), wrong)];

    [Fact]
    public void A_pillar_below_the_threshold_with_enough_answers_needs_a_refresher()
    {
        Assert.Equal(["listen"], KnowledgeRefresherRule.PillarsBelow(Answers("listen", 1, 2), below: 60, minAnswers: 3));
    }

    [Fact]
    public void Too_few_answers_say_nothing_yet()
    {
        Assert.Empty(KnowledgeRefresherRule.PillarsBelow(Answers("listen", 0, 2), below: 60, minAnswers: 3));
    }

    [Fact]
    public void Exactly_at_the_threshold_is_not_below_it()
    {
        // 3 of 5 is 60 %: kept, not slipping.
        Assert.Empty(KnowledgeRefresherRule.PillarsBelow(Answers("listen", 3, 2), below: 60, minAnswers: 3));
        Assert.Equal(["listen"], KnowledgeRefresherRule.PillarsBelow(Answers("listen", 3, 2), below: 61, minAnswers: 3));
    }

    [Fact]
    public void Each_pillar_counts_on_its_own_and_the_result_is_in_key_order()
    {
        (string, bool)[] answers = [.. Answers("own-it", 0, 3), .. Answers("listen", 4, 0), .. Answers("keep-our-word", 1, 3)];
        Assert.Equal(["keep-our-word", "own-it"], KnowledgeRefresherRule.PillarsBelow(answers, below: 50, minAnswers: 3));
    }
}
