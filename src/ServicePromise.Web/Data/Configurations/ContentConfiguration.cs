using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.Content;

namespace ServicePromise.Web.Data.Configurations;

public class EditionConfiguration : IEntityTypeConfiguration<Edition>
{
    public void Configure(EntityTypeBuilder<Edition> e)
    {
        e.Property(x => x.ContentHash).HasMaxLength(64);
        e.Property(x => x.ChangeNote).HasMaxLength(500);
        e.Property(x => x.DefaultLanguage).HasMaxLength(8);
        e.HasIndex(x => x.Number).IsUnique();
        e.HasIndex(x => x.ContentHash);
        e.HasMany(x => x.Texts).WithOne().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Pillars).WithOne(x => x.Edition).HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class EditionTextConfiguration : IEntityTypeConfiguration<EditionText>
{
    public void Configure(EntityTypeBuilder<EditionText> e)
    {
        e.Property(x => x.Language).HasMaxLength(8);
        e.Property(x => x.Company).HasMaxLength(200);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Statement).HasMaxLength(1000);
        e.HasIndex(x => new { x.EditionId, x.Language }).IsUnique();
    }
}

public class PillarConfiguration : IEntityTypeConfiguration<Pillar>
{
    public void Configure(EntityTypeBuilder<Pillar> e)
    {
        e.Property(x => x.Key).HasMaxLength(64);
        e.HasIndex(x => new { x.EditionId, x.Key }).IsUnique();
        e.HasMany(x => x.Texts).WithOne().HasForeignKey(x => x.PillarId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PillarTextConfiguration : IEntityTypeConfiguration<PillarText>
{
    public void Configure(EntityTypeBuilder<PillarText> e)
    {
        e.Property(x => x.Language).HasMaxLength(8);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Summary).HasMaxLength(1000);
        e.Property(x => x.ReflectionPrompt).HasMaxLength(1000);
        e.Property(x => x.CustomersPrompt).HasMaxLength(1000);
        e.Property(x => x.ActionPrompt).HasMaxLength(1000);
        e.HasIndex(x => new { x.PillarId, x.Language }).IsUnique();
    }
}

public class PillarStandardConfiguration : IEntityTypeConfiguration<PillarStandard>
{
    public void Configure(EntityTypeBuilder<PillarStandard> e)
    {
        e.Property(x => x.Key).HasMaxLength(64);
        e.Ignore(x => x.Threshold);
        e.HasIndex(x => new { x.PillarId, x.Key }).IsUnique();
        e.HasIndex(x => x.Key);
        e.HasOne(x => x.Pillar).WithMany(x => x.Standards).HasForeignKey(x => x.PillarId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Texts).WithOne().HasForeignKey(x => x.PillarStandardId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PillarStandardTextConfiguration : IEntityTypeConfiguration<PillarStandardText>
{
    public void Configure(EntityTypeBuilder<PillarStandardText> e)
    {
        e.Property(x => x.Language).HasMaxLength(8);
        e.Property(x => x.Wording).HasMaxLength(300);
        e.Property(x => x.Measured).HasMaxLength(300);
        e.HasIndex(x => new { x.PillarStandardId, x.Language }).IsUnique();
    }
}
