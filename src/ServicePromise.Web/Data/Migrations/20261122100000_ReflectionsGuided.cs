using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServicePromise.Web.Data.Migrations;

/// <summary>
/// Guided reflections (three parts, revisions, status, sharing consent, similarity flag), their sent versions,
/// manager reviews and nudges; and the per-pillar prompts for the customers and action parts. An existing
/// reflection's single text becomes its first part, and a sent one counts as accepted, as it did before.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122100000_ReflectionsGuided")]
public partial class ReflectionsGuided : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "CustomersPrompt", table: "PillarTexts", maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "ActionPrompt", table: "PillarTexts", maxLength: 1000, nullable: true);

        migrationBuilder.AddColumn<string>(name: "Meaning", table: "Reflections", maxLength: 4000, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "Customers", table: "Reflections", maxLength: 4000, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "Action", table: "Reflections", maxLength: 4000, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<int>(name: "Revision", table: "Reflections", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<int>(name: "Status", table: "Reflections", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<bool>(name: "ShareConsent", table: "Reflections", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<bool>(name: "ShareAnonymously", table: "Reflections", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<DateTime>(name: "FeaturedAt", table: "Reflections", nullable: true);
        migrationBuilder.AddColumn<int>(name: "FeaturedById", table: "Reflections", nullable: true);
        migrationBuilder.AddColumn<int>(name: "SimilarToId", table: "Reflections", nullable: true);
        migrationBuilder.AddColumn<double>(name: "Similarity", table: "Reflections", nullable: true);

        // Double-quoted identifiers: the same statement on SQLite and PostgreSQL.
        migrationBuilder.Sql("""UPDATE "Reflections" SET "Meaning" = "Text", "Revision" = 1, "Status" = CASE WHEN "SubmittedAt" IS NULL THEN 0 ELSE 3 END;""");
        // Plain SQL: without a model snapshot EF cannot rebuild a SQLite table, and both databases know DROP COLUMN.
        migrationBuilder.Sql("""ALTER TABLE "Reflections" DROP COLUMN "Text";""");

        migrationBuilder.CreateIndex(name: "IX_Reflections_Status", table: "Reflections", column: "Status");
        migrationBuilder.CreateIndex(name: "IX_Reflections_FeaturedAt", table: "Reflections", column: "FeaturedAt");

        migrationBuilder.CreateTable(
            name: "ReflectionVersions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ReflectionId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Meaning = table.Column<string>(maxLength: 4000, nullable: false),
                Customers = table.Column<string>(maxLength: 4000, nullable: false),
                Action = table.Column<string>(maxLength: 4000, nullable: false),
                SubmittedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReflectionVersions", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReflectionVersions_Reflections_ReflectionId", column: x => x.ReflectionId,
                    principalTable: "Reflections", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_ReflectionVersions_ReflectionId_Number", table: "ReflectionVersions", columns: ["ReflectionId", "Number"], unique: true);
        // Every reflection already sent gets its first version.
        migrationBuilder.Sql("""
            INSERT INTO "ReflectionVersions" ("ReflectionId", "Number", "Meaning", "Customers", "Action", "SubmittedAt")
            SELECT "Id", 1, "Meaning", "Customers", "Action", "SubmittedAt" FROM "Reflections" WHERE "SubmittedAt" IS NOT NULL;
            """);

        migrationBuilder.CreateTable(
            name: "ReflectionReviews",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ReflectionId = table.Column<int>(nullable: false),
                VersionNumber = table.Column<int>(nullable: false),
                ReviewerId = table.Column<int>(nullable: false),
                Decision = table.Column<int>(nullable: false),
                Comment = table.Column<string>(maxLength: 2000, nullable: true),
                SpecificToRole = table.Column<bool>(nullable: true),
                NamesCustomer = table.Column<bool>(nullable: true),
                ConcreteAction = table.Column<bool>(nullable: true),
                DecidedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReflectionReviews", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReflectionReviews_Reflections_ReflectionId", column: x => x.ReflectionId,
                    principalTable: "Reflections", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ReflectionReviews_Employees_ReviewerId", column: x => x.ReviewerId,
                    principalTable: "Employees", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_ReflectionReviews_ReflectionId_VersionNumber", table: "ReflectionReviews", columns: ["ReflectionId", "VersionNumber"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_ReflectionReviews_ReviewerId", table: "ReflectionReviews", column: "ReviewerId");

        migrationBuilder.CreateTable(
            name: "Nudges",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                EmployeeId = table.Column<int>(nullable: false),
                SentById = table.Column<int>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Nudges", x => x.Id);
                table.ForeignKey(
                    name: "FK_Nudges_Employees_EmployeeId", column: x => x.EmployeeId,
                    principalTable: "Employees", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Nudges_Employees_SentById", column: x => x.SentById,
                    principalTable: "Employees", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Nudges_EmployeeId_SentAt", table: "Nudges", columns: ["EmployeeId", "SentAt"]);
        migrationBuilder.CreateIndex(name: "IX_Nudges_SentById", table: "Nudges", column: "SentById");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Nudges");
        migrationBuilder.DropTable(name: "ReflectionReviews");
        migrationBuilder.DropTable(name: "ReflectionVersions");
        migrationBuilder.DropIndex(name: "IX_Reflections_Status", table: "Reflections");
        migrationBuilder.DropIndex(name: "IX_Reflections_FeaturedAt", table: "Reflections");
        migrationBuilder.AddColumn<string>(name: "Text", table: "Reflections", maxLength: 8000, nullable: false, defaultValue: "");
        migrationBuilder.Sql("""UPDATE "Reflections" SET "Text" = "Meaning" || ' ' || "Customers" || ' ' || "Action";""");
        foreach (var column in new[] { "Meaning", "Customers", "Action", "Revision", "Status", "ShareConsent", "ShareAnonymously", "FeaturedAt", "FeaturedById", "SimilarToId", "Similarity" })
            migrationBuilder.Sql($"""ALTER TABLE "Reflections" DROP COLUMN "{column}";""");
        migrationBuilder.Sql("""ALTER TABLE "PillarTexts" DROP COLUMN "CustomersPrompt";""");
        migrationBuilder.Sql("""ALTER TABLE "PillarTexts" DROP COLUMN "ActionPrompt";""");
    }
}
