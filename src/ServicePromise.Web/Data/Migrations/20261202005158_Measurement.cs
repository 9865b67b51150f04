using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServicePromise.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Measurement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_EmployeeId_EditionId_Reason_DueOn",
                table: "Assignments");

            migrationBuilder.AddColumn<int>(
                name: "FindingId",
                table: "Assignments",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditBatches",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(nullable: false),
                    FileName = table.Column<string>(maxLength: 260, nullable: true),
                    FileSha256 = table.Column<string>(maxLength: 64, nullable: true),
                    Rows = table.Column<int>(nullable: false),
                    RecordedAt = table.Column<DateTime>(nullable: false),
                    RecordedById = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditUploads",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(maxLength: 260, nullable: false),
                    Content = table.Column<byte[]>(nullable: false),
                    UploadedById = table.Column<int>(nullable: false),
                    UploadedAt = table.Column<DateTime>(nullable: false),
                    AppliedAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditUploads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditUploads_Employees_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "PillarStandards",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    PillarId = table.Column<int>(nullable: false),
                    Key = table.Column<string>(maxLength: 64, nullable: false),
                    Order = table.Column<int>(nullable: false),
                    ThresholdHundredths = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PillarStandards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PillarStandards_Pillars_PillarId",
                        column: x => x.PillarId,
                        principalTable: "Pillars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditResults",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(nullable: true),
                    DepartmentId = table.Column<int>(nullable: true),
                    PeriodStart = table.Column<DateOnly>(nullable: false),
                    PeriodKind = table.Column<int>(nullable: false),
                    Source = table.Column<string>(maxLength: 200, nullable: false),
                    StandardKey = table.Column<string>(maxLength: 64, nullable: false),
                    PillarKey = table.Column<string>(maxLength: 64, nullable: false),
                    ScoreHundredths = table.Column<int>(nullable: false),
                    Sample = table.Column<int>(nullable: false),
                    Comment = table.Column<string>(maxLength: 2000, nullable: true),
                    SharedComment = table.Column<string>(maxLength: 2000, nullable: true),
                    SharedAt = table.Column<DateTime>(nullable: true),
                    SharedById = table.Column<string>(nullable: true),
                    BatchId = table.Column<int>(nullable: false),
                    RecordedAt = table.Column<DateTime>(nullable: false),
                    RecordedById = table.Column<string>(nullable: true),
                    ReplacedById = table.Column<int>(nullable: true),
                    ReplacedAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditResults", x => x.Id);
                    table.CheckConstraint("CK_AuditResults_OnePlace", "(\"SiteId\" IS NULL) <> (\"DepartmentId\" IS NULL)");
                    table.CheckConstraint("CK_AuditResults_Replaced", "(\"ReplacedAt\" IS NULL) = (\"ReplacedById\" IS NULL)");
                    table.CheckConstraint("CK_AuditResults_Sample", "\"Sample\" > 0");
                    table.CheckConstraint("CK_AuditResults_Score", "\"ScoreHundredths\" BETWEEN 0 AND 10000");
                    table.ForeignKey(
                        name: "FK_AuditResults_AuditBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "AuditBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AuditResults_AuditResults_ReplacedById",
                        column: x => x.ReplacedById,
                        principalTable: "AuditResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AuditResults_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AuditResults_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PillarStandardTexts",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    PillarStandardId = table.Column<int>(nullable: false),
                    Language = table.Column<string>(maxLength: 8, nullable: false),
                    Wording = table.Column<string>(maxLength: 300, nullable: false),
                    Measured = table.Column<string>(maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PillarStandardTexts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PillarStandardTexts_PillarStandards_PillarStandardId",
                        column: x => x.PillarStandardId,
                        principalTable: "PillarStandards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResultId = table.Column<int>(nullable: false),
                    SiteId = table.Column<int>(nullable: true),
                    DepartmentId = table.Column<int>(nullable: true),
                    StandardKey = table.Column<string>(maxLength: 64, nullable: false),
                    PillarKey = table.Column<string>(maxLength: 64, nullable: false),
                    PeriodStart = table.Column<DateOnly>(nullable: false),
                    PeriodKind = table.Column<int>(nullable: false),
                    Kind = table.Column<int>(nullable: false),
                    ScoreHundredths = table.Column<int>(nullable: false),
                    ThresholdHundredths = table.Column<int>(nullable: false),
                    PreviousScoreHundredths = table.Column<int>(nullable: true),
                    RaisedAt = table.Column<DateTime>(nullable: false),
                    State = table.Column<int>(nullable: false),
                    DecidedAt = table.Column<DateTime>(nullable: true),
                    DecidedById = table.Column<string>(nullable: true),
                    DismissReason = table.Column<string>(maxLength: 1000, nullable: true),
                    JobTitles = table.Column<string>(maxLength: 4000, nullable: true),
                    RefresherDueOn = table.Column<DateOnly>(nullable: true),
                    ClosedAt = table.Column<DateTime>(nullable: true),
                    ClosedByResultId = table.Column<int>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Findings_AuditResults_ResultId",
                        column: x => x.ResultId,
                        principalTable: "AuditResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Findings_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Findings_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionPlans",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    FindingId = table.Column<int>(nullable: false),
                    AuthorId = table.Column<int>(nullable: false),
                    Cause = table.Column<string>(maxLength: 4000, nullable: false),
                    Actions = table.Column<string>(maxLength: 4000, nullable: false),
                    Owner = table.Column<string>(maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(nullable: true),
                    State = table.Column<int>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    UpdatedAt = table.Column<DateTime>(nullable: false),
                    SubmittedAt = table.Column<DateTime>(nullable: true),
                    Version = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlans_Employees_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionPlans_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionPlanDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionPlanId = table.Column<int>(nullable: false),
                    Approved = table.Column<bool>(nullable: false),
                    Comment = table.Column<string>(maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTime>(nullable: false),
                    DecidedById = table.Column<string>(maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlanDecisions_ActionPlans_ActionPlanId",
                        column: x => x.ActionPlanId,
                        principalTable: "ActionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_EmployeeId",
                table: "Assignments",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_EmployeeId_EditionId_Reason_DueOn",
                table: "Assignments",
                columns: new[] { "EmployeeId", "EditionId", "Reason", "DueOn" },
                unique: true,
                filter: "\"FindingId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_FindingId_EmployeeId_EditionId",
                table: "Assignments",
                columns: new[] { "FindingId", "EmployeeId", "EditionId" },
                unique: true,
                filter: "\"FindingId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanDecisions_ActionPlanId",
                table: "ActionPlanDecisions",
                column: "ActionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_AuthorId",
                table: "ActionPlans",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_FindingId",
                table: "ActionPlans",
                column: "FindingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_State_AuthorId",
                table: "ActionPlans",
                columns: new[] { "State", "AuthorId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditBatches_FileSha256",
                table: "AuditBatches",
                column: "FileSha256");

            migrationBuilder.CreateIndex(
                name: "IX_AuditResults_BatchId",
                table: "AuditResults",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditResults_LiveDepartment",
                table: "AuditResults",
                columns: new[] { "DepartmentId", "StandardKey", "PeriodKind", "PeriodStart" },
                unique: true,
                filter: "\"ReplacedAt\" IS NULL AND \"DepartmentId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditResults_LiveSite",
                table: "AuditResults",
                columns: new[] { "SiteId", "StandardKey", "PeriodKind", "PeriodStart" },
                unique: true,
                filter: "\"ReplacedAt\" IS NULL AND \"SiteId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditResults_PeriodKind_PeriodStart",
                table: "AuditResults",
                columns: new[] { "PeriodKind", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditResults_ReplacedById",
                table: "AuditResults",
                column: "ReplacedById");

            migrationBuilder.CreateIndex(
                name: "IX_AuditUploads_UploadedById_UploadedAt",
                table: "AuditUploads",
                columns: new[] { "UploadedById", "UploadedAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_Findings_DepartmentId",
                table: "Findings",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_ResultId",
                table: "Findings",
                column: "ResultId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_SiteId",
                table: "Findings",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_State_SiteId",
                table: "Findings",
                columns: new[] { "State", "SiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_PillarStandards_Key",
                table: "PillarStandards",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_PillarStandards_PillarId_Key",
                table: "PillarStandards",
                columns: new[] { "PillarId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PillarStandardTexts_PillarStandardId_Language",
                table: "PillarStandardTexts",
                columns: new[] { "PillarStandardId", "Language" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Assignments_Findings_FindingId",
                table: "Assignments",
                column: "FindingId",
                principalTable: "Findings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Assignments_Findings_FindingId",
                table: "Assignments");

            migrationBuilder.DropTable(
                name: "ActionPlanDecisions");

            migrationBuilder.DropTable(
                name: "AuditUploads");

            migrationBuilder.DropTable(
                name: "CheckAnswers");

            migrationBuilder.DropTable(
                name: "PillarStandardTexts");

            migrationBuilder.DropTable(
                name: "ActionPlans");

            migrationBuilder.DropTable(
                name: "PillarStandards");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "AuditResults");

            migrationBuilder.DropTable(
                name: "AuditBatches");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_EmployeeId",
                table: "Assignments");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_EmployeeId_EditionId_Reason_DueOn",
                table: "Assignments");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_FindingId_EmployeeId_EditionId",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "FindingId",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_EmployeeId_EditionId_Reason_DueOn",
                table: "Assignments",
                columns: new[] { "EmployeeId", "EditionId", "Reason", "DueOn" },
                unique: true);
        }
    }
}
