using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Record;

/// <summary>
/// Everything the app stores about one person, as they may read it: "Mi historial" and its PDF. Built only from
/// the signed-in person's own employee id, never from anything in the request.
/// </summary>
public sealed record PersonalRecord(
    RecordProfile Profile, IReadOnlyList<RecordAssignment> Assignments, IReadOnlyList<RecordCertificate> Certificates,
    IReadOnlyList<RecordNudge> Nudges)
{
    /// <summary>Loads the record with texts in <paramref name="language"/> (or each edition's default language).</summary>
    public static async Task<PersonalRecord?> LoadAsync(AppDbContext db, int employeeId, string language, DateOnly today, CancellationToken ct = default)
    {
        var person = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId)
            .Select(e => new
            {
                e.FullName, e.EmployeeNumber, e.JobTitle, e.HireDate, e.Language, e.IsActive, e.CurrentAssignmentId,
                Department = e.Department!.Name, Site = e.Site!.Name, Manager = e.Manager!.FullName,
                Email = db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (person is null) return null;
        var profile = new RecordProfile(person.FullName, person.EmployeeNumber, person.Email, person.JobTitle, person.Department, person.Site,
            person.Manager, person.HireDate, person.Language, person.IsActive);

        var assignments = await db.Assignments.AsNoTracking().Where(a => a.EmployeeId == employeeId)
            .OrderByDescending(a => a.AssignedAt).ThenByDescending(a => a.Id)
            .Select(a => new
            {
                a.Id, a.Edition!.Number, a.Edition.PublishedAt, a.Edition.DefaultLanguage, a.Reason, a.AssignedAt, a.DueOn, a.StartedAt,
                a.CompletedAt, a.SupersededAt,
                Pillars = a.Pillars.OrderBy(p => p.Pillar!.Order).Select(p => new
                {
                    p.Id, p.Pillar!.Key, p.Pillar.Order, p.Pillar.HasCheck, p.ReadAt, p.CheckPassedAt, p.ReflectedAt,
                    Texts = p.Pillar.Texts.Select(t => new { t.Language, t.Title, t.CheckJson }).ToList(),
                }).ToList(),
            })
            .ToListAsync(ct);

        // Each of the person's rows is read through their own assignments: nothing here can reach anyone else's.
        var reflections = await db.Reflections.AsNoTracking().Where(r => r.AssignmentPillar!.Assignment!.EmployeeId == employeeId).ToListAsync(ct);
        var reflectionIds = reflections.Select(r => r.Id).ToList();
        var versions = (await db.ReflectionVersions.AsNoTracking().Where(v => reflectionIds.Contains(v.ReflectionId)).ToListAsync(ct))
            .ToLookup(v => v.ReflectionId);
        var reviews = (await db.ReflectionReviews.AsNoTracking().Where(r => reflectionIds.Contains(r.ReflectionId))
                .Select(r => new { Review = r, Reviewer = r.Reviewer!.FullName }).ToListAsync(ct))
            .ToLookup(r => r.Review.ReflectionId);
        var attempts = (await db.CheckAttempts.AsNoTracking().Where(a => a.AssignmentPillar!.Assignment!.EmployeeId == employeeId).ToListAsync(ct))
            .ToLookup(a => a.AssignmentPillarId);

        RecordReflection? ReflectionOf(int assignmentPillarId)
        {
            var r = reflections.FirstOrDefault(x => x.AssignmentPillarId == assignmentPillarId);
            if (r is null) return null;
            return new RecordReflection(r.Status, r.Text, r.UpdatedAt, r.SubmittedAt, r.ShareConsent, r.ShareAnonymously, r.FeaturedAt, r.Similarity,
                versions[r.Id].OrderBy(v => v.Number).Select(v => new RecordVersion(v.Number, v.SubmittedAt, v.Text)).ToList(),
                reviews[r.Id].OrderBy(x => x.Review.DecidedAt).Select(x => new RecordReview(x.Review.VersionNumber, x.Review.DecidedAt, x.Reviewer,
                    x.Review.Decision, x.Review.Comment, x.Review.SpecificToRole, x.Review.NamesCustomer, x.Review.ConcreteAction)).ToList());
        }

        // A person who changed job sees which job each assignment (and its reflections) was written for.
        var jobs = await db.RoleChanges.AsNoTracking().Where(c => c.EmployeeId == employeeId)
            .Select(c => new RoleChanges.JobChangeAt(c.ChangedAt, c.AssignmentId, c.OldJobTitle, c.NewJobTitle)).ToListAsync(ct);
        var records = assignments.Select(a => new RecordAssignment(
            a.Id, a.Number, a.PublishedAt, a.Reason, a.AssignedAt, a.DueOn, a.StartedAt, a.CompletedAt, a.SupersededAt,
            a.Id == person.CurrentAssignmentId, CompletionRules.CurrentStatusOf(a.CompletedAt, a.StartedAt, a.DueOn, today, a.Reason),
            a.Pillars.Select(p =>
            {
                var text = p.Texts.InLanguage(t => t.Language, language, a.DefaultLanguage);
                // The check in the reader's language; every language has the same questions in the same order.
                var check = KnowledgeCheck.FromJson(text.CheckJson ?? p.Texts.InLanguage(t => t.Language, a.DefaultLanguage, a.DefaultLanguage).CheckJson);
                return new RecordPillar(p.Key, p.Order, text.Title, p.ReadAt, p.HasCheck, p.CheckPassedAt, p.ReflectedAt, ReflectionOf(p.Id),
                    attempts[p.Id].OrderBy(x => x.Number).Select(x => AttemptOf(x, check)).ToList());
            }).ToList())
        { JobTitle = RoleChanges.JobHistory.JobAt(jobs, a.Id, a.AssignedAt) }).ToList();

        var certificates = await db.Certificates.AsNoTracking().Where(c => c.EmployeeId == employeeId)
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Code, c.EditionNumber, c.IssuedAt, c.ExpiresOn, c.RevokedAt })
            .ToListAsync(ct);
        // The newest certificate replaces every earlier one (as the public verification page says).
        var certificateRows = certificates.Select((c, i) => new RecordCertificate(c.Id, c.Code, c.EditionNumber, c.IssuedAt, c.ExpiresOn,
            CertificateValidity.StatusOf(i == 0 ? null : certificates[0].Code, c.ExpiresOn, today, c.RevokedAt))).ToList();

        var nudges = await db.Nudges.AsNoTracking().Where(n => n.EmployeeId == employeeId).OrderByDescending(n => n.SentAt)
            .Select(n => new RecordNudge(n.SentAt, n.SentBy!.FullName)).ToListAsync(ct);

        return new PersonalRecord(profile, records, certificateRows, nudges);
    }

    /// <summary>An attempt with its answers as the person saw them: each question in the order shown, with the texts of the options chosen.</summary>
    internal static RecordAttempt AttemptOf(CheckAttempt attempt, KnowledgeCheck? check)
    {
        var answers = new List<RecordAnswer>();
        if (check is not null)
        {
            var order = CheckGrading.FromJson<List<PresentedQuestion>>(attempt.Presentation) ?? [];
            var chosen = CheckGrading.FromJson<Dictionary<int, int[]>>(attempt.Answers) ?? [];
            var marked = attempt.SubmittedAt is null ? null
                : CheckGrading.Grade(check, chosen.ToDictionary(c => c.Key, c => (IReadOnlyCollection<int>)c.Value), 100).Correct;
            foreach (var shown in order.Where(q => q.Question >= 0 && q.Question < check.Questions.Count))
            {
                var question = check.Questions[shown.Question];
                var picked = (chosen.GetValueOrDefault(shown.Question) ?? [])
                    .Where(o => o >= 0 && o < question.Options.Count)
                    .OrderBy(o => shown.Options.ToList().IndexOf(o))
                    .Select(o => question.Options[o].Text).ToList();
                answers.Add(new RecordAnswer(question.Text, picked, marked?[shown.Question]));
            }
        }
        return new RecordAttempt(attempt.Number, attempt.StartedAt, attempt.SubmittedAt, attempt.Score, attempt.Passed, answers);
    }
}

