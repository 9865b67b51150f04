using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Data.Configurations;

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
