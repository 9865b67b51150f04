using ServicePromise.Web.Reflections;

namespace ServicePromise.Tests.Reflections;

/// <summary>Which featured reflections a reader sees, and in what order: the plain rule, without a database.</summary>
public class ColleagueExamplesRulesTests
{
    static readonly DateTime Start = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    static ColleagueExamples.Candidate C(int id, int author, string? family, int minutes, string? name = "X") =>
        new(id, author, name, family, Start.AddMinutes(minutes), new ReflectionText($"m{id}", $"c{id}", $"a{id}"));

    [Fact]
    public void At_most_three_per_job_family_newest_first()
    {
        var groups = ColleagueExamples.Pick(Enumerable.Range(1, 5).Select(i => C(i, i, "Tiendas", i)));
        var tiendas = Assert.Single(groups);
        Assert.Equal("Tiendas", tiendas.JobFamily);
        Assert.Equal([5, 4, 3], tiendas.Examples.Select(e => e.ReflectionId));
    }

    [Fact]
    public void At_most_twelve_in_all()
    {
        var candidates = Enumerable.Range(1, 30).Select(i => C(i, i, "Familia " + (i % 10), i));
        var groups = ColleagueExamples.Pick(candidates);
        Assert.Equal(12, groups.Sum(g => g.Examples.Count));
        Assert.All(groups, g => Assert.InRange(g.Examples.Count, 1, 3));
        // The twelve newest that the per-family limit allows: 30 down to 19.
        Assert.Equal(Enumerable.Range(19, 12).Reverse(), groups.SelectMany(g => g.Examples).Select(e => e.ReflectionId).Order().Reverse());
    }

    [Fact]
    public void Families_are_ordered_by_their_newest_example()
    {
        var groups = ColleagueExamples.Pick([C(1, 1, "Frescos", 1), C(2, 2, "Tiendas", 5), C(3, 3, "Frescos", 3), C(4, 4, "Logística", 4)]);
        Assert.Equal(["Tiendas", "Logística", "Frescos"], groups.Select(g => g.JobFamily));
        Assert.Equal([3, 1], groups[2].Examples.Select(e => e.ReflectionId));
    }

    [Fact]
    public void One_example_per_author_their_newest()
    {
        var groups = ColleagueExamples.Pick([C(1, 7, "Tiendas", 1), C(2, 7, "Tiendas", 9), C(3, 8, "Tiendas", 5)]);
        Assert.Equal([2, 3], Assert.Single(groups).Examples.Select(e => e.ReflectionId));
    }

    [Fact]
    public void People_without_a_department_form_their_own_group_and_anonymous_stays_anonymous()
    {
        var groups = ColleagueExamples.Pick([C(1, 1, null, 1, name: null), C(2, 2, " ", 2, name: "Ana")]);
        var none = Assert.Single(groups);
        Assert.Null(none.JobFamily);
        Assert.Equal(new (string?, int)[] { ("Ana", 2), (null, 1) }, none.Examples.Select(e => (e.AuthorName, e.ReflectionId)));
    }

    [Fact]
    public void Nothing_to_show_is_an_empty_list()
    {
        Assert.Empty(ColleagueExamples.Pick([]));
    }
}
