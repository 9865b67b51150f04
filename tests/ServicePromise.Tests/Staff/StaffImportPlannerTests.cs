using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

public class StaffImportPlannerTests
{
    static readonly DateOnly Hired = new(2025, 1, 15);
    static int _line = 1;

    static StaffRow Row(string number, string? manager = null, string? email = null, bool active = true, string job = "Cajera") =>
        new(++_line, number, "Persona " + number, email ?? number.ToLowerInvariant() + "@olivo.es", job, "Tiendas", "Málaga", manager,
            Hired, "es", EmploymentType.Employee, active);

    static ExistingPerson Known(StaffRow row) =>
        new(row.EmployeeNumber, row.FullName, row.Email, row.JobTitle, row.Department, row.Site, row.ManagerNumber, row.HireDate,
            row.Language, row.EmploymentType, row.Active);

    static string English(ImportProblem p) => p.Message.ToString();

    [Fact]
    public void New_people_are_created_changed_ones_updated_and_the_same_file_again_changes_nothing()
    {
        var boss = Row("B1");
        var ana = Row("A1", "B1");
        var plan = StaffImportPlanner.Plan([boss, ana], [], fullImport: true);
        Assert.Equal(2, plan.Creates);
        Assert.Empty(plan.Problems);

        var again = StaffImportPlanner.Plan([boss, ana], [Known(boss), Known(ana)], fullImport: true);
        Assert.Empty(again.Changes);
        Assert.Equal(2, again.Unchanged);

        var promoted = StaffImportPlanner.Plan([boss, ana with { JobTitle = "Encargada" }], [Known(boss), Known(ana)], fullImport: true);
        var change = Assert.Single(promoted.Changes);
        Assert.Equal((ChangeAction.Update, "A1"), (change.Action, change.EmployeeNumber));
        Assert.Equal([StaffField.JobTitle], change.Fields);
    }

    [Fact]
    public void A_full_import_deactivates_people_missing_from_the_file_a_partial_one_does_not()
    {
        var stays = Row("S1");
        var leaves = Row("L1");
        var full = StaffImportPlanner.Plan([stays], [Known(stays), Known(leaves)], fullImport: true);
        var change = Assert.Single(full.Changes);
        Assert.Equal((ChangeAction.Deactivate, "L1"), (change.Action, change.EmployeeNumber));

        Assert.Empty(StaffImportPlanner.Plan([stays], [Known(stays), Known(leaves)], fullImport: false).Changes);
    }

    [Fact]
    public void A_row_marked_inactive_deactivates_that_person()
    {
        var person = Row("P1");
        var change = Assert.Single(StaffImportPlanner.Plan([person with { Active = false }], [Known(person)], fullImport: false).Changes);
        Assert.Equal(ChangeAction.Deactivate, change.Action);
    }

    [Fact]
    public void An_unknown_manager_refuses_the_row_and_then_its_own_reports()
    {
        var middle = Row("M1", "NOBODY");
        var report = Row("R1", "M1");
        var plan = StaffImportPlanner.Plan([middle, report], [], fullImport: true);
        Assert.Empty(plan.Changes);
        Assert.Contains(plan.Problems, p => p.Line == middle.Line && English(p).Contains("The manager “NOBODY” is neither in the file"));
        Assert.Contains(plan.Problems, p => p.Line == report.Line && English(p).Contains("“M1”"));
    }

    [Fact]
    public void A_manager_who_leaves_in_a_full_import_is_not_a_valid_manager()
    {
        var leaving = Row("L1");
        var report = Row("R1", "L1");
        var plan = StaffImportPlanner.Plan([report], [Known(leaving)], fullImport: true);
        Assert.Single(plan.Problems);
        // The same row is fine in a partial import, where the manager stays.
        Assert.Empty(StaffImportPlanner.Plan([report], [Known(leaving)], fullImport: false).Problems);
    }

