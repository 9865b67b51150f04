using ServicePromise.Web.ActionPlans;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Tests.ActionPlans;

public class BeforeAfterTests
{
    const int Sevilla = 1, Cordoba = 2;
    static readonly DateOnly October = new(2026, 10, 1), November = new(2026, 11, 1), December = new(2026, 12, 1);

    static readonly Finding Finding = new()
    {
        SiteId = Sevilla, StandardKey = "escucha", PillarKey = "listen", PeriodStart = October, PeriodKind = PeriodKind.Month,
        ScoreHundredths = 6250, ThresholdHundredths = 8000,
    };

    static AuditResult Result(int id, DateOnly period, int score, int? site = Sevilla, string standard = "escucha", PeriodKind kind = PeriodKind.Month,
        bool replaced = false, int? department = null) => new()
        {
            Id = id, SiteId = site, DepartmentId = department, StandardKey = standard, PeriodStart = period, PeriodKind = kind, ScoreHundredths = score, Sample = 10,
            ReplacedAt = replaced ? new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc) : null, ReplacedById = replaced ? 99 : null,
        };

    static AuditResult? Next(params AuditResult[] results) => BeforeAfter.Later(results.AsQueryable(), Finding).FirstOrDefault();

    [Fact]
    public void The_next_period_of_the_same_place_and_standard_is_the_after()
    {
        var next = Next(Result(1, October, 6250), Result(3, December, 9000), Result(2, November, 8100));
        Assert.Equal(2, next?.Id);
        var compared = BeforeAfter.Of(Finding, 12, next);
        Assert.Equal(6250, compared.Before.ScoreHundredths);
        Assert.Equal(8100, compared.After?.ScoreHundredths);
        Assert.False(compared.MetBefore);
        Assert.True(compared.MetAfter);
        Assert.Equal(1850, compared.Change);
    }

    [Fact]
    public void Other_places_standards_kinds_earlier_periods_and_replaced_results_are_not_the_after() =>
        Assert.Null(Next(
            Result(1, October, 9000),                                   // the finding's own period
            Result(2, November, 9000, site: Cordoba),                   // another site
            Result(3, November, 9000, site: null, department: Sevilla), // a department with the same id
            Result(4, November, 9000, standard: "saludo"),              // another standard
            Result(5, November, 9000, kind: PeriodKind.Quarter),        // a quarter, not a month
            Result(6, November, 9000, replaced: true),                  // corrected since
            Result(7, new DateOnly(2026, 9, 1), 9000)));                // earlier

    [Fact]
    public void The_correction_of_the_next_period_counts_not_the_result_it_replaced()
    {
        var next = Next(Result(1, November, 7000, replaced: true), Result(2, November, 8500));
        Assert.Equal(2, next?.Id);
    }

    [Fact]
    public void Meeting_the_threshold_exactly_meets_the_standard_one_hundredth_less_does_not()
    {
        Assert.True(BeforeAfter.Of(Finding, 10, Result(1, November, 8000)).MetAfter);
        Assert.False(BeforeAfter.Of(Finding, 10, Result(1, November, 7999)).MetAfter);
    }

    [Fact]
    public void Without_a_later_result_there_is_no_after()
    {
        var compared = BeforeAfter.Of(Finding, 10, null);
        Assert.Null(compared.After);
        Assert.Null(compared.MetAfter);
        Assert.Null(compared.Change);
    }
}
