using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ServicePromise.Web.Content;

/// <summary>
/// Reads <c>{root}/{language}/promise.md</c> and <c>{root}/{language}/pillars/*.md</c> (Markdown with YAML
/// front matter) and validates them. Every problem found is reported at once, each with file and line,
/// so a content owner can fix a whole batch in one go.
/// </summary>
public static partial class ContentLoader
{
    public static readonly string[] SupportedLanguages = ["es", "en"];
    const int MaxPillars = 12;

    public static ContentSet Load(string root, string defaultLanguage)
    {
        var errors = new List<ContentError>();
        var languages = new List<LanguageContent>();
        if (!Directory.Exists(root))
            throw new ContentInvalidException([new ContentError(root, 0, "the content folder does not exist (setting Content:Path)")]);

        foreach (var dir in Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal))
        {
            var language = System.IO.Path.GetFileName(dir);
            if (!SupportedLanguages.Contains(language))
            {
                errors.Add(new(Rel(root, dir), 0, $"unknown language folder '{language}'; expected one of: {string.Join(", ", SupportedLanguages)}"));
                continue;
            }
            var loaded = LoadLanguage(root, dir, language, errors);
            if (loaded is not null) languages.Add(loaded);
        }

        if (!languages.Any(l => l.Language == defaultLanguage) && !errors.Any(e => e.File.StartsWith(defaultLanguage, StringComparison.Ordinal)))
            errors.Add(new(defaultLanguage, 0, $"the default language folder '{defaultLanguage}' is missing"));

        var main = languages.FirstOrDefault(l => l.Language == defaultLanguage);
        if (main is not null)
            foreach (var other in languages.Where(l => l != main))
                CompareWithDefault(main, other, errors);

