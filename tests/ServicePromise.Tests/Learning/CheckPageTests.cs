using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Learning;

/// <summary>The knowledge check on a lesson page: no answers leak, wrong answers teach, every attempt is kept.</summary>
public class CheckPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly ServicePromise.Web.Content.PillarContent Listen =
        ServicePromise.Web.Content.ContentLoader.Load(Repo.Content, "es").Default.Pillars.Single(p => p.Key == "listen");

    async Task<(HttpClient Client, AngleSharp.Html.Dom.IHtmlDocument Page)> OpenCheckAsync(string email)
    {
        var client = app.Browser();
        await client.SignedInAsync(email);
        var lesson = await client.GetPageAsync("/pillars/listen");
        await client.SubmitAsync(lesson, "form[action*='handler=Read']", new Dictionary<string, string>());
        return (client, await client.GetPageAsync("/pillars/listen"));
    }

    [Fact]
    public async Task The_page_never_carries_the_answers_before_submission()
    {
        var (_, page) = await OpenCheckAsync("alberto.garrido@demo.mercadosolivo.es");
        var html = page.DocumentElement.OuterHtml;
        Assert.Contains($"Para seguir, acierta {Listen.Check!.Questions.Count} de {Listen.Check.Questions.Count}.", page.Text());
        Assert.Equal(Listen.Check!.Questions.Count, page.QuerySelectorAll("fieldset.question").Length);
        foreach (var option in Listen.Check.Questions.SelectMany(q => q.Options))
        {
            Assert.Contains(option.Text, page.Text());
            Assert.DoesNotContain(option.Explanation[..Math.Min(40, option.Explanation.Length)], page.Text());
            Assert.DoesNotContain(option.Explanation[..Math.Min(40, option.Explanation.Length)], html);
        }
        // Nothing in the markup marks the right options: same attributes on every option of a question.
        foreach (var fieldset in page.QuerySelectorAll("fieldset.question"))
        {
            var shapes = fieldset.QuerySelectorAll("input").Select(i => string.Join(";", i.Attributes.Where(a => a.Name is not ("id" or "value")).Select(a => a.Name + "=" + a.Value))).Distinct();
            Assert.Single(shapes);
        }
        Assert.Null(page.QuerySelector(ReflectionPage.Form));
    }

    [Fact]
    public async Task A_wrong_answer_explains_points_back_to_the_lesson_and_allows_a_retry()
    {
        var (client, page) = await OpenCheckAsync("patricia.flores@demo.mercadosolivo.es");
        var wrong = await UserStories.AnswerCheckAsync(client, page, "listen", right: false);
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);

        var result = await client.GetPageAsync("/pillars/listen");
        var text = result.Text();
        // The pass rule in plain numbers, and each question with the answer chosen right next to its explanation.
        var questions = Listen.Check!.Questions.Count;
        Assert.Contains($"Has acertado 0 de {questions} preguntas; para seguir tienes que acertar {questions} de {questions}.", text);
        var marked = result.QuerySelectorAll("ol.check-results > li");
        Assert.Equal(questions, marked.Length);
        for (var q = 0; q < questions; q++)
        {
            var wrongOption = Listen.Check.Questions[q].Options.First(o => !o.Correct);
            Assert.Contains(Listen.Check.Questions[q].Text, marked[q].TextContent);
            var chosen = marked[q].QuerySelector(".chosen")!;
            Assert.Equal("Tu respuesta: " + wrongOption.Text, System.Text.RegularExpressions.Regex.Replace(chosen.QuerySelector("p")!.TextContent, @"\s+", " ").Trim());
            Assert.Equal(wrongOption.Explanation, chosen.QuerySelector(".explanation")!.TextContent.Trim());
        }
        Assert.NotNull(result.QuerySelector($"a[href='#{Listen.Check.Questions[0].Section}']"));
        Assert.NotNull(result.QuerySelector($"[id='{Listen.Check.Questions[0].Section}']"));
        Assert.Null(result.QuerySelector(ReflectionPage.Form));

        // Sending a reflection now is refused: the check comes first.
        var token = result.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var early = await client.PostAsync(ReflectionPage.SendAction("/pillars/listen"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Meaning"] = new string('a', 100),
        }));
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Equal("/pillars/listen#check", early.Headers.Location!.OriginalString);
        Assert.Equal(0, await app.WithDbAsync(db => db.Reflections.CountAsync(r => r.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0301")));

        var retry = await client.SubmitAsync(result, "form[action*='handler=Retry']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var second = await client.GetPageAsync("/pillars/listen");
        var passed = await UserStories.AnswerCheckAsync(client, second, "listen");
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        Assert.NotNull((await client.GetPageAsync("/pillars/listen")).QuerySelector(ReflectionPage.Form));

        var attempts = await app.WithDbAsync(db => db.CheckAttempts
            .Where(a => a.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0301")
            .OrderBy(a => a.Number).Select(a => new { a.Number, a.Score, a.Passed, a.Answers, a.SubmittedAt }).ToListAsync());
        Assert.Equal([(1, 0, false), (2, 100, true)], attempts.Select(a => (a.Number, a.Score ?? -1, a.Passed)));
        Assert.All(attempts, a => Assert.NotNull(a.Answers));
        Assert.All(attempts, a => Assert.NotNull(a.SubmittedAt));

        // HR sees every attempt on the person's page.
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var id = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0301").Select(e => e.Id).SingleAsync());
        var person = await hr.GetPageAsync($"/hr/people/{id}");
        var rows = person.QuerySelectorAll("table")[^1].QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("100 %") && r.Contains("Superado"));
        Assert.Contains(rows, r => r.Contains("0 %") && r.Contains("No superado"));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/hr/people/999999")).StatusCode);
    }

    [Fact]
    public async Task Unanswered_questions_are_asked_for_and_nothing_is_marked()
    {
        var (client, page) = await OpenCheckAsync("irene.bravo@demo.mercadosolivo.es");
        var token = page.QuerySelector("form[action*='handler=Check'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync("/pillars/listen?handler=Check", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["q0"] = "1",
            ["q1"] = "99",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Responde a todas las preguntas", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.CheckAttempts.CountAsync(a => a.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0303" && a.SubmittedAt != null)));
    }

    [Fact]
    public async Task Two_simultaneous_submissions_keep_the_first_and_the_record_agrees_with_the_pillar()
    {
        var (client, page) = await OpenCheckAsync("jorge.pena@demo.mercadosolivo.es");
        var responses = await Task.WhenAll(
            UserStories.AnswerCheckAsync(client, page, "listen", right: true),
            UserStories.AnswerCheckAsync(client, page, "listen", right: false));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var (attempts, passed, checkPassed) = await app.WithDbAsync(async db =>
        {
            var all = await db.CheckAttempts.Where(a => a.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0404").ToListAsync();
            var pillar = await db.AssignmentPillars.SingleAsync(p => p.Assignment!.Employee!.EmployeeNumber == "MO-0404" && p.Pillar!.Key == "listen");
            return (all.Count, all.Single().Passed, pillar.CheckPassedAt is not null);
        });
        Assert.Equal(1, attempts);
        Assert.Equal(passed, checkPassed);
    }

    [Fact]
    public async Task Sending_the_same_answers_twice_marks_them_once()
    {
        var (client, page) = await OpenCheckAsync("sara.cortes@demo.mercadosolivo.es");
        await UserStories.AnswerCheckAsync(client, page, "listen", right: false);
        var again = await UserStories.AnswerCheckAsync(client, page, "listen", right: false);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.CheckAttempts.CountAsync(a => a.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0205")));
    }
}
