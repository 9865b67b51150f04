using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.CheckIns;

namespace ServicePromise.Web.Data.Configurations;

public class CommitmentCheckInConfiguration : IEntityTypeConfiguration<CommitmentCheckIn>
{
    public void Configure(EntityTypeBuilder<CommitmentCheckIn> e)
    {
        e.Property(x => x.PillarKey).HasMaxLength(64);
        e.Property(x => x.Note).HasMaxLength(CheckInPlanner.TextMaxLength);
        e.Property(x => x.Obstacle).HasMaxLength(CheckInPlanner.TextMaxLength);
        e.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.ReflectionVersion).WithMany().HasForeignKey(x => x.ReflectionVersionId).OnDelete(DeleteBehavior.Cascade);
        // One row per step of a plan (and one retry): an answer posted twice cannot schedule the next one twice.
        e.HasIndex(x => new { x.ReflectionVersionId, x.Step, x.IsRetry }).IsUnique();
        // The home card and the mail job look for what is due and open.
        e.HasIndex(x => new { x.EmployeeId, x.DueOn });
        e.HasIndex(x => new { x.DueOn, x.MailClaimedAt });
    }
}

public class CheckInReplyConfiguration : IEntityTypeConfiguration<CheckInReply>
{
    public void Configure(EntityTypeBuilder<CheckInReply> e)
    {
        e.Property(x => x.Text).HasMaxLength(CheckInPlanner.TextMaxLength);
        e.HasOne(x => x.CheckIn).WithMany(x => x.Replies).HasForeignKey(x => x.CheckInId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CheckInId, x.WrittenAt });
    }
}
