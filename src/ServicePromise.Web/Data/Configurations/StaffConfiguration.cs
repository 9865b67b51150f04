using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Data.Configurations;

public class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    /// <summary>The same filter on SQLite (an integer) and PostgreSQL (a boolean).</summary>
    const string Active = "\"IsActive\"";

    public void Configure(EntityTypeBuilder<Employee> e)
    {
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.EmployeeNumber).HasMaxLength(40);
        e.Property(x => x.FullName).HasMaxLength(200);
        e.Property(x => x.JobTitle).HasMaxLength(200);
        e.Property(x => x.Language).HasMaxLength(8);
        e.Property(x => x.MobilePhone).HasMaxLength(30);
        // A default only because the column was added to a table with rows (migration StaffImport).
        e.Property(x => x.EmploymentType).HasDefaultValue(Staff.Import.EmploymentType.Employee);
        e.HasIndex(x => x.UserId).IsUnique();
        e.HasIndex(x => x.EmployeeNumber).IsUnique();
        e.Property(x => x.SearchName).HasMaxLength(200);
        e.HasIndex(x => x.SearchName);
        // Kept for the foreign keys (EF would otherwise take the partial indexes below as theirs).
        e.HasIndex(x => x.DepartmentId);
        e.HasIndex(x => x.SiteId);
        e.HasIndex(x => x.ManagerId);
        // Partial indexes over active people, which is all HR's lists and the dashboard ever read ("WHERE IsActive" is
        // not an equality SQLite can seek on, so IsActive cannot lead an index): the list walks the first in name
        // order (a deep page costs an index walk; a name or number search reads only the index), status counts and
        // filters seek the second, and each breakdown groups its own index, never the table.
        e.HasIndex(x => new { x.SearchName, x.EmployeeNumber }, "IX_Employees_Active_SearchName").HasFilter(Active);
        e.HasIndex(x => new { x.CurrentCompletedAt, x.CurrentDueOn, x.CurrentStartedAt }, "IX_Employees_Active_Status").HasFilter(Active);
        e.HasIndex(x => new { x.CurrentReason, x.CurrentCompletedAt, x.CurrentDueOn }, "IX_Employees_Active_Reason").HasFilter(Active);
        e.HasIndex(x => new { x.DepartmentId, x.CurrentCompletedAt, x.CurrentDueOn, x.CurrentStartedAt }, "IX_Employees_Active_Department").HasFilter(Active);
        e.HasIndex(x => new { x.SiteId, x.CurrentCompletedAt, x.CurrentDueOn, x.CurrentStartedAt }, "IX_Employees_Active_Site").HasFilter(Active);
        e.HasIndex(x => new { x.ManagerId, x.CurrentCompletedAt, x.CurrentDueOn, x.CurrentStartedAt }, "IX_Employees_Active_Manager").HasFilter(Active);
        e.HasIndex(x => new { x.JobTitle, x.CurrentCompletedAt, x.CurrentDueOn, x.CurrentStartedAt }, "IX_Employees_Active_Job").HasFilter(Active);
        e.HasOne<AppUser>().WithOne().HasForeignKey<Employee>(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Site).WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.CurrentAssignment).WithMany().HasForeignKey(x => x.CurrentAssignmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Manager).WithMany().HasForeignKey(x => x.ManagerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => x.Name).IsUnique();
    }
}

public class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => x.Name).IsUnique();
    }
}

public class InvitationConfiguration : IEntityTypeConfiguration<Staff.Import.Invitation>
{
    public void Configure(EntityTypeBuilder<Staff.Import.Invitation> e)
    {
        e.Property(x => x.Recipient).HasMaxLength(256);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.Property(x => x.NewEmail).HasMaxLength(256);
        e.Property(x => x.Kind).HasDefaultValue(Staff.Import.AccountMailKind.Invitation);
        e.HasIndex(x => new { x.Status, x.NextAttemptAt });
        e.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class StaffImportMappingConfiguration : IEntityTypeConfiguration<Staff.Import.StaffImportMapping>
{
    public void Configure(EntityTypeBuilder<Staff.Import.StaffImportMapping> e)
    {
        // One row per organisation, with a known key.
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Columns).HasMaxLength(4000);
        e.HasOne(x => x.UpdatedBy).WithMany().HasForeignKey(x => x.UpdatedById).OnDelete(DeleteBehavior.SetNull);
    }
}

public class StaffUploadConfiguration : IEntityTypeConfiguration<Staff.Import.StaffUpload>
{
    public void Configure(EntityTypeBuilder<Staff.Import.StaffUpload> e)
    {
        e.Property(x => x.FileName).HasMaxLength(260);
        e.HasOne(x => x.UploadedBy).WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}
