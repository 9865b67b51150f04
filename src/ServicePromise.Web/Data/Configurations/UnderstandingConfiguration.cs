using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.Understanding;

namespace ServicePromise.Web.Data.Configurations;

public class CheckAnswerConfiguration : IEntityTypeConfiguration<CheckAnswer>
{
    public void Configure(EntityTypeBuilder<CheckAnswer> e)
    {
        e.Property(x => x.PillarKey).HasMaxLength(64);
        e.Property(x => x.Chosen).HasMaxLength(64);
        e.HasOne<Learning.CheckAttempt>().WithMany().HasForeignKey(x => x.CheckAttemptId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Staff.Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Content.Pillar>().WithMany().HasForeignKey(x => x.PillarId).OnDelete(DeleteBehavior.Restrict);
        // One row per attempt and question: the backfill and a second submission can never double a count.
        e.HasIndex(x => new { x.CheckAttemptId, x.Question }).IsUnique();
        // A person's first try at a pillar is the lowest attempt id among their rows for it.
        e.HasIndex(x => new { x.PillarId, x.EmployeeId, x.CheckAttemptId });
    }
}
