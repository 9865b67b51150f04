using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServicePromise.Web.Data.Migrations;

/// <summary>
/// The audit log of privileged actions. Append-only in the database itself: triggers refuse every UPDATE and DELETE
/// of its rows, so no code path of the app — nor a mistaken statement — rewrites what happened. (The table's owner can
/// still drop a trigger; on PostgreSQL give the table to another role — README, "The audit log".)
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201100000_AuditLog")]
public partial class AuditLog : Migration
{
    public const string AppendOnlyMessage = "AuditEntries is append-only";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                At = table.Column<DateTime>(nullable: false),
                Action = table.Column<string>(maxLength: 64, nullable: false),
                ActorEmployeeId = table.Column<int>(nullable: true),
                ActorName = table.Column<string>(maxLength: 200, nullable: false),
                Origin = table.Column<string>(maxLength: 100, nullable: false),
                SubjectEmployeeId = table.Column<int>(nullable: true),
                Subject = table.Column<string>(maxLength: 300, nullable: true),
                Details = table.Column<string>(maxLength: 8000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_At", table: "AuditEntries", column: "At");
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_Action_At", table: "AuditEntries", columns: ["Action", "At"]);
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_SubjectEmployeeId", table: "AuditEntries", column: "SubjectEmployeeId");
        migrationBuilder.CreateIndex(name: "IX_AuditEntries_ActorEmployeeId", table: "AuditEntries", column: "ActorEmployeeId");

        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql($"""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '{AppendOnlyMessage}'; END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_append_only" BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_truncate" BEFORE TRUNCATE ON "AuditEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);
        }
        else
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, '{AppendOnlyMessage}'); END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, '{AppendOnlyMessage}'); END;
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AuditEntries");
        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entries_append_only();");
    }
}
