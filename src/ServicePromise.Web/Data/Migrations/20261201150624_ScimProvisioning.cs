using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServicePromise.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScimProvisioning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScimChanges",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(nullable: false),
                    Method = table.Column<string>(maxLength: 8, nullable: false),
                    Operation = table.Column<int>(nullable: false),
                    Status = table.Column<int>(nullable: false),
                    EmployeeId = table.Column<int>(nullable: true),
                    Subject = table.Column<string>(maxLength: 300, nullable: false),
                    Detail = table.Column<string>(maxLength: 4000, nullable: true),
                    TokenName = table.Column<string>(maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScimChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScimLinks",
                columns: table => new
                {
                    EmployeeId = table.Column<int>(nullable: false),
                    UserName = table.Column<string>(maxLength: 256, nullable: false),
                    UserNameKey = table.Column<string>(maxLength: 256, nullable: false),
                    ExternalId = table.Column<string>(maxLength: 200, nullable: true),
                    GivenName = table.Column<string>(maxLength: 200, nullable: true),
                    FamilyName = table.Column<string>(maxLength: 200, nullable: true),
                    PendingManager = table.Column<string>(maxLength: 200, nullable: true),
                    Deleted = table.Column<bool>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    UpdatedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScimLinks", x => x.EmployeeId);
                    table.ForeignKey(
                        name: "FK_ScimLinks_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScimTokens",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(maxLength: 100, nullable: false),
                    SecretHash = table.Column<byte[]>(maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    CreatedBy = table.Column<string>(maxLength: 200, nullable: false),
                    LastUsedAt = table.Column<DateTime>(nullable: true),
                    RevokedAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScimTokens", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScimChanges_At",
                table: "ScimChanges",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ScimLinks_ExternalId",
                table: "ScimLinks",
                column: "ExternalId");

            migrationBuilder.CreateIndex(
                name: "IX_ScimLinks_PendingManager",
                table: "ScimLinks",
                column: "PendingManager");

            migrationBuilder.CreateIndex(
                name: "IX_ScimLinks_UserNameKey",
                table: "ScimLinks",
                column: "UserNameKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScimChanges");

            migrationBuilder.DropTable(
                name: "ScimLinks");

            migrationBuilder.DropTable(
                name: "ScimTokens");
        }
    }
}
