using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.Provisioning;

namespace ServicePromise.Web.Data.Configurations;

public class ScimTokenConfiguration : IEntityTypeConfiguration<ScimToken>
{
    public void Configure(EntityTypeBuilder<ScimToken> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.SecretHash).HasMaxLength(32);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
    }
}

public class ScimLinkConfiguration : IEntityTypeConfiguration<ScimLink>
{
    public void Configure(EntityTypeBuilder<ScimLink> e)
    {
        e.HasKey(x => x.EmployeeId);
        e.Property(x => x.EmployeeId).ValueGeneratedNever();
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.UserNameKey).HasMaxLength(256);
        e.Property(x => x.ExternalId).HasMaxLength(200);
        e.Property(x => x.GivenName).HasMaxLength(200);
        e.Property(x => x.FamilyName).HasMaxLength(200);
        e.Property(x => x.PendingManager).HasMaxLength(200);
        // Two people cannot answer to one user name (a deleted one gives it up only by being sent again).
        e.HasIndex(x => x.UserNameKey).IsUnique();
        e.HasIndex(x => x.ExternalId);
        e.HasIndex(x => x.PendingManager);
        e.HasOne(x => x.Employee).WithOne().HasForeignKey<ScimLink>(x => x.EmployeeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ScimChangeConfiguration : IEntityTypeConfiguration<ScimChange>
{
    public void Configure(EntityTypeBuilder<ScimChange> e)
    {
        e.Property(x => x.Method).HasMaxLength(8);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.Detail).HasMaxLength(4000);
        e.Property(x => x.TokenName).HasMaxLength(100);
        // The list reads newest first.
        e.HasIndex(x => x.At);
    }
}
