using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePromise.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FindingAnsweredByRoleChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_FindingId_EmployeeId_EditionId",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_FindingId_EmployeeId_EditionId_Reason",
                table: "Assignments",
                columns: new[] { "FindingId", "EmployeeId", "EditionId", "Reason" },
                unique: true,
                filter: "\"FindingId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_FindingId_EmployeeId_EditionId_Reason",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_FindingId_EmployeeId_EditionId",
                table: "Assignments",
                columns: new[] { "FindingId", "EmployeeId", "EditionId" },
                unique: true,
                filter: "\"FindingId\" IS NOT NULL");
        }
    }
}
