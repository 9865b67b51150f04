using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePromise.Web.Data.Migrations;

/// <summary>
/// The invitation queue also carries the notice to a person's old address when their sign-in email changes
/// (issue 10): what kind of mail each row is, and for a notice the new address it tells of.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201090000_AccountNotices")]
public partial class AccountNotices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "Kind", table: "Invitations", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>(name: "NewEmail", table: "Invitations", maxLength: 256, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "NewEmail", table: "Invitations");
        migrationBuilder.DropColumn(name: "Kind", table: "Invitations");
    }
}
