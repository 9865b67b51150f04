using ServicePromise.Web.Content;
using ServicePromise.Web.Learning;

namespace ServicePromise.Tests.Content;

public class PracticeChangesTests
{
    static CheckQuestion Question(string text, string section = "ejemplos", bool firstIsRight = true) =>
        new(text, section, [new("Sí", firstIsRight, "Bien."), new("No", !firstIsRight, "Mejor no.")]);

    static KnowledgeCheck Of(params CheckQuestion[] questions) => new(questions);

    [Fact]
    public void Questions_are_compared_by_position_and_any_part_of_one_counts_as_a_change()
    {
        var before = Of(Question("A"), Question("B"), Question("C"));
        Assert.False(PracticeChanges.Between(before, Of(Question("A"), Question("B"), Question("C"))).Any);
        Assert.Equal(new PracticeChange(0, 0, 1), PracticeChanges.Between(before, Of(Question("A"), Question("B", firstIsRight: false), Question("C"))));
        Assert.Equal(new PracticeChange(0, 0, 1), PracticeChanges.Between(before, Of(Question("A"), Question("B", "como-se-hace"), Question("C"))));
        Assert.Equal(new PracticeChange(0, 0, 1), PracticeChanges.Between(before, Of(Question("A2"), Question("B"), Question("C"))));
    }

    [Fact]
    public void Questions_beyond_the_shorter_list_are_added_or_removed()
    {
        var two = Of(Question("A"), Question("B"));
        Assert.Equal(new PracticeChange(2, 0, 0), PracticeChanges.Between(null, two));
        Assert.Equal(new PracticeChange(0, 2, 0), PracticeChanges.Between(two, null));
        Assert.Equal(new PracticeChange(1, 0, 1), PracticeChanges.Between(two, Of(Question("A"), Question("B2"), Question("C"))));
        Assert.Equal(new PracticeChange(0, 1, 0), PracticeChanges.Between(two, Of(Question("A"))));
        Assert.False(PracticeChanges.Between(null, null).Any);
    }
}
