using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePromise.Web.Data.Migrations;

/// <summary>Marks an assignment a new edition replaced, so progress saved to it afterwards is refused rather than lost.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122090000_AssignmentSupersededAt")]
public partial class AssignmentSupersededAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "SupersededAt", table: "Assignments", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "SupersededAt", table: "Assignments");
    }
}
