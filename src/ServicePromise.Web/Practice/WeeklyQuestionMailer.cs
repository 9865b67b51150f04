using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Mail;

namespace ServicePromise.Web.Practice;

/// <summary>
/// The weekly digest: one email per person and week, to people with an email whose questions of the week are still
/// unanswered, with each question's pillar and text — never its options' rights and wrongs — and a link to the home
/// card. A person's rows of the week are claimed (a conditional update of <see cref="PracticeAnswer.MailedAt"/>) before
/// sending, so neither a restart nor a second instance mails them twice; a failed send is logged and not retried, the
/// home card still asks. People are taken in pages by id (the partial index on unmailed, unanswered rows keeps the
/// look-up small at any size).
/// </summary>
public sealed class WeeklyQuestionMailer(AppDbContext db, PublishedEditions editions, LocalizedMail mail, OrganisationClock clock,
    IStringLocalizer<SharedResource> L, ILogger<WeeklyQuestionMailer> logger)
{
    public const int Batch = 200;

    /// <returns>How many emails were sent, and whether a full page was handled (there may be more).</returns>
    public async Task<(int Sent, bool More)> RunOnceAsync(CancellationToken ct = default)
    {
        var week = PracticeSchedule.WeekOf(clock.Today);
        var people = await db.PracticeAnswers.AsNoTracking()
            .Where(a => a.Week == week && a.MailedAt == null && a.AnsweredAt == null)
            // One digest a week: a question added later in the week (more per week) waits for the card.
            .Where(a => !db.PracticeAnswers.Any(b => b.EmployeeId == a.EmployeeId && b.Week == week && b.MailedAt != null))
            .Where(a => db.Employees.Any(e => e.Id == a.EmployeeId && e.IsActive
                && db.Users.Any(u => u.Id == e.UserId && u.Email != null && u.Email != "")))
            .Select(a => a.EmployeeId).Distinct().OrderBy(id => id).Take(Batch).ToListAsync(ct);
        if (people.Count == 0) return (0, false);
        var questions = (await db.PracticeAnswers.AsNoTracking()
                .Where(a => people.Contains(a.EmployeeId) && a.Week == week && a.MailedAt == null && a.AnsweredAt == null)
                .Join(db.Editions, a => a.EditionId, e => e.Id, (a, e) => new { a.EmployeeId, a.Slot, a.PillarKey, a.Question, a.EditionId, e.ContentHash })
                .ToListAsync(ct))
            .ToLookup(a => a.EmployeeId);
        var loaded = new Dictionary<int, PublishedEdition>();
        foreach (var edition in questions.SelectMany(q => q).Select(q => (q.EditionId, q.ContentHash)).Distinct())
            loaded[edition.EditionId] = await editions.GetAsync(db, edition.EditionId, edition.ContentHash, ct);

        await using var batch = mail.OpenBatch();
        var sent = 0;
        foreach (var id in people)
        {
            var now = clock.UtcNow;
            var claimed = await db.PracticeAnswers.Where(a => a.EmployeeId == id && a.Week == week && a.MailedAt == null && a.AnsweredAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.MailedAt, now), ct);
            if (claimed == 0) continue; // another instance has them, or the person answered meanwhile
            if (await mail.RecipientAsync(id, ct) is not { } to) continue;
            var mine = questions[id].OrderBy(q => q.Slot).ToList();
            var result = await mail.SendAsync(batch, to, () => Compose(to, mine.Select(q => PracticePool.Find(loaded[q.EditionId], q.PillarKey, q.Question))
                .OfType<(PublishedPillarText Pillar, Learning.CheckQuestion Question)>().ToList()), ct);
            if (result.IsSent) sent++;
            else logger.LogWarning("Weekly question email to employee {Employee} failed ({Failure}); not retried, the home page still asks", id, result.Failure);
        }
        return (sent, people.Count == Batch);
    }

    /// <summary>Runs in the reader's language: the questions were looked up in it too.</summary>
    (string Subject, string Body) Compose(MailRecipient to, IReadOnlyList<(PublishedPillarText Pillar, Learning.CheckQuestion Question)> asked)
    {
        var body = new StringBuilder();
        body.Append(L["Hola, {0}:", to.Name].Value).Append("\n\n");
        body.Append(asked.Count == 1 ? L["Esta semana te toca repasar un pilar de la promesa con una pregunta rápida:"].Value
            : L["Esta semana te tocan {0} preguntas rápidas sobre los pilares de la promesa:", asked.Count].Value).Append("\n\n");
        foreach (var (pillar, question) in asked)
            body.Append('«').Append(pillar.Text.Title).Append("»\n").Append(question.Text).Append("\n\n");
        body.Append(L["Contesta en unos segundos en tu inicio:"].Value).Append('\n').Append(mail.HomeLink(to.Language)).Append("#practice\n");
        var subject = asked.Count == 1 ? L["Tu pregunta de la semana: «{0}»", asked[0].Pillar.Text.Title].Value : L["Tus preguntas de la semana"].Value;
        return (subject, body.ToString());
    }
}

/// <summary>Sends the weekly digest every little while on each app instance (a new week's questions appear on Monday); the claims keep instances apart.</summary>
public sealed class WeeklyQuestionMailJob(IServiceScopeFactory scopes, IOptions<PracticeOptions> options, ILogger<WeeklyQuestionMailJob> logger) : PollingJob(scopes, logger)
{
    protected override bool Enabled => options.Value.Enabled && options.Value.MailEnabled;
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.MailIntervalMinutes);
    protected override string Work => "Sending the weekly question emails";

    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var (sent, more) = await services.GetRequiredService<WeeklyQuestionMailer>().RunOnceAsync(ct);
        if (sent > 0) logger.LogInformation("Sent {Count} weekly question emails", sent);
        return more;
    }
}
