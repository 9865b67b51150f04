using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServicePromise.Web.Data.Migrations;

/// <summary>
/// The first schema, written by hand and provider-neutral: no store types are named, so SQLite and PostgreSQL
/// each choose theirs from the CLR type and max length, as the model does. The schema-equality test guards it.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000000_Initial")]
public partial class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Identity

        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RoleId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        // Data protection

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: true),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
            });

        // Organisation

        migrationBuilder.CreateTable(
            name: "Departments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Departments", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Sites",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Sites", x => x.Id);
            });

        // Content

        migrationBuilder.CreateTable(
            name: "Editions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Number = table.Column<int>(nullable: false),
                ContentHash = table.Column<string>(maxLength: 64, nullable: false),
                ChangeNote = table.Column<string>(maxLength: 500, nullable: true),
                PublishedAt = table.Column<DateTime>(nullable: false),
                DefaultLanguage = table.Column<string>(maxLength: 8, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Editions", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "EditionTexts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                EditionId = table.Column<int>(nullable: false),
                Language = table.Column<string>(maxLength: 8, nullable: false),
                Company = table.Column<string>(maxLength: 200, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Statement = table.Column<string>(maxLength: 1000, nullable: false),
                BodyMarkdown = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EditionTexts", x => x.Id);
                table.ForeignKey(
                    name: "FK_EditionTexts_Editions_EditionId",
                    column: x => x.EditionId,
                    principalTable: "Editions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Pillars",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                EditionId = table.Column<int>(nullable: false),
                Key = table.Column<string>(maxLength: 64, nullable: false),
                Order = table.Column<int>(nullable: false),
                ChangeKind = table.Column<int>(nullable: false),
                HasCheck = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Pillars", x => x.Id);
                table.ForeignKey(
                    name: "FK_Pillars_Editions_EditionId",
                    column: x => x.EditionId,
                    principalTable: "Editions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PillarTexts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                PillarId = table.Column<int>(nullable: false),
                Language = table.Column<string>(maxLength: 8, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Summary = table.Column<string>(maxLength: 1000, nullable: false),
                ReflectionPrompt = table.Column<string>(maxLength: 1000, nullable: false),
                CheckJson = table.Column<string>(nullable: true),
                BodyMarkdown = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PillarTexts", x => x.Id);
                table.ForeignKey(
                    name: "FK_PillarTexts_Pillars_PillarId",
                    column: x => x.PillarId,
                    principalTable: "Pillars",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        // Staff. Employees and Assignments point at each other: Employees is created first without its
        // CurrentAssignmentId foreign key, which is added once Assignments exists (see below).

        migrationBuilder.CreateTable(
            name: "Employees",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                EmployeeNumber = table.Column<string>(maxLength: 40, nullable: false),
                FullName = table.Column<string>(maxLength: 200, nullable: false),
                SearchName = table.Column<string>(maxLength: 200, nullable: false),
                JobTitle = table.Column<string>(maxLength: 200, nullable: false),
                DepartmentId = table.Column<int>(nullable: true),
                SiteId = table.Column<int>(nullable: true),
                ManagerId = table.Column<int>(nullable: true),
                HireDate = table.Column<DateOnly>(nullable: false),
                Language = table.Column<string>(maxLength: 8, nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                CurrentAssignmentId = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Employees", x => x.Id);
                table.ForeignKey(
                    name: "FK_Employees_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Employees_Departments_DepartmentId",
                    column: x => x.DepartmentId,
                    principalTable: "Departments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Employees_Employees_ManagerId",
                    column: x => x.ManagerId,
                    principalTable: "Employees",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Employees_Sites_SiteId",
                    column: x => x.SiteId,
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        // Learning

        migrationBuilder.CreateTable(
            name: "Assignments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                EmployeeId = table.Column<int>(nullable: false),
                EditionId = table.Column<int>(nullable: false),
                Reason = table.Column<int>(nullable: false),
                AssignedAt = table.Column<DateTime>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: true),
                CompletedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Assignments", x => x.Id);
                table.ForeignKey(
                    name: "FK_Assignments_Editions_EditionId",
                    column: x => x.EditionId,
                    principalTable: "Editions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Assignments_Employees_EmployeeId",
                    column: x => x.EmployeeId,
                    principalTable: "Employees",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AssignmentPillars",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                AssignmentId = table.Column<int>(nullable: false),
                PillarId = table.Column<int>(nullable: false),
                ReadAt = table.Column<DateTime>(nullable: true),
                ReflectedAt = table.Column<DateTime>(nullable: true),
                CheckPassedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AssignmentPillars", x => x.Id);
                table.ForeignKey(
                    name: "FK_AssignmentPillars_Assignments_AssignmentId",
                    column: x => x.AssignmentId,
                    principalTable: "Assignments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AssignmentPillars_Pillars_PillarId",
                    column: x => x.PillarId,
                    principalTable: "Pillars",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Reflections",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                AssignmentPillarId = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 8000, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                SubmittedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Reflections", x => x.Id);
                table.ForeignKey(
                    name: "FK_Reflections_AssignmentPillars_AssignmentPillarId",
                    column: x => x.AssignmentPillarId,
                    principalTable: "AssignmentPillars",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Certificates",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Code = table.Column<string>(maxLength: 32, nullable: false),
                AssignmentId = table.Column<int>(nullable: false),
                EmployeeId = table.Column<int>(nullable: false),
                EditionId = table.Column<int>(nullable: false),
                HolderName = table.Column<string>(maxLength: 200, nullable: false),
                JobTitle = table.Column<string>(maxLength: 200, nullable: false),
                Company = table.Column<string>(maxLength: 200, nullable: false),
                EditionNumber = table.Column<int>(nullable: false),
                EditionPublishedAt = table.Column<DateTime>(nullable: false),
                IssuedAt = table.Column<DateTime>(nullable: false),
                Language = table.Column<string>(maxLength: 8, nullable: false),
                PillarTitles = table.Column<string>(maxLength: 4000, nullable: false),
                ExpiresOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Certificates", x => x.Id);
                table.ForeignKey(
                    name: "FK_Certificates_Assignments_AssignmentId",
                    column: x => x.AssignmentId,
                    principalTable: "Assignments",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Certificates_Editions_EditionId",
                    column: x => x.EditionId,
                    principalTable: "Editions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Certificates_Employees_EmployeeId",
                    column: x => x.EmployeeId,
                    principalTable: "Employees",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        // Closes the Employees <-> Assignments cycle. PostgreSQL runs ALTER TABLE ... ADD CONSTRAINT; EF's SQLite
        // provider cannot alter constraints, and since Employees is created in this same migration it folds the
        // key into that CREATE TABLE instead (no rebuild).
        migrationBuilder.AddForeignKey(
            name: "FK_Employees_Assignments_CurrentAssignmentId",
            table: "Employees",
            column: "CurrentAssignmentId",
            principalTable: "Assignments",
            principalColumn: "Id",
            onDelete: ReferentialAction.Restrict);

        // Indexes

        migrationBuilder.CreateTable(
            name: "CheckAttempts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                AssignmentPillarId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                SubmittedAt = table.Column<DateTime>(nullable: true),
                Presentation = table.Column<string>(maxLength: 2000, nullable: false),
                Answers = table.Column<string>(maxLength: 2000, nullable: true),
                Score = table.Column<int>(nullable: true),
                Passed = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CheckAttempts", x => x.Id);
                table.ForeignKey(
                    name: "FK_CheckAttempts_AssignmentPillars_AssignmentPillarId",
                    column: x => x.AssignmentPillarId,
                    principalTable: "AssignmentPillars",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_AspNetRoleClaims_RoleId", table: "AspNetRoleClaims", column: "RoleId");
        migrationBuilder.CreateIndex(name: "RoleNameIndex", table: "AspNetRoles", column: "NormalizedName", unique: true);
        migrationBuilder.CreateIndex(name: "IX_AspNetUserClaims_UserId", table: "AspNetUserClaims", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_AspNetUserLogins_UserId", table: "AspNetUserLogins", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_AspNetUserRoles_RoleId", table: "AspNetUserRoles", column: "RoleId");
        migrationBuilder.CreateIndex(name: "EmailIndex", table: "AspNetUsers", column: "NormalizedEmail");
        migrationBuilder.CreateIndex(name: "UserNameIndex", table: "AspNetUsers", column: "NormalizedUserName", unique: true);

        migrationBuilder.CreateIndex(name: "IX_AssignmentPillars_AssignmentId_PillarId", table: "AssignmentPillars", columns: ["AssignmentId", "PillarId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_AssignmentPillars_PillarId", table: "AssignmentPillars", column: "PillarId");
        migrationBuilder.CreateIndex(name: "IX_CheckAttempts_AssignmentPillarId_Number", table: "CheckAttempts", columns: ["AssignmentPillarId", "Number"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Assignments_DueOn", table: "Assignments", column: "DueOn");
        migrationBuilder.CreateIndex(name: "IX_Assignments_EditionId", table: "Assignments", column: "EditionId");
        migrationBuilder.CreateIndex(name: "IX_Assignments_EmployeeId_EditionId_Reason_DueOn", table: "Assignments", columns: ["EmployeeId", "EditionId", "Reason", "DueOn"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Certificates_AssignmentId", table: "Certificates", column: "AssignmentId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Certificates_Code", table: "Certificates", column: "Code", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Certificates_EditionId", table: "Certificates", column: "EditionId");
        migrationBuilder.CreateIndex(name: "IX_Certificates_EmployeeId", table: "Certificates", column: "EmployeeId");
        migrationBuilder.CreateIndex(name: "IX_Departments_Name", table: "Departments", column: "Name", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Editions_ContentHash", table: "Editions", column: "ContentHash");
        migrationBuilder.CreateIndex(name: "IX_Editions_Number", table: "Editions", column: "Number", unique: true);
        migrationBuilder.CreateIndex(name: "IX_EditionTexts_EditionId_Language", table: "EditionTexts", columns: ["EditionId", "Language"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Employees_CurrentAssignmentId", table: "Employees", column: "CurrentAssignmentId");
        migrationBuilder.CreateIndex(name: "IX_Employees_DepartmentId", table: "Employees", column: "DepartmentId");
        migrationBuilder.CreateIndex(name: "IX_Employees_EmployeeNumber", table: "Employees", column: "EmployeeNumber", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Employees_SearchName", table: "Employees", column: "SearchName");
        migrationBuilder.CreateIndex(name: "IX_Employees_ManagerId", table: "Employees", column: "ManagerId");
        migrationBuilder.CreateIndex(name: "IX_Employees_SiteId", table: "Employees", column: "SiteId");
        migrationBuilder.CreateIndex(name: "IX_Employees_UserId", table: "Employees", column: "UserId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Pillars_EditionId_Key", table: "Pillars", columns: ["EditionId", "Key"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_PillarTexts_PillarId_Language", table: "PillarTexts", columns: ["PillarId", "Language"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Reflections_AssignmentPillarId", table: "Reflections", column: "AssignmentPillarId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Sites_Name", table: "Sites", column: "Name", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Break the Employees <-> Assignments cycle first, then drop dependants before what they reference.
        // SQLite cannot drop a constraint (EF would need a target model to rebuild the table), and its DROP TABLE
        // deletes row by row under the RESTRICT keys; so there the cycles (to Assignments and to the manager) are
        // broken by clearing the references instead.
        if (migrationBuilder.IsSqlite())
            migrationBuilder.Sql("UPDATE \"Employees\" SET \"CurrentAssignmentId\" = NULL, \"ManagerId\" = NULL;");
        else
            migrationBuilder.DropForeignKey(name: "FK_Employees_Assignments_CurrentAssignmentId", table: "Employees");

        migrationBuilder.DropTable(name: "Certificates");
        migrationBuilder.DropTable(name: "CheckAttempts");
        migrationBuilder.DropTable(name: "Reflections");
        migrationBuilder.DropTable(name: "AssignmentPillars");
        migrationBuilder.DropTable(name: "Assignments");
        migrationBuilder.DropTable(name: "Employees");
        migrationBuilder.DropTable(name: "PillarTexts");
        migrationBuilder.DropTable(name: "Pillars");
        migrationBuilder.DropTable(name: "EditionTexts");
        migrationBuilder.DropTable(name: "Editions");
        migrationBuilder.DropTable(name: "Sites");
        migrationBuilder.DropTable(name: "Departments");
        migrationBuilder.DropTable(name: "DataProtectionKeys");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}
