using ServicePromise.Web.Coaching;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Tests.Coaching;

public class ReviewRulesTests
{
    const int Author = 10, Manager = 20, OtherManager = 30, Hr = 40;

    [Theory]
    [InlineData(Manager, false, ReviewAccess.Decide)]        // the author's manager reviews
    [InlineData(OtherManager, false, ReviewAccess.None)]     // another team's manager finds nothing
    [InlineData(Hr, true, ReviewAccess.See)]                 // HR reads everyone's, but the manager decides
    [InlineData(Author, false, ReviewAccess.None)]           // nobody reviews their own
    [InlineData(Author, true, ReviewAccess.None)]            // not even in HR
    public void A_person_with_a_manager_is_reviewed_by_that_manager(int viewer, bool isHr, ReviewAccess expected) =>
        Assert.Equal(expected, ReviewRules.AccessOf(new ReviewViewer(viewer, isHr), new ReviewAuthor(Author, Manager, ManagerActive: true)));

    [Theory]
    [InlineData(Hr, true, ReviewAccess.Decide)]
    [InlineData(OtherManager, false, ReviewAccess.None)]
    [InlineData(Author, true, ReviewAccess.None)]
    public void A_person_without_a_manager_is_reviewed_by_hr(int viewer, bool isHr, ReviewAccess expected) =>
        Assert.Equal(expected, ReviewRules.AccessOf(new ReviewViewer(viewer, isHr), new ReviewAuthor(Author, null, ManagerActive: false)));

    [Fact]
    public void A_manager_who_has_left_reviews_nobody_and_hr_takes_over()
    {
        var author = new ReviewAuthor(Author, Manager, ManagerActive: false);
        Assert.True(ReviewRules.ReviewedByHr(author));
        Assert.Equal(ReviewAccess.None, ReviewRules.AccessOf(new ReviewViewer(Manager, false), author));
        Assert.Equal(ReviewAccess.Decide, ReviewRules.AccessOf(new ReviewViewer(Hr, true), author));
    }

    [Fact]
    public void Someone_without_an_employee_record_sees_nothing() =>
        Assert.Equal(ReviewAccess.None, ReviewRules.AccessOf(new ReviewViewer(null, true), new ReviewAuthor(Author, null, false)));

    [Fact]
    public void Returning_needs_a_comment_approving_does_not()
    {
        Assert.NotNull(ReviewRules.ProblemWith(ReviewDecision.Returned, null));
        Assert.Equal("Para devolverla, escribe un comentario que diga qué mejorar.", ReviewRules.ProblemWith(ReviewDecision.Returned, null)!.Key);
        Assert.Null(ReviewRules.ProblemWith(ReviewDecision.Approved, null));
        Assert.Null(ReviewRules.ProblemWith(ReviewDecision.Returned, "Di a quién atiendes."));
    }

    [Fact]
    public void A_comment_is_at_most_2000_characters_as_the_reader_counts_them()
    {
        Assert.Null(ReviewRules.ProblemWith(ReviewDecision.Approved, new string('a', 2000)));
        Assert.NotNull(ReviewRules.ProblemWith(ReviewDecision.Approved, new string('a', 2001)));
        // 1,999 letters and one line break sent as CRLF: 2,000 characters on screen.
        Assert.Null(ReviewRules.ProblemWith(ReviewDecision.Returned, ReviewRules.CleanComment(new string('a', 1000) + "\r\n" + new string('a', 999))));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("   \r\n ", null)]
    [InlineData("  Bien.\r\nSigue así. ", "Bien.\nSigue así.")]
    public void A_comment_is_trimmed_and_an_empty_one_is_none(string? posted, string? expected) =>
        Assert.Equal(expected, ReviewRules.CleanComment(posted));

    [Fact]
    public void A_comment_keeps_its_line_breaks_but_not_a_direction_override()
    {
        Assert.Null(ReviewRules.ProblemWith(ReviewDecision.Returned, "Bien.\nConcreta la acción."));
        Assert.NotNull(ReviewRules.ProblemWith(ReviewDecision.Returned, "Bien. \u202E.nóicca al atercnoC"));
        Assert.NotNull(ReviewRules.ProblemWith(ReviewDecision.Approved, "\u2066Bien\u2069"));
    }
}
