using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServicePromise.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Understanding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CheckAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    CheckAttemptId = table.Column<int>(nullable: false),
                    EmployeeId = table.Column<int>(nullable: false),
                    PillarId = table.Column<int>(nullable: false),
                    PillarKey = table.Column<string>(maxLength: 64, nullable: false),
                    Question = table.Column<int>(nullable: false),
                    Chosen = table.Column<string>(maxLength: 64, nullable: false),
                    Correct = table.Column<bool>(nullable: false),
                    AttemptNumber = table.Column<int>(nullable: false),
                    AttemptPassed = table.Column<bool>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckAnswers_CheckAttempts_CheckAttemptId",
                        column: x => x.CheckAttemptId,
                        principalTable: "CheckAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckAnswers_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CheckAnswers_Pillars_PillarId",
                        column: x => x.PillarId,
                        principalTable: "Pillars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CheckAnswers_CheckAttemptId_Question",
                table: "CheckAnswers",
                columns: new[] { "CheckAttemptId", "Question" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckAnswers_EmployeeId",
                table: "CheckAnswers",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckAnswers_PillarId_EmployeeId_CheckAttemptId",
                table: "CheckAnswers",
                columns: new[] { "PillarId", "EmployeeId", "CheckAttemptId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CheckAnswers");
        }
    }
}
