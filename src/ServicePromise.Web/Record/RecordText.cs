using Microsoft.Extensions.Localization;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Record;

/// <summary>The words the record page and its PDF share, so both say exactly the same thing.</summary>
public static class RecordText
{
    public static string Reason(AssignmentReason reason, IStringLocalizer L) => reason switch
    {
        AssignmentReason.NewEdition => L["Nueva edición"],
        AssignmentReason.PeriodicRefresher => L["Repaso periódico"],
        AssignmentReason.Finding => L["Repaso por auditoría de servicio"],
        AssignmentReason.RoleChange => L["Cambio de puesto: reflexiones nuevas"],
        AssignmentReason.KnowledgeRefresher => L["Repaso por las preguntas de la semana"],
        _ => L["Incorporación"],
    };

    /// <summary>A superseded assignment that was never finished is a record only; saying "overdue" would be wrong.</summary>
    public static string Status(RecordAssignment a, IStringLocalizer L) =>
        a.SupersededAt is not null && a.CompletedAt is null ? L["Sustituida por una formación posterior"] : Reports.StatusText.Of(a.Status, L);

    public static string Certificate(CertificateStatus status, IStringLocalizer L) => status switch
    {
        CertificateStatus.Superseded => L["Sustituido"],
        CertificateStatus.Expired => L["Caducado"],
        CertificateStatus.Revoked => L["Revocado"],
        _ => L["Vigente"],
    };

    public static string Reflection(ReflectionStatus status, IStringLocalizer L) => status switch
    {
        ReflectionStatus.Submitted => L["Enviada; esperando revisión"],
        ReflectionStatus.Returned => L["Devuelta para revisar"],
        ReflectionStatus.Accepted => L["Aceptada"],
        _ => L["Borrador sin enviar"],
    };

    public static string Part(ReflectionPart part, IStringLocalizer L) => part switch
    {
        ReflectionPart.Meaning => L["Qué significa en mi puesto"],
        ReflectionPart.Customers => L["Quiénes son mis clientes"],
        _ => L["Mi acción concreta"],
    };

    public static string Decision(ReviewDecision decision, IStringLocalizer L) =>
        decision == ReviewDecision.Approved ? L["Aprobada"] : L["Devuelta"];

    public static string Language(string language, IStringLocalizer L) => language == "en" ? L["Inglés"] : L["Español"];

    public static string YesNo(bool value, IStringLocalizer L) => value ? L["Sí"] : L["No"];

    /// <summary>The reviewer's short rubric, only the points they marked.</summary>
    public static string? Rubric(RecordReview r, IStringLocalizer L)
    {
        var points = new List<string>();
        if (r.SpecificToRole is bool role) points.Add(L["Concreta para el puesto: {0}", YesNo(role, L)]);
        if (r.NamesCustomer is bool customer) points.Add(L["Nombra al cliente: {0}", YesNo(customer, L)]);
        if (r.ConcreteAction is bool action) points.Add(L["Acción concreta: {0}", YesNo(action, L)]);
        return points.Count == 0 ? null : string.Join(" · ", points);
    }

    /// <summary>How the person chose to share the reflection, and whether it is shown.</summary>
    public static string Sharing(RecordReflection r, IStringLocalizer L, Func<DateTime, string> date) =>
        !r.ShareConsent ? L["No compartida como ejemplo."]
        : r.FeaturedAt is { } featured
            ? (r.ShareAnonymously ? L["Compartida sin tu nombre; destacada como ejemplo el {0}.", date(featured)] : L["Compartida con tu nombre; destacada como ejemplo el {0}.", date(featured)])
            : (r.ShareAnonymously ? L["Aceptaste compartirla sin tu nombre; no se ha destacado como ejemplo."] : L["Aceptaste compartirla con tu nombre; no se ha destacado como ejemplo."]);

    public static string Attempt(RecordAttempt a, IStringLocalizer L) =>
        a.Score is int score ? $"{score} % · " + (a.Passed ? L["Superado"] : L["No superado"]) : L["Sin enviar"];
}
