using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Understanding;

/// <summary>
/// One question of one submitted knowledge-check attempt, as its own row, so understanding is counted in SQL
/// rather than by reading every attempt's JSON. Written with the attempt (<see cref="ProgressRecorder"/>) and
/// backfilled from older attempts at start-up (<see cref="CheckAnswerRecorder.BackfillAsync"/>).
/// </summary>
public class CheckAnswer
{
    public int Id { get; set; }
    public int CheckAttemptId { get; set; }
    public int EmployeeId { get; set; }
    /// <summary>The edition's pillar the attempt was on: question indexes mean that pillar's check.</summary>
    public int PillarId { get; set; }
    public string PillarKey { get; set; } = "";
    /// <summary>The question's index in the check as written (not the shuffled order shown).</summary>
    public int Question { get; set; }
    /// <summary>The option indexes chosen, ascending, comma-separated ("0,2"); empty when the question was left blank.</summary>
    public string Chosen { get; set; } = "";
    public bool Correct { get; set; }
    /// <summary>The attempt's number for that assignment pillar (1 = the first try at it in that assignment).</summary>
    public int AttemptNumber { get; set; }
    /// <summary>Whether the whole attempt passed; the same on every row of the attempt.</summary>
    public bool AttemptPassed { get; set; }

    /// <summary>The rows of one marked attempt: one per question of its check, answered or not.</summary>
    public static IEnumerable<CheckAnswer> Of(MarkedAttempt attempt, KnowledgeCheck check, IReadOnlyDictionary<int, IReadOnlyCollection<int>> answers)
    {
        var result = CheckGrading.Grade(check, answers, passMark: 0);
        return check.Questions.Select((_, i) => new CheckAnswer
        {
            CheckAttemptId = attempt.Id,
            EmployeeId = attempt.EmployeeId,
            PillarId = attempt.PillarId,
            PillarKey = attempt.PillarKey,
            Question = i,
            Chosen = answers.TryGetValue(i, out var chosen) ? FormatChosen(chosen) : "",
            Correct = result.Correct[i],
            AttemptNumber = attempt.Number,
            AttemptPassed = attempt.Passed,
        });
    }

    public static string FormatChosen(IEnumerable<int> options) => string.Join(',', options.Distinct().Order());

    public static IReadOnlyList<int> ParseChosen(string chosen) =>
        chosen.Length == 0 ? [] : chosen.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}

/// <summary>What a check-answer row needs to know of its attempt besides the answers.</summary>
public sealed record MarkedAttempt(int Id, int Number, int EmployeeId, int PillarId, string PillarKey, bool Passed);
