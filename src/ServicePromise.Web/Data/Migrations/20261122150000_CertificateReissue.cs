using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePromise.Web.Data.Migrations;

/// <summary>
/// HR may reissue a certificate: several certificates per assignment, exactly one of them current. The unique index on
/// AssignmentId becomes a filtered one over the current certificates (partial indexes: SQLite and PostgreSQL alike).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122150000_CertificateReissue")]
public partial class CertificateReissue : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "ReplacedAt", table: "Certificates", nullable: true);
        migrationBuilder.AddColumn<int>(name: "ReplacedById", table: "Certificates", nullable: true);
        migrationBuilder.AddColumn<string>(name: "ReissueReason", table: "Certificates", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<int>(name: "ReissuedById", table: "Certificates", nullable: true);
        migrationBuilder.DropIndex(name: "IX_Certificates_AssignmentId", table: "Certificates");
        migrationBuilder.CreateIndex(name: "IX_Certificates_AssignmentId", table: "Certificates", column: "AssignmentId", unique: true,
            filter: "\"ReplacedAt\" IS NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Going back to one certificate per assignment keeps the current ones: the replaced copies are removed first.
        migrationBuilder.Sql("""DELETE FROM "Certificates" WHERE "ReplacedAt" IS NOT NULL;""");
        migrationBuilder.DropIndex(name: "IX_Certificates_AssignmentId", table: "Certificates");
        migrationBuilder.CreateIndex(name: "IX_Certificates_AssignmentId", table: "Certificates", column: "AssignmentId", unique: true);
        foreach (var column in new[] { "ReplacedAt", "ReplacedById", "ReissueReason", "ReissuedById" })
            migrationBuilder.Sql($"""ALTER TABLE "Certificates" DROP COLUMN "{column}";""");
    }
}
