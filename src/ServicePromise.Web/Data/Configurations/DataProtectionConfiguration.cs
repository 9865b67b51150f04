using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServicePromise.Web.Data.Configurations;

public class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> e)
    {
        e.Property(x => x.FriendlyName).HasMaxLength(200);
        // The data-protection package's key entity leaves Xml nullable; the table has always required it, and
        // the package always writes it, so the existing rows and column stay as they are.
        e.Property(x => x.Xml).IsRequired();
    }
}
