using Microsoft.Extensions.Localization;

namespace ServicePromise.Web.Audit;

/// <summary>What the log's codes mean, in the reader's language: actions, origins and the keys of the details.</summary>
public static class AuditText
{
    public static string Action(string action, IStringLocalizer L) => action switch
    {
        AuditActions.StaffImportApplied => L["Importación de plantilla aplicada"],
        AuditActions.AuditResultsImported => L["Resultados de auditoría registrados"],
        AuditActions.EmailChanged => L["Correo de acceso cambiado"],
        AuditActions.JobChanged => L["Puesto o centro cambiado"],
        AuditActions.RoleGranted => L["Rol concedido"],
        AuditActions.RoleRemoved => L["Rol retirado"],
        AuditActions.Deactivated => L["Persona dada de baja"],
        AuditActions.Reactivated => L["Persona reactivada"],
        AuditActions.AdminCreated => L["Administrador creado"],
        AuditActions.CertificateRevoked => L["Certificado revocado"],
        AuditActions.CertificateReissued => L["Certificado reemitido"],
        AuditActions.ContentPublished => L["Edición publicada"],
        AuditActions.EvidenceRequested => L["Paquete de evidencias solicitado"],
        AuditActions.EvidenceBuilt => L["Paquete de evidencias preparado"],
        AuditActions.EvidenceDownloaded => L["Paquete de evidencias descargado"],
        AuditActions.EvidenceDeleted => L["Paquete de evidencias borrado"],
        AuditActions.CompletionExported => L["Lista de cumplimiento exportada (CSV)"],
        AuditActions.CertificatesDownloaded => L["Certificados descargados (ZIP)"],
        AuditActions.AuditExported => L["Registro de auditoría exportado"],
        AuditActions.SettingsChanged => L["Configuración cambiada"],
        AuditActions.ProvisioningApplied => L["Cambio recibido del proveedor de identidad (SCIM)"],
        AuditActions.ScimTokenCreated => L["Token SCIM creado"],
        AuditActions.ScimTokenRevoked => L["Token SCIM revocado"],
        AuditActions.LetterPrinted => L["Carta de bienvenida impresa"],
        AuditActions.LetterUsed => L["Contraseña elegida con una carta"],
        AuditActions.SsoRefused => L["Inicio de sesión con la empresa rechazado"],
        AuditActions.SsoLinked => L["Cuenta enlazada con el inicio de sesión de la empresa"],
        AuditActions.SsoCreated => L["Persona creada al iniciar sesión con la empresa"],
        AuditActions.ActionPlanApproved => L["Plan de acción aprobado"],
        AuditActions.ActionPlanReturned => L["Plan de acción devuelto"],
        AuditActions.FindingConfirmed => L["Hallazgo de auditoría confirmado: repaso y plan"],
        AuditActions.FindingDismissed => L["Hallazgo de auditoría descartado"],
        _ => action,
    };

    public static string Origin(string origin, IStringLocalizer L) => origin switch
    {
        AuditOrigins.CommandLine => L["línea de órdenes"],
        AuditOrigins.System => L["el sistema"],
        "" => "—",
        _ => origin,
    };

    public static string Actor(string name, IStringLocalizer L) => name.Length == 0 ? L["el sistema"] : name;

    public static string Key(string key, IStringLocalizer L) => key switch
    {
        "created" => L["Altas"],
        "updated" => L["Cambios"],
        "deactivated" => L["Bajas"],
        "reactivated" => L["Reactivaciones"],
        "file" => L["Archivo"],
        "full" => L["Importación completa"],
        "missing" => L["No estaba en el archivo"],
        "refused" => L["Filas rechazadas"],
        "from" => L["Antes"],
        "to" => L["Después"],
        "role" => L["Rol"],
        "roles" => L["Roles"],
        "email" => L["Correo"],
        "certificate" => L["Código de verificación"],
        "replacedBy" => L["Sustituido por"],
        "reason" => L["Motivo"],
        "edition" => L["Edición"],
        "note" => L["Nota"],
        "operation" => L["Operación"],
        "fields" => L["Campos"],
        "token" => L["Token"],
        "assigned" => L["Personas con tareas"],
        "pack" => L["Paquete"],
        "sha256" => "SHA-256",
        "people" => L["Personas"],
        "certificates" => L["Certificados"],
        "entries" => L["Entradas"],
        "filter" => L["Filtro"],
        "changed" => L["Cambiado"],
        "settings" => L["Configuración"],
        "provider" => L["Proveedor de inicio de sesión"],
        "subject" => L["Identidad en el proveedor"],
        "number" => L["Nº de empleado"],
        "problem" => L["Problema"],
        "plan" => L["Plan de acción"],
        "finding" => L["Hallazgo"],
        "comment" => L["Comentario"],
        _ => key,
    };
}
