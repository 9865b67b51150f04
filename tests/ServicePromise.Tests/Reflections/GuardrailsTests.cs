using ServicePromise.Web.Reflections;

namespace ServicePromise.Tests.Reflections;

public class GuardrailsTests
{
    static readonly ReflectionOptions Options = new();
    const string Lesson = """
        Escuchar antes de responder es dejar que la otra persona termine, preguntar lo que no entiendes y repetir
        con tus palabras lo que necesita antes de proponer nada. Casi siempre ahorra tiempo a los dos.
        """;
    static readonly Dictionary<ReflectionPart, string> Prompts = new()
    {
        [ReflectionPart.Meaning] = "¿En qué momento de tu jornada te cuesta más escuchar antes de responder?",
        [ReflectionPart.Customers] = "¿Quiénes son tus clientes cuando escuchas, de fuera o de dentro de la empresa?",
        [ReflectionPart.Action] = "¿Qué vas a hacer distinto para escuchar antes de responder, y desde cuándo?",
    };
    static readonly ReflectionText Good = new(
        "En la caja, con cola, tiendo a contestar antes de que la clienta acabe; para mí escuchar es parar un segundo y mirarla.",
        "Quienes pagan en mi caja y las compañeras de reposición que me piden cambio.",
        "Desde el lunes, repetir en voz alta lo que me piden antes de cobrar un producto dudoso.");

    static IReadOnlyList<PartProblem> Submit(ReflectionText text, params (string Title, ReflectionText Text)[] own) =>
        Guardrails.ForSubmit(text, Options.BoundsOf, new GuardrailContext(Prompts, Lesson, own));

    static string English(PartProblem p) => p.Message.ToString();

    [Fact]
    public void A_reflection_in_the_persons_own_words_passes()
    {
        Assert.Empty(Submit(Good));
    }

    [Fact]
    public void Each_part_has_its_own_length_bounds()
    {
        var problems = Submit(Good with { Customers = "Mis clientes.", Action = new string('x', Options.ActionMaxLength + 1) });
        Assert.Equal([ReflectionPart.Customers, ReflectionPart.Action], problems.Select(p => p.Part));
        Assert.Contains("write at least 25", English(problems[0]));
        Assert.Contains("the maximum is 600", English(problems[1]));
    }

    [Fact]
    public void An_empty_part_is_named()
    {
        var problem = Assert.Single(Submit(Good with { Action = "" }));
        Assert.Equal(ReflectionPart.Action, problem.Part);
        Assert.Contains("needed to send", English(problem));
    }

    [Fact]
    public void A_part_that_repeats_the_prompt_is_refused()
    {
        var problem = Assert.Single(Submit(Good with { Action = "¿Qué vas a hacer distinto para escuchar antes de responder, y desde cuándo?" }));
        Assert.Equal(ReflectionPart.Action, problem.Part);
        Assert.Contains("repeats the question", English(problem));
    }

    [Fact]
    public void A_part_copied_from_the_lesson_is_refused_even_with_other_case_and_accents()
    {
        var copied = "ESCUCHAR antes de responder es dejar que la otra persona termine, preguntar lo que no entiendes y repetir con tus palabras.";
        var problem = Assert.Single(Submit(Good with { Meaning = copied }));
        Assert.Equal(ReflectionPart.Meaning, problem.Part);
        Assert.Contains("repeats the lesson", English(problem));
    }

    [Fact]
    public void Quoting_a_few_words_of_the_lesson_in_ones_own_sentence_is_fine()
    {
        var own = "Cuando un cliente del mostrador se queja del pedido, voy a preguntar lo que no entiendo antes de buscar al encargado de turno.";
        Assert.Empty(Submit(Good with { Meaning = own }));
    }

    [Fact]
    public void The_same_text_as_for_another_pillar_is_refused_with_that_pillars_name()
    {
        var other = new ReflectionText("Otro texto distinto sobre decir la verdad a los clientes de la caja cuando falta algo.",
            Good.Customers, "Avisar a la encargada cuando un producto vaya a faltar, desde esta semana.");
        var problem = Assert.Single(Submit(Good, ("Habla claro", other)));
        Assert.Equal(ReflectionPart.Customers, problem.Part);
        Assert.Contains("“Habla claro”", English(problem));
    }

    [Fact]
    public void Drafts_are_only_held_to_the_maximum()
    {
        Assert.Empty(Guardrails.ForDraft(new ReflectionText("Idea", "", ""), Options.BoundsOf));
        var problem = Assert.Single(Guardrails.ForDraft(new ReflectionText(new string('a', Options.MeaningMaxLength + 1), "", ""), Options.BoundsOf));
        Assert.Equal(ReflectionPart.Meaning, problem.Part);
    }

    [Fact]
    public void A_direction_override_is_refused_in_drafts_and_sends_but_line_breaks_are_kept()
    {
        var reversed = Good with { Customers = "Quienes pagan en mi caja y \u202Eseñerpmoc sal\u202C de reposición que me piden cambio." };
        Assert.Equal(ReflectionPart.Customers, Assert.Single(Guardrails.ForDraft(reversed, Options.BoundsOf)).Part);
        var problem = Assert.Single(Submit(reversed));
        Assert.Equal(ReflectionPart.Customers, problem.Part);
        Assert.Contains("change the text direction", English(problem));

        var twoLines = Good with { Action = "Desde el lunes:\r\nrepetir en voz alta lo que me piden antes de cobrar un producto dudoso." };
        Assert.Empty(Submit(twoLines));
    }
}

public class ShinglesTests
{
    [Fact]
    public void Case_accents_and_punctuation_do_not_count()
    {
        Assert.Equal(["escucho al cliente"], Shingles.Of("¡Escucho, al CLIENTE!"));
        Assert.Equal(1.0, Shingles.Similarity(Shingles.Of("Escucho al cliente antes de cobrar."), Shingles.Of("escucho al cliente antes de cobrar")));
    }

    [Fact]
    public void Similarity_goes_from_nothing_in_common_to_the_same_words()
    {
        var a = Shingles.Of("miro a la clienta y dejo que termine de hablar antes de contestar");
        var b = Shingles.Of("reviso los pedidos del almacén cada mañana con el equipo de reparto");
        var nearly = Shingles.Of("miro a la clienta y dejo que termine de hablar antes de responder");
        Assert.Equal(0, Shingles.Similarity(a, b));
        Assert.InRange(Shingles.Similarity(a, nearly), 0.8, 0.99);
        Assert.Equal(0, Shingles.Similarity(a, new HashSet<string>()));
    }

    [Fact]
    public void Copied_share_counts_the_parts_runs_found_in_the_source()
    {
        var source = Shingles.Of("uno dos tres cuatro cinco");
        Assert.Equal(1.0, Shingles.CopiedFrom(Shingles.Of("dos tres cuatro"), source));
        Assert.Equal(0.5, Shingles.CopiedFrom(Shingles.Of("tres cuatro cinco seis"), source));
    }
}
