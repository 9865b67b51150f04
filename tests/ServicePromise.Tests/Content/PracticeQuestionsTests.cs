using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Tests.Content;

/// <summary>The 'practice' questions: a pillar's pool for the weekly review beyond its knowledge check.</summary>
public class PracticeQuestionsTests
{
    const string Pillar = """
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
        practice:
          - question: "En el almacén, ¿qué preguntas antes de buscar?"
            section: "como-se-hace"
            options:
              - text: "El número de pedido"
                correct: true
                explanation: "Así buscas lo que de verdad falta."
              - text: "Nada, busco directamente"
                correct: false
                explanation: "Pregunta antes: ahorras tiempo."
        ---
        ## Cómo se hace

        Cuerpo.
        """;

    static (PillarContent? Pillar, List<ContentError> Errors) Parse(string text)
    {
        var errors = new List<ContentError>();
        return (ContentLoader.ParsePillar("es/pillars/01-listen.md", text.Replace("\r\n", "\n"), errors), errors);
    }

    [Fact]
    public void Practice_questions_parse_apart_from_the_check_and_the_pool_lists_the_check_first()
    {
        var (pillar, errors) = Parse(Pillar);
        Assert.Empty(errors);
        Assert.Single(pillar!.Check!.Questions);
        var practice = Assert.Single(pillar.Practice!.Questions);
        Assert.Equal(("En el almacén, ¿qué preguntas antes de buscar?", "como-se-hace"), (practice.Text, practice.Section));

        var text = new PublishedPillarText(new PillarText(), "", pillar.Check, pillar.Practice);
        Assert.Equal(["¿Qué haces primero?", "En el almacén, ¿qué preguntas antes de buscar?"], text.Pool.Select(q => q.Text));
        Assert.Equal(["¿Qué haces primero?"], new PublishedPillarText(new PillarText(), "", pillar.Check).Pool.Select(q => q.Text));
    }

