using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServicePromise.Web.Data.Migrations;

/// <summary>Whether a person is own staff or a third party, as the HR system's staff file says; uploaded staff files between dry run and apply.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122110000_StaffImport")]
public partial class StaffImport : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "EmploymentType", table: "Employees", nullable: false, defaultValue: 0);

        migrationBuilder.CreateTable(
            name: "StaffUploads",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FileName = table.Column<string>(maxLength: 260, nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                FullImport = table.Column<bool>(nullable: false),
                UploadedById = table.Column<int>(nullable: false),
                UploadedAt = table.Column<DateTime>(nullable: false),
                AppliedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StaffUploads", x => x.Id);
                table.ForeignKey(
                    name: "FK_StaffUploads_Employees_UploadedById", column: x => x.UploadedById,
                    principalTable: "Employees", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_StaffUploads_UploadedById", table: "StaffUploads", column: "UploadedById");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "StaffUploads");
        migrationBuilder.Sql("""ALTER TABLE "Employees" DROP COLUMN "EmploymentType";""");
    }
}
