using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServicePromise.Web.Data.Migrations;

/// <summary>Auditor evidence packs: requested by HR, claimed and built by a background worker, then downloadable.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122160000_EvidencePacks")]
public partial class EvidencePacks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "EvidencePacks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RequestedAt = table.Column<DateTime>(nullable: false),
                RequestedById = table.Column<int>(nullable: true),
                RequestedByName = table.Column<string>(maxLength: 200, nullable: false),
                Language = table.Column<string>(maxLength: 8, nullable: false),
                Status = table.Column<int>(nullable: false),
                ClaimedBy = table.Column<string>(maxLength: 100, nullable: true),
                ClaimedAt = table.Column<DateTime>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: true),
                Total = table.Column<int>(nullable: true),
                Done = table.Column<int>(nullable: false),
                People = table.Column<int>(nullable: true),
                EditionNumber = table.Column<int>(nullable: true),
                FileName = table.Column<string>(maxLength: 200, nullable: true),
                SizeBytes = table.Column<long>(nullable: true),
                Sha256 = table.Column<string>(maxLength: 64, nullable: true),
                CompletedAt = table.Column<DateTime>(nullable: true),
                Error = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_EvidencePacks", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_EvidencePacks_Status", table: "EvidencePacks", column: "Status");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "EvidencePacks");
    }
}
