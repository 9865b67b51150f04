using ServicePromise.Web.ActionPlans;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Tests.ActionPlans;

public class PlanRulesTests
{
    const int Author = 10, AuthorsManager = 20, OtherManager = 30, Hr = 40;
    static readonly DateOnly Today = new(2026, 12, 1);
    static readonly PlanInput Complete = new("Falta gente en caja los sábados.", "Un refuerzo los sábados y repasar el pilar en la reunión.", "Carmen", Today);

    [Theory]
    [InlineData(Author, false, true, true, false)]           // the author sees and edits, never decides
    [InlineData(Author, true, true, true, false)]            // not even when in HR
    [InlineData(AuthorsManager, false, true, false, true)]   // the author's own manager decides
    [InlineData(Hr, true, true, false, true)]                // HR decides any plan
    [InlineData(OtherManager, false, false, false, false)]   // another branch's manager: nothing
    public void Who_sees_and_decides_a_plan(int viewer, bool isHr, bool see, bool isAuthor, bool decides) =>
        Assert.Equal(new PlanAccess(see, isAuthor, decides), PlanRules.AccessOf(new PlanViewer(viewer, isHr), new PlanAuthor(Author, AuthorsManager)));

    [Fact]
    public void Someone_without_an_employee_record_sees_nothing() =>
        Assert.Equal(PlanAccess.None, PlanRules.AccessOf(new PlanViewer(null, true), new PlanAuthor(Author, null)));

    [Theory]
    [InlineData(ActionPlanState.Draft, true)]
    [InlineData(ActionPlanState.Returned, true)]
    [InlineData(ActionPlanState.Submitted, false)]
    [InlineData(ActionPlanState.Approved, false)]
    public void Only_a_draft_or_a_returned_plan_can_be_edited(ActionPlanState state, bool editable) =>
        Assert.Equal(editable, PlanRules.Editable(state));

    [Fact]
    public void A_complete_plan_can_be_sent() => Assert.Empty(PlanRules.ProblemsWith(Complete, Today, submitting: true));

    [Fact]
    public void A_plan_sent_for_approval_needs_every_field_a_draft_does_not()
    {
        var empty = new PlanInput("", null, " ", null).Clean();
        Assert.Equal(["Cause", "Actions", "Owner", "DueOn"], PlanRules.ProblemsWith(empty, Today, submitting: true).Select(p => p.Field));
        Assert.Empty(PlanRules.ProblemsWith(empty, Today, submitting: false));
    }

    [Fact]
    public void A_due_date_in_the_past_is_refused_even_in_a_draft()
    {
        var late = Complete with { DueOn = Today.AddDays(-1) };
        Assert.Equal("DueOn", Assert.Single(PlanRules.ProblemsWith(late, Today, submitting: false)).Field);
        Assert.Empty(PlanRules.ProblemsWith(Complete with { DueOn = Today }, Today, submitting: true));
    }

    [Fact]
    public void Too_long_texts_and_line_breaks_in_the_owner_are_refused()
    {
        var tooLong = Complete with { Cause = new string('a', PlanRules.CauseMaxLength + 1), Owner = "Carmen\nRuiz" };
        var problems = PlanRules.ProblemsWith(tooLong, Today, submitting: false);
        Assert.Equal(["Cause", "Owner"], problems.Select(p => p.Field));
        Assert.Contains("4001", problems[0].Problem.ToString());
        Assert.Empty(PlanRules.ProblemsWith(Complete with { Actions = "Uno.\nDos." }, Today, submitting: true));
    }

    [Fact]
    public void Returning_needs_a_comment_approving_does_not()
    {
        Assert.NotNull(PlanRules.ProblemWithDecision(approve: false, null));
        Assert.Null(PlanRules.ProblemWithDecision(approve: false, "Concreta quién cubre la caja."));
        Assert.Null(PlanRules.ProblemWithDecision(approve: true, null));
        Assert.NotNull(PlanRules.ProblemWithDecision(approve: true, new string('x', PlanRules.CommentMaxLength + 1)));
    }
}
