using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Reflections;

/// <summary>What a part of a reflection is checked against: its prompt, the lesson, and the person's other reflections.</summary>
public sealed record GuardrailContext(
    IReadOnlyDictionary<ReflectionPart, string> Prompts,
    string Lesson,
    IReadOnlyList<(string PillarTitle, ReflectionText Text)> OwnOtherPillars);

/// <summary>One refused part and why, in the reader's language.</summary>
public sealed record PartProblem(ReflectionPart Part, Message Message);

/// <summary>
/// The rules a reflection must meet to be sent — plain C#, no database. A reflection is the person's own
/// thinking about their own job: lengths are bounded per part, and a part that only repeats the prompt or the
/// lesson, or copies what they wrote for another pillar, is refused with a message saying which.
/// Drafts are only held to the maximum length: half-written thoughts are fine.
/// </summary>
public static class Guardrails
{
    static readonly Messages L = new();

    /// <summary>Share of a part's three-word runs found in the prompt or lesson above which it "repeats" them.</summary>
    public const double RepeatThreshold = 0.6;

    public static IReadOnlyList<PartProblem> ForDraft(ReflectionText text, Func<ReflectionPart, PartBounds> bounds) =>
        Enum.GetValues<ReflectionPart>()
            .Select(p => text[p].Length > bounds(p).Max
                ? new PartProblem(p, L["Tiene {0} caracteres; el máximo es {1}. Acórtalo un poco.", text[p].Length, bounds(p).Max])
                : MultiLineText.Problem(text[p]) is { } hidden ? new PartProblem(p, hidden) : null)
            .OfType<PartProblem>()
            .ToList();

    public static IReadOnlyList<PartProblem> ForSubmit(ReflectionText text, Func<ReflectionPart, PartBounds> bounds, GuardrailContext context)
    {
        var problems = new List<PartProblem>();
        var lesson = Shingles.Of(context.Lesson);
        foreach (var part in Enum.GetValues<ReflectionPart>())
        {
            var value = text[part];
            var (min, max) = (bounds(part).Min, bounds(part).Max);
            if (value.Length == 0)
            {
                problems.Add(new(part, L["Escribe esta parte; es necesaria para enviar la reflexión."]));
                continue;
            }
            if (value.Length > max)
            {
                problems.Add(new(part, L["Tiene {0} caracteres; el máximo es {1}. Acórtalo un poco.", value.Length, max]));
                continue;
            }
            if (value.Length < min)
            {
                problems.Add(new(part, L["Tiene {0} caracteres; escribe al menos {1}.", value.Length, min]));
                continue;
            }
            // Line breaks are welcome; characters that reverse what the reviewer reads are not.
            if (MultiLineText.Problem(value) is { } hidden)
            {
                problems.Add(new(part, hidden));
                continue;
            }
            var words = Shingles.Words(value);
            var shingles = Shingles.Of(words);
            var prompt = context.Prompts.TryGetValue(part, out var promptText) ? Shingles.Of(promptText) : [];
            if (Shingles.CopiedFrom(shingles, prompt) >= RepeatThreshold || IsInside(words, context.Prompts.GetValueOrDefault(part)))
            {
                problems.Add(new(part, L["Repite la pregunta. Cuéntalo con tus palabras y desde tu puesto."]));
                continue;
            }
            if (Shingles.CopiedFrom(shingles, lesson) >= RepeatThreshold || IsInside(words, context.Lesson))
            {
                problems.Add(new(part, L["Repite el texto de la lección. Cuéntalo con tus palabras y desde tu puesto."]));
                continue;
            }
            var key = string.Join(' ', words);
            foreach (var (title, other) in context.OwnOtherPillars)
            {
                if (Enum.GetValues<ReflectionPart>().Any(o => string.Join(' ', Shingles.Words(other[o])) == key))
                {
                    problems.Add(new(part, L["Es igual a lo que escribiste para el pilar «{0}». Piensa qué cambia con este pilar.", title]));
                    break;
                }
            }
        }
        return problems;
    }

    /// <summary>All the part's words appear, in order and together, in the source (a short part copied from it).</summary>
    static bool IsInside(IReadOnlyList<string> words, string? source) =>
        source is not null && words.Count >= 5 && (" " + string.Join(' ', Shingles.Words(source)) + " ").Contains(" " + string.Join(' ', words) + " ", StringComparison.Ordinal);
}
