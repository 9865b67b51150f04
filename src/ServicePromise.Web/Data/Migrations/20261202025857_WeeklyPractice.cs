using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServicePromise.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WeeklyPractice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PracticeAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployeeId = table.Column<int>(nullable: false),
                    Week = table.Column<DateOnly>(nullable: false),
                    Slot = table.Column<int>(nullable: false),
                    PillarKey = table.Column<string>(maxLength: 64, nullable: false),
                    Question = table.Column<int>(nullable: false),
                    EditionId = table.Column<int>(nullable: false),
                    AnsweredAt = table.Column<DateTime>(nullable: true),
                    Right = table.Column<bool>(nullable: false),
                    Chosen = table.Column<string>(maxLength: 64, nullable: false),
                    OffersReread = table.Column<bool>(nullable: false),
                    MailedAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PracticeAnswers_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PracticeAnswers_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PracticeItems",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployeeId = table.Column<int>(nullable: false),
                    PillarKey = table.Column<string>(maxLength: 64, nullable: false),
                    Question = table.Column<int>(nullable: false),
                    Box = table.Column<int>(nullable: false),
                    DueWeek = table.Column<DateOnly>(nullable: false),
                    MissesInARow = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PracticeItems_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeAnswers_AnsweredAt_PillarKey_Right_EmployeeId",
                table: "PracticeAnswers",
                columns: new[] { "AnsweredAt", "PillarKey", "Right", "EmployeeId" });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeAnswers_EditionId",
                table: "PracticeAnswers",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_PracticeAnswers_EmployeeId_AnsweredAt_Right",
                table: "PracticeAnswers",
                columns: new[] { "EmployeeId", "AnsweredAt", "Right" });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeAnswers_EmployeeId_Week_Slot",
                table: "PracticeAnswers",
                columns: new[] { "EmployeeId", "Week", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PracticeItems_EmployeeId_PillarKey_Question",
                table: "PracticeItems",
                columns: new[] { "EmployeeId", "PillarKey", "Question" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PracticeItems_PillarKey_Question",
                table: "PracticeItems",
                columns: new[] { "PillarKey", "Question" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PracticeAnswers");

            migrationBuilder.DropTable(
                name: "PracticeItems");
        }
    }
}
