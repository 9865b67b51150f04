using ServicePromise.Web.Measurement;

namespace ServicePromise.Tests.Measurement;

/// <summary>The validator's rules: every problem kind names its value; corrections and rows already recorded are told apart.</summary>
public class AuditPlannerTests
{
    static readonly AuditCatalogue Catalogue = new(
        new Dictionary<int, string> { [1] = "Sevilla Centro", [2] = "Málaga" },
        new Dictionary<int, string> { [7] = "Atención al cliente" },
        [
            new("escucha-primero", "escucha", ["Escucha antes de responder", "Listen before you answer"]),
            new("saludo", "bienvenida", ["Bienvenida", "Welcome"]),
            new("sonrisa", "bienvenida", ["Bienvenida", "Welcome"]),
        ]);

    static AuditRow Row(string site = "Sevilla Centro", string department = "", string period = "2026-10", string source = "Q-Shop",
        string standard = "escucha-primero", string score = "62,5", string sample = "12", string comment = "", int line = 2) =>
        new(line, site, department, period, source, standard, score, sample, comment);

    static AuditPlan Plan(params AuditRow[] rows) => AuditPlanner.Plan(rows, Catalogue, new Dictionary<(int?, int?, string, PeriodKind, DateOnly), LiveResult>(), 5);

    static string Problem(AuditRow row) => Assert.Single(Plan(row).Problems).Message.ToString();

    [Fact]
    public void A_good_row_is_new_with_its_score_in_hundredths_and_its_place_matched_without_case_or_accents()
    {
        var planned = Assert.Single(Plan(Row(site: "malaga")).New);
        Assert.Equal((2, 6250, 12, "escucha-primero", "escucha"), (planned.SiteId!.Value, planned.ScoreHundredths, planned.Sample, planned.StandardKey, planned.PillarKey));
        Assert.Equal(new AuditPeriod(PeriodKind.Month, new DateOnly(2026, 10, 1)), planned.Period);
        Assert.Equal(7, Assert.Single(Plan(Row(site: "", department: "atencion al cliente")).New).DepartmentId);
    }

    [Fact]
    public void A_standard_is_found_by_its_key_or_by_its_pillar_key_or_title_in_any_language_when_the_pillar_has_one()
    {
        foreach (var text in new[] { "ESCUCHA-PRIMERO", "escucha", "Escucha antes de responder", "listen before you answer" })
            Assert.Equal("escucha-primero", Assert.Single(Plan(Row(standard: text)).New).StandardKey);
        Assert.Equal("the pillar “Welcome” has several standards (saludo, sonrisa): give the standard's key", Problem(Row(standard: "Welcome")));
        Assert.Equal("there is no standard or pillar “rapidez” in the current edition", Problem(Row(standard: "rapidez")));
        Assert.Equal("the standard is missing", Problem(Row(standard: "")));
    }

    [Theory]
    [InlineData("Sevilla Norte", "", "there is no store called “Sevilla Norte”")]
    [InlineData("", "Logística", "there is no department called “Logística”")]
    [InlineData("Málaga", "Atención al cliente", "give the store or the department, not both (“Málaga”, “Atención al cliente”)")]
    [InlineData("", "", "the store (or the department) is missing")]
    public void An_unknown_place_or_both_or_neither_is_a_problem(string site, string department, string expected) =>
        Assert.Equal(expected, Problem(Row(site: site, department: department)));

    [Theory]
    [InlineData("", "the score is missing")]
    [InlineData("bien", "the score “bien” is not a number")]
    [InlineData("101", "the score 101 is outside 0–100")]
    [InlineData("-1", "the score -1 is outside 0–100")]
    [InlineData("62,555", "the score “62,555” has more than two decimals")]
    public void A_missing_unreadable_or_out_of_range_score_is_a_problem(string score, string expected) => Assert.Equal(expected, Problem(Row(score: score)));

    [Theory]
    [InlineData("", "the sample (how many visits or responses) is missing")]
    [InlineData("12.0", "the sample “12.0” is not a whole number")]
    [InlineData("3", "sample too small: 3; the minimum is 5")]
    public void A_missing_non_integer_or_too_small_sample_is_a_problem(string sample, string expected) => Assert.Equal(expected, Problem(Row(sample: sample)));

    [Fact]
    public void The_minimum_sample_is_the_setting()
    {
        Assert.Single(AuditPlanner.Plan([Row(sample: "5")], Catalogue, new Dictionary<(int?, int?, string, PeriodKind, DateOnly), LiveResult>(), 5).New);
        Assert.Single(AuditPlanner.Plan([Row(sample: "5")], Catalogue, new Dictionary<(int?, int?, string, PeriodKind, DateOnly), LiveResult>(), 6).Problems);
    }

    [Fact]
    public void An_unreadable_or_missing_period_and_a_missing_source_are_problems()
    {
        Assert.Equal("the period “pronto” cannot be read (write 2026-10, October 2026 or 2026-Q3)", Problem(Row(period: "pronto")));
        Assert.Equal("the period is missing", Problem(Row(period: "")));
        Assert.Equal("the source (who did the audit) is missing", Problem(Row(source: "")));
    }

    [Fact]
    public void The_same_place_standard_and_period_twice_in_a_file_is_a_repeated_row()
    {
        var plan = Plan(Row(line: 2), Row(site: "SEVILLA CENTRO", standard: "escucha", score: "70", line: 3), Row(period: "2026-11", line: 4));
        Assert.Equal(2, plan.New.Count);
        var problem = Assert.Single(plan.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal("repeated row: line 2 already gives “Sevilla Centro”, escucha-primero, 2026-10", problem.Message.ToString());
    }

    [Fact]
    public void A_row_like_the_live_result_is_unchanged_and_one_that_differs_is_a_correction()
    {
        var october = new DateOnly(2026, 10, 1);
        var live = new[]
        {
            new LiveResult(10, 1, null, "escucha-primero", PeriodKind.Month, october, "Q-Shop", 6250, 12, null),
            new LiveResult(11, 2, null, "escucha-primero", PeriodKind.Month, october, "Q-Shop", 7000, 12, null),
        }.ToDictionary(l => l.Place);
        var plan = AuditPlanner.Plan([Row(), Row(site: "Málaga", score: "75", line: 3), Row(period: "2026-T4", line: 4)], Catalogue, live, 5);
        Assert.Equal(2, Assert.Single(plan.Unchanged).Line);
        var correction = Assert.Single(plan.Corrections);
        Assert.Equal((3, 11, 7000, 7500), (correction.Line, correction.Before!.Id, correction.Before.ScoreHundredths, correction.ScoreHundredths));
        // A quarter is another period than its months.
        Assert.Equal(4, Assert.Single(plan.New).Line);
    }
}
