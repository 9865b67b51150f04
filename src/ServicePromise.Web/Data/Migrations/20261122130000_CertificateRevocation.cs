using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePromise.Web.Data.Migrations;

/// <summary>HR may revoke a certificate, with a reason the verification page shows.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122130000_CertificateRevocation")]
public partial class CertificateRevocation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "RevokedAt", table: "Certificates", nullable: true);
        migrationBuilder.AddColumn<string>(name: "RevokedReason", table: "Certificates", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<int>(name: "RevokedById", table: "Certificates", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in new[] { "RevokedAt", "RevokedReason", "RevokedById" })
            migrationBuilder.Sql($"""ALTER TABLE "Certificates" DROP COLUMN "{column}";""");
    }
}