    [Fact]
    public void A_loop_of_managers_is_refused_with_the_chain_named()
    {
        var a = Row("A", "B");
        var b = Row("B", "C");
        var c = Row("C", "A");
        var outside = Row("D", "A");
        var plan = StaffImportPlanner.Plan([a, b, c, outside], [], fullImport: true);
        Assert.Equal(3, plan.Problems.Count(p => English(p).Contains("The managers form a loop")));
        Assert.Contains(plan.Problems, p => p.Line == a.Line && English(p).Contains("A → B → C → A"));
        // D reports into the loop but is not part of it; it is refused only because its manager was.
        Assert.DoesNotContain(plan.Changes, ch => ch.EmployeeNumber is "A" or "B" or "C");
    }

    [Fact]
    public void A_loop_through_people_already_known_is_found_too()
    {
        var knownBoss = Row("K1", "N1");
        var newcomer = Row("N1", "K1");
        var plan = StaffImportPlanner.Plan([newcomer], [Known(knownBoss)], fullImport: false);
        Assert.Contains("loop", English(Assert.Single(plan.Problems)));
    }

    [Fact]
    public void An_email_that_belongs_to_someone_else_is_refused_unless_they_change_theirs_in_the_same_file()
    {
        var ana = Row("A1", email: "ana@olivo.es");
        var taker = Row("T1", email: "ana@olivo.es");
        var plan = StaffImportPlanner.Plan([taker], [Known(ana)], fullImport: false);
        Assert.Contains("already belongs to Persona A1 (A1)", English(Assert.Single(plan.Problems)));

        var swap = StaffImportPlanner.Plan([taker, ana with { Email = "ana.gil@olivo.es" }], [Known(ana)], fullImport: false);
        Assert.Empty(swap.Problems);
    }

    [Theory]
    [InlineData(Privilege.Admin, "this person is an administrator: an admin changes their account on their page")]
    [InlineData(Privilege.Hr, "this person is in HR: an admin changes their account on their page")]
    public void An_hr_or_admin_persons_email_and_active_flag_are_refused_and_the_rest_of_their_row_applies(Privilege privilege, string reason)
    {
        var admin = Row("AD1", email: "admin@olivo.es");
        var known = Known(admin) with { Privilege = privilege };
        var plan = StaffImportPlanner.Plan([admin with { Email = "attacker@evil.es", Active = false, JobTitle = "Directora" }], [known], fullImport: false);
        Assert.Equal(2, plan.Problems.Count);
        Assert.All(plan.Problems, p => Assert.Contains(reason, English(p)));
        Assert.Contains(plan.Problems, p => English(p).Contains("“Email” is not changed"));
        Assert.Contains(plan.Problems, p => English(p).Contains("“Active” is not changed"));
        var change = Assert.Single(plan.Changes);
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal([StaffField.JobTitle], change.Fields);
        Assert.Equal(("admin@olivo.es", true), (change.Row!.Email, change.Row.Active));

        // The same row for an ordinary person changes all three.
        var ordinary = StaffImportPlanner.Plan([admin with { Email = "attacker@evil.es", Active = false, JobTitle = "Directora" }], [Known(admin)], fullImport: false);
        Assert.Empty(ordinary.Problems);
        Assert.Equal([StaffField.Email, StaffField.JobTitle, StaffField.Active], Assert.Single(ordinary.Changes).Fields);
    }

    [Fact]
    public void A_full_import_keeps_hr_and_admin_people_missing_from_the_file_and_says_so()
    {
        var stays = Row("S1", "AD1");
        var admin = Known(Row("AD1")) with { Privilege = Privilege.Admin };
        var plan = StaffImportPlanner.Plan([stays], [Known(stays), admin], fullImport: true);
        Assert.Empty(plan.Changes);
        // They still count as a manager who stays.
        Assert.Empty(plan.Problems);
        Assert.Contains("is not in the file but is not deactivated: this person is an administrator", Assert.Single(plan.Notes!).Message.ToString());
    }

    [Fact]
    public void Taking_the_email_of_an_admin_whose_own_change_is_refused_is_refused_too()
    {
        var admin = Row("AD1", email: "admin@olivo.es");
        var ana = Row("A1", email: "ana@olivo.es");
        // A swap: the admin's half is refused, so Ana's half would give two people one address.
        var plan = StaffImportPlanner.Plan([admin with { Email = "ana@olivo.es" }, ana with { Email = "admin@olivo.es" }],
            [Known(admin) with { Privilege = Privilege.Admin }, Known(ana)], fullImport: false);
        Assert.Contains(plan.Problems, p => p.Line == ana.Line && English(p).Contains("already belongs to Persona AD1"));
        Assert.DoesNotContain(plan.Changes, c => c.EmployeeNumber == "A1");
    }

