using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.Audit;

namespace ServicePromise.Web.Data.Configurations;

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(x => x.Action).HasMaxLength(64);
        e.Property(x => x.ActorName).HasMaxLength(200);
        e.Property(x => x.Origin).HasMaxLength(100);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.Details).HasMaxLength(8000);
        // The page reads newest first, filtered by action or by person; the evidence pack reads a period.
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.Action, x.At });
        e.HasIndex(x => x.SubjectEmployeeId);
        e.HasIndex(x => x.ActorEmployeeId);
    }
}
