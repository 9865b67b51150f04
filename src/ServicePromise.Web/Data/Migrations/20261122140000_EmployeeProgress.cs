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
    /// <summary>Partial indexes over active people (see EmployeeConfiguration for why).</summary>
    static readonly (string Name, string[] Columns)[] Indexes =
    [
        ("IX_Employees_Active_SearchName", ["SearchName", "EmployeeNumber"]),
        ("IX_Employees_Active_Status", ["CurrentCompletedAt", "CurrentDueOn", "CurrentStartedAt"]),
        ("IX_Employees_Active_Reason", ["CurrentReason", "CurrentCompletedAt", "CurrentDueOn"]),
        ("IX_Employees_Active_Department", ["DepartmentId", "CurrentCompletedAt", "CurrentDueOn", "CurrentStartedAt"]),
        ("IX_Employees_Active_Site", ["SiteId", "CurrentCompletedAt", "CurrentDueOn", "CurrentStartedAt"]),
        ("IX_Employees_Active_Manager", ["ManagerId", "CurrentCompletedAt", "CurrentDueOn", "CurrentStartedAt"]),
        ("IX_Employees_Active_Job", ["JobTitle", "CurrentCompletedAt", "CurrentDueOn", "CurrentStartedAt"]),
    ];
    static readonly string[] Columns = ["CurrentDueOn", "CurrentStartedAt", "CurrentCompletedAt", "CurrentReason"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>(name: "CurrentDueOn", table: "Employees", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "CurrentStartedAt", table: "Employees", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "CurrentCompletedAt", table: "Employees", nullable: true);
        migrationBuilder.AddColumn<int>(name: "CurrentReason", table: "Employees", nullable: true);
        // Plain correlated subqueries: the same statement on SQLite and PostgreSQL.
        migrationBuilder.Sql("""
            UPDATE "Employees" SET
                "CurrentDueOn" = (SELECT a."DueOn" FROM "Assignments" a WHERE a."Id" = "Employees"."CurrentAssignmentId"),
                "CurrentStartedAt" = (SELECT a."StartedAt" FROM "Assignments" a WHERE a."Id" = "Employees"."CurrentAssignmentId"),
                "CurrentCompletedAt" = (SELECT a."CompletedAt" FROM "Assignments" a WHERE a."Id" = "Employees"."CurrentAssignmentId"),
                "CurrentReason" = (SELECT a."Reason" FROM "Assignments" a WHERE a."Id" = "Employees"."CurrentAssignmentId")
            WHERE "CurrentAssignmentId" IS NOT NULL;
            """);

        foreach (var (name, columns) in Indexes)
            migrationBuilder.CreateIndex(name: name, table: "Employees", columns: columns, filter: "\"IsActive\"");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, _) in Indexes) migrationBuilder.DropIndex(name: name, table: "Employees");
        foreach (var column in Columns)
            migrationBuilder.Sql($"""ALTER TABLE "Employees" DROP COLUMN "{column}";""");
    }
}