        if (errors.Count > 0) throw new ContentInvalidException(errors);
        return new ContentSet(defaultLanguage, languages);
    }

    static LanguageContent? LoadLanguage(string root, string dir, string language, List<ContentError> errors)
    {
        var before = errors.Count;
        var promiseFile = System.IO.Path.Combine(dir, "promise.md");
        PromiseContent? promise = null;
        if (!File.Exists(promiseFile))
            errors.Add(new(Rel(root, promiseFile), 0, "the promise file is missing"));
        else
            promise = ParsePromise(Rel(root, promiseFile), File.ReadAllText(promiseFile, Encoding.UTF8), errors);

        var pillarsDir = System.IO.Path.Combine(dir, "pillars");
        var pillarFiles = Directory.Exists(pillarsDir)
            ? Directory.GetFiles(pillarsDir, "*.md").OrderBy(f => f, StringComparer.Ordinal).ToArray()
            : [];
        if (pillarFiles.Length == 0)
            errors.Add(new(Rel(root, pillarsDir), 0, "no pillar files (*.md) found"));
        if (pillarFiles.Length > MaxPillars)
            errors.Add(new(Rel(root, pillarsDir), 0, $"{pillarFiles.Length} pillars; at most {MaxPillars} are allowed"));

        var pillars = new List<PillarContent>();
        foreach (var file in pillarFiles)
        {
            var pillar = ParsePillar(Rel(root, file), File.ReadAllText(file, Encoding.UTF8), errors);
            if (pillar is not null) pillars.Add(pillar);
        }
        foreach (var dup in pillars.GroupBy(p => p.Key).Where(g => g.Count() > 1))
            errors.Add(new(dup.Last().SourceFile, 2, $"the key '{dup.Key}' is also used by {dup.First().SourceFile}"));
        foreach (var dup in pillars.GroupBy(p => p.Order).Where(g => g.Count() > 1))
            errors.Add(new(dup.Last().SourceFile, 2, $"the order {dup.Key} is also used by {dup.First().SourceFile}"));

        if (errors.Count > before || promise is null) return null;
        return new LanguageContent(language, promise, pillars.OrderBy(p => p.Order).ToList());
    }

    static void CompareWithDefault(LanguageContent main, LanguageContent other, List<ContentError> errors)
    {
        var byKey = main.Pillars.ToDictionary(p => p.Key);
        foreach (var pillar in other.Pillars)
        {
            if (!byKey.TryGetValue(pillar.Key, out var original))
                errors.Add(new(pillar.SourceFile, 2, $"the key '{pillar.Key}' does not exist in the default language '{main.Language}'"));
            else if (original.Order != pillar.Order)
                errors.Add(new(pillar.SourceFile, 2, $"the order {pillar.Order} differs from {original.Order} in {original.SourceFile}"));
            else if (!SameShape(original.Check, pillar.Check))
                errors.Add(new(pillar.SourceFile, 2, $"the knowledge check differs in shape from {original.SourceFile}: every language needs the same questions, the same number of options and the same correct answers"));
            else if (pillar.DeclaredChange is { } change && change != original.DeclaredChange)
                errors.Add(new(pillar.SourceFile, 2, $"'change: {change.ToString().ToLowerInvariant()}' differs from {original.SourceFile}; the change kind is the same in every language"));
        }
    }

    static bool SameShape(Learning.KnowledgeCheck? a, Learning.KnowledgeCheck? b) =>
        (a is null && b is null)
        || (a is not null && b is not null && a.Questions.Count == b.Questions.Count
            && a.Questions.Zip(b.Questions).All(q => q.First.Options.Select(o => o.Correct).SequenceEqual(q.Second.Options.Select(o => o.Correct))));

    internal static PromiseContent? ParsePromise(string file, string text, List<ContentError> errors)
    {
        var doc = SplitFrontMatter<PromiseFrontMatter>(file, text, errors);
        if (doc is null) return null;
        var (fm, body, bodyLine) = doc.Value;
        var ok = Required(file, "company", fm.Company, 200, errors)
            & Required(file, "title", fm.Title, 200, errors)
            & Required(file, "statement", fm.Statement, 1000, errors)
            & Body(file, body, bodyLine, errors);
        return ok ? new PromiseContent(fm.Company!.Trim(), fm.Title!.Trim(), fm.Statement!.Trim(), body) : null;
    }

    internal static PillarContent? ParsePillar(string file, string text, List<ContentError> errors)
    {
        var doc = SplitFrontMatter<PillarFrontMatter>(file, text, errors);
        if (doc is null) return null;
        var (fm, body, bodyLine) = doc.Value;
        var ok = Required(file, "key", fm.Key, 64, errors)
            & Required(file, "title", fm.Title, 200, errors)
            & Required(file, "summary", fm.Summary, 1000, errors)
            & Required(file, "reflection_prompt", fm.ReflectionPrompt, 1000, errors)
            & Body(file, body, bodyLine, errors);
        if (fm.Key is not null && !KeyPattern().IsMatch(fm.Key))
        {
            errors.Add(new(file, 2, $"the key '{fm.Key}' must be lowercase letters, digits and single hyphens (e.g. 'own-it')"));
            ok = false;
        }
        Learning.ChangeKind? change = fm.Change?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "editorial" => Learning.ChangeKind.Editorial,
            "substantive" => Learning.ChangeKind.Substantive,
            _ => Learning.ChangeKind.Unchanged,
        };
        if (change == Learning.ChangeKind.Unchanged)
        {
            errors.Add(new(file, 2, $"'change' must be 'editorial' (wording only, nobody redoes it) or 'substantive' (people redo this pillar), not '{fm.Change}'"));
            ok = false;
        }
        if (fm.Order is null || fm.Order < 1)
        {
            errors.Add(new(file, 2, "'order' is required and must be a whole number from 1"));
            ok = false;
        }
        var check = ParseCheck(file, fm.Check, body, errors);
        if (fm.Check is not null && check is null) ok = false;
        return ok ? new PillarContent(fm.Key!, fm.Order!.Value, fm.Title!.Trim(), fm.Summary!.Trim(), fm.ReflectionPrompt!.Trim(), body, file, change, check) : null;
    }

    const int MaxQuestions = 6;
    static readonly MarkdownRenderer Markdown = new();

    static Learning.KnowledgeCheck? ParseCheck(string file, List<QuestionFrontMatter>? questions, string body, List<ContentError> errors)
    {
        if (questions is null) return null;
        var before = errors.Count;
        if (questions.Count is 0 or > MaxQuestions)
            errors.Add(new(file, 2, $"'check' must have between 1 and {MaxQuestions} questions; it has {questions.Count}"));
        var anchors = Markdown.HeadingIds(body);
        var parsed = new List<Learning.CheckQuestion>();
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var where = $"check question {i + 1}";
            Required(file, "question", q.Question, 500, errors, where);
            if (q.Section is { Length: > 0 } section && !anchors.Contains(section))
                errors.Add(new(file, 2, $"{where}: 'section' '{section}' is not a heading of this lesson (headings: {string.Join(", ", anchors)})"));
            var options = q.Options ?? [];
            if (options.Count is < 2 or > 6)
                errors.Add(new(file, 2, $"{where} must have between 2 and 6 options; it has {options.Count}"));
            if (options.Count(o => o.Correct == true) == 0)
                errors.Add(new(file, 2, $"{where} has no option marked 'correct: true'"));
            for (var j = 0; j < options.Count; j++)
            {
                var o = options[j];
                Required(file, "text", o.Text, 300, errors, $"{where}, option {j + 1}");
                Required(file, "explanation", o.Explanation, 500, errors, $"{where}, option {j + 1}");
                if (o.Correct is null)
                    errors.Add(new(file, 2, $"{where}, option {j + 1}: 'correct' must be true or false"));
            }
            parsed.Add(new Learning.CheckQuestion(q.Question?.Trim() ?? "", string.IsNullOrWhiteSpace(q.Section) ? null : q.Section.Trim(),
                options.Select(o => new Learning.CheckOption(o.Text?.Trim() ?? "", o.Correct == true, o.Explanation?.Trim() ?? "")).ToList()));
        }
        return errors.Count > before ? null : new Learning.KnowledgeCheck(parsed);
    }

    static (T FrontMatter, string Body, int BodyLine)? SplitFrontMatter<T>(string file, string text, List<ContentError> errors) where T : class
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            errors.Add(new(file, 1, "the file must start with a front matter line '---'"));
            return null;
        }
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            errors.Add(new(file, 1, "the front matter opened on line 1 is never closed with '---'"));
            return null;
        }
        var yaml = string.Join('\n', lines[1..close]);
        T? fm;
        try
        {
            fm = Yaml.Deserialize<T>(yaml);
        }
        catch (YamlException ex)
        {
            // Front matter starts on line 2 of the file; YamlDotNet counts from 1.
            var line = (int)ex.Start.Line + 1;
            errors.Add(new(file, line, "invalid front matter: " + Describe(ex)));
            return null;
        }
        if (fm is null)
        {
            errors.Add(new(file, 2, "the front matter is empty"));
            return null;
        }
        var body = string.Join('\n', lines[(close + 1)..]).Trim();
        return (fm, body, close + 2);
    }

    static string Describe(YamlException ex)
    {
        var inner = ex.InnerException?.Message;
        var message = ex.Message;
        var unknown = UnknownProperty().Match(message + " " + inner);
        if (unknown.Success) return $"unknown field '{unknown.Groups[1].Value}'";
        if (ex.InnerException is FormatException or OverflowException) return "this value must be a whole number";
        var wrongType = WrongType().Match(message + " " + inner);
        if (wrongType.Success)
            return wrongType.Groups[1].Value.Contains("Int32") ? "this value must be a whole number" : "this value must be plain text (put it in double quotes)";
        return string.IsNullOrWhiteSpace(inner) ? message : $"{message} ({inner})";
    }

    static bool Required(string file, string field, string? value, int max, List<ContentError> errors, string? where = null)
    {
        var prefix = where is null ? "" : where + ": ";
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(file, 2, $"{prefix}'{field}' is required"));
            return false;
        }
        if (value.Trim().Length > max)
        {
            errors.Add(new(file, 2, $"{prefix}'{field}' is {value.Trim().Length} characters long; the maximum is {max}"));
            return false;
        }
        return true;
    }

    static bool Body(string file, string body, int line, List<ContentError> errors)
    {
        if (!string.IsNullOrWhiteSpace(body)) return true;
        errors.Add(new(file, line, "the Markdown body after the front matter is empty"));
        return false;
    }

    static string Rel(string root, string path) => System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');

    static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"deserialize the node into type ([\w.`\[\]]+)")]
    private static partial Regex WrongType();

    [GeneratedRegex("Property '([^']+)' not found")]
    private static partial Regex UnknownProperty();

    sealed class PromiseFrontMatter
    {
        public string? Company { get; set; }
        public string? Title { get; set; }
        public string? Statement { get; set; }
    }

    sealed class PillarFrontMatter
    {
        public string? Key { get; set; }
        public int? Order { get; set; }
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? ReflectionPrompt { get; set; }
        public string? Change { get; set; }
        public List<QuestionFrontMatter>? Check { get; set; }
    }

    sealed class QuestionFrontMatter
    {
        public string? Question { get; set; }
        public string? Section { get; set; }
        public List<OptionFrontMatter>? Options { get; set; }
    }

    sealed class OptionFrontMatter
    {
        public string? Text { get; set; }
        public bool? Correct { get; set; }
        public string? Explanation { get; set; }
    }
}
