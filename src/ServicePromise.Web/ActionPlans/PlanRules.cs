using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.ActionPlans;

/// <summary>What a plan's form posts: the manager's answer to the finding.</summary>
public sealed record PlanInput(string? Cause, string? Actions, string? Owner, DateOnly? DueOn)
{
    /// <summary>The input as it is stored: browsers post CRLF, surrounding blanks are nothing.</summary>
    public PlanInput Clean() => new(Tidy(Cause), Tidy(Actions), Tidy(Owner), DueOn);

    static string Tidy(string? text) => text?.Replace("\r\n", "\n").Trim() ?? "";
}

/// <summary>The signed-in person looking at a plan.</summary>
public sealed record PlanViewer(int? EmployeeId, bool IsHr);

/// <summary>A plan's author as the rules see them: who they are and who their own manager is.</summary>
public sealed record PlanAuthor(int EmployeeId, int? ManagerId);

/// <summary>What someone may do with a plan.</summary>
public sealed record PlanAccess(bool See, bool IsAuthor, bool MayDecide)
{
    public static readonly PlanAccess None = new(false, false, false);
}

/// <summary>
/// The action plan's rules, no database: who sees, edits and decides a plan, what a plan needs before it is sent, and
/// what a decision needs. The author (the site's manager) writes it; HR or the author's own manager approves it or
/// returns it; nobody decides on their own plan; nobody else sees it.
/// </summary>
public static class PlanRules
{
    static readonly Messages L = new();

    public const int CauseMaxLength = 4000;
    public const int ActionsMaxLength = 4000;
    public const int OwnerMaxLength = 200;
    public const int CommentMaxLength = 2000;

    public static PlanAccess AccessOf(PlanViewer viewer, PlanAuthor author)
    {
        if (viewer.EmployeeId is not int me) return PlanAccess.None;
        if (me == author.EmployeeId) return new(true, true, false);
        var decides = viewer.IsHr || author.ManagerId == me;
        return decides ? new(true, false, true) : PlanAccess.None;
    }

    /// <summary>The author may change and send it: before it is sent, and after it was returned.</summary>
    public static bool Editable(ActionPlanState state) => state is ActionPlanState.Draft or ActionPlanState.Returned;

    /// <summary>
    /// Why the input cannot be kept, per form field (nothing when it can). A draft may be incomplete; a plan sent for
    /// approval needs every field. Lengths, hidden characters and a due date in the past are refused either way.
    /// </summary>
    public static IReadOnlyList<(string Field, Message Problem)> ProblemsWith(PlanInput input, DateOnly today, bool submitting)
    {
        var problems = new List<(string, Message)>();
        void Text(string field, string? value, int max, bool singleLine, Message missing)
        {
            if (string.IsNullOrEmpty(value))
            {
                if (submitting) problems.Add((field, missing));
                return;
            }
            if (value.Length > max) problems.Add((field, L["Tiene {0} caracteres; el máximo es {1}.", value.Length, max]));
            else if ((singleLine ? SingleLineText.Problem(value) : MultiLineText.Problem(value)) is { } bad) problems.Add((field, bad));
        }
        Text(nameof(PlanInput.Cause), input.Cause, CauseMaxLength, false, L["Escribe la causa: por qué crees que el resultado quedó por debajo del estándar."]);
        Text(nameof(PlanInput.Actions), input.Actions, ActionsMaxLength, false, L["Escribe al menos una acción concreta."]);
        Text(nameof(PlanInput.Owner), input.Owner, OwnerMaxLength, true, L["Escribe quién se encarga de las acciones."]);
        if (input.DueOn is { } due)
        {
            if (due < today) problems.Add((nameof(PlanInput.DueOn), L["La fecha límite ya ha pasado; elige hoy o una fecha posterior."]));
        }
        else if (submitting) problems.Add((nameof(PlanInput.DueOn), L["Elige la fecha límite de las acciones."]));
        return problems;
    }

    /// <summary>Why a decision cannot be recorded as posted, or null when it can. <paramref name="comment"/> is already trimmed.</summary>
    public static Message? ProblemWithDecision(bool approve, string? comment)
    {
        if (!approve && string.IsNullOrEmpty(comment))
            return L["Para devolver el plan, escribe un comentario que diga qué cambiar."];
        if (comment is { Length: > CommentMaxLength })
            return L["El comentario tiene {0} caracteres; el máximo es {1}.", comment.Length, CommentMaxLength];
        return MultiLineText.Problem(comment);
    }
}
