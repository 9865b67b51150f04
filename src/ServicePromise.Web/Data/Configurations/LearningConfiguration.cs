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
        // Defaults only because these columns were added to a table with rows (migration ReflectionsGuided).
        e.Property(x => x.Meaning).HasMaxLength(4000).HasDefaultValue("");
        e.Property(x => x.Customers).HasMaxLength(4000).HasDefaultValue("");
        e.Property(x => x.Action).HasMaxLength(4000).HasDefaultValue("");
        e.Property(x => x.Revision).HasDefaultValue(0);
        e.Property(x => x.Status).HasDefaultValue(ReflectionStatus.Draft);
        e.Property(x => x.ShareConsent).HasDefaultValue(false);
        e.Property(x => x.ShareAnonymously).HasDefaultValue(false);
        e.HasOne(x => x.AssignmentPillar).WithOne().HasForeignKey<Reflection>(x => x.AssignmentPillarId).OnDelete(DeleteBehavior.Cascade);
        // SimilarToId and FeaturedById are plain references, without foreign keys: SQLite cannot add a foreign key
        // to a table that already exists, and a flag or a "featured by" note must never block deleting anything.
        e.HasIndex(x => x.Status);
        e.HasIndex(x => x.FeaturedAt);
        e.Ignore(x => x.Text);
    }
}

public class ReflectionVersionConfiguration : IEntityTypeConfiguration<ReflectionVersion>
{
    public void Configure(EntityTypeBuilder<ReflectionVersion> e)
    {
        e.Property(x => x.Meaning).HasMaxLength(4000);
        e.Property(x => x.Customers).HasMaxLength(4000);
        e.Property(x => x.Action).HasMaxLength(4000);
        e.HasOne(x => x.Reflection).WithMany(x => x.Versions).HasForeignKey(x => x.ReflectionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ReflectionId, x.Number }).IsUnique();
        e.Ignore(x => x.Text);
    }
}

public class ReflectionReviewConfiguration : IEntityTypeConfiguration<ReflectionReview>
{
    public void Configure(EntityTypeBuilder<ReflectionReview> e)
    {
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.HasOne(x => x.Reflection).WithMany(x => x.Reviews).HasForeignKey(x => x.ReflectionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Reviewer).WithMany().HasForeignKey(x => x.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        // One decision per sent version: a double click on "approve" records it once.
        e.HasIndex(x => new { x.ReflectionId, x.VersionNumber }).IsUnique();
    }
}

public class NudgeConfiguration : IEntityTypeConfiguration<Nudge>
{
    public void Configure(EntityTypeBuilder<Nudge> e)
    {
        e.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.SentBy).WithMany().HasForeignKey(x => x.SentById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.EmployeeId, x.SentAt });
    }
}

public class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public const string CurrentFilter = "\"ReplacedAt\" IS NULL";

    public void Configure(EntityTypeBuilder<Certificate> e)
    {
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.HolderName).HasMaxLength(200);
        e.Property(x => x.JobTitle).HasMaxLength(200);
        e.Property(x => x.Company).HasMaxLength(200);
        e.Property(x => x.Language).HasMaxLength(8);
        e.Property(x => x.PillarTitles).HasMaxLength(4000);
        e.Property(x => x.RevokedReason).HasMaxLength(500);
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.ReissueReason).HasMaxLength(500);
        // One current certificate per assignment; replaced ones (reissues) may be many. The filtered unique index is
        // also the claim that makes two simultaneous reissues produce one new certificate. Same SQL on SQLite and PostgreSQL.
        e.HasIndex(x => x.AssignmentId).IsUnique().HasFilter(CurrentFilter);
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

public class EvidencePackConfiguration : IEntityTypeConfiguration<Evidence.EvidencePack>
{
    public void Configure(EntityTypeBuilder<Evidence.EvidencePack> e)
    {
        e.Property(x => x.RequestedByName).HasMaxLength(200);
        e.Property(x => x.Language).HasMaxLength(8);
        e.Property(x => x.ClaimedBy).HasMaxLength(100);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.Error).HasMaxLength(1000);
        e.HasIndex(x => x.Status);
    }
}
