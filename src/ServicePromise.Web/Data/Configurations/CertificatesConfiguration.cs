using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.Certificates;

namespace ServicePromise.Web.Data.Configurations;

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
