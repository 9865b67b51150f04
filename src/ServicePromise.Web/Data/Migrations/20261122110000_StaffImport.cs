using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePromise.Web.Data.Migrations;

/// <summary>Whether a person is own staff or a third party, as the HR system's staff file says.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122110000_StaffImport")]
public partial class StaffImport : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "EmploymentType", table: "Employees", nullable: false, defaultValue: 0);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""ALTER TABLE "Employees" DROP COLUMN "EmploymentType";""");
    }
}
