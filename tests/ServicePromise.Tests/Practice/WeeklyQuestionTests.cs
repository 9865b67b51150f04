using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Content;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Practice;

namespace ServicePromise.Tests.Practice;

/// <summary>The weekly question from the job to the home card: who gets one, marking, refusals, the schedule and a new edition.</summary>
public class WeeklyQuestionTests
{
    const string Manuel = "MO-0102"; // certified in the demo
    const string Lucia = "MO-0101";  // still on her way

    static async Task<int> MakeAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WeeklyQuestions>().MakeAsync();
    }

    static Task<List<PracticeAnswer>> QuestionsOfAsync(AppFactory app, string number) => app.WithDbAsync(db =>
        db.PracticeAnswers.AsNoTracking().Where(a => db.Employees.Any(e => e.Id == a.EmployeeId && e.EmployeeNumber == number)).OrderBy(a => a.Id).ToListAsync());

    static Task<List<PracticeItem>> ItemsOfAsync(AppFactory app, string number) => app.WithDbAsync(db =>
        db.PracticeItems.AsNoTracking().Where(i => db.Employees.Any(e => e.Id == i.EmployeeId && e.EmployeeNumber == number)).OrderBy(i => i.Id).ToListAsync());

    /// <summary>The question with its answers, as the content has it (the test may know what the page must not say).</summary>
    static async Task<CheckQuestion> ContentOfAsync(AppFactory app, PracticeAnswer row)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ServicePromise.Web.Data.AppDbContext>();
        var hash = await db.Editions.Where(e => e.Id == row.EditionId).Select(e => e.ContentHash).SingleAsync();
        var edition = await scope.ServiceProvider.GetRequiredService<PublishedEditions>().GetAsync(db, row.EditionId, hash);
        return PracticePool.Find(edition, row.PillarKey, row.Question)!.Value.Question;
    }

    static int Wrong(CheckQuestion q) => q.Options.Select((o, i) => (o, i)).First(x => !x.o.Correct).i;
    static int Right(CheckQuestion q) => q.Options.Select((o, i) => (o, i)).First(x => x.o.Correct).i;

    /// <summary>Answers the card on the home with one option; the response of the post.</summary>
    static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, int option)
    {
        var home = await client.GetPageAsync("/");
        return await client.SubmitAsync(home, "#practice form", new Dictionary<string, string> { ["o"] = option.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>A week passes: everything dated moves a week back, as if the clock had moved a week on.</summary>
    static Task WeekPassesAsync(AppFactory app) => app.WithDbAsync(async db =>
    {
        await db.PracticeAnswers.ExecuteUpdateAsync(u => u.SetProperty(a => a.Week, a => a.Week.AddDays(-7)).SetProperty(a => a.AnsweredAt, a => a.AnsweredAt!.Value.AddDays(-7)));
        return await db.PracticeItems.ExecuteUpdateAsync(u => u.SetProperty(i => i.DueWeek, i => i.DueWeek.AddDays(-7)));
    });

    [Fact]
    public async Task Only_certified_people_get_a_question_and_running_again_in_the_week_makes_none()
    {
        using var app = new AppFactory();
        var made = await MakeAsync(app);
        var certified = await app.WithDbAsync(db => WeeklyQuestions.Certified(db, app.Services.GetRequiredService<ServicePromise.Web.Infrastructure.OrganisationClock>().Today).CountAsync());
        Assert.True(made > 0);
        Assert.Equal(certified, made);
        Assert.Single(await QuestionsOfAsync(app, Manuel));
        Assert.Empty(await QuestionsOfAsync(app, Lucia));

        Assert.Equal(0, await MakeAsync(app));
        Assert.Equal(made, await app.WithDbAsync(db => db.PracticeAnswers.CountAsync()));

        var manuel = app.Browser();
        await manuel.SignedInAsync(Pages.OtherEmployee);
        Assert.NotNull((await manuel.GetPageAsync("/")).QuerySelector("#practice form"));
        var lucia = app.Browser();
        await lucia.SignedInAsync(Pages.Employee);
        Assert.Null((await lucia.GetPageAsync("/")).QuerySelector("#practice"));
    }

    [Fact]
    public async Task The_card_sends_no_answers_before_marking_then_a_wrong_answer_shows_its_explanation_and_the_lesson_part_once()
    {
        using var app = new AppFactory();
        await MakeAsync(app);
        var row = Assert.Single(await QuestionsOfAsync(app, Manuel));
        var question = await ContentOfAsync(app, row);
        var client = app.Browser();
        await client.SignedInAsync(Pages.OtherEmployee);

        var before = await client.GetPageAsync("/");
        var card = before.QuerySelector("#practice")!.OuterHtml;
        Assert.Contains(question.Text, before.QuerySelector("#practice legend")!.TextContent);
        Assert.All(question.Options, o => Assert.DoesNotContain(o.Explanation, card));
        Assert.DoesNotContain("correct", card, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(question.Options.Count, before.QuerySelectorAll("#practice input[name=o]").Length);
        Assert.All(before.QuerySelectorAll("#practice input[name=o]"), i => Assert.NotNull(before.QuerySelector($"label[for='{i.Id}']")));

        var wrong = Wrong(question);
        var response = await client.SubmitAsync(before, "#practice form", new Dictionary<string, string> { ["o"] = wrong.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/#practice", response.Headers.Location?.OriginalString);
        var after = await client.GetPageAsync("/");
        var marked = after.QuerySelector("#practice")!;
        Assert.Contains("Incorrecta", marked.TextContent);
        Assert.Contains(question.Options[wrong].Explanation, marked.TextContent);
        // Just after the answer the result takes the focus (a screen reader reads it); a later visit starts at the top.
        Assert.NotNull(marked.QuerySelector("#practice-result[data-focus-on-load=true]"));
        var later = (await client.GetPageAsync("/")).QuerySelector("#practice-result")!;
        Assert.Contains("Incorrecta", later.TextContent);
        Assert.Equal("false", later.GetAttribute("data-focus-on-load"));
        var link = marked.QuerySelector("#practice-lesson")!.GetAttribute("href")!;
        Assert.Equal($"/practice/lesson/{row.PillarKey}#{question.Section}", link);
        // The link opens for a certified person (the learning flow's page would be a 404) and has the section it points to.
        var lesson = await client.GetPageAsync(link.Split('#')[0]);
        Assert.NotNull(lesson.QuerySelector($"article.lesson [id='{question.Section}']"));
        Assert.Null(lesson.QuerySelector("main form")); // read-only: nothing marks progress
        Assert.Null(marked.QuerySelector("form"));

        var answered = Assert.Single(await QuestionsOfAsync(app, Manuel));
        Assert.NotNull(answered.AnsweredAt);
        Assert.False(answered.Right);
        var item = Assert.Single(await ItemsOfAsync(app, Manuel));
        Assert.Equal((1, row.Week.AddDays(7)), (item.Box, item.DueWeek));

        // The same form sent again (a double click, a resent tab) changes nothing.
        var again = await client.SubmitAsync(before, "#practice form", new Dictionary<string, string> { ["o"] = Right(question).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var still = Assert.Single(await QuestionsOfAsync(app, Manuel));
        Assert.Equal((answered.AnsweredAt, false, answered.Chosen), (still.AnsweredAt, still.Right, still.Chosen));
        Assert.Equal(item.DueWeek, Assert.Single(await ItemsOfAsync(app, Manuel)).DueWeek);
    }

    [Fact]
    public async Task The_lesson_page_is_for_signed_in_people_and_an_unknown_pillar_is_not_found()
    {
        using var app = new AppFactory();
        var anonymous = await app.Browser().GetAsync("/practice/lesson/listen");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("login", anonymous.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);

        var client = app.Browser();
        await client.SignedInAsync(Pages.OtherEmployee);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/practice/lesson/listen")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/practice/lesson/no-such-pillar")).StatusCode);
    }

    [Fact]
    public async Task Someone_elses_question_and_an_option_the_question_lacks_are_refused_with_a_message()
    {
        using var app = new AppFactory();
        await MakeAsync(app);
        // A question of Lucía's, as if she had one: Manuel's form is changed to answer it.
        var lucias = await app.WithDbAsync(async db =>
        {
            var mine = await db.PracticeAnswers.FirstAsync();
            var row = new PracticeAnswer
            {
                EmployeeId = await db.Employees.Where(e => e.EmployeeNumber == Lucia).Select(e => e.Id).SingleAsync(),
                Week = mine.Week, PillarKey = mine.PillarKey, Question = mine.Question, EditionId = mine.EditionId
            };
            db.PracticeAnswers.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        var client = app.Browser();
        await client.SignedInAsync(Pages.OtherEmployee);
        var home = await client.GetPageAsync("/");
        await client.SubmitAsync(home, "#practice form", new Dictionary<string, string> { ["id"] = lucias.ToString(System.Globalization.CultureInfo.InvariantCulture), ["o"] = "0" });
        Assert.Contains("ya no es tu pregunta de esta semana", (await client.GetPageAsync("/")).Text());

        foreach (var forged in new[] { "99", "-1", "x" })
        {
            await client.SubmitAsync(home, "#practice form", new Dictionary<string, string> { ["o"] = forged });
            Assert.Contains("no es una de las opciones", (await client.GetPageAsync("/")).Text());
        }
        await client.SubmitAsync(home, "#practice form", new Dictionary<string, string>());
        Assert.Contains("Elige una respuesta", (await client.GetPageAsync("/")).Text());

        Assert.Equal(0, await app.WithDbAsync(db => db.PracticeAnswers.CountAsync(a => a.AnsweredAt != null)));
        var item = Assert.Single(await ItemsOfAsync(app, Manuel));
        Assert.Equal((1, PracticeSchedule.WeekOf(app.Services.GetRequiredService<ServicePromise.Web.Infrastructure.OrganisationClock>().Today)), (item.Box, item.DueWeek));
    }

    [Fact]
    public async Task A_wrong_answer_comes_back_next_week_a_second_miss_offers_a_reread_and_a_right_one_waits_longer()
    {
        using var app = new AppFactory();
        await MakeAsync(app);
        var first = Assert.Single(await QuestionsOfAsync(app, Manuel));
        var question = await ContentOfAsync(app, first);
        var client = app.Browser();
        await client.SignedInAsync(Pages.OtherEmployee);
        await AnswerAsync(client, Wrong(question));

        await WeekPassesAsync(app);
        await MakeAsync(app);
        var second = (await QuestionsOfAsync(app, Manuel))[^1];
        Assert.Equal((first.PillarKey, first.Question), (second.PillarKey, second.Question));
        Assert.NotEqual(first.Id, second.Id);

        await AnswerAsync(client, Wrong(question));
        var home = await client.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("#practice-reread"));
        Assert.Contains("Repasa esta parte", home.QuerySelector("#practice")!.TextContent);
        Assert.Contains("0 %", home.QuerySelector("#knowledge-kept")!.TextContent);

        await WeekPassesAsync(app);
        await MakeAsync(app);
        await AnswerAsync(client, Right(question));
        var item = (await ItemsOfAsync(app, Manuel)).Single(i => i.PillarKey == first.PillarKey && i.Question == first.Question);
        var third = (await QuestionsOfAsync(app, Manuel))[^1];
        Assert.Equal((2, third.Week.AddDays(14)), (item.Box, item.DueWeek));
        Assert.Null((await client.GetPageAsync("/")).QuerySelector("#practice-reread"));

        // The next week brings another question: the right one waits two weeks.
        await WeekPassesAsync(app);
        await MakeAsync(app);
        var fourth = (await QuestionsOfAsync(app, Manuel))[^1];
        Assert.NotEqual((first.PillarKey, first.Question), (fourth.PillarKey, fourth.Question));
    }

    [Fact]
    public async Task A_substantive_change_restarts_the_pillar_for_everyone_and_an_editorial_one_keeps_it()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        _ = app.Server;
        var (manuel, edition) = await app.WithDbAsync(async db => (await db.Employees.Where(e => e.EmployeeNumber == Manuel).Select(e => e.Id).SingleAsync(),
            await db.Editions.Select(e => e.Id).SingleAsync()));
        var week = PracticeSchedule.WeekOf(app.Services.GetRequiredService<ServicePromise.Web.Infrastructure.OrganisationClock>().Today);
        await app.WithDbAsync(async db =>
        {
            foreach (var key in new[] { "listen", "keep-our-word" })
            {
                db.PracticeItems.Add(new PracticeItem { EmployeeId = manuel, PillarKey = key, Question = 0, Box = 3, DueWeek = week.AddDays(28) });
                db.PracticeItems.Add(new PracticeItem { EmployeeId = manuel, PillarKey = key, Question = 40, Box = 1, DueWeek = week });
                db.PracticeAnswers.Add(new PracticeAnswer { EmployeeId = manuel, Week = week, Slot = key == "listen" ? 0 : 1, PillarKey = key, Question = 0, EditionId = edition });
            }
            return await db.SaveChangesAsync();
        });
        Edit(content, "es/pillars/01-listen.md", "substantive");
        Edit(content, "es/pillars/04-keep-our-word.md", "editorial");
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<EditionRollout>().PublishAsync(scope.ServiceProvider.GetRequiredService<ContentFolder>().Load(), "Escuchar cambia")).Published);

        var items = await ItemsOfAsync(app, Manuel);
        // Listening starts again; keeping our word keeps its box, losing only the question past the end of its pool.
        Assert.Equal([("keep-our-word", 0, 3)], items.Select(i => (i.PillarKey, i.Question, i.Box)).ToList());
        Assert.Equal(["keep-our-word"], (await QuestionsOfAsync(app, Manuel)).Select(a => a.PillarKey).ToList());
    }

    static void Edit(string content, string file, string declared)
    {
        var path = Path.Combine(content, file);
        var text = File.ReadAllText(path);
        var close = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        File.WriteAllText(path, text[..close] + $"\nchange: {declared}" + text[close..] + "\nUna frase más.\n");
    }

    [Fact]
    public async Task Knowledge_kept_is_on_hrs_page_by_pillar_department_and_site_and_only_hr_sees_it()
    {
        using var app = new AppFactory();
        app.Settings["Understanding:MinimumGroup"] = "1";
        await MakeAsync(app);
        var row = Assert.Single(await QuestionsOfAsync(app, Manuel));
        var question = await ContentOfAsync(app, row);
        var manuel = app.Browser();
        await manuel.SignedInAsync(Pages.OtherEmployee);
        await AnswerAsync(manuel, Right(question));
        Assert.Contains("100 %", (await manuel.GetPageAsync("/")).QuerySelector("#knowledge-kept")!.TextContent);

        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var page = await hr.GetPageAsync("/hr/knowledge");
        Assert.Equal(3, page.QuerySelectorAll("table").Length);
        Assert.Contains("100 %", page.QuerySelector("#kept-overall")!.TextContent);
        var pillarLink = page.QuerySelector($"a[href='/hr/knowledge?pillar={row.PillarKey}']");
        Assert.NotNull(pillarLink);
        var drilled = await hr.GetPageAsync(pillarLink!.GetAttribute("href")!);
        Assert.Equal(2, drilled.QuerySelectorAll("table").Length);

        foreach (var login in new[] { Pages.OtherEmployee, "carmen.ruiz@" + ServicePromise.Web.Staff.DemoOrganisation.EmailDomain })
        {
            var other = app.Browser();
            await other.SignedInAsync(login);
            var response = await other.GetAsync("/hr/knowledge");
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
