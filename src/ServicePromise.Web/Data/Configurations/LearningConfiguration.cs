using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Data.Configurations;

public class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> e)
    {
        e.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Edition).WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Pillars).WithOne(x => x.Assignment).HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        // One assignment per person, edition, reason and due date: a periodic refresher of the same edition
        // a year later is a new one, a double start-up or a second instance is not.
        e.HasIndex(x => new { x.EmployeeId, x.EditionId, x.Reason, x.DueOn }).IsUnique().HasFilter("\"FindingId\" IS NULL");
        // A targeted refresher: one per person, finding and edition, whatever its due date (a new edition published
        // while it is open moves it to that edition, still answering the same finding). The role change that replaces
        // one unfinished answers the same finding in the same edition, hence the reason in the key.
        e.HasOne(x => x.Finding).WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.FindingId, x.EmployeeId, x.EditionId, x.Reason }).IsUnique().HasFilter("\"FindingId\" IS NOT NULL");
        // Both unique indexes above are partial, so neither serves "this person's assignments" (onboarding asks it of
        // every employee at each start: without this index, a full scan per person — minutes at 100,000 people).
        e.HasIndex(x => x.EmployeeId);
        e.HasIndex(x => x.DueOn);
    }
}

public class AssignmentPillarConfiguration : IEntityTypeConfiguration<AssignmentPillar>
{
    public void Configure(EntityTypeBuilder<AssignmentPillar> e)
    {
        e.HasOne(x => x.Pillar).WithMany().HasForeignKey(x => x.PillarId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.AssignmentId, x.PillarId }).IsUnique();
    }
}

public class CheckAttemptConfiguration : IEntityTypeConfiguration<CheckAttempt>
{
    public void Configure(EntityTypeBuilder<CheckAttempt> e)
    {
        e.Property(x => x.Presentation).HasMaxLength(2000);
        e.Property(x => x.Answers).HasMaxLength(2000);
        e.HasOne(x => x.AssignmentPillar).WithMany().HasForeignKey(x => x.AssignmentPillarId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.AssignmentPillarId, x.Number }).IsUnique();
    }
}

public class RoleChangeConfiguration : IEntityTypeConfiguration<RoleChanges.RoleChange>
{
    public void Configure(EntityTypeBuilder<RoleChanges.RoleChange> e)
    {
        e.Property(x => x.OldJobTitle).HasMaxLength(200);
        e.Property(x => x.NewJobTitle).HasMaxLength(200);
        e.Property(x => x.OldSite).HasMaxLength(200);
        e.Property(x => x.NewSite).HasMaxLength(200);
        e.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Assignment).WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        // "This person's newest change" (their banner, the team's list) and "the change behind this assignment".
        e.HasIndex(x => new { x.EmployeeId, x.ChangedAt });
        e.HasIndex(x => x.AssignmentId);
    }
}
