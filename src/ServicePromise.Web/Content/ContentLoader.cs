using System.Text;
using System.Text.RegularExpressions;
using ServicePromise.Web.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
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
    static readonly Messages L = new();

    public static ContentSet Load(string root, string defaultLanguage)
    {
        var errors = new List<ContentError>();
        var languages = new List<LanguageContent>();
        if (!Directory.Exists(root))
            throw new ContentInvalidException([new ContentError(root, 0, L["la carpeta de contenido no existe (ajuste Content:Path)"])]);

        foreach (var dir in Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal))
        {
            var language = System.IO.Path.GetFileName(dir);
            if (!SupportedLanguages.Contains(language))
            {
                errors.Add(new(Rel(root, dir), 0, L["carpeta de idioma desconocida '{0}'; se esperaba una de estas: {1}", language, string.Join(", ", SupportedLanguages)]));
                continue;
            }
            var loaded = LoadLanguage(root, dir, language, errors);
            if (loaded is not null) languages.Add(loaded);
        }

        if (!languages.Any(l => l.Language == defaultLanguage) && !errors.Any(e => e.File.StartsWith(defaultLanguage, StringComparison.Ordinal)))
            errors.Add(new(defaultLanguage, 0, L["falta la carpeta del idioma por defecto '{0}'", defaultLanguage]));

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
            errors.Add(new(Rel(root, promiseFile), 0, L["falta el archivo de la promesa"]));
        else if (ReadFile(Rel(root, promiseFile), promiseFile, errors) is { } promiseText)
            promise = ParsePromise(Rel(root, promiseFile), promiseText, errors);

        var pillarsDir = System.IO.Path.Combine(dir, "pillars");
        var pillarFiles = Directory.Exists(pillarsDir)
            ? Directory.GetFiles(pillarsDir, "*.md").OrderBy(f => f, StringComparer.Ordinal).ToArray()
            : [];
        if (pillarFiles.Length == 0)
            errors.Add(new(Rel(root, pillarsDir), 0, L["no hay archivos de pilares (*.md)"]));
        if (pillarFiles.Length > MaxPillars)
            errors.Add(new(Rel(root, pillarsDir), 0, L["{0} pilares; se permiten como mucho {1}", pillarFiles.Length, MaxPillars]));

        var pillars = new List<PillarContent>();
        foreach (var file in pillarFiles)
        {
            if (ReadFile(Rel(root, file), file, errors) is not { } text) continue;
            var pillar = ParsePillar(Rel(root, file), text, errors);
            if (pillar is not null) pillars.Add(pillar);
        }
        foreach (var dup in pillars.GroupBy(p => p.Key).Where(g => g.Count() > 1))
            errors.Add(new(dup.Last().SourceFile, 2, L["la clave '{0}' también la usa {1}", dup.Key, dup.First().SourceFile]));
        foreach (var dup in pillars.GroupBy(p => p.Order).Where(g => g.Count() > 1))
            errors.Add(new(dup.Last().SourceFile, 2, L["el orden {0} también lo usa {1}", dup.Key, dup.First().SourceFile]));
        CheckStandardKeys(pillars, errors);

        if (errors.Count > before || promise is null) return null;
        return new LanguageContent(language, promise, pillars.OrderBy(p => p.Order).ToList());
    }

    static void CompareWithDefault(LanguageContent main, LanguageContent other, List<ContentError> errors)
    {
        var byKey = main.Pillars.ToDictionary(p => p.Key);
        foreach (var pillar in other.Pillars)
        {
            if (!byKey.TryGetValue(pillar.Key, out var original))
                errors.Add(new(pillar.SourceFile, 2, L["la clave '{0}' no existe en el idioma por defecto '{1}'", pillar.Key, main.Language]));
            else if (original.Order != pillar.Order)
                errors.Add(new(pillar.SourceFile, 2, L["el orden {0} no coincide con el {1} de {2}", pillar.Order, original.Order, original.SourceFile]));
            else if (!SameShape(original.Check, pillar.Check))
                errors.Add(new(pillar.SourceFile, 2, L["la prueba de conocimiento no tiene la misma forma que en {0}: cada idioma necesita las mismas preguntas, el mismo número de opciones y las mismas respuestas correctas", original.SourceFile]));
            else if (!SameShape(original.Practice, pillar.Practice))
                errors.Add(new(pillar.SourceFile, 2, L["las preguntas de repaso ('practice') no tienen la misma forma que en {0}: cada idioma necesita las mismas preguntas, el mismo número de opciones y las mismas respuestas correctas", original.SourceFile]));
            else if (pillar.DeclaredChange is { } change && change != original.DeclaredChange)
                errors.Add(new(pillar.SourceFile, 2, L["'change: {0}' no coincide con {1}; el tipo de cambio es el mismo en todos los idiomas", change.ToString().ToLowerInvariant(), original.SourceFile]));
            else
                CompareStandards(original, pillar, errors);
        }
    }

    /// <summary>Audit files name a standard by its key alone, so a key may mean one thing only: one standard, never also a pillar.</summary>
    static void CheckStandardKeys(List<PillarContent> pillars, List<ContentError> errors)
    {
        var pillarKeys = pillars.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pillar in pillars)
            foreach (var standard in pillar.StandardsOrEmpty)
            {
                if (pillarKeys.Contains(standard.Key))
                    errors.Add(new(pillar.SourceFile, standard.Line, L["el estándar '{0}' tiene la clave de un pilar; use otra clave", standard.Key]));
                else if (!seen.TryAdd(standard.Key, pillar.SourceFile))
                    errors.Add(new(pillar.SourceFile, standard.Line, L["el estándar '{0}' también lo declara {1}", standard.Key, seen[standard.Key]]));
            }
    }

    /// <summary>A standard is measured once for every language, so every language declares the same keys with the same thresholds.</summary>
    static void CompareStandards(PillarContent original, PillarContent pillar, List<ContentError> errors)
    {
        var expected = original.StandardsOrEmpty.ToDictionary(s => s.Key, s => s.Threshold, StringComparer.Ordinal);
        foreach (var standard in pillar.StandardsOrEmpty)
        {
            if (!expected.TryGetValue(standard.Key, out var threshold))
                errors.Add(new(pillar.SourceFile, standard.Line, L["el estándar '{0}' no existe en {1}", standard.Key, original.SourceFile]));
            else if (threshold != standard.Threshold)
                errors.Add(new(pillar.SourceFile, standard.Line, L["el umbral {0} del estándar '{1}' no coincide con el {2} de {3}", standard.Threshold, standard.Key, threshold, original.SourceFile]));
        }
        var missing = expected.Keys.Except(pillar.StandardsOrEmpty.Select(s => s.Key), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            errors.Add(new(pillar.SourceFile, 2, L["faltan los estándares {0} que declara {1}", string.Join(", ", missing), original.SourceFile]));
    }

    /// <summary>The same questions, options and right answers by position: answers to one mean the same as answers to the other.</summary>
    internal static bool SameShape(Learning.KnowledgeCheck? a, Learning.KnowledgeCheck? b) =>
        (a is null && b is null)
        || (a is not null && b is not null && a.Questions.Count == b.Questions.Count
            && a.Questions.Zip(b.Questions).All(q => q.First.Options.Select(o => o.Correct).SequenceEqual(q.Second.Options.Select(o => o.Correct))));

    /// <summary>A lesson is a page or two: anything bigger is a mistake (a pasted export, a binary), refused before it is read.</summary>
    internal const long MaxFileBytes = 1024 * 1024;
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or null with a problem: too big, or not UTF-8 (which would publish U+FFFD on pages and certificates).</summary>
    internal static string? ReadFile(string file, string path, List<ContentError> errors)
    {
        var size = new FileInfo(path).Length;
        if (size > MaxFileBytes)
        {
            errors.Add(new(file, 1, L["el archivo ocupa {0} KB; el máximo es {1} KB", (size + 1023) / 1024, MaxFileBytes / 1024]));
            return null;
        }
        var bytes = File.ReadAllBytes(path);
        if (FirstInvalidUtf8(bytes) is { } at)
        {
            var line = 1 + bytes.AsSpan(0, at).Count((byte)'\n');
            errors.Add(new(file, line, L["el texto no es UTF-8 válido (byte 0x{0:X2}); guarde el archivo con codificación UTF-8", bytes[at]]));
            return null;
        }
        return StrictUtf8.GetString(bytes);
    }

    static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done) return i;
            i += consumed;
        }
        return null;
    }

    internal static PromiseContent? ParsePromise(string file, string text, List<ContentError> errors)
    {
        var doc = SplitFrontMatter<PromiseFrontMatter>(file, text, errors);
        if (doc is null) return null;
        var (fm, body, bodyLine, _) = doc.Value;
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
        var (fm, body, bodyLine, yaml) = doc.Value;
        var ok = Required(file, "key", fm.Key, 64, errors)
            & Required(file, "title", fm.Title, 200, errors)
            & Required(file, "summary", fm.Summary, 1000, errors)
            & Required(file, "reflection_prompt", fm.ReflectionPrompt, 1000, errors)
            & Body(file, body, bodyLine, errors);
        if (fm.Key is not null && !KeyPattern().IsMatch(fm.Key))
        {
            errors.Add(new(file, 2, L["la clave '{0}' solo puede tener minúsculas, cifras y guiones sueltos (p. ej. 'own-it')", fm.Key]));
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
            errors.Add(new(file, 2, L["'change' debe ser 'editorial' (solo cambia la redacción; nadie lo repite) o 'substantive' (la gente repite este pilar), no '{0}'", fm.Change]));
            ok = false;
        }
        if (fm.Order is null || fm.Order < 1)
        {
            errors.Add(new(file, 2, L["'order' es obligatorio y debe ser un número entero desde 1"]));
            ok = false;
        }
        foreach (var (field, value) in new[] { ("customers_prompt", fm.CustomersPrompt), ("action_prompt", fm.ActionPrompt) })
            if (value is not null) ok &= Required(file, field, value, 1000, errors);
        var lines = CheckLines.Locate(yaml);
        var check = ParseQuestions(file, fm.Check, QuestionList.Check, lines, body, errors);
        if (fm.Check is not null && check is null) ok = false;
        var practice = ParseQuestions(file, fm.Practice, QuestionList.Practice, lines, body, errors);
        if (fm.Practice is not null && practice is null) ok = false;
        if (check is not null && practice is not null) ok &= NoRepeatedQuestions(file, check, practice, lines, errors);
        var standards = ParseStandards(file, fm.Standards, lines, errors);
        if (fm.Standards is not null && standards is null) ok = false;
        return ok ? new PillarContent(fm.Key!, fm.Order!.Value, fm.Title!.Trim(), fm.Summary!.Trim(), fm.ReflectionPrompt!.Trim(), body, file, change, check,
            fm.CustomersPrompt?.Trim(), fm.ActionPrompt?.Trim(), standards, practice) : null;
    }

    /// <summary>
    /// A practice question that says what a check question says would only bring the check back in the weekly review:
    /// refused, at the practice question's line. Compared without case and extra spaces, in the same language.
    /// </summary>
    static bool NoRepeatedQuestions(string file, Learning.KnowledgeCheck check, Learning.KnowledgeCheck practice, CheckLines lines, List<ContentError> errors)
    {
        static string Normal(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        var checkQuestions = check.Questions.Select((q, i) => (Text: Normal(q.Text), Number: i + 1)).ToList();
        var ok = true;
        for (var i = 0; i < practice.Questions.Count; i++)
        {
            var text = Normal(practice.Questions[i].Text);
            if (checkQuestions.FirstOrDefault(c => c.Text == text) is not { Number: > 0 } repeated) continue;
            errors.Add(new(file, lines.Question(QuestionList.Practice, i),
                L["{0}: repite la pregunta {1} de la prueba; una pregunta de repaso debe preguntar otra cosa", L["pregunta {0} de repaso", i + 1], repeated.Number]));
            ok = false;
        }
        return ok;
    }

    const int MaxStandards = 6;
    const int MaxStandardText = 300;

    static List<StandardContent>? ParseStandards(string file, List<StandardFrontMatter>? standards, CheckLines lines, List<ContentError> errors)
    {
        if (standards is null) return null;
        var before = errors.Count;
        if (standards.Count is 0 or > MaxStandards)
            errors.Add(new(file, lines.Standards, L["'standards' debe tener entre 1 y {0} estándares; tiene {1}", MaxStandards, standards.Count]));
        var parsed = new List<StandardContent>();
        for (var i = 0; i < standards.Count; i++)
        {
            var s = standards[i];
            var where = L["estándar {0}", i + 1];
            var line = lines.Standard(i);
            if (Required(file, "key", s.Key, 64, errors, where, line) && !KeyPattern().IsMatch(s.Key!.Trim()))
                errors.Add(new(file, line, L["{0}: la clave '{1}' solo puede tener minúsculas, cifras y guiones sueltos (p. ej. 'saludo-en-10-segundos')", where, s.Key]));
            Required(file, "wording", s.Wording, MaxStandardText, errors, where, line);
            Required(file, "measured", s.Measured, MaxStandardText, errors, where, line);
            var threshold = ParseThreshold(s.Threshold);
            if (threshold is null)
                errors.Add(new(file, line, L["{0}: 'threshold' debe ser un número de 0 a 100, con dos decimales como mucho (p. ej. 80 o 72.5); no '{1}'", where, s.Threshold ?? ""]));
            parsed.Add(new StandardContent(s.Key?.Trim() ?? "", s.Wording?.Trim() ?? "", s.Measured?.Trim() ?? "", threshold ?? 0, line));
        }
        return errors.Count > before ? null : parsed;
    }

    /// <summary>A threshold of 0–100 kept in hundredths, so more than two decimals would be silently rounded: refused instead.</summary>
    internal static decimal? ParseThreshold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)
            || !decimal.TryParse(text.Trim().Replace(',', '.'), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value))
            return null;
        return value is >= 0 and <= 100 && decimal.Round(value, 2) == value ? value : null;
    }

    /// <summary>The knowledge check is short (it is passed to complete a pillar); the practice pool feeds the weekly question and may be longer.</summary>
    const int MaxQuestions = 6, MaxPractice = 30;
    static readonly MarkdownRenderer Markdown = new();

    /// <summary>The two question lists of a pillar: 'check' (the knowledge check) and 'practice' (more questions for the weekly review).</summary>
    internal enum QuestionList { Check, Practice }

    static Learning.KnowledgeCheck? ParseQuestions(string file, List<QuestionFrontMatter>? questions, QuestionList list, CheckLines lines, string body, List<ContentError> errors)
    {
        if (questions is null) return null;
        var before = errors.Count;
        var listLine = lines.List(list);
        if (list == QuestionList.Check && questions.Count is 0 or > MaxQuestions)
            errors.Add(new(file, listLine, L["'check' debe tener entre 1 y {0} preguntas; tiene {1}", MaxQuestions, questions.Count]));
        if (list == QuestionList.Practice && questions.Count is 0 or > MaxPractice)
            errors.Add(new(file, listLine, L["'practice' debe tener entre 1 y {0} preguntas; tiene {1}", MaxPractice, questions.Count]));
        var anchors = Markdown.HeadingIds(body);
        var parsed = new List<Learning.CheckQuestion>();
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var where = list == QuestionList.Check ? L["pregunta {0} de la prueba", i + 1] : L["pregunta {0} de repaso", i + 1];
            var line = lines.Question(list, i);
            Required(file, "question", q.Question, 500, errors, where, line);
            if (q.Section is { Length: > 0 } section && !anchors.Contains(section))
                errors.Add(new(file, line, L["{0}: 'section' '{1}' no es un título de esta lección (títulos: {2})", where, section, string.Join(", ", anchors)]));
            if (list == QuestionList.Practice && string.IsNullOrWhiteSpace(q.Section))
                errors.Add(new(file, line, L["{0}: falta 'section', la parte de la lección que se relee tras un fallo (títulos: {1})", where, string.Join(", ", anchors)]));
            var options = q.Options ?? [];
            if (options.Count is < 2 or > 6)
                errors.Add(new(file, line, L["{0}: debe tener entre 2 y 6 opciones; tiene {1}", where, options.Count]));
            if (!options.Any(o => o.Correct == true))
                errors.Add(new(file, line, L["{0}: ninguna opción lleva 'correct: true'", where]));
            for (var j = 0; j < options.Count; j++)
            {
                var o = options[j];
                var option = L["{0}, opción {1}", where, j + 1];
                var optionLine = lines.Option(list, i, j);
                Required(file, "text", o.Text, 300, errors, option, optionLine);
                Required(file, "explanation", o.Explanation, 500, errors, option, optionLine);
                if (o.Correct is null)
                    errors.Add(new(file, optionLine, L["{0}: 'correct' debe ser true o false", option]));
            }
            parsed.Add(new Learning.CheckQuestion(q.Question?.Trim() ?? "", string.IsNullOrWhiteSpace(q.Section) ? null : q.Section.Trim(),
                options.Select(o => new Learning.CheckOption(o.Text?.Trim() ?? "", o.Correct == true, o.Explanation?.Trim() ?? "")).ToList()));
        }
        return errors.Count > before ? null : new Learning.KnowledgeCheck(parsed);
    }

    static (T FrontMatter, string Body, int BodyLine, string Yaml)? SplitFrontMatter<T>(string file, string text, List<ContentError> errors) where T : class
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            errors.Add(new(file, 1, L["el archivo debe empezar con la línea '---' de la cabecera YAML"]));
            return null;
        }
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            errors.Add(new(file, 1, L["la cabecera YAML abierta en la línea 1 no se cierra con '---'"]));
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
            errors.Add(new(file, line, L["cabecera YAML no válida: {0}", Describe(ex)]));
            return null;
        }
        if (fm is null)
        {
            errors.Add(new(file, 2, L["la cabecera YAML está vacía"]));
            return null;
        }
        var body = string.Join('\n', lines[(close + 1)..]).Trim();
        return (fm, body, close + 2, yaml);
    }

    static object Describe(YamlException ex)
    {
        var inner = ex.InnerException?.Message;
        var message = ex.Message;
        var unknown = UnknownProperty().Match(message + " " + inner);
        if (unknown.Success) return L["campo desconocido '{0}'", unknown.Groups[1].Value];
        var duplicate = DuplicateKey().Match(message);
        if (duplicate.Success) return L["el campo '{0}' aparece dos veces; deje uno solo", duplicate.Groups[1].Value];
        if (ex.InnerException is FormatException && inner!.Contains("Boolean", StringComparison.Ordinal)) return L["este valor debe ser true o false"];
        if (ex.InnerException is FormatException or OverflowException) return L["este valor debe ser un número entero"];
        var wrongType = WrongType().Match(message + " " + inner);
        if (wrongType.Success)
            return wrongType.Groups[1].Value.Contains("Int32") ? L["este valor debe ser un número entero"] : L["este valor debe ser texto simple (ponlo entre comillas dobles)"];
        return string.IsNullOrWhiteSpace(inner) ? message : $"{message} ({inner})";
    }

    static bool Required(string file, string field, string? value, int max, List<ContentError> errors, Message? where = null, int line = 2)
    {
        Message? problem = null;
        if (string.IsNullOrWhiteSpace(value))
            problem = L["'{0}' es obligatorio", field];
        else if (value.Trim().Length > max)
            problem = L["'{0}' tiene {1} caracteres; el máximo es {2}", field, value.Trim().Length, max];
        if (problem is null) return true;
        errors.Add(new(file, line, where is null ? problem : L["{0}: {1}", where, problem]));
        return false;
    }

    static bool Body(string file, string body, int line, List<ContentError> errors)
    {
        if (!string.IsNullOrWhiteSpace(body)) return true;
        errors.Add(new(file, line, L["el texto Markdown que sigue a la cabecera YAML está vacío"]));
        return false;
    }

    static string Rel(string root, string path) => System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');

    static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        // Without it the last of two 'title:' lines silently wins.
        .WithDuplicateKeyChecking()
        .Build();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"deserialize the node into type ([\w.`\[\]]+)")]
    private static partial Regex WrongType();

    [GeneratedRegex("Property '([^']+)' not found")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex("Encountered duplicate key (.+)$")]
    private static partial Regex DuplicateKey();

    /// <summary>
    /// The file lines where 'check', each question and each option start, read from the YAML's own node positions,
    /// so a problem in question 3 is reported where question 3 is. Front matter starts on line 2 of the file.
    /// </summary>
    sealed class CheckLines
    {
        readonly Dictionary<QuestionList, (int Line, List<(int Line, List<int> Options)> Questions)> _lists = [];
        readonly List<int> _standards = [];
        public int Standards { get; private set; } = 2;

        public int Standard(int i) => i < _standards.Count ? _standards[i] : Standards;

        public int List(QuestionList list) => _lists.TryGetValue(list, out var l) ? l.Line : 2;
        public int Question(QuestionList list, int i) => _lists.TryGetValue(list, out var l) && i < l.Questions.Count ? l.Questions[i].Line : List(list);
        public int Option(QuestionList list, int i, int j) =>
            _lists.TryGetValue(list, out var l) && i < l.Questions.Count && j < l.Questions[i].Options.Count ? l.Questions[i].Options[j] : Question(list, i);

        public static CheckLines Locate(string yaml)
        {
            var lines = new CheckLines();
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException)
            {
                return lines; // the deserializer has already said where
            }
            if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root) return lines;
            var standards = root.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "standards" });
            if (standards.Key is not null)
            {
                lines.Standards = FileLine(standards.Key);
                if (standards.Value is YamlSequenceNode items) lines._standards.AddRange(items.Select(FileLine));
            }
            foreach (var (list, name) in new[] { (QuestionList.Check, "check"), (QuestionList.Practice, "practice") })
            {
                var node = root.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var v } && v == name);
                if (node.Key is null) continue;
                var questionLines = new List<(int Line, List<int> Options)>();
                lines._lists[list] = (FileLine(node.Key), questionLines);
                if (node.Value is not YamlSequenceNode questions) continue;
                foreach (var question in questions)
                {
                    var options = new List<int>();
                    if (question is YamlMappingNode map
                        && map.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "options" }).Value is YamlSequenceNode optionNodes)
                        options.AddRange(optionNodes.Select(FileLine));
                    questionLines.Add((FileLine(question), options));
                }
            }
            return lines;
        }

        static int FileLine(YamlNode node) => (int)node.Start.Line + 1;
    }

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
        public string? CustomersPrompt { get; set; }
        public string? ActionPrompt { get; set; }
        public string? Change { get; set; }
        public List<QuestionFrontMatter>? Check { get; set; }
        /// <summary>More questions for the weekly review, beyond the knowledge check; same shape as 'check'.</summary>
        public List<QuestionFrontMatter>? Practice { get; set; }
        public List<StandardFrontMatter>? Standards { get; set; }
    }

    sealed class StandardFrontMatter
    {
        public string? Key { get; set; }
        public string? Wording { get; set; }
        public string? Measured { get; set; }
        /// <summary>Read as text so '80,5' or 'ochenta' gets a message about the threshold rather than a YAML type error.</summary>
        public string? Threshold { get; set; }
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
