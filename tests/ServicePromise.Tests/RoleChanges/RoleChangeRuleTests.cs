using ServicePromise.Web.RoleChanges;

namespace ServicePromise.Tests.RoleChanges;

public class RoleChangeRuleTests
{
    static readonly JobPlace Cashier = new("Cajera", 1);

    [Theory]
    [InlineData("cajera")]
    [InlineData("CAJERA")]
    [InlineData("  Cajera ")]
    [InlineData("Cajéra")]
    public void A_re_capitalised_re_accented_or_re_spaced_title_is_the_same_job(string title) =>
        Assert.Equal(RoleChangeDecision.NotAChange, RoleChangeRule.Decide(Cashier, Cashier with { JobTitle = title }, LearningStage.Certified, enabled: true));

    [Fact]
    public void Spaces_inside_a_title_are_collapsed_before_comparing() =>
        Assert.False(RoleChangeRule.IsChange(new JobPlace("Encargado de turno", 1), new JobPlace("Encargado   de  Turno", 1)));

    [Fact]
    public void A_new_job_title_of_a_certified_person_asks_for_new_reflections() =>
        Assert.Equal(RoleChangeDecision.Ask, RoleChangeRule.Decide(Cashier, Cashier with { JobTitle = "Encargada de turno" }, LearningStage.Certified, enabled: true));

    [Fact]
    public void A_new_site_with_the_same_title_asks_for_new_reflections()
    {
        Assert.Equal(RoleChangeDecision.Ask, RoleChangeRule.Decide(Cashier, Cashier with { SiteId = 2 }, LearningStage.Certified, enabled: true));
        Assert.Equal(RoleChangeDecision.Ask, RoleChangeRule.Decide(Cashier, Cashier with { SiteId = null }, LearningStage.Certified, enabled: true));
    }

    [Fact]
    public void Someone_who_has_completed_nothing_is_left_to_onboarding() =>
        Assert.Equal(RoleChangeDecision.StillOnboarding, RoleChangeRule.Decide(Cashier, Cashier with { JobTitle = "Reponedora" }, LearningStage.NothingCompleted, enabled: true));

    [Fact]
    public void With_the_setting_off_nothing_is_asked() =>
        Assert.Equal(RoleChangeDecision.Off, RoleChangeRule.Decide(Cashier, Cashier with { JobTitle = "Reponedora" }, LearningStage.Certified, enabled: false));

    [Fact]
    public void A_second_change_while_re_contextualising_updates_the_pending_request() =>
        Assert.Equal(RoleChangeDecision.UpdatePending, RoleChangeRule.Decide(Cashier, Cashier with { JobTitle = "Reponedora" }, LearningStage.Recontextualising, enabled: true));
}

public class JobHistoryTests
{
    static readonly DateTime T = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_assignment_reads_the_job_held_when_it_was_given()
    {
        // Cashier until June, shift supervisor (assignment 3) until September, then store manager (assignment 5).
        var changes = new[]
        {
            new JobChangeAt(T, 3, "Cajera", "Encargada de turno"),
            new JobChangeAt(T.AddMonths(3), 5, "Encargada de turno", "Directora de tienda"),
        };
        Assert.Equal("Cajera", JobHistory.JobAt(changes, 1, T.AddYears(-1)));
        Assert.Equal("Encargada de turno", JobHistory.JobAt(changes, 3, T));
        Assert.Equal("Encargada de turno", JobHistory.JobAt(changes, 4, T.AddMonths(1)));
        Assert.Equal("Directora de tienda", JobHistory.JobAt(changes, 5, T.AddMonths(3)));
        Assert.Equal("Directora de tienda", JobHistory.JobAt(changes, 6, T.AddMonths(6)));
    }

    [Fact]
    public void Nobody_who_never_changed_job_gets_a_label() => Assert.Null(JobHistory.JobAt([], 1, T));
}
