using ServicePromise.Web.Learning;

namespace ServicePromise.Tests.Learning;

public class KnowledgeCheckTests
{
    static readonly KnowledgeCheck Check = new([
        new("¿Una?", null, [new("a", false, "x"), new("b", true, "y"), new("c", false, "z")]),
        new("¿Varias?", null, [new("a", true, "x"), new("b", false, "y"), new("c", true, "z")]),
    ]);

    static Dictionary<int, IReadOnlyCollection<int>> Answers(params (int Q, int[] O)[] answers) =>
        answers.ToDictionary(a => a.Q, a => (IReadOnlyCollection<int>)a.O);

    [Theory]
    [InlineData(3, 80, 3)]
    [InlineData(5, 80, 4)]
    [InlineData(4, 75, 3)]
    [InlineData(3, 66, 2)]
    [InlineData(3, 67, 3)]
    [InlineData(10, 1, 1)]
    [InlineData(0, 80, 0)]
    public void The_pass_mark_in_questions_is_the_fewest_right_answers_that_pass(int questions, int passMark, int right)
    {
        Assert.Equal(right, CheckGrading.RightToPass(questions, passMark));
        // It agrees with the marking itself: that many right passes, one fewer does not.
        var check = new KnowledgeCheck(Enumerable.Range(0, questions).Select(i => new CheckQuestion($"¿{i}?", null, [new("sí", true, ""), new("no", false, "")])).ToList());
        Dictionary<int, IReadOnlyCollection<int>> RightOnes(int n) => Enumerable.Range(0, questions).ToDictionary(i => i, i => (IReadOnlyCollection<int>)[i < n ? 0 : 1]);
        Assert.True(CheckGrading.Grade(check, RightOnes(right), passMark).Passed);
        if (right > 0) Assert.False(CheckGrading.Grade(check, RightOnes(right - 1), passMark).Passed);
    }

    [Fact]
    public void All_right_scores_100_and_passes()
    {
        var result = CheckGrading.Grade(Check, Answers((0, [1]), (1, [0, 2])), passMark: 100);
        Assert.Equal((100, true), (result.Score, result.Passed));
        Assert.Equal([true, true], result.Correct);
    }

    [Fact]
    public void Multiple_choice_counts_only_with_exactly_the_right_options()
    {
        Assert.False(CheckGrading.Grade(Check, Answers((0, [1]), (1, [0])), 50).Correct[1]);
        Assert.False(CheckGrading.Grade(Check, Answers((0, [1]), (1, [0, 1, 2])), 50).Correct[1]);
        Assert.True(CheckGrading.Grade(Check, Answers((0, [1]), (1, [2, 0])), 50).Correct[1]);
    }

    [Fact]
    public void An_unanswered_question_is_wrong()
    {
        var result = CheckGrading.Grade(Check, Answers((0, [1])), passMark: 50);
        Assert.Equal([true, false], result.Correct);
        Assert.Equal(50, result.Score);
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void Passing_needs_at_least_the_pass_mark(int passMark, bool passed)
    {
        Assert.Equal(passed, CheckGrading.Grade(Check, Answers((0, [1]), (1, [0])), passMark).Passed);
    }

    [Fact]
    public void Every_attempt_shows_every_question_and_option_exactly_once()
    {
        var orders = Enumerable.Range(0, 200).Select(_ => CheckGrading.Shuffle(Check)).ToList();
        foreach (var order in orders)
        {
            Assert.Equal([0, 1], order.Select(q => q.Question).Order());
            Assert.All(order, q => Assert.Equal([0, 1, 2], q.Options.Order()));
        }
        // Shuffled: over 200 attempts both question orders and several option orders appear.
        Assert.Equal(2, orders.Select(o => o[0].Question).Distinct().Count());
        Assert.True(orders.Select(o => string.Join(",", o.Single(q => q.Question == 0).Options)).Distinct().Count() >= 4);
    }

    [Fact]
    public void The_check_survives_storage()
    {
        var copy = KnowledgeCheck.FromJson(Check.ToJson())!;
        Assert.Equal(Check.ToJson(), copy.ToJson());
        Assert.True(copy.Questions[1].IsMultipleChoice);
    }
}
