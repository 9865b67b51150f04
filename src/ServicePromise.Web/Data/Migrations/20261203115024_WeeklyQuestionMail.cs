using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePromise.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WeeklyQuestionMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PracticeAnswers_Week_EmployeeId",
                table: "PracticeAnswers",
                columns: new[] { "Week", "EmployeeId" },
                filter: "\"MailedAt\" IS NULL AND \"AnsweredAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PracticeAnswers_Week_EmployeeId",
                table: "PracticeAnswers");
        }
    }
}
