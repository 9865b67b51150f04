using ServicePromise.Tests.Support;
using ServicePromise.Web.Content;

namespace ServicePromise.Tests.Content;

public class ContentLoaderTests
{
    const string GoodPillar = """
        ---
        key: listen
        order: 1
        title: "Escucha"
        summary: "Resumen"
        reflection_prompt: "¿Cómo lo aplicas?"
        ---
        ## Texto

        Cuerpo de la lección.
        """;

    static (PillarContent? Pillar, List<ContentError> Errors) Parse(string text)
    {
        var errors = new List<ContentError>();
        return (ContentLoader.ParsePillar("es/pillars/01-listen.md", text, errors), errors);
    }

    [Fact]
    public void The_shipped_content_loads_in_both_languages_with_four_to_six_pillars()
    {
        var content = ContentLoader.Load(Repo.Content, "es");
        Assert.Equal(["en", "es"], content.Languages.Select(l => l.Language).Order());
        Assert.InRange(content.Default.Pillars.Count, 4, 6);
        var en = content.Languages.Single(l => l.Language == "en");
        Assert.Equal(content.Default.Pillars.Select(p => (p.Key, p.Order)), en.Pillars.Select(p => (p.Key, p.Order)));
    }

    [Fact]
    public void A_good_pillar_parses_every_field()
    {
        var (pillar, errors) = Parse(GoodPillar);
        Assert.Empty(errors);
        Assert.NotNull(pillar);
        Assert.Equal(("listen", 1, "Escucha", "Resumen", "¿Cómo lo aplicas?"), (pillar.Key, pillar.Order, pillar.Title, pillar.Summary, pillar.ReflectionPrompt));
        Assert.StartsWith("## Texto", pillar.Body);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_accepted()
    {
        var (pillar, errors) = Parse("\uFEFF" + GoodPillar.Replace("\n", "\r\n"));
        Assert.Empty(errors);
        Assert.Equal("listen", pillar!.Key);
    }

    [Theory]
    [InlineData("key: listen\norder: 1\n---\nbody", 1, "must start with a front matter line")]
    [InlineData("---\nkey: listen\norder: 1\nbody without closing", 1, "never closed")]
    [InlineData("---\nkey: listen\norder: 1\ntitle: \"T\"\nsummary: [unclosed\nreflection_prompt: \"P\"\n---\nbody", 5, "invalid front matter")]
    [InlineData("---\nkey: listen\norder: 1\ntitle: \"T\"\nsumary: \"typo\"\nreflection_prompt: \"P\"\n---\nbody", 5, "unknown field 'sumary'")]
    [InlineData("---\nkey: listen\norder: 1\ntitle: \"T\"\nreflection_prompt: \"P\"\n---\nbody", 2, "'summary' is required")]
    [InlineData("---\nkey: Listen Now\norder: 1\ntitle: \"T\"\nsummary: \"S\"\nreflection_prompt: \"P\"\n---\nbody", 2, "lowercase letters")]
    [InlineData("---\nkey: listen\norder: 0\ntitle: \"T\"\nsummary: \"S\"\nreflection_prompt: \"P\"\n---\nbody", 2, "'order' is required")]
    [InlineData("---\nkey: listen\norder: first\ntitle: \"T\"\nsummary: \"S\"\nreflection_prompt: \"P\"\n---\nbody", 3, "invalid front matter: this value must be a whole number")]
    [InlineData("---\nkey: listen\norder: 1\ntitle: \"T\"\nsummary: \"S\"\nreflection_prompt: \"P\"\n---\n\n   \n", 8, "body after the front matter is empty")]
    public void A_broken_pillar_is_reported_with_file_line_and_problem(string text, int line, string problem)
    {
        var (pillar, errors) = Parse(text);
        Assert.Null(pillar);
        var error = Assert.Single(errors);
        Assert.Equal("es/pillars/01-listen.md", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Problem);
    }

    [Theory]
    [InlineData("editorial", ServicePromise.Web.Learning.ChangeKind.Editorial)]
    [InlineData("Substantive", ServicePromise.Web.Learning.ChangeKind.Substantive)]
    public void A_pillar_may_say_how_it_changed(string declared, ServicePromise.Web.Learning.ChangeKind kind)
    {
        var (pillar, errors) = Parse(GoodPillar.Replace("order: 1", "order: 1\nchange: " + declared));
        Assert.Empty(errors);
        Assert.Equal(kind, pillar!.DeclaredChange);
    }

    [Fact]
    public void An_unknown_change_kind_is_refused_with_the_allowed_ones()
    {
        var (_, errors) = Parse(GoodPillar.Replace("order: 1", "order: 1\nchange: cosmetic"));
        Assert.Contains(errors, e => e.Problem.Contains("'change' must be 'editorial'") && e.Problem.Contains("'cosmetic'"));
    }

    [Fact]
    public void Languages_must_agree_on_the_change_kind()
    {
        var root = Repo.CopyContent();
        void Declare(string file, string kind)
        {
            var path = Path.Combine(root, file);
            File.WriteAllText(path, File.ReadAllText(path).Replace("order: 2", "order: 2\nchange: " + kind));
        }
        Declare("es/pillars/02-tell-the-truth.md", "substantive");
        Declare("en/pillars/02-tell-the-truth.md", "editorial");
        var ex = Assert.Throws<ContentInvalidException>(() => ContentLoader.Load(root, "es"));
        Assert.Contains(ex.Errors, e => e.File == "en/pillars/02-tell-the-truth.md" && e.Problem.Contains("same in every language"));
    }

    const string CheckedPillar = """
        ---
        key: listen
        order: 1
        title: "Escucha"
        summary: "Resumen"
        reflection_prompt: "¿Cómo lo aplicas?"
        check:
          - question: "¿Qué haces primero?"
            section: "como-se-hace"
            options:
              - text: "Escuchar"
                correct: true
                explanation: "Bien."
              - text: "Responder"
                correct: false
                explanation: "Todavía no."
        ---
        ## Cómo se hace

        Cuerpo.
        """;

    [Fact]
    public void A_knowledge_check_parses_with_its_answers_and_section()
    {
        var (pillar, errors) = Parse(CheckedPillar);
        Assert.Empty(errors);
        var question = Assert.Single(pillar!.Check!.Questions);
        Assert.Equal(("¿Qué haces primero?", "como-se-hace"), (question.Text, question.Section));
        Assert.Equal([true, false], question.Options.Select(o => o.Correct));
    }

    // Line 8 is the question's own line ("- question:"), line 14 the second option's.
    [Theory]
    [InlineData("correct: true\n        explanation: \"Bien.\"", "correct: false\n        explanation: \"Bien.\"", 8, "has no option marked 'correct: true'")]
    [InlineData("section: \"como-se-hace\"", "section: \"no-existe\"", 8, "'section' 'no-existe' is not a heading of this lesson")]
    [InlineData("explanation: \"Todavía no.\"", "explanation: \"\"", 14, "option 2: 'explanation' is required")]
    [InlineData("      - text: \"Responder\"\n        correct: false\n        explanation: \"Todavía no.\"\n", "", 8, "must have between 2 and 6 options")]
    [InlineData("correct: false", "correct: maybe", 15, "invalid front matter: this value must be true or false")]
    public void A_broken_check_is_reported_at_its_own_line(string replace, string with, int line, string problem)
    {
        var text = CheckedPillar.Replace("\r\n", "\n");
        Assert.Contains(replace, text);
        var (pillar, errors) = Parse(text.Replace(replace, with));
        Assert.Null(pillar);
        Assert.Contains(errors, e => e.Problem.Contains(problem) && e.Line == line);
    }

    [Fact]
    public void A_problem_in_the_second_question_is_reported_at_the_second_question()
    {
        var text = CheckedPillar.Replace("\r\n", "\n");
        var second = """
              - question: "¿Y después?"
                options:
                  - text: "Nada"
                    correct: false
                    explanation: "No."
                  - text: "Tampoco"
                    correct: false
                    explanation: "No."

            """;
        var (pillar, errors) = Parse(text.Replace("---\n## Cómo se hace", second + "---\n## Cómo se hace"));
        Assert.Null(pillar);
        var error = Assert.Single(errors);
        Assert.Equal(17, error.Line);
        Assert.Contains("check question 2 has no option marked 'correct: true'", error.Problem);
    }

    [Fact]
    public void A_field_given_twice_is_refused_at_the_second_one()
    {
        var (pillar, errors) = Parse(GoodPillar.Replace("summary: \"Resumen\"", "summary: \"Resumen\"\ntitle: \"Otro\""));
        Assert.Null(pillar);
        var error = Assert.Single(errors);
        Assert.Equal(6, error.Line);
        Assert.Contains("the field 'title' appears twice", error.Problem);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_refused_at_the_line_of_the_bad_byte()
    {
        var root = Repo.CopyContent();
        var path = Path.Combine(root, "es/pillars/02-tell-the-truth.md");
        var lines = File.ReadAllText(path).Split('\n');
        // "Dígale" saved as Windows-1252: the í is the single byte 0xED, which UTF-8 never has alone.
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines[..3]) + "\n").Concat(new byte[] { (byte)'D', 0xED, (byte)'g' })
            .Concat(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines[3..]))).ToArray();
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<ContentInvalidException>(() => ContentLoader.Load(root, "es"));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(("es/pillars/02-tell-the-truth.md", 4), (error.File, error.Line));
        Assert.Contains("not valid UTF-8 (byte 0xED)", error.Problem);
    }

    [Fact]
    public void An_oversized_file_is_refused_without_being_parsed()
    {
        var root = Repo.CopyContent();
        var path = Path.Combine(root, "es/pillars/02-tell-the-truth.md");
        File.AppendAllText(path, "\n" + new string('a', (int)ContentLoader.MaxFileBytes));
        var ex = Assert.Throws<ContentInvalidException>(() => ContentLoader.Load(root, "es"));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(("es/pillars/02-tell-the-truth.md", 1), (error.File, error.Line));
        Assert.Matches(@"the file is 10\d\d KB; at most 1024 KB is allowed", error.Problem);
    }

    [Fact]
    public void Languages_must_agree_on_the_shape_of_a_check()
    {
        var root = Repo.CopyContent();
        var path = Path.Combine(root, "en/pillars/01-listen.md");
        var text = File.ReadAllText(path);
        // One more right answer in the English version only: still a valid check, but no longer the same one.
        var first = text.IndexOf("correct: false", StringComparison.Ordinal);
        File.WriteAllText(path, text[..first] + "correct: true" + text[(first + "correct: false".Length)..]);
        var ex = Assert.Throws<ContentInvalidException>(() => ContentLoader.Load(root, "es"));
        Assert.Contains(ex.Errors, e => e.File == "en/pillars/01-listen.md" && e.Problem.Contains("knowledge check differs in shape"));
    }

    [Fact]
    public void A_title_over_the_limit_is_refused()
    {
        var (_, errors) = Parse(GoodPillar.Replace("\"Escucha\"", "\"" + new string('x', 201) + "\""));
        Assert.Contains(errors, e => e.Problem.Contains("'title' is 201 characters long"));
    }

    [Fact]
    public void Every_problem_in_a_folder_is_reported_at_once_naming_each_file()
    {
        var root = Repo.CopyContent();
        File.WriteAllText(Path.Combine(root, "es/pillars/02-tell-the-truth.md"), "no front matter");
        File.Delete(Path.Combine(root, "en/promise.md"));
        var ex = Assert.Throws<ContentInvalidException>(() => ContentLoader.Load(root, "es"));
        Assert.Contains(ex.Errors, e => e.File == "es/pillars/02-tell-the-truth.md" && e.Line == 1);
        Assert.Contains(ex.Errors, e => e.File == "en/promise.md" && e.Problem.Contains("missing"));
        Assert.Contains("es/pillars/02-tell-the-truth.md:1:", ex.Message);
    }

    [Fact]
    public void Duplicate_keys_and_orders_are_refused()
    {
        var root = Repo.CopyContent();
        var first = File.ReadAllText(Path.Combine(root, "es/pillars/01-listen.md"));
        File.WriteAllText(Path.Combine(root, "es/pillars/09-copy.md"), first);
        var ex = Assert.Throws<ContentInvalidException>(() => ContentLoader.Load(root, "es"));
        Assert.Contains(ex.Errors, e => e.File == "es/pillars/09-copy.md" && e.Problem.Contains("key 'listen' is also used"));
        Assert.Contains(ex.Errors, e => e.File == "es/pillars/09-copy.md" && e.Problem.Contains("order 1 is also used"));
    }

    [Fact]
    public void A_translation_with_a_different_order_or_an_unknown_key_is_refused()
    {
        var root = Repo.CopyContent();
        var file = Path.Combine(root, "en/pillars/02-tell-the-truth.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("order: 2", "order: 7"));
        var other = Path.Combine(root, "en/pillars/03-own-it.md");
        File.WriteAllText(other, File.ReadAllText(other).Replace("key: own-it", "key: own-it-now"));
        var ex = Assert.Throws<ContentInvalidException>(() => ContentLoader.Load(root, "es"));
        Assert.Contains(ex.Errors, e => e.File == "en/pillars/02-tell-the-truth.md" && e.Problem.Contains("order 7 differs"));
        Assert.Contains(ex.Errors, e => e.File == "en/pillars/03-own-it.md" && e.Problem.Contains("does not exist in the default language"));
    }

    [Fact]
    public void A_missing_default_language_or_an_unknown_language_folder_is_refused()
    {
        var root = Repo.CopyContent();
        Directory.Move(Path.Combine(root, "es"), Path.Combine(root, "fr"));
        var ex = Assert.Throws<ContentInvalidException>(() => ContentLoader.Load(root, "es"));
        Assert.Contains(ex.Errors, e => e.File == "fr" && e.Problem.Contains("unknown language folder"));
        Assert.Contains(ex.Errors, e => e.Problem.Contains("default language folder 'es' is missing"));
    }

    [Fact]
    public void A_missing_content_folder_is_named()
    {
        var ex = Assert.Throws<ContentInvalidException>(() => ContentLoader.Load("/nonexistent/content", "es"));
        Assert.Contains("does not exist", ex.Message);
    }

    [Fact]
    public void The_hash_ignores_line_endings_but_not_wording()
    {
        var root = Repo.CopyContent();
        var original = ContentHash.Of(ContentLoader.Load(root, "es"));
        var file = Path.Combine(root, "es/pillars/01-listen.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\n", "\r\n"));
        Assert.Equal(original, ContentHash.Of(ContentLoader.Load(root, "es")));
        File.AppendAllText(file, "\r\nUna frase más.\r\n");
        Assert.NotEqual(original, ContentHash.Of(ContentLoader.Load(root, "es")));
    }
}
