using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServicePromise.Web.Data.Configurations;

public class ReminderSendConfiguration : IEntityTypeConfiguration<Reminders.ReminderSend>
{
    public void Configure(EntityTypeBuilder<Reminders.ReminderSend> e)
    {
        e.Property(x => x.Step).HasMaxLength(32);
        e.Property(x => x.Recipient).HasMaxLength(256);
        e.Property(x => x.LastError).HasMaxLength(1000);
        // The claim: one row per assignment and step, whoever inserts it first sends the message.
        e.HasIndex(x => new { x.AssignmentId, x.Step }).IsUnique();
        e.HasIndex(x => new { x.Status, x.NextAttemptAt });
        e.HasOne(x => x.Assignment).WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
