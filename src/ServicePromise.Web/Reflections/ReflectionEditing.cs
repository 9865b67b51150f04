using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Reflections;

/// <summary>
/// Whether a reflection can be changed now, and why not — plain C#, no database. The page asks it to decide
/// what to offer (editable boxes, a draft button); <see cref="ReflectionRecorder"/> asks it again before writing.
/// </summary>
public static class ReflectionEditing
{
    static readonly Messages L = new();

    /// <summary>
    /// Why the text cannot be changed and sent now, or null when it can: not once the training is complete, not
    /// while it waits for review, not once approved under review. Sent with reviews off, it can be updated.
    /// </summary>
    public static Message? WhyLocked(ReflectionStatus? status, bool trainingComplete, bool reviewRequired)
    {
        if (trainingComplete) return L["Esta formación ya está completada; tu reflexión no se puede cambiar."];
        return status switch
        {
            ReflectionStatus.Submitted => L["Tu reflexión está esperando la revisión de tu responsable; podrás cambiarla si te la devuelve."],
            ReflectionStatus.Accepted when reviewRequired => L["Tu reflexión ya está aprobada."],
            _ => null,
        };
    }

    public static bool CanEdit(ReflectionStatus? status, bool trainingComplete, bool reviewRequired) =>
        WhyLocked(status, trainingComplete, reviewRequired) is null;

    /// <summary>
    /// Why no draft can be saved now, or null when it can. A sent reflection that counts is changed by sending it
    /// again: a draft would take back what already counts.
    /// </summary>
    public static Message? WhyNoDraft(ReflectionStatus? status, bool trainingComplete, bool reviewRequired) =>
        WhyLocked(status, trainingComplete, reviewRequired)
        ?? (status == ReflectionStatus.Accepted ? L["Ya has enviado esta reflexión. Para cambiarla, edítala y pulsa «Actualizar reflexión»."] : null);

    public static bool CanSaveDraft(ReflectionStatus? status, bool trainingComplete, bool reviewRequired) =>
        WhyNoDraft(status, trainingComplete, reviewRequired) is null;
}
