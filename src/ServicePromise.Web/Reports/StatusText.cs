using Microsoft.Extensions.Localization;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Reports;

public static class StatusText
{
    /// <summary>The status as HR reads it, in the reader's language (lists, person page, CSV).</summary>
    public static string Of(AssignmentStatus status, IStringLocalizer L) => status switch
    {
        AssignmentStatus.Completed => L["Completado"],
        AssignmentStatus.InProgress => L["En curso"],
        AssignmentStatus.Overdue => L["Vencido"],
        AssignmentStatus.Recontextualising => L["Recontextualizando (certificado vigente)"],
        _ => L["Sin empezar"],
    };
}
