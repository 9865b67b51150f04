using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServicePromise.Web.Data.Migrations;

/// <summary>Reminder sends, each claimed by its unique (assignment, step) row before it is sent.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122120000_Reminders")]
public partial class Reminders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReminderSends",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                AssignmentId = table.Column<int>(nullable: false),
                Step = table.Column<string>(maxLength: 32, nullable: false),
                Kind = table.Column<int>(nullable: false),
                Recipient = table.Column<string>(maxLength: 256, nullable: false),
                Status = table.Column<int>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                ClaimedAt = table.Column<DateTime>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
                NextAttemptAt = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReminderSends", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReminderSends_Assignments_AssignmentId", column: x => x.AssignmentId,
                    principalTable: "Assignments", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_ReminderSends_AssignmentId_Step", table: "ReminderSends", columns: ["AssignmentId", "Step"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_ReminderSends_Status_NextAttemptAt", table: "ReminderSends", columns: ["Status", "NextAttemptAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ReminderSends");
    }
}
