using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Data.Configurations;

/// <summary>A manager's reminder to one of their people (Coaching; the entity lives beside the reflections).</summary>
public class NudgeConfiguration : IEntityTypeConfiguration<Nudge>
{
    public void Configure(EntityTypeBuilder<Nudge> e)
    {
        e.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.SentBy).WithMany().HasForeignKey(x => x.SentById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.EmployeeId, x.SentAt });
    }
}
