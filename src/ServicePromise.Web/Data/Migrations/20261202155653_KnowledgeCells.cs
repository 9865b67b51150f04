using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServicePromise.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeCells : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KnowledgeCells",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountedAt = table.Column<DateTime>(nullable: false),
                    Grouping = table.Column<int>(nullable: false),
                    PillarKey = table.Column<string>(maxLength: 64, nullable: true),
                    DepartmentId = table.Column<int>(nullable: true),
                    SiteId = table.Column<int>(nullable: true),
                    People = table.Column<int>(nullable: false),
                    Answered = table.Column<int>(nullable: false),
                    Right = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeCells", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeCells_Grouping_PillarKey_DepartmentId_SiteId",
                table: "KnowledgeCells",
                columns: new[] { "Grouping", "PillarKey", "DepartmentId", "SiteId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KnowledgeCells");
        }
    }
}