public sealed record RecordProfile(
    string FullName, string EmployeeNumber, string? Email, string JobTitle, string? Department, string? Site, string? Manager,
    DateOnly HireDate, string Language, bool IsActive);

/// <param name="IsCurrent">The assignment that states the person's status today.</param>
public sealed record RecordAssignment(
    int Id, int EditionNumber, DateTime EditionPublishedAt, AssignmentReason Reason, DateTime AssignedAt, DateOnly DueOn,
    DateTime? StartedAt, DateTime? CompletedAt, DateTime? SupersededAt, bool IsCurrent, AssignmentStatus Status,
    IReadOnlyList<RecordPillar> Pillars)
{
    public int DoneCount => Pillars.Count(p => p.Done);
    /// <summary>The job the person had for this assignment; set only once they have changed job (see <see cref="RoleChanges.JobHistory"/>).</summary>
    public string? JobTitle { get; init; }
}

public sealed record RecordPillar(
    string Key, int Order, string Title, DateTime? ReadAt, bool HasCheck, DateTime? CheckPassedAt, DateTime? ReflectedAt,
    RecordReflection? Reflection, IReadOnlyList<RecordAttempt> Attempts)
{
    public bool Done => CompletionRules.IsPillarDone(ReadAt, ReflectedAt, HasCheck, CheckPassedAt);
}

/// <param name="Current">The working copy: what the person last saved, sent or not.</param>
/// <param name="Similarity">Set when the reflection was flagged as nearly the same as another one (whose, is not the reader's to know).</param>
public sealed record RecordReflection(
    ReflectionStatus Status, ReflectionText Current, DateTime UpdatedAt, DateTime? SubmittedAt, bool ShareConsent, bool ShareAnonymously,
    DateTime? FeaturedAt, double? Similarity, IReadOnlyList<RecordVersion> Versions, IReadOnlyList<RecordReview> Reviews)
{
    /// <summary>The working copy holds text that was never sent (a draft, or a revision in progress).</summary>
    public bool HasUnsentText => !Current.IsEmpty && (Versions.Count == 0 || Versions[^1].Text != Current);
}

public sealed record RecordVersion(int Number, DateTime SubmittedAt, ReflectionText Text);

public sealed record RecordReview(
    int VersionNumber, DateTime DecidedAt, string Reviewer, ReviewDecision Decision, string? Comment,
    bool? SpecificToRole, bool? NamesCustomer, bool? ConcreteAction);

/// <param name="Answers">Empty when the check's questions are not available.</param>
public sealed record RecordAttempt(int Number, DateTime StartedAt, DateTime? SubmittedAt, int? Score, bool Passed, IReadOnlyList<RecordAnswer> Answers);

/// <param name="Correct">Null while the attempt was not sent.</param>
public sealed record RecordAnswer(string Question, IReadOnlyList<string> Chosen, bool? Correct);

public sealed record RecordCertificate(int Id, string Code, int EditionNumber, DateTime IssuedAt, DateOnly? ExpiresOn, CertificateStatus Status);

public sealed record RecordNudge(DateTime SentAt, string SentBy);
