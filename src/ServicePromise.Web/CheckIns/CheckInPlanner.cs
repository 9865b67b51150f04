using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.CheckIns;

/// <summary>What the person posted on a check-in, before the rules.</summary>
public sealed record CheckInInput(CheckInOutcome? Outcome, int? Rating, string? Note, string? Obstacle, bool Habit, string? NewDate);

/// <summary>What became of an answer or a reply.</summary>
public abstract record CheckInResult
{
    public sealed record Done(DateOnly? Next) : CheckInResult;
    /// <summary>It was already answered (a double click, a second tab): nothing was recorded twice.</summary>
    public sealed record AlreadyAnswered : CheckInResult;
    /// <summary>Not open to an answer: not due yet, or its plan was replaced.</summary>
    public sealed record NotOpen : CheckInResult;
    public sealed record Refused(IReadOnlyDictionary<string, Message> Problems) : CheckInResult;
}

/// <summary>
/// Starts a committed action's check-ins when its reflection counts, records answers and the next check-in, and the
/// coaching replies. Writes run inside the caller's transaction when there is one (the reflection's send or approval).
/// </summary>
public sealed class CheckInPlanner(AppDbContext db, OrganisationClock clock, IOptions<CheckInOptions> options)
{
    static readonly Messages L = new();

    public const int TextMaxLength = 1000;

    /// <summary>
    /// The version that just counted becomes the person's plan for this pillar: the pending check-ins of any earlier
    /// plan on the same pillar (a rewritten reflection, a refresher) are cancelled, and the first check-in is created —
    /// when the version has a date; one without (written before plans had dates) simply has no check-ins.
    /// </summary>
    public async Task StartAsync(ReflectionVersion version, int employeeId, string pillarKey, DateTime now, CancellationToken ct = default)
    {
        await db.CommitmentCheckIns
            .Where(c => c.EmployeeId == employeeId && c.PillarKey == pillarKey && c.AnsweredAt == null && c.CancelledAt == null && c.ReflectionVersionId != version.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.CancelledAt, now), ct);
        if (version.ActionDueOn is not { } planDate) return;
        if (await db.CommitmentCheckIns.AnyAsync(c => c.ReflectionVersionId == version.Id, ct)) return;
        var first = CheckInSchedule.First(planDate, clock.LocalDate(now));
        db.CommitmentCheckIns.Add(New(version.Id, employeeId, pillarKey, first, now));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The rules an answer meets, plain: why each field cannot be recorded as posted.</summary>
    public static Dictionary<string, Message> ProblemsWith(CheckInInput input, DateOnly today, bool offersNewDate, out DateOnly? newDate)
    {
        var problems = new Dictionary<string, Message>();
        newDate = null;
        if (input.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            problems["Outcome"] = L["Di si lo has hecho: sí, en parte o todavía no."];
            return problems;
        }
        if (outcome != CheckInOutcome.NotYet && input.Rating is not (>= 1 and <= 5))
            problems["Rating"] = L["Elige cómo ha ido, de 1 a 5."];
        foreach (var (field, text) in new[] { ("Note", input.Note), ("Obstacle", input.Obstacle) })
        {
            var clean = Clean(text);
            if (clean is { Length: > TextMaxLength }) problems[field] = L["Tiene {0} caracteres; el máximo es {1}. Acórtalo un poco.", clean.Length, TextMaxLength];
            else if (MultiLineText.Problem(clean) is { } hidden) problems[field] = hidden;
        }
        if (outcome == CheckInOutcome.NotYet && offersNewDate && !string.IsNullOrWhiteSpace(input.NewDate))
        {
            var (date, problem) = CheckInSchedule.ParseDate(input.NewDate, today);
            if (problem is not null) problems["NewDate"] = problem;
            newDate = date;
        }
        return problems;
    }

