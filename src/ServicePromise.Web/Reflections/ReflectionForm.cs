using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Reflections;

/// <summary>
/// What the reflection form (<c>Reflections/_Form.cshtml</c>) shows: under the lesson on the pillar page, and on the
/// reflection page when a post is refused — the boxes with what was typed, the saved reflection's state, its versions
/// and review thread.
/// </summary>
public sealed class ReflectionForm
{
    public required string Key { get; init; }
    public required int AssignmentPillarId { get; init; }
    public required IReadOnlyDictionary<ReflectionPart, string> Prompts { get; init; }
    public required ReflectionOptions Options { get; init; }
    public required bool TrainingComplete { get; init; }
    /// <summary>What the boxes hold: the saved text, or what was just posted.</summary>
    public required WriteModel.InputModel Input { get; init; }
    /// <summary>The saved reflection (null before the first save).</summary>
    public Reflection? Saved { get; init; }
    public IReadOnlyList<ReflectionVersion> Versions { get; init; } = [];
    public IReadOnlyList<(ReflectionReview Review, string Reviewer)> Thread { get; init; } = [];
    /// <summary>Set when a save was overtaken by another tab or device: both versions are shown.</summary>
    public ReflectionOutcome.Conflict? Conflict { get; init; }
    public string? LockedMessage { get; init; }

    public ReflectionStatus? Status => Saved?.Status;
    public bool ReviewRequired => Options.ReviewRequired;
    public PartBounds BoundsOf(ReflectionPart part) => Options.BoundsOf(part);
    /// <summary>The parts can be edited now (see <see cref="ReflectionEditing"/>).</summary>
    public bool Editable => ReflectionEditing.CanEdit(Status, TrainingComplete, ReviewRequired);
    public bool CanSaveDraft => ReflectionEditing.CanSaveDraft(Status, TrainingComplete, ReviewRequired);
    /// <summary>The browser keeps a copy of unsaved text under this name.</summary>
    public string LocalKey => $"sp-reflection-{AssignmentPillarId}";

    public static async Task<ReflectionForm> LoadAsync(AppDbContext db, ReflectionOptions options, IStringLocalizer L, MyAssignment assignment, MyPillar pillar,
        WriteModel.InputModel? posted = null, ReflectionOutcome.Conflict? conflict = null, string? lockedMessage = null, CancellationToken ct = default)
    {
        var saved = await db.Reflections.AsNoTracking().SingleOrDefaultAsync(r => r.AssignmentPillarId == pillar.AssignmentPillarId, ct);
        var history = saved is null ? null : await ReflectionHistory.LoadAsync(db, saved.Id, ct);
        return new ReflectionForm
        {
            Key = pillar.Key,
            AssignmentPillarId = pillar.AssignmentPillarId,
            Prompts = ReflectionPrompts.Of(pillar.Text, L),
            Options = options,
            TrainingComplete = assignment.IsComplete,
            Input = posted ?? WriteModel.InputModel.From(saved),
            Saved = saved,
            Versions = history?.Versions ?? [],
            Thread = history?.Thread ?? [],
            Conflict = conflict,
            LockedMessage = lockedMessage,
        };
    }
}
