using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.Letters;

namespace ServicePromise.Web.Data.Configurations;

public class LetterConfiguration : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> e)
    {
        e.Property(x => x.CodeHash).HasMaxLength(64);
        // A typed code is found by its hash alone, before anyone is known.
        e.HasIndex(x => x.CodeHash).IsUnique();
        e.HasIndex(x => x.EmployeeId);
        e.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.PrintedBy).WithMany().HasForeignKey(x => x.PrintedById).OnDelete(DeleteBehavior.SetNull);
    }
}
