using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Tests.Content;

public class StandardTests
{
    const string Head = """
        ---
        key: listen
        order: 1
        title: "Escucha"
        summary: "Resumen"
        reflection_prompt: "¿Cómo lo aplicas?"
        standards:
          - key: escucha-sin-interrumpir
            wording: "El cliente termina de explicarse"
            measured: "Cliente misterioso"
            threshold: 72.5
        """;

    const string Tail = """

        ---
        ## Texto

        Cuerpo.
        """;

    static (PillarContent? Pillar, List<ContentError> Errors) Parse(string standards)
    {
        var errors = new List<ContentError>();
        return (ContentLoader.ParsePillar("es/pillars/01-listen.md", Head + standards + Tail, errors), errors);
    }

    static void Edit(string root, string file, string from, string to)
    {
        var path = Path.Combine(root, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    [Fact]
    public void The_shipped_content_declares_standards_for_every_pillar_in_both_languages()
    {
        var content = ContentLoader.Load(Repo.Content, "es");
        Assert.All(content.Languages.SelectMany(l => l.Pillars), p => Assert.InRange(p.StandardsOrEmpty.Count, 1, 2));
        var listen = content.Default.Pillars.Single(p => p.Key == "listen");
        Assert.Equal(("escucha-sin-interrumpir", 80m), (listen.StandardsOrEmpty[0].Key, listen.StandardsOrEmpty[0].Threshold));
    }

    [Fact]
    public void A_standard_parses_with_a_decimal_threshold_and_its_line()
    {
        var (pillar, errors) = Parse("");
        Assert.Empty(errors);
        var standard = Assert.Single(pillar!.StandardsOrEmpty);
        Assert.Equal(("escucha-sin-interrumpir", "El cliente termina de explicarse", "Cliente misterioso", 72.5m, 8),
            (standard.Key, standard.Wording, standard.Measured, standard.Threshold, standard.Line));
    }

    [Theory]
    [InlineData("  - wording: \"W\"\n    measured: \"M\"\n    threshold: 80", "standard 2: 'key' is required")]
    [InlineData("  - key: Saludo Rapido\n    wording: \"W\"\n    measured: \"M\"\n    threshold: 80", "standard 2: the key 'Saludo Rapido'")]
    [InlineData("  - key: saludo\n    measured: \"M\"\n    threshold: 80", "standard 2: 'wording' is required")]
    [InlineData("  - key: saludo\n    wording: \"W\"\n    threshold: 80", "standard 2: 'measured' is required")]
    [InlineData("  - key: saludo\n    wording: \"W\"\n    measured: \"M\"", "standard 2: 'threshold' must be a number from 0 to 100")]
    [InlineData("  - key: saludo\n    wording: \"W\"\n    measured: \"M\"\n    threshold: ochenta", "not 'ochenta'")]
    [InlineData("  - key: saludo\n    wording: \"W\"\n    measured: \"M\"\n    threshold: 100.5", "not '100.5'")]
    [InlineData("  - key: saludo\n    wording: \"W\"\n    measured: \"M\"\n    threshold: -1", "not '-1'")]
    [InlineData("  - key: saludo\n    wording: \"W\"\n    measured: \"M\"\n    threshold: 80.125", "not '80.125'")]
    public void A_broken_standard_is_reported_on_its_own_line(string second, string problem)
    {
        var (pillar, errors) = Parse("\n" + second);
        Assert.Null(pillar);
        var error = Assert.Single(errors);
        Assert.Equal(12, error.Line);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void Wording_and_measured_are_limited_to_300_characters()
    {
        var (ok, none) = Parse($"\n  - key: saludo\n    wording: \"{new string('a', 300)}\"\n    measured: \"M\"\n    threshold: 80");
        Assert.Empty(none);
        Assert.NotNull(ok);
        var (pillar, errors) = Parse($"\n  - key: saludo\n    wording: \"W\"\n    measured: \"{new string('a', 301)}\"\n    threshold: 80");
        Assert.Null(pillar);
        Assert.Contains("'measured' is 301 characters long", Assert.Single(errors).Problem);
    }

    [Fact]
    public void A_threshold_may_use_a_decimal_comma()
    {
        var (pillar, errors) = Parse("\n  - key: saludo\n    wording: \"W\"\n    measured: \"M\"\n    threshold: \"62,5\"");
        Assert.Empty(errors);
        Assert.Equal(62.5m, pillar!.StandardsOrEmpty[1].Threshold);
    }

    [Fact]
    public void An_empty_standards_list_is_refused()
    {
        var errors = new List<ContentError>();
        var text = Head[..Head.IndexOf("standards:", StringComparison.Ordinal)] + "standards: []" + Tail;
        Assert.Null(ContentLoader.ParsePillar("es/pillars/01-listen.md", text, errors));
        Assert.Contains("'standards' must have between 1 and 6", Assert.Single(errors).Problem);
    }

    [Fact]
    public void Standard_keys_are_unique_across_pillars_and_never_a_pillar_key()
    {
        var root = Repo.CopyContent();
        Edit(root, "es/pillars/02-tell-the-truth.md", "key: informacion-clara", "key: escucha-sin-interrumpir");
        Edit(root, "es/pillars/03-own-it.md", "key: un-solo-interlocutor", "key: listen");
        var ex = Assert.Throws<ContentInvalidException>(() => ContentLoader.Load(root, "es"));
        Assert.Contains(ex.Errors, e => e.File == "es/pillars/02-tell-the-truth.md" && e.Problem.Contains("also declared by es/pillars/01-listen.md"));
        Assert.Contains(ex.Errors, e => e.File == "es/pillars/03-own-it.md" && e.Problem.Contains("has a pillar's key"));
    }

    [Fact]
    public void Every_language_declares_the_same_standards_with_the_same_thresholds()
    {
        var root = Repo.CopyContent();
        Edit(root, "en/pillars/01-listen.md", "threshold: 80", "threshold: 70");
        Edit(root, "en/pillars/02-tell-the-truth.md", "key: informacion-clara", "key: clear-information");
        var ex = Assert.Throws<ContentInvalidException>(() => ContentLoader.Load(root, "es"));
        Assert.Contains(ex.Errors, e => e.File == "en/pillars/01-listen.md" && e.Problem.Contains("threshold 70") && e.Problem.Contains("es/pillars/01-listen.md"));
        Assert.Contains(ex.Errors, e => e.File == "en/pillars/02-tell-the-truth.md" && e.Problem.Contains("'clear-information' does not exist in es/pillars/02-tell-the-truth.md"));
        Assert.Contains(ex.Errors, e => e.File == "en/pillars/02-tell-the-truth.md" && e.Problem.Contains("informacion-clara"));
    }

    [Fact]
    public async Task Standards_are_published_per_language_and_a_threshold_change_is_a_new_edition_nobody_redoes()
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
        var hash = ContentHash.Of(ContentLoader.Load(root, "es"));
        foreach (var lang in new[] { "es", "en" })
            Edit(root, lang + "/pillars/01-listen.md", "threshold: 80", "threshold: 85.5");
        Assert.NotEqual(hash, ContentHash.Of(ContentLoader.Load(root, "es")));
        var second = await PublishAsync();
        Assert.Equal(2, second.Number);

        await using var check = temp.CreateContext();
        var listen = await check.Pillars.AsNoTracking().Include(p => p.Standards).ThenInclude(s => s.Texts)
            .Where(p => p.Key == "listen").OrderBy(p => p.EditionId).ToListAsync();
        Assert.Equal([8000, 8550], listen.Select(p => p.Standards.Single(s => s.Key == "escucha-sin-interrumpir").ThresholdHundredths));
        Assert.Equal(ChangeKind.Unchanged, listen[1].ChangeKind);
        var standard = listen[1].Standards.Single(s => s.Key == "escucha-sin-interrumpir");
        Assert.Equal(1, standard.Order);
        Assert.Equal(["en", "es"], standard.Texts.Select(t => t.Language).Order());
        Assert.Contains("terminar de explicarse", standard.Texts.Single(t => t.Language == "es").Wording);
        Assert.Equal(first.Id, listen[0].EditionId);
    }
}