    [Fact]
    public void Refusing_a_row_for_its_manager_keeps_that_persons_email_so_a_row_taking_it_is_refused_too()
    {
        var ana = Row("A1", email: "ana@olivo.es");
        var bea = Row("B1", email: "bea@olivo.es");
        var plan = StaffImportPlanner.Plan([ana with { Email = "ana.nueva@olivo.es", ManagerNumber = "NOBODY" }, bea with { Email = "ana@olivo.es" }],
            [Known(ana), Known(bea)], fullImport: false);
        Assert.Equal(2, plan.Problems.Count);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void A_new_manager_refused_for_a_loop_takes_their_new_reports_with_them()
    {
        var knownBoss = Row("K1", "N1");
        var newcomer = Row("N1", "K1");
        var report = Row("R1", "N1");
        var plan = StaffImportPlanner.Plan([newcomer, report], [Known(knownBoss)], fullImport: false);
        Assert.Contains(plan.Problems, p => p.Line == report.Line && English(p).Contains("“N1”"));
        Assert.Empty(plan.Changes); // R1's manager would not exist: applying it could not work
    }

    [Fact]
    public void One_row_with_an_unknown_manager_is_planned_without_them_and_the_reference_kept()
    {
        var newcomer = Row("N1", "LATER");
        var plan = StaffImportPlanner.PlanOne(newcomer, []);
        Assert.Empty(plan.Problems);
        var change = Assert.Single(plan.Changes);
        Assert.Null(change.Row!.ManagerNumber);
        Assert.Equal("LATER", plan.DeferredManagers["N1"]);
        // A file still refuses it: HR fixes the file.
        Assert.Single(StaffImportPlanner.Plan([newcomer], [], fullImport: false).Problems);
    }

    [Fact]
    public void One_row_goes_through_the_same_loop_email_and_privilege_checks_as_a_file()
    {
        var boss = Row("B1", "A1");
        var ana = Row("A1");
        var loop = StaffImportPlanner.PlanOne(ana with { ManagerNumber = "B1" }, [Known(ana), Known(boss)]);
        Assert.Contains(loop.Problems, p => English(p).Contains("B1", StringComparison.Ordinal));
        Assert.Empty(loop.Changes);

        var taken = StaffImportPlanner.PlanOne(Row("C1", email: ana.Email), [Known(ana)]);
        Assert.Single(taken.Problems);

        var admin = Known(Row("AD1")) with { Privilege = Privilege.Admin };
        var leaving = StaffImportPlanner.PlanOne(Row("AD1", active: false) with { FullName = admin.FullName, Line = 2 }, [admin]);
        Assert.Single(leaving.Problems);
    }
}

public class StaffImportPlannerFullImportTests
{
    [Fact]
    public void A_person_whose_row_has_a_problem_is_not_deactivated_by_a_full_import()
    {
        var text = "Nº de empleado;Nombre;Email;Fecha de alta\nA1;Ana;ana@olivo.es;2026-01-01\nB1;Bea;bea@olivo.es;ayer\n";
        var file = StaffFile.Read(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Single(file.Problems);
        var existing = new[] { "A1", "B1" }.Select(n => new ExistingPerson(n, n, n.ToLowerInvariant() + "@x.es", "", null, null, null,
            new DateOnly(2025, 1, 1), "es", EmploymentType.Employee, true)).ToList();
        var plan = StaffImportPlanner.Plan(file.Rows, existing, fullImport: true, file.Numbers);
        Assert.DoesNotContain(plan.Changes, c => c.Action == ChangeAction.Deactivate);
        // Without the refused row's number the same plan would have deactivated Bea.
        Assert.Contains(StaffImportPlanner.Plan(file.Rows, existing, fullImport: true).Changes, c => c is { Action: ChangeAction.Deactivate, EmployeeNumber: "B1" });
    }

}
