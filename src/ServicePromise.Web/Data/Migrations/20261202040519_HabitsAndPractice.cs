using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServicePromise.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class HabitsAndPractice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ActionDueOn",
                table: "ReflectionVersions",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ActionDueOn",
                table: "Reflections",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PracticeJson",
                table: "PillarTexts",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommitmentCheckIns",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployeeId = table.Column<int>(nullable: false),
                    ReflectionVersionId = table.Column<int>(nullable: false),
                    PillarKey = table.Column<string>(maxLength: 64, nullable: false),
                    Step = table.Column<int>(nullable: false),
                    AnchorOn = table.Column<DateOnly>(nullable: false),
                    DueOn = table.Column<DateOnly>(nullable: false),
                    IsRetry = table.Column<bool>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    CancelledAt = table.Column<DateTime>(nullable: true),
                    AnsweredAt = table.Column<DateTime>(nullable: true),
                    Outcome = table.Column<int>(nullable: true),
                    Rating = table.Column<int>(nullable: true),
                    Note = table.Column<string>(maxLength: 1000, nullable: true),
                    Obstacle = table.Column<string>(maxLength: 1000, nullable: true),
                    Habit = table.Column<bool>(nullable: false),
                    NewDate = table.Column<DateOnly>(nullable: true),
                    MailClaimedAt = table.Column<DateTime>(nullable: true),
                    MailSentAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentCheckIns_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommitmentCheckIns_ReflectionVersions_ReflectionVersionId",
                        column: x => x.ReflectionVersionId,
                        principalTable: "ReflectionVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "RoleChanges",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployeeId = table.Column<int>(nullable: false),
                    AssignmentId = table.Column<int>(nullable: false),
                    ChangedAt = table.Column<DateTime>(nullable: false),
                    Source = table.Column<int>(nullable: false),
                    OldJobTitle = table.Column<string>(maxLength: 200, nullable: false),
                    NewJobTitle = table.Column<string>(maxLength: 200, nullable: false),
                    OldSite = table.Column<string>(maxLength: 200, nullable: true),
                    NewSite = table.Column<string>(maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoleChanges_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoleChanges_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CheckInReplies",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    CheckInId = table.Column<int>(nullable: false),
                    AuthorId = table.Column<int>(nullable: false),
                    Text = table.Column<string>(maxLength: 1000, nullable: false),
                    WrittenAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckInReplies_CommitmentCheckIns_CheckInId",
                        column: x => x.CheckInId,
                        principalTable: "CommitmentCheckIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckInReplies_Employees_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CheckInReplies_AuthorId",
                table: "CheckInReplies",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckInReplies_CheckInId_WrittenAt",
                table: "CheckInReplies",
                columns: new[] { "CheckInId", "WrittenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentCheckIns_DueOn_MailClaimedAt",
                table: "CommitmentCheckIns",
                columns: new[] { "DueOn", "MailClaimedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentCheckIns_EmployeeId_DueOn",
                table: "CommitmentCheckIns",
                columns: new[] { "EmployeeId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentCheckIns_ReflectionVersionId_Step_IsRetry",
                table: "CommitmentCheckIns",
                columns: new[] { "ReflectionVersionId", "Step", "IsRetry" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_RoleChanges_AssignmentId",
                table: "RoleChanges",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleChanges_EmployeeId_ChangedAt",
                table: "RoleChanges",
                columns: new[] { "EmployeeId", "ChangedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CheckInReplies");

            migrationBuilder.DropTable(
                name: "PracticeAnswers");

            migrationBuilder.DropTable(
                name: "PracticeItems");

            migrationBuilder.DropTable(
                name: "RoleChanges");

            migrationBuilder.DropTable(
                name: "CommitmentCheckIns");

            migrationBuilder.DropColumn(
                name: "ActionDueOn",
                table: "ReflectionVersions");

            migrationBuilder.DropColumn(
                name: "ActionDueOn",
                table: "Reflections");

            migrationBuilder.DropColumn(
                name: "PracticeJson",
                table: "PillarTexts");
        }
    }
}