    /// <summary>Records the person's answer once, and creates the next check-in the schedule asks for.</summary>
    public async Task<CheckInResult> AnswerAsync(int checkInId, CheckInInput input, CancellationToken ct = default)
    {
        var today = clock.Today;
        var now = clock.UtcNow;
        var checkIn = await db.CommitmentCheckIns.AsNoTracking().SingleAsync(c => c.Id == checkInId, ct);
        if (checkIn.AnsweredAt is not null) return new CheckInResult.AlreadyAnswered();
        if (checkIn.CancelledAt is not null || checkIn.DueOn > today) return new CheckInResult.NotOpen();
        var retryUsed = await RetryUsedAsync(checkIn.ReflectionVersionId, ct);
        var step = StepOf(checkIn);
        var problems = ProblemsWith(input, today, CheckInSchedule.OffersNewDate(step, retryUsed), out var newDate);
        if (problems.Count > 0) return new CheckInResult.Refused(problems);

        var outcome = input.Outcome!.Value;
        var habit = input.Habit && outcome != CheckInOutcome.NotYet;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The claim: only the first of two posts finds it unanswered.
        var claimed = await db.CommitmentCheckIns.Where(c => c.Id == checkInId && c.AnsweredAt == null && c.CancelledAt == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(c => c.AnsweredAt, now)
                .SetProperty(c => c.Outcome, outcome)
                .SetProperty(c => c.Rating, outcome == CheckInOutcome.NotYet ? null : input.Rating)
                .SetProperty(c => c.Note, Clean(input.Note))
                .SetProperty(c => c.Obstacle, outcome == CheckInOutcome.Yes ? null : Clean(input.Obstacle))
                .SetProperty(c => c.Habit, habit)
                .SetProperty(c => c.NewDate, newDate), ct);
        if (claimed == 0) return new CheckInResult.AlreadyAnswered();
        var next = CheckInSchedule.After(step, new CheckInAnswer(outcome, habit, newDate), today, retryUsed, options.Value.FollowUps);
        if (next is not null)
        {
            db.CommitmentCheckIns.Add(New(checkIn.ReflectionVersionId, checkIn.EmployeeId, checkIn.PillarKey, next, now));
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return new CheckInResult.Done(next?.DueOn);
    }

    /// <summary>A coaching reply on an answered check-in. Who may reply is the caller's check (<see cref="CheckInAccess"/>).</summary>
    public async Task<CheckInResult> ReplyAsync(int checkInId, int authorId, string? text, CancellationToken ct = default)
    {
        var clean = Clean(text);
        if (clean is null) return new CheckInResult.Refused(new Dictionary<string, Message> { ["Reply"] = L["Escribe tu respuesta antes de enviarla."] });
        if (clean.Length > TextMaxLength)
            return new CheckInResult.Refused(new Dictionary<string, Message> { ["Reply"] = L["Tiene {0} caracteres; el máximo es {1}. Acórtalo un poco.", clean.Length, TextMaxLength] });
        if (MultiLineText.Problem(clean) is { } hidden) return new CheckInResult.Refused(new Dictionary<string, Message> { ["Reply"] = hidden });
        if (!await db.CommitmentCheckIns.AnyAsync(c => c.Id == checkInId && c.AnsweredAt != null, ct)) return new CheckInResult.NotOpen();
        // A resent form (a double click, a reload) adds nothing twice.
        if (await db.CheckInReplies.AnyAsync(r => r.CheckInId == checkInId && r.AuthorId == authorId && r.Text == clean, ct)) return new CheckInResult.Done(null);
        db.CheckInReplies.Add(new CheckInReply { CheckInId = checkInId, AuthorId = authorId, Text = clean, WrittenAt = clock.UtcNow });
        await db.SaveChangesAsync(ct);
        return new CheckInResult.Done(null);
    }

    public Task<bool> RetryUsedAsync(int versionId, CancellationToken ct) =>
        db.CommitmentCheckIns.AnyAsync(c => c.ReflectionVersionId == versionId && c.IsRetry, ct);

    public static CheckInStep StepOf(CommitmentCheckIn c) => new(c.Step, c.AnchorOn, c.DueOn, c.IsRetry);

    static CommitmentCheckIn New(int versionId, int employeeId, string pillarKey, CheckInStep step, DateTime now) => new()
    {
        ReflectionVersionId = versionId, EmployeeId = employeeId, PillarKey = pillarKey,
        Step = step.Step, AnchorOn = step.AnchorOn, DueOn = step.DueOn, IsRetry = step.IsRetry, CreatedAt = now,
    };

    static string? Clean(string? text) => text?.Replace("\r\n", "\n").Trim() is { Length: > 0 } clean ? clean : null;
}
