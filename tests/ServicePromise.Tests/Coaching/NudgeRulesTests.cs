using ServicePromise.Web.Coaching;

namespace ServicePromise.Tests.Coaching;

public class NudgeRulesTests
{
    static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Someone_never_reminded_can_be_reminded_now() =>
        Assert.Null(NudgeRules.NextAllowedAt(null, Now, 24));

    [Fact]
    public void A_second_reminder_waits_for_the_interval_and_says_until_when() =>
        Assert.Equal(Now.AddHours(1), NudgeRules.NextAllowedAt(Now.AddHours(-23), Now, 24));

    [Theory]
    [InlineData(24, 24)]
    [InlineData(25, 24)]
    [InlineData(2, 1)]
    public void Once_the_interval_has_passed_a_reminder_is_allowed(int hoursAgo, int interval) =>
        Assert.Null(NudgeRules.NextAllowedAt(Now.AddHours(-hoursAgo), Now, interval));
}
