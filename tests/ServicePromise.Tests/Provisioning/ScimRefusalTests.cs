using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Provisioning;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Provisioning;

/// <summary>How the staff rules' refusals become SCIM answers, and how they are kept for HR's list: plain rules, no site.</summary>
public class ScimRefusalTests
{
    static readonly DateOnly Hired = new(2025, 1, 15);

    static StaffRow Row(string number, string? manager = null, string? email = null, bool active = true) =>
        new(2, number, "Persona " + number, email ?? number.ToLowerInvariant() + "@olivo.es", "Cajera", "Tiendas", "Málaga", manager,
            Hired, "es", EmploymentType.Employee, active);

    static ExistingPerson Known(StaffRow row, Privilege privilege = Privilege.None) =>
        new(row.EmployeeNumber, row.FullName, row.Email, row.JobTitle, row.Department, row.Site, row.ManagerNumber, row.HireDate,
            row.Language, row.EmploymentType, row.Active, privilege);

    static (int Status, string? Type) Answer(StaffRow row, IReadOnlyList<ExistingPerson> related, StaffImportPlan plan)
    {
        var refusal = ScimProvisioner.Refusal(plan.Problems, related, row.EmployeeNumber);
        return (refusal.Status, refusal.ScimType);
    }

    [Fact]
    public void Each_kind_of_planner_problem_answers_its_scim_status()
    {
        var ana = Row("A1");
        var taker = Row("C1", email: ana.Email);
        var taken = StaffImportPlanner.PlanOne(taker, [Known(ana)]);
        Assert.Equal(ProblemKind.EmailTaken, Assert.Single(taken.Problems).Kind);
        Assert.Equal((409, "uniqueness"), Answer(taker, [Known(ana)], taken));

        var admin = Known(Row("AD1"), Privilege.Admin);
        var leaving = Row("AD1", active: false);
        var kept = StaffImportPlanner.PlanOne(leaving, [admin]);
        Assert.Equal(ProblemKind.Protected, Assert.Single(kept.Problems).Kind);
        Assert.Equal((403, "mutability"), Answer(leaving, [admin], kept));

        var boss = Row("B1", "A1");
        var loopRow = ana with { ManagerNumber = "B1" };
        var loop = StaffImportPlanner.PlanOne(loopRow, [Known(ana), Known(boss)]);
        Assert.All(loop.Problems, p => Assert.Equal(ProblemKind.ManagerLoop, p.Kind));
        Assert.Equal((400, "invalidValue"), Answer(loopRow, [Known(ana), Known(boss)], loop));

        var orphan = Row("D1", "NOBODY");
        var unknown = StaffImportPlanner.PlanOne(orphan, [], UnknownManagers.Refuse);
        Assert.Equal(ProblemKind.UnknownManager, Assert.Single(unknown.Problems).Kind);
        Assert.Equal((400, "invalidValue"), Answer(orphan, [], unknown));
    }

    [Fact]
    public void The_status_follows_the_kind_of_problem_not_the_wording_of_its_message()
    {
        var row = Row("A1");
        ImportProblem[] Problem(string text, ProblemKind kind) => [new(2, new Message(text, "ana@olivo.es", "Ana", "A1"), kind)];
        Assert.Equal(409, ScimProvisioner.Refusal(Problem("Reworded: {0} is someone else's.", ProblemKind.EmailTaken), [], row.EmployeeNumber).Status);
        Assert.Equal(403, ScimProvisioner.Refusal(Problem("Reworded: {1} is protected.", ProblemKind.Protected), [], row.EmployeeNumber).Status);
        // The email-taken wording on another kind of problem is just a 400.
        Assert.Equal(400, ScimProvisioner.Refusal(Problem("El correo «{0}» ya es de {1} ({2}).", ProblemKind.Row), [], row.EmployeeNumber).Status);
    }

    [Fact]
    public void A_stored_refusal_fits_its_column_whatever_the_request_sent()
    {
        var path = new string('a', 5000);
        var stored = ScimMessages.Store(new Message("El atributo «{0}» no existe en el esquema de usuario, ni en la extensión de empresa ni en la de ServicePromise.", path));
        Assert.True(stored.Length <= ScimMessages.MaxLength, $"{stored.Length} characters");
        var read = ScimMessages.Read(stored)!;
        Assert.Equal(new string('a', 200) + "…", read.Args[0]);

        // Characters JSON escapes (six times their length) in several long arguments, one of them nested.
        var wide = new string('\u0001', 5000);
        var many = ScimMessages.Store(new Message("{0} {1} {2} {3}", wide, wide, new Message("{0}", wide), wide));
        Assert.True(many.Length <= ScimMessages.MaxLength, $"{many.Length} characters");
        Assert.NotNull(ScimMessages.Read(many));
    }
}
