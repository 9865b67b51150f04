using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.Data.Configurations;

public class AuditBatchConfiguration : IEntityTypeConfiguration<AuditBatch>
{
    public void Configure(EntityTypeBuilder<AuditBatch> e)
    {
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.FileSha256).HasMaxLength(64);
        e.HasIndex(x => x.FileSha256);
    }
}

public class AuditResultConfiguration : IEntityTypeConfiguration<AuditResult>
{
    const string Live = "\"ReplacedAt\" IS NULL";

    public void Configure(EntityTypeBuilder<AuditResult> e)
    {
        e.Property(x => x.Source).HasMaxLength(200);
        e.Property(x => x.StandardKey).HasMaxLength(64);
        e.Property(x => x.PillarKey).HasMaxLength(64);
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.Property(x => x.SharedComment).HasMaxLength(2000);
        e.Ignore(x => x.Score);
        e.HasOne(x => x.Site).WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Batch).WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AuditResult>().WithMany().HasForeignKey(x => x.ReplacedById).OnDelete(DeleteBehavior.Restrict);
        // One live result per place, standard and period: a correction replaces, never doubles. One index per kind
        // of place, because a unique index treats NULLs as distinct (the other place column is always NULL).
        e.HasIndex(x => new { x.SiteId, x.StandardKey, x.PeriodKind, x.PeriodStart }, "IX_AuditResults_LiveSite")
            .IsUnique().HasFilter(Live + " AND \"SiteId\" IS NOT NULL");
        e.HasIndex(x => new { x.DepartmentId, x.StandardKey, x.PeriodKind, x.PeriodStart }, "IX_AuditResults_LiveDepartment")
            .IsUnique().HasFilter(Live + " AND \"DepartmentId\" IS NOT NULL");
        e.HasIndex(x => new { x.PeriodKind, x.PeriodStart });
        e.ToTable(t =>
        {
            t.HasCheckConstraint("CK_AuditResults_OnePlace", "(\"SiteId\" IS NULL) <> (\"DepartmentId\" IS NULL)");
            t.HasCheckConstraint("CK_AuditResults_Score", "\"ScoreHundredths\" BETWEEN 0 AND 10000");
            t.HasCheckConstraint("CK_AuditResults_Sample", "\"Sample\" > 0");
            t.HasCheckConstraint("CK_AuditResults_Replaced", "(\"ReplacedAt\" IS NULL) = (\"ReplacedById\" IS NULL)");
        });
    }
}

public class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> e)
    {
        e.Property(x => x.StandardKey).HasMaxLength(64);
        e.Property(x => x.PillarKey).HasMaxLength(64);
        e.Property(x => x.DismissReason).HasMaxLength(1000);
        e.Property(x => x.JobTitles).HasMaxLength(4000);
        e.HasOne(x => x.Result).WithMany().HasForeignKey(x => x.ResultId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ResultId).IsUnique();
        e.HasOne(x => x.Site).WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.State, x.SiteId });
    }
}

public class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> e)
    {
        e.Property(x => x.Cause).HasMaxLength(4000);
        e.Property(x => x.Actions).HasMaxLength(4000);
        e.Property(x => x.Owner).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Finding).WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.FindingId).IsUnique();
        e.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Decisions).WithOne().HasForeignKey(x => x.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.State, x.AuthorId });
    }
}

public class ActionPlanDecisionConfiguration : IEntityTypeConfiguration<ActionPlanDecision>
{
    public void Configure(EntityTypeBuilder<ActionPlanDecision> e)
    {
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.Property(x => x.DecidedById).HasMaxLength(450);
    }
}
