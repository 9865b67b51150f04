using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePromise.Web.Data.Migrations;

/// <summary>The organisation's saved column mapping for staff files whose headers are not recognised: one row.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122170000_StaffImportMapping")]
public partial class StaffImportMapping : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "StaffImportMappings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Columns = table.Column<string>(maxLength: 4000, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedById = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StaffImportMappings", x => x.Id);
                table.ForeignKey(
                    name: "FK_StaffImportMappings_Employees_UpdatedById", column: x => x.UpdatedById,
                    principalTable: "Employees", principalColumn: "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex(name: "IX_StaffImportMappings_UpdatedById", table: "StaffImportMappings", column: "UpdatedById");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "StaffImportMappings");
    }
}
