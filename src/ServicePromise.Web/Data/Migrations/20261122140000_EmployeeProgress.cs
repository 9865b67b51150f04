using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePromise.Web.Data.Migrations;

/// <summary>
/// Each employee carries a copy of their current assignment's due date, start and completion (kept in step by
/// <see cref="Learning.EmployeeProgress"/>), with indexes that let HR's lists and dashboard count and group it
/// without a join per person. Existing rows are filled from their current assignment.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122140000_EmployeeProgress")]
public partial class EmployeeProgress : Migration
{
    static readonly string[] Groups = ["DepartmentId", "SiteId", "ManagerId", "JobTitle"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>(name: "CurrentDueOn", table: "Employees", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "CurrentStartedAt", table: "Employees", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "CurrentCompletedAt", table: "Employees", nullable: true);
        // Plain correlated subqueries: the same statement on SQLite and PostgreSQL.
        migrationBuilder.Sql("""
            UPDATE "Employees" SET
                "CurrentDueOn" = (SELECT a."DueOn" FROM "Assignments" a WHERE a."Id" = "Employees"."CurrentAssignmentId"),
                "CurrentStartedAt" = (SELECT a."StartedAt" FROM "Assignments" a WHERE a."Id" = "Employees"."CurrentAssignmentId"),
                "CurrentCompletedAt" = (SELECT a."CompletedAt" FROM "Assignments" a WHERE a."Id" = "Employees"."CurrentAssignmentId")
            WHERE "CurrentAssignmentId" IS NOT NULL;
            """);

        migrationBuilder.CreateIndex(name: "IX_Employees_Status", table: "Employees",
            columns: ["IsActive", "CurrentCompletedAt", "CurrentDueOn", "CurrentStartedAt"]);
        // The composite indexes start with the foreign key, so they replace its single-column index.
        foreach (var group in Groups)
        {
            if (group != "JobTitle") migrationBuilder.DropIndex(name: $"IX_Employees_{group}", table: "Employees");
            migrationBuilder.CreateIndex(name: $"IX_Employees_{group}_Status", table: "Employees",
                columns: [group, "IsActive", "CurrentCompletedAt", "CurrentDueOn"]);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var group in Groups)
        {
            migrationBuilder.DropIndex(name: $"IX_Employees_{group}_Status", table: "Employees");
            if (group != "JobTitle") migrationBuilder.CreateIndex(name: $"IX_Employees_{group}", table: "Employees", column: group);
        }
        migrationBuilder.DropIndex(name: "IX_Employees_Status", table: "Employees");
        foreach (var column in new[] { "CurrentDueOn", "CurrentStartedAt", "CurrentCompletedAt" })
            migrationBuilder.Sql($"""ALTER TABLE "Employees" DROP COLUMN "{column}";""");
    }
}
