using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.Practice;

namespace ServicePromise.Web.Data.Configurations;

public class PracticeItemConfiguration : IEntityTypeConfiguration<PracticeItem>
{
    public void Configure(EntityTypeBuilder<PracticeItem> e)
    {
        e.Property(x => x.PillarKey).HasMaxLength(64);
        e.HasOne<Staff.Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        // One row per person and question; the weekly job reads a batch of people's rows by this index.
        e.HasIndex(x => new { x.EmployeeId, x.PillarKey, x.Question }).IsUnique();
        // A new edition resets or trims one pillar's rows for everyone.
        e.HasIndex(x => new { x.PillarKey, x.Question });
    }
}

public class KnowledgeCellConfiguration : IEntityTypeConfiguration<KnowledgeCell>
{
    public void Configure(EntityTypeBuilder<KnowledgeCell> e)
    {
        e.Property(x => x.PillarKey).HasMaxLength(64);
        // No foreign keys: a count, not a link (a department deleted after counting just drops out of the names).
        e.HasIndex(x => new { x.Grouping, x.PillarKey, x.DepartmentId, x.SiteId });
    }
}

public class PracticeAnswerConfiguration : IEntityTypeConfiguration<PracticeAnswer>
{
    public void Configure(EntityTypeBuilder<PracticeAnswer> e)
    {
        e.Property(x => x.PillarKey).HasMaxLength(64);
        e.Property(x => x.Chosen).HasMaxLength(64);
        e.HasOne<Staff.Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Content.Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Restrict);
        // The claim: one question per person, week and slot, whoever makes it first (re-runs and other instances skip).
        e.HasIndex(x => new { x.EmployeeId, x.Week, x.Slot }).IsUnique();
        // Knowledge kept: a person's answers of the last days (the home), and everyone's by date (HR's view).
        e.HasIndex(x => new { x.EmployeeId, x.AnsweredAt, x.Right });
        e.HasIndex(x => new { x.AnsweredAt, x.PillarKey, x.Right, x.EmployeeId });
        // The weekly email: this week's questions still to mail, a small set whatever the number of past answers.
        e.HasIndex(x => new { x.Week, x.EmployeeId }).HasFilter("\"MailedAt\" IS NULL AND \"AnsweredAt\" IS NULL");
    }
}
