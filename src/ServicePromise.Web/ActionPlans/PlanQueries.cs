using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.ActionPlans;

/// <summary>A plan in a list: its state, the finding it answers, its author and due date.</summary>
public sealed record PlanRow(int Id, ActionPlanState State, string Place, string StandardKey, string PillarKey, DateOnly PeriodStart,
    PeriodKind PeriodKind, int ScoreHundredths, int ThresholdHundredths, DateOnly? DueOn, int AuthorId, string AuthorName,
    DateTime? SubmittedAt, bool FindingClosed);

/// <summary>
/// The lists of action plans, for Mi equipo, HR and the Medición pages: what a manager writes and what waits for
/// someone's approval. Who may see which is <see cref="PlanRules"/>; these queries only ever return what that allows.
/// </summary>
public static class PlanQueries
{
    public static readonly Expression<Func<ActionPlan, PlanRow>> RowOf = p => new PlanRow(p.Id, p.State,
        p.Finding!.Site != null ? p.Finding.Site.Name : p.Finding.Department != null ? p.Finding.Department.Name : "",
        p.Finding.StandardKey, p.Finding.PillarKey, p.Finding.PeriodStart, p.Finding.PeriodKind, p.Finding.ScoreHundredths,
        p.Finding.ThresholdHundredths, p.DueOn, p.AuthorId, p.Author!.FullName, p.SubmittedAt, p.Finding.State == FindingState.Closed);

    /// <summary>The plans <paramref name="employeeId"/> writes: the ones still to do first, then by due date.</summary>
    public static async Task<IReadOnlyList<PlanRow>> ForManagerAsync(AppDbContext db, int employeeId, CancellationToken ct = default) =>
        await db.ActionPlans.AsNoTracking().Where(p => p.AuthorId == employeeId)
            .OrderBy(p => p.State == ActionPlanState.Approved).ThenBy(p => p.DueOn == null).ThenBy(p => p.DueOn).ThenBy(p => p.Id)
            .Select(RowOf).ToListAsync(ct);

    /// <summary>
    /// Sent plans <paramref name="employeeId"/> may approve, oldest sent first: every one for HR, otherwise those of
    /// the managers who report to them. Never their own.
    /// </summary>
    public static IQueryable<PlanRow> AwaitingApprovalBy(AppDbContext db, int employeeId, bool isHr) =>
        db.ActionPlans.AsNoTracking()
            .Where(p => p.State == ActionPlanState.Submitted && p.AuthorId != employeeId && (isHr || p.Author!.ManagerId == employeeId))
            .OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id)
            .Select(RowOf);

    /// <summary>One page of <see cref="AwaitingApprovalBy"/>.</summary>
    public static Task<Paged<PlanRow>> AwaitingApprovalByAsync(AppDbContext db, int employeeId, bool isHr, int page = 1, CancellationToken ct = default) =>
        AwaitingApprovalBy(db, employeeId, isHr).PageAsync(page, ct);

    /// <summary>
    /// The standards' wording in <paramref name="language"/>, by key, from the newest edition that has each; a key no
    /// edition has is left out (the page shows the key).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> StandardWordingsAsync(AppDbContext db, IEnumerable<string> keys, string language, CancellationToken ct)
    {
        var wanted = keys.Distinct().ToList();
        var found = await db.PillarStandards.AsNoTracking().Where(s => wanted.Contains(s.Key))
            .Select(s => new { s.Key, s.Pillar!.Edition!.Number, s.Pillar.Edition.DefaultLanguage, Texts = s.Texts.Select(t => new { t.Language, t.Wording }).ToList() })
            .ToListAsync(ct);
        return found.Where(s => s.Texts.Count > 0).GroupBy(s => s.Key)
            .ToDictionary(g => g.Key, g =>
            {
                var newest = g.MaxBy(s => s.Number)!;
                return newest.Texts.FirstOrDefault(t => t.Language == language)?.Wording
                    ?? newest.Texts.FirstOrDefault(t => t.Language == newest.DefaultLanguage)?.Wording ?? newest.Texts[0].Wording;
            });
    }

    /// <summary>The wording for every row's standard in the reader's language.</summary>
    public static Task<IReadOnlyDictionary<string, string>> StandardWordingsAsync(AppDbContext db, IEnumerable<PlanRow> rows, CancellationToken ct) =>
        StandardWordingsAsync(db, rows.Select(r => r.StandardKey), CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
}

/// <summary>The words the plan pages use for periods, scores and states.</summary>
public static class PlanText
{
    /// <summary>"octubre de 2026", or "3.er trimestre de 2026".</summary>
    public static string Period(DateOnly start, PeriodKind kind, IStringLocalizer L) => kind == PeriodKind.Quarter
        ? L["Trimestre {0} de {1}", (start.Month - 1) / 3 + 1, start.Year]
        : start.ToString(L["MMMM 'de' yyyy"], CultureInfo.CurrentCulture);

    /// <summary>A score in hundredths as people write it: 6250 → "62,5".</summary>
    public static string Score(int hundredths) => ScoreText.Of(hundredths);

    public static string State(ActionPlanState state, IStringLocalizer L) => state switch
    {
        ActionPlanState.Draft => L["Borrador"],
        ActionPlanState.Submitted => L["Esperando aprobación"],
        ActionPlanState.Approved => L["Aprobado"],
        ActionPlanState.Returned => L["Devuelto con comentario"],
        _ => state.ToString(),
    };

    /// <summary>The finding in a sentence: "Sevilla Centro, octubre de 2026: 62,5 sobre 100 en «…»; el estándar es 80."</summary>
    public static string Finding(PlanRow row, IReadOnlyDictionary<string, string> wordings, IStringLocalizer L) =>
        L["{0}, {1}: {2} sobre 100 en «{3}»; el estándar es {4}.", row.Place, Period(row.PeriodStart, row.PeriodKind, L),
            Score(row.ScoreHundredths), StandardWording.InSentence(wordings.GetValueOrDefault(row.StandardKey) ?? row.StandardKey), Score(row.ThresholdHundredths)];
}

/// <summary>What the shared list of plans (_PlanList.cshtml) draws.</summary>
public sealed record PlanList(string Id, string Caption, string Empty, IReadOnlyList<PlanRow> Rows, IReadOnlyDictionary<string, string> Wordings, bool ShowAuthor);
