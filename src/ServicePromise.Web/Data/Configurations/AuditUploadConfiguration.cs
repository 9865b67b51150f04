using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.Data.Configurations;

public class AuditUploadConfiguration : IEntityTypeConfiguration<AuditUpload>
{
    public void Configure(EntityTypeBuilder<AuditUpload> e)
    {
        e.Property(x => x.FileName).HasMaxLength(260);
        e.HasOne<Staff.Employee>().WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.UploadedById, x.UploadedAt });
    }
}
