using System.Security.Cryptography;
using System.Text.Json;

namespace ServicePromise.Web.Learning;

public sealed record CheckOption(string Text, bool Correct, string Explanation);

/// <param name="Section">Anchor of the lesson part to review after a wrong answer (a heading id), if any.</param>
public sealed record CheckQuestion(string Text, string? Section, IReadOnlyList<CheckOption> Options)
{
    public bool IsMultipleChoice => Options.Count(o => o.Correct) > 1;
}

/// <summary>A pillar's short check of understanding, in one language. Stored as JSON with the edition.</summary>
public sealed record KnowledgeCheck(IReadOnlyList<CheckQuestion> Questions)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static KnowledgeCheck? FromJson(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<KnowledgeCheck>(json, Json);
}

/// <summary>The order one attempt shows: questions, and within each, its options.</summary>
public sealed record PresentedQuestion(int Question, IReadOnlyList<int> Options);

public sealed record CheckResult(int Score, bool Passed, IReadOnlyList<bool> Correct);

/// <summary>Shuffling and marking. Plain rules: no web, no database.</summary>
public static class CheckGrading
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A fresh order for every attempt, so answers cannot be learnt by position.</summary>
    public static IReadOnlyList<PresentedQuestion> Shuffle(KnowledgeCheck check) =>
        Permutation(check.Questions.Count)
            .Select(q => new PresentedQuestion(q, Permutation(check.Questions[q].Options.Count)))
            .ToList();

    /// <summary>
    /// A question counts only when exactly the right options are chosen (all of them, and nothing else, for
    /// multiple choice). The score is the percentage of questions right; passing needs at least the pass mark.
    /// </summary>
    public static CheckResult Grade(KnowledgeCheck check, IReadOnlyDictionary<int, IReadOnlyCollection<int>> answers, int passMark)
    {
        var correct = check.Questions.Select((q, i) =>
        {
            var right = q.Options.Select((o, j) => (o, j)).Where(x => x.o.Correct).Select(x => x.j).ToHashSet();
            return answers.TryGetValue(i, out var chosen) && right.SetEquals(chosen);
        }).ToList();
        var score = Score(correct.Count(c => c), check.Questions.Count);
        return new CheckResult(score, score >= passMark, correct);
    }

    /// <summary>The fewest questions right that pass: the pass mark said in plain numbers ("acierta 3 de 3").</summary>
    public static int RightToPass(int questions, int passMark)
    {
        for (var right = 0; right < questions; right++)
            if (Score(right, questions) >= passMark) return right;
        return questions;
    }

    static int Score(int right, int questions) => questions == 0 ? 100 : 100 * right / questions;

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);
    public static T? FromJson<T>(string? json) => string.IsNullOrEmpty(json) ? default : JsonSerializer.Deserialize<T>(json, Json);

    static List<int> Permutation(int count)
    {
        var items = Enumerable.Range(0, count).ToArray();
        RandomNumberGenerator.Shuffle(items.AsSpan());
        return items.ToList();
    }
}
