using ServicePromise.Web.Learning;

namespace ServicePromise.Tests.Learning;

public class PeriodicRefresherTests
{
    static readonly PlannerOptions Yearly = new(NewEditionDueDays: 30, PeriodicRefresherMonths: 12);
    static readonly string[] Pillars = ["listen", "own-it"];
    static readonly DateOnly Completed = new(2026, 3, 15);

    [Fact]
    public void Off_by_default_nothing_expires_and_nothing_is_assigned()
    {
        var off = new PlannerOptions();
        Assert.Null(RefresherPlanner.ExpiryOf(Completed, off));
        Assert.Null(RefresherPlanner.ForPeriodic(1, true, Completed, Pillars, Completed.AddYears(5), off));
    }

    [Fact]
    public void A_completion_expires_the_configured_months_later()
    {
        Assert.Equal(new DateOnly(2027, 3, 15), RefresherPlanner.ExpiryOf(Completed, Yearly));
    }

    [Fact]
    public void The_full_refresher_arrives_the_usual_period_before_expiry_and_is_due_on_it()
    {
        Assert.Null(RefresherPlanner.ForPeriodic(1, true, Completed, Pillars, new DateOnly(2027, 2, 12), Yearly));
        var plan = RefresherPlanner.ForPeriodic(1, true, Completed, Pillars, new DateOnly(2027, 2, 13), Yearly)!;
        Assert.Equal(AssignmentReason.PeriodicRefresher, plan.Reason);
        Assert.Equal(Pillars, plan.Pillars);
        Assert.Equal(new DateOnly(2027, 3, 15), plan.DueOn);
    }

    [Fact]
    public void Someone_already_past_expiry_gets_the_usual_period_from_today()
    {
        var today = new DateOnly(2027, 6, 1);
        Assert.Equal(today.AddDays(30), RefresherPlanner.ForPeriodic(1, true, Completed, Pillars, today, Yearly)!.DueOn);
    }

    [Fact]
    public void Leavers_and_people_who_never_completed_get_no_periodic_refresher()
    {
        Assert.Null(RefresherPlanner.ForPeriodic(1, false, Completed, Pillars, new DateOnly(2027, 3, 1), Yearly));
        Assert.Null(RefresherPlanner.ForPeriodic(1, true, null, Pillars, new DateOnly(2027, 3, 1), Yearly));
    }
}
