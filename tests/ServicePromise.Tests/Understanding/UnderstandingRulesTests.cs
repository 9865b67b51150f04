using ServicePromise.Web.Learning;
using ServicePromise.Web.Understanding;

namespace ServicePromise.Tests.Understanding;

public class UnderstandingRulesTests
{
    static readonly CheckQuestion Question = new("¿Qué haces primero?", null,
    [
        new("Anulo el ticket", false, ""),
        new("Pregunto qué le extraña", true, ""),
        new("Llamo a la encargada", false, ""),
        new("Resumo lo que ha dicho", true, ""),
    ]);

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(3, 4, 75.0)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 8, 12.5)]
    public void The_rate_is_the_share_right_as_a_percentage_with_one_decimal(int right, int people, double? expected) =>
        Assert.Equal(expected is null ? null : (decimal)expected.Value, UnderstandingRules.Rate(right, people));

    [Fact]
    public void A_group_smaller_than_the_minimum_shows_no_rate()
    {
        Assert.Equal(new ShownRate(4, null, true), UnderstandingRules.Show(4, 4, minimumGroup: 5));
        Assert.Equal(new ShownRate(5, 80.0m, false), UnderstandingRules.Show(4, 5, minimumGroup: 5));
    }

    [Fact]
    public void Wrong_options_are_counted_per_option_most_chosen_first_and_right_ones_left_out()
    {
        var wrong = UnderstandingRules.WrongOptions(Question, [("0", 2), ("1,2", 3), ("0,2,3", 2), ("", 4)]);
        Assert.Equal([new WrongOption(2, 5), new WrongOption(0, 4)], wrong);
    }

    [Fact]
    public void Chosen_options_are_kept_in_order_and_read_back()
    {
        Assert.Equal("0,2", CheckAnswer.FormatChosen([2, 0, 2]));
        Assert.Equal([0, 2], CheckAnswer.ParseChosen("0,2"));
        Assert.Empty(CheckAnswer.ParseChosen(""));
    }

    [Fact]
    public void An_attempt_becomes_one_row_per_question_marked_like_the_check()
    {
        var check = new KnowledgeCheck([Question, new CheckQuestion("¿Y después?", null, [new("Sí", true, ""), new("No", false, "")])]);
        var attempt = new MarkedAttempt(7, 1, 42, 3, "listen", Passed: false);
        var rows = CheckAnswer.Of(attempt, check, new Dictionary<int, IReadOnlyCollection<int>> { [0] = [3, 1] }).ToList();
        Assert.Equal([(0, "1,3", true), (1, "", false)], rows.Select(r => (r.Question, r.Chosen, r.Correct)));
        Assert.All(rows, r => Assert.Equal((7, 42, 3, "listen", 1, false), (r.CheckAttemptId, r.EmployeeId, r.PillarId, r.PillarKey, r.AttemptNumber, r.AttemptPassed)));
    }

    [Fact]
    public void Everyone_counts_once_in_the_whole_even_when_their_group_is_hidden()
    {
        GroupTally[] groups = [new("Sevilla", 6, 3), new("Córdoba", 2, 2), new(null, 2, 0)];
        Assert.Equal(new ShownRate(10, 50.0m, false), UnderstandingRules.Overall(groups, minimumGroup: 5));
        Assert.Equal(new ShownRate(10, null, true), UnderstandingRules.Overall(groups, minimumGroup: 11));
    }

    [Fact]
    public void Groups_are_shown_by_name_with_the_people_without_one_last()
    {
        GroupTally[] groups = [new(null, 6, 6), new("Sevilla", 6, 3), new("Córdoba", 2, 2)];
        var shown = UnderstandingRules.ByGroup(groups, minimumGroup: 5);
        Assert.Equal(["Córdoba", "Sevilla", null], shown.Select(g => g.Group));
        Assert.Equal([true, false, false], shown.Select(g => g.Rate.TooSmall));
        Assert.Equal(50.0m, shown[1].Rate.Rate);
    }
}
