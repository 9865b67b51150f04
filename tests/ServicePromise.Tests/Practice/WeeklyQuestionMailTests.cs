using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Content;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Practice;

namespace ServicePromise.Tests.Practice;

/// <summary>The weekly question's email digest: once a person and week, the question but none of its answers, a link to the card.</summary>
public class WeeklyQuestionMailTests
{
    const string Manuel = "MO-0102"; // certified in the demo, with an email

    static async Task<int> MakeAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WeeklyQuestions>().MakeAsync();
    }

    static async Task<int> MailAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<WeeklyQuestionMailer>().RunOnceAsync()).Sent;
    }

    /// <summary>Manuel's question of the week as the content has it in <paramref name="language"/>, with its pillar's title.</summary>
    static async Task<(string Pillar, CheckQuestion Question)> ManuelsQuestionAsync(AppFactory app, string language)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ServicePromise.Web.Data.AppDbContext>();
        var row = await db.PracticeAnswers.SingleAsync(a => db.Employees.Any(e => e.Id == a.EmployeeId && e.EmployeeNumber == Manuel));
        var hash = await db.Editions.Where(e => e.Id == row.EditionId).Select(e => e.ContentHash).SingleAsync();
        var edition = await scope.ServiceProvider.GetRequiredService<PublishedEditions>().GetAsync(db, row.EditionId, hash);
        var (pillar, question) = Languages.In(language, () => PracticePool.Find(edition, row.PillarKey, row.Question)!.Value);
        return (pillar.Text.Title, question);
    }

    static Task SetAsync(AppFactory app, Func<ServicePromise.Web.Data.AppDbContext, Task> change) => app.WithDbAsync(async db => { await change(db); return 0; });

    static string? MailTo(AppFactory app, string address) => app.Mails().SingleOrDefault(m => m.Contains(address, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task Each_person_gets_one_email_a_week_with_the_question_and_a_link_but_none_of_the_answers_even_with_two_senders()
    {
        using var app = new AppFactory();
        Assert.Equal(0, await MailAsync(app)); // no questions yet, nothing to mail
        await MakeAsync(app);
        var withEmail = await app.WithDbAsync(db => db.PracticeAnswers.Where(a => db.Employees.Any(e => e.Id == a.EmployeeId
            && db.Users.Any(u => u.Id == e.UserId && u.Email != null && u.Email != ""))).Select(a => a.EmployeeId).Distinct().CountAsync());
        Assert.True(withEmail > 0);

        var sent = await Task.WhenAll(MailAsync(app), MailAsync(app));
        Assert.Equal(withEmail, sent.Sum());
        Assert.Equal(0, await MailAsync(app)); // a restart, or the next poll: nothing again
        Assert.Equal(withEmail, app.Mails().Count);

        var mail = MailTo(app, "manuel.ortiz@");
        Assert.NotNull(mail);
        var (pillar, question) = await ManuelsQuestionAsync(app, "es");
        Assert.Contains($"«{pillar}»", mail);
        Assert.Contains(question.Text, mail);
        Assert.Contains("https://promesa.test/?culture=es#practice", mail);
        foreach (var option in question.Options)
        {
            Assert.DoesNotContain(option.Text, mail);
            Assert.DoesNotContain(option.Explanation, mail);
        }
    }

    [Fact]
    public async Task The_email_goes_through_smtp_in_the_persons_language()
    {
        using var app = new AppFactory();
        TestSmtp.Use(app);
        await MakeAsync(app);
        var address = $"manuel.{Guid.NewGuid():N}@demo.mercadosolivo.es"; // this test's own mailbox on the shared server
        await SetAsync(app, db => db.Employees.Where(e => e.EmployeeNumber == Manuel).ExecuteUpdateAsync(u => u.SetProperty(e => e.Language, "en")));
        await SetAsync(app, db => db.Users.Where(u => db.Employees.Any(e => e.UserId == u.Id && e.EmployeeNumber == Manuel))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, address).SetProperty(x => x.NormalizedEmail, address.ToUpperInvariant())));
        await MailAsync(app);

        var mail = Assert.Single(await TestSmtp.ForAsync(address));
        var (pillar, question) = await ManuelsQuestionAsync(app, "en");
        Assert.Equal($"Your question of the week: “{pillar}”", mail.Subject);
        Assert.Contains(question.Text, mail.Text);
        Assert.Contains("https://promesa.test/?culture=en#practice", mail.Text);
        Assert.DoesNotContain("Esta semana", mail.Text);
    }

    [Fact]
    public async Task A_question_answered_before_the_email_is_not_mailed_and_nor_is_anyone_without_an_email_or_gone()
    {
        using var app = new AppFactory();
        await MakeAsync(app);
        var manuel = app.Browser();
        await manuel.SignedInAsync(Pages.OtherEmployee);
        var home = await manuel.GetPageAsync("/");
        await manuel.SubmitAsync(home, "#practice form", new Dictionary<string, string> { ["o"] = "0" });
        var others = await app.WithDbAsync(db => db.PracticeAnswers.Where(a => a.AnsweredAt == null).Select(a => a.EmployeeId).Distinct().ToListAsync());
        Assert.NotEmpty(others);
        // One colleague has no email (a till worker signing in with a company account), one has left.
        await SetAsync(app, db => db.Users.Where(u => db.Employees.Any(e => e.UserId == u.Id && e.Id == others[0])).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, (string?)null)));
        if (others.Count > 1)
            await SetAsync(app, db => db.Employees.Where(e => e.Id == others[1]).ExecuteUpdateAsync(u => u.SetProperty(e => e.IsActive, false)));

        var sent = await MailAsync(app);

        Assert.Null(MailTo(app, "manuel.ortiz@"));
        Assert.Equal(others.Count - Math.Min(others.Count, 2), sent);
        var unmailed = await app.WithDbAsync(db => db.PracticeAnswers.Where(a => a.MailedAt == null).Select(a => a.EmployeeId).Distinct().ToListAsync());
        Assert.Contains(others[0], unmailed); // nothing claimed for someone who cannot be mailed
    }
}
