using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Coaching;

/// <summary>What someone may do with another person's sent reflection.</summary>
public enum ReviewAccess
{
    /// <summary>Nothing: the page does not exist for them.</summary>
    None,
    /// <summary>Read it, its history and its similarity flag, and feature it (HR looking at someone with a manager).</summary>
    See,
    /// <summary>All of the above, and approve or return it: the reflection's reviewer.</summary>
    Decide,
}

/// <summary>The author of a reflection as the review rules see them.</summary>
/// <param name="ManagerActive">Their manager still works here (a manager who has left reviews nobody).</param>
public sealed record ReviewAuthor(int EmployeeId, int? ManagerId, bool ManagerActive);

/// <summary>The signed-in person looking at a reflection.</summary>
public sealed record ReviewViewer(int? EmployeeId, bool IsHr);

/// <summary>
/// Who reviews whom, and what a decision needs — plain rules, no database. A person's reflections are reviewed by
/// their manager; people without an (active) manager are reviewed by HR. HR may read every sent reflection. Nobody
/// reviews their own, and a manager sees only their direct reports'.
/// </summary>
public static class ReviewRules
{
    static readonly Messages L = new();

    public const int CommentMaxLength = 2000;

    public static bool ReviewedByHr(ReviewAuthor author) => author.ManagerId is null || !author.ManagerActive;

    public static ReviewAccess AccessOf(ReviewViewer viewer, ReviewAuthor author)
    {
        if (viewer.EmployeeId is not int viewerId || viewerId == author.EmployeeId) return ReviewAccess.None;
        if (!ReviewedByHr(author) && author.ManagerId == viewerId) return ReviewAccess.Decide;
        if (viewer.IsHr) return ReviewedByHr(author) ? ReviewAccess.Decide : ReviewAccess.See;
        return ReviewAccess.None;
    }

    /// <summary>Why a decision cannot be recorded as posted, or null when it can. <paramref name="comment"/> is already trimmed.</summary>
    public static Message? ProblemWith(ReviewDecision decision, string? comment)
    {
        if (decision == ReviewDecision.Returned && string.IsNullOrEmpty(comment))
            return L["Para devolverla, escribe un comentario que diga qué mejorar."];
        if (comment is { Length: > CommentMaxLength })
            return L["El comentario tiene {0} caracteres; el máximo es {1}.", comment.Length, CommentMaxLength];
        return Infrastructure.MultiLineText.Problem(comment);
    }

    /// <summary>A comment as the reader counts it: browsers post CRLF; surrounding blanks and an empty comment are nothing.</summary>
    public static string? CleanComment(string? comment) =>
        comment?.Replace("\r\n", "\n").Trim() is { Length: > 0 } clean ? clean : null;
}
