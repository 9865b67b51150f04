using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Data.Configurations;

public class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> e)
    {
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.EmployeeNumber).HasMaxLength(40);
        e.Property(x => x.FullName).HasMaxLength(200);
        e.Property(x => x.JobTitle).HasMaxLength(200);
        e.Property(x => x.Language).HasMaxLength(8);
        // A default only because the column was added to a table with rows (migration StaffImport).
        e.Property(x => x.EmploymentType).HasDefaultValue(Staff.Import.EmploymentType.Employee);
        e.HasIndex(x => x.UserId).IsUnique();
        e.HasIndex(x => x.EmployeeNumber).IsUnique();
        e.Property(x => x.SearchName).HasMaxLength(200);
        e.HasIndex(x => x.SearchName);
        // Status counts and filters, and the dashboard's breakdowns: each groups one index, never the table
        // (the composite indexes also serve the foreign keys they start with).
        e.HasIndex(x => new { x.IsActive, x.CurrentCompletedAt, x.CurrentDueOn, x.CurrentStartedAt }).HasDatabaseName("IX_Employees_Status");
        e.HasIndex(x => new { x.DepartmentId, x.IsActive, x.CurrentCompletedAt, x.CurrentDueOn }).HasDatabaseName("IX_Employees_DepartmentId_Status");
        e.HasIndex(x => new { x.SiteId, x.IsActive, x.CurrentCompletedAt, x.CurrentDueOn }).HasDatabaseName("IX_Employees_SiteId_Status");
        e.HasIndex(x => new { x.ManagerId, x.IsActive, x.CurrentCompletedAt, x.CurrentDueOn }).HasDatabaseName("IX_Employees_ManagerId_Status");
        e.HasIndex(x => new { x.JobTitle, x.IsActive, x.CurrentCompletedAt, x.CurrentDueOn }).HasDatabaseName("IX_Employees_JobTitle_Status");
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

public class StaffUploadConfiguration : IEntityTypeConfiguration<Staff.Import.StaffUpload>
{
    public void Configure(EntityTypeBuilder<Staff.Import.StaffUpload> e)
    {
        e.Property(x => x.FileName).HasMaxLength(260);
        e.HasOne(x => x.UploadedBy).WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}
