using static ServicePromise.Tests.Staff.GenerateOrgCommandTests;

namespace ServicePromise.Tests.Practice;

/// <summary>generate-practice and make-weekly-questions, the weekly questions the issue-14 benchmarks run on.</summary>
public class GeneratePracticeCommandTests
{
    [Fact]
    public void It_writes_weeks_of_answered_questions_for_the_certified_people_once_and_the_weekly_job_adds_this_week()
    {
        var dbFile = Path.Combine(Directory.CreateTempSubdirectory("sp-practice-").FullName, "app.db");
        var (exit, output) = Command(dbFile, ["generate-org", "--employees", "300"]);
        Assert.True(exit == 0, output);
        (exit, output) = Command(dbFile, ["generate-practice", "--weeks", "10", "--per-week", "2"]);
        Assert.True(exit == 0, output);

        var certified = Scalar(dbFile, "SELECT COUNT(DISTINCT EmployeeId) FROM Certificates WHERE ReplacedAt IS NULL AND RevokedAt IS NULL");
        Assert.InRange(certified, 90, 190);
        // Everyone certified, ten weeks of two questions, nobody else.
        Assert.Equal(certified * 20, Scalar(dbFile, "SELECT COUNT(*) FROM PracticeAnswers"));
        Assert.Equal(0, Scalar(dbFile, "SELECT COUNT(*) FROM PracticeAnswers WHERE EmployeeId NOT IN (SELECT EmployeeId FROM Certificates)"));
        Assert.Equal(certified, Scalar(dbFile, "SELECT COUNT(DISTINCT EmployeeId) FROM PracticeAnswers"));
        // Most answered, right 70–85 % of the time, over every pillar, several departments and sites; the Leitner rows behind them.
        var answered = Scalar(dbFile, "SELECT COUNT(*) FROM PracticeAnswers WHERE AnsweredAt IS NOT NULL");
        Assert.InRange(answered, certified * 20 * 85 / 100, certified * 20 * 97 / 100);
        Assert.InRange(Scalar(dbFile, "SELECT 100 * SUM(\"Right\") / COUNT(*) FROM PracticeAnswers WHERE AnsweredAt IS NOT NULL"), 70, 85);
        Assert.Equal(Scalar(dbFile, "SELECT COUNT(*) FROM Pillars WHERE EditionId = (SELECT MAX(Id) FROM Editions)"),
            Scalar(dbFile, "SELECT COUNT(DISTINCT PillarKey) FROM PracticeAnswers"));
        Assert.True(Scalar(dbFile, "SELECT COUNT(DISTINCT e.DepartmentId) FROM PracticeAnswers a JOIN Employees e ON e.Id = a.EmployeeId") >= 4);
        Assert.Equal(Scalar(dbFile, "SELECT COUNT(*) FROM (SELECT DISTINCT EmployeeId, PillarKey, Question FROM PracticeAnswers)"),
            Scalar(dbFile, "SELECT COUNT(*) FROM PracticeItems"));
        // Nothing in the current week: that one is the weekly job's.
        var thisWeek = PracticeScheduleWeek();
        Assert.Equal(0, Scalar(dbFile, $"SELECT COUNT(*) FROM PracticeAnswers WHERE Week >= '{thisWeek}'"));

        (exit, output) = Command(dbFile, ["generate-practice"]);
        Assert.Equal(1, exit);
        Assert.Contains("already has weekly questions", output);
        Assert.Equal(2, Command(dbFile, ["generate-practice", "--weeks", "none"]).ExitCode);

        (exit, output) = Command(dbFile, ["make-weekly-questions"]);
        Assert.True(exit == 0, output);
        Assert.Contains($"Made {certified} weekly questions", output);
        Assert.Equal(certified, Scalar(dbFile, $"SELECT COUNT(*) FROM PracticeAnswers WHERE Week = '{thisWeek}'"));
        // As on a later day: that week's questions, once.
        var later = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Made {certified} weekly questions", Command(dbFile, ["make-weekly-questions", "--on", later]).Output);
        Assert.Contains("Made 0 weekly questions", Command(dbFile, ["make-weekly-questions", "--on", later]).Output);
        Assert.Equal(2, Command(dbFile, ["make-weekly-questions", "--on", "tomorrow"]).ExitCode);
    }

    static string PracticeScheduleWeek() => ServicePromise.Web.Practice.PracticeSchedule.WeekOf(DateOnly.FromDateTime(DateTime.UtcNow))
        .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
