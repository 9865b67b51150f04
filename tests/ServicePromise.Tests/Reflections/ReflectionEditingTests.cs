using ServicePromise.Web.Reflections;

namespace ServicePromise.Tests.Reflections;

/// <summary>When a reflection can be changed, and when a draft can be saved — the rule the form and the recorder share.</summary>
public class ReflectionEditingTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData(ReflectionStatus.Draft, false)]
    [InlineData(ReflectionStatus.Returned, true)]
    [InlineData(ReflectionStatus.Draft, true)]
    public void A_new_draft_or_returned_reflection_can_be_edited_and_saved_as_a_draft(ReflectionStatus? status, bool reviewRequired)
    {
        Assert.True(ReflectionEditing.CanEdit(status, trainingComplete: false, reviewRequired));
        Assert.True(ReflectionEditing.CanSaveDraft(status, trainingComplete: false, reviewRequired));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ReflectionStatus.Draft)]
    [InlineData(ReflectionStatus.Returned)]
    [InlineData(ReflectionStatus.Accepted)]
    public void Nothing_changes_once_the_training_is_complete(ReflectionStatus? status)
    {
        foreach (var review in new[] { false, true })
        {
            Assert.Equal("Esta formación ya está completada; tu reflexión no se puede cambiar.", ReflectionEditing.WhyLocked(status, true, review)?.Key);
            Assert.False(ReflectionEditing.CanEdit(status, true, review));
            Assert.False(ReflectionEditing.CanSaveDraft(status, true, review));
        }
    }

    [Fact]
    public void A_reflection_waiting_for_review_is_frozen()
    {
        Assert.Contains("esperando la revisión", ReflectionEditing.WhyLocked(ReflectionStatus.Submitted, false, true)!.Key);
        Assert.False(ReflectionEditing.CanEdit(ReflectionStatus.Submitted, false, true));
        Assert.False(ReflectionEditing.CanSaveDraft(ReflectionStatus.Submitted, false, true));
    }

    [Fact]
    public void An_approved_reflection_under_review_cannot_be_changed()
    {
        Assert.Equal("Tu reflexión ya está aprobada.", ReflectionEditing.WhyLocked(ReflectionStatus.Accepted, false, true)?.Key);
        Assert.False(ReflectionEditing.CanSaveDraft(ReflectionStatus.Accepted, false, true));
    }

    [Fact]
    public void A_sent_reflection_without_review_can_be_updated_by_sending_it_again_but_not_turned_back_into_a_draft()
    {
        Assert.True(ReflectionEditing.CanEdit(ReflectionStatus.Accepted, false, false));
        Assert.False(ReflectionEditing.CanSaveDraft(ReflectionStatus.Accepted, false, false));
        Assert.StartsWith("Ya has enviado esta reflexión.", ReflectionEditing.WhyNoDraft(ReflectionStatus.Accepted, false, false)!.Key);
    }
}
