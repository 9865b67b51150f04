using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Reflections;

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
        e.HasIndex(x => new { x.EmployeeId, x.EditionId, x.Reason, x.DueOn }).IsUnique();
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

public class ReflectionConfiguration : IEntityTypeConfiguration<Reflection>
{
    public void Configure(EntityTypeBuilder<Reflection> e)
    {
        e.Property(x => x.Text).HasMaxLength(8000);
        e.HasOne(x => x.AssignmentPillar).WithOne().HasForeignKey<Reflection>(x => x.AssignmentPillarId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> e)
    {
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.HolderName).HasMaxLength(200);
        e.Property(x => x.JobTitle).HasMaxLength(200);
        e.Property(x => x.Company).HasMaxLength(200);
        e.Property(x => x.Language).HasMaxLength(8);
        e.Property(x => x.PillarTitles).HasMaxLength(4000);
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => x.AssignmentId).IsUnique();
        e.HasOne(x => x.Assignment).WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Edition).WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> e)
    {
        e.Property(x => x.FriendlyName).HasMaxLength(200);
    }
}
