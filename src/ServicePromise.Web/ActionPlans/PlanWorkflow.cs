using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Audit;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Mail;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.ActionPlans;

/// <summary>What became of a save, a submission or a decision.</summary>
public abstract record PlanOutcome
{
    /// <summary>Written; <paramref name="Emailed"/> says whether the person told of it got the mail.</summary>
    public sealed record Done(ActionPlanState State, bool Emailed) : PlanOutcome;
    /// <summary>The same post arrived twice (a double click): the first one was kept, nothing was written again.</summary>
    public sealed record AlreadyDone(ActionPlanState State) : PlanOutcome;
    /// <summary>The plan changed since the form was loaded (another tab, the approver): nothing was written.</summary>
    public sealed record Stale : PlanOutcome;
    /// <summary>The plan is not in a state that allows this (approved, or not waiting for a decision).</summary>
    public sealed record NotAllowed(ActionPlanState State) : PlanOutcome;
    /// <summary>The input breaks a rule, per field; nothing was written.</summary>
    public sealed record Invalid(IReadOnlyList<(string Field, Message Problem)> Problems) : PlanOutcome;
}

/// <summary>
/// Writes a plan's changes: the author's saves and submissions, the approver's decisions. Each write checks the
/// version the form was loaded with (the <see cref="ActionPlan.Version"/> concurrency token), so a stale tab never
/// overwrites a newer plan and a double click never writes twice. Who may do what is the caller's check
/// (<see cref="PlanRules.AccessOf"/>). Decisions are audit-logged in the same SaveChanges.
/// </summary>
public sealed class PlanWorkflow(AppDbContext db, OrganisationClock clock, AuditLog audit, LocalizedMail mail, IOptions<AppOptions> app,
    IStringLocalizer<SharedResource> L)
{
    /// <summary>Saves the author's input as a draft, or (<paramref name="submit"/>) sends it for approval.</summary>
    public async Task<PlanOutcome> SaveAsync(int planId, int version, PlanInput posted, bool submit, CancellationToken ct = default)
    {
        var input = posted.Clean();
        var plan = await db.ActionPlans.SingleAsync(p => p.Id == planId, ct);
        if (plan.Version != version)
            return plan.Cause == input.Cause && plan.Actions == input.Actions && plan.Owner == input.Owner && plan.DueOn == input.DueOn
                && plan.State == (submit ? ActionPlanState.Submitted : plan.State)
                ? new PlanOutcome.AlreadyDone(plan.State) : new PlanOutcome.Stale();
        if (!PlanRules.Editable(plan.State)) return new PlanOutcome.NotAllowed(plan.State);
        var problems = PlanRules.ProblemsWith(input, clock.Today, submit);
        if (problems.Count > 0) return new PlanOutcome.Invalid(problems);

        var now = clock.UtcNow;
        (plan.Cause, plan.Actions, plan.Owner, plan.DueOn) = (input.Cause!, input.Actions!, input.Owner!, input.DueOn);
        plan.UpdatedAt = now;
        plan.Version++;
        if (submit)
        {
            plan.State = ActionPlanState.Submitted;
            plan.SubmittedAt = now;
        }
        if (!await SavedAsync(ct)) return new PlanOutcome.Stale();
        return new PlanOutcome.Done(plan.State, submit && await MailApproverAsync(plan, ct));
    }

    /// <summary>Approves the sent plan, or returns it to its author with <paramref name="comment"/> (required then).</summary>
    public async Task<PlanOutcome> DecideAsync(int planId, int version, bool approve, string? comment, string deciderUserId, CancellationToken ct = default)
    {
        comment = comment?.Replace("\r\n", "\n").Trim() is { Length: > 0 } clean ? clean : null;
        var plan = await db.ActionPlans.Include(p => p.Author).SingleAsync(p => p.Id == planId, ct);
        if (plan.Version != version)
        {
            var last = await db.ActionPlanDecisions.AsNoTracking().Where(d => d.ActionPlanId == planId).OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
            return last is not null && last.DecidedById == deciderUserId && last.Approved == approve && last.Comment == comment
                ? new PlanOutcome.AlreadyDone(plan.State) : new PlanOutcome.Stale();
        }
        if (plan.State != ActionPlanState.Submitted) return new PlanOutcome.NotAllowed(plan.State);
        if (PlanRules.ProblemWithDecision(approve, comment) is { } problem) return new PlanOutcome.Invalid([("Comment", problem)]);

        var now = clock.UtcNow;
        plan.Decisions.Add(new ActionPlanDecision { Approved = approve, Comment = comment, DecidedAt = now, DecidedById = deciderUserId });
        plan.State = approve ? ActionPlanState.Approved : ActionPlanState.Returned;
        plan.UpdatedAt = now;
        plan.Version++;
        audit.Add(approve ? AuditActions.ActionPlanApproved : AuditActions.ActionPlanReturned, plan.AuthorId,
            AuditLog.Person(plan.Author!.FullName, plan.Author.EmployeeNumber),
            new Dictionary<string, object?> { ["plan"] = plan.Id, ["finding"] = plan.FindingId, ["comment"] = comment });
        if (!await SavedAsync(ct)) return new PlanOutcome.Stale();
        return new PlanOutcome.Done(plan.State, await MailAuthorAsync(plan, approve, comment, ct));
    }

    /// <summary>False when someone else's write got in first (the version token); nothing of this one was kept.</summary>
    async Task<bool> SavedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    string PlanLink(int planId, string language) => app.Value.Link($"/team/plans/{planId}?culture={language}");

    /// <summary>Tells the author's own manager a plan waits for them; HR finds it in their queue.</summary>
    async Task<bool> MailApproverAsync(ActionPlan plan, CancellationToken ct)
    {
        var author = await db.Employees.AsNoTracking().Where(e => e.Id == plan.AuthorId)
            .Select(e => new { e.FullName, e.ManagerId, ManagerActive = e.Manager != null && e.Manager.IsActive }).SingleAsync(ct);
        if (author.ManagerId is not int managerId || !author.ManagerActive || await mail.RecipientAsync(managerId, ct) is not { } to) return false;
        var name = DisplayText.Clean(author.FullName);
        return await mail.SendAsync(to, () => (
            L["{0} te envía un plan de acción para aprobar", name],
            L["Hola, {0}:\n\n{1} ha escrito un plan de acción sobre un resultado de auditoría y espera tu aprobación. Léelo y apruébalo o devuélvelo con un comentario aquí:\n{2}", to.Name, name, PlanLink(plan.Id, to.Language)]), ct);
    }

    async Task<bool> MailAuthorAsync(ActionPlan plan, bool approved, string? comment, CancellationToken ct)
    {
        if (await mail.RecipientAsync(plan.AuthorId, ct) is not { } to) return false;
        var link = PlanLink(plan.Id, to.Language);
        return await mail.SendAsync(to, () => approved
            ? (L["Tu plan de acción está aprobado"], L["Hola, {0}:\n\nTu plan de acción está aprobado. Puedes consultarlo aquí:\n{1}", to.Name, link])
            : (L["Tu plan de acción necesita cambios"], L["Hola, {0}:\n\nTe han devuelto tu plan de acción con este comentario:\n\n{1}\n\nCámbialo y envíalo de nuevo aquí:\n{2}", to.Name, comment ?? "", link]), ct);
    }
}