    // Line 18 is the practice question's own line, line 24 its second option's.
    [Theory]
    [InlineData("    section: \"como-se-hace\"\n    options:\n      - text: \"El número", "    options:\n      - text: \"El número", 18, "practice question 1: 'section' is missing")]
    [InlineData("explanation: \"Pregunta antes: ahorras tiempo.\"", "explanation: \"\"", 24, "practice question 1, option 2: 'explanation' is required")]
    [InlineData("correct: true\n        explanation: \"Así", "correct: false\n        explanation: \"Así", 18, "practice question 1 has no option marked 'correct: true'")]
    public void A_broken_practice_question_is_reported_at_its_own_line(string replace, string with, int line, string problem)
    {
        var text = Pillar.Replace("\r\n", "\n");
        Assert.Contains(replace, text);
        var (pillar, errors) = Parse(text.Replace(replace, with));
        Assert.Null(pillar);
        var error = Assert.Single(errors);
        Assert.Contains(problem, error.Problem);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void A_practice_question_that_repeats_a_check_question_is_refused_at_its_line()
    {
        var text = Pillar.Replace("\r\n", "\n").Replace("\"En el almacén, ¿qué preguntas antes de buscar?\"", "\"¿Qué haces  PRIMERO? \"");
        var (pillar, errors) = Parse(text);
        Assert.Null(pillar);
        var error = Assert.Single(errors);
        Assert.Contains("practice question 1: repeats question 1 of the check", error.Problem);
        Assert.Equal(18, error.Line);
    }

    [Fact]
    public void An_empty_practice_list_is_refused()
    {
        var text = Pillar.Replace("\r\n", "\n");
        var start = text.IndexOf("practice:", StringComparison.Ordinal);
        var (pillar, errors) = Parse(text[..start] + "practice: []\n---\n## Cómo se hace\n\nCuerpo.\n");
        Assert.Null(pillar);
        Assert.Contains(errors, e => e.Problem.Contains("'practice' must have between 1 and 30 questions; it has 0") && e.Line == 17);
    }

    [Fact]
    public void Languages_must_agree_on_the_shape_of_the_practice_questions()
    {
        var root = Repo.CopyContent();
        AddPractice(root, "es/pillars/01-listen.md", "Pregunta de repaso", correctFirst: true);
        AddPractice(root, "en/pillars/01-listen.md", "Practice question", correctFirst: false);
        var ex = Assert.Throws<ContentInvalidException>(() => ContentLoader.Load(root, "es"));
        Assert.Contains(ex.Errors, e => e.File == "en/pillars/01-listen.md" && e.Problem.Contains("practice questions"));
    }

    [Fact]
    public async Task New_practice_questions_are_a_new_edition_that_nobody_has_to_redo()
    {
        using var temp = new TempDatabase();
        var root = Repo.CopyContent();
        await using (var db = temp.CreateContext()) await db.MigrateAsync();
        async Task<Edition> PublishAsync()
        {
            await using var db = temp.CreateContext();
            return (await new EditionPublisher(db, TimeProvider.System, NullLogger<EditionPublisher>.Instance)
                .PublishAsync(ContentLoader.Load(root, "es"), "nota")).Edition;
        }
        var first = await PublishAsync();
        string? before;
        await using (var db = temp.CreateContext())
            before = (await db.Pillars.Include(p => p.Texts).SingleAsync(p => p.EditionId == first.Id && p.Key == "listen")).Texts.Single(t => t.Language == "es").PracticeJson;

        const string Added = "¿Qué haces cuando no entiendes al cliente a la primera?";
        var practice = KnowledgeCheck.FromJson(before);
        AddPractice(root, "es/pillars/01-listen.md", Added, correctFirst: true);
        AddPractice(root, "en/pillars/01-listen.md", "What do you do when you do not understand at first?", correctFirst: true);
        var second = await PublishAsync();

        Assert.Equal(first.Number + 1, second.Number);
        await using var check = temp.CreateContext();
        var listenNow = await check.Pillars.Include(p => p.Texts).SingleAsync(p => p.EditionId == second.Id && p.Key == "listen");
        Assert.Equal(ChangeKind.Unchanged, listenNow.ChangeKind);
        var stored = KnowledgeCheck.FromJson(listenNow.Texts.Single(t => t.Language == "es").PracticeJson)!;
        Assert.Equal(Added, stored.Questions[^1].Text);
        Assert.Equal((practice?.Questions.Count ?? 0) + 1, stored.Questions.Count);
        Assert.NotEqual(first.ContentHash, second.ContentHash);
    }

    [Fact]
    public void The_shipped_content_gives_every_pillar_at_least_eight_questions_in_both_languages()
    {
        var content = ContentLoader.Load(Repo.Content, "es");
        Assert.Equal(["en", "es"], content.Languages.Select(l => l.Language).Order());
        foreach (var language in content.Languages)
            foreach (var pillar in language.Pillars)
            {
                var pool = new PublishedPillarText(new PillarText(), "", pillar.Check, pillar.Practice).Pool;
                Assert.True(pool.Count >= 8, $"{pillar.SourceFile}: {pool.Count} questions in the pool, at least 8 wanted");
                var headings = new MarkdownRenderer().HeadingIds(pillar.Body);
                Assert.All(pillar.Practice!.Questions, q => Assert.Contains(q.Section!, headings));
            }
    }

    /// <summary>Appends one practice question (pointing at the lesson's first heading) to a pillar file, starting the list when it has none.</summary>
    static void AddPractice(string root, string file, string question, bool correctFirst)
    {
        var path = Path.Combine(root, file);
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        var heading = new MarkdownRenderer().HeadingIds(text[(end + 5)..]).First();
        var item = $"""
              - question: "{question}"
                section: "{heading}"
                options:
                  - text: "A"
                    correct: {(correctFirst ? "true" : "false")}
                    explanation: "A."
                  - text: "B"
                    correct: {(correctFirst ? "false" : "true")}
                    explanation: "B."
            """;
        var hasList = text[..end].Contains("\npractice:", StringComparison.Ordinal);
        var insert = (hasList ? "" : "\npractice:") + "\n" + item.TrimEnd('\n');
        File.WriteAllText(path, text[..end] + insert + text[end..]);
    }
}
