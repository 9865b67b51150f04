using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServicePromise.Web.Data.Configurations;

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
