using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Learning;

/// <summary>
/// "A pillar is done" and "what status is this person in" are written once, in <see cref="CompletionRules"/>: the
/// database, given the same expressions, answers exactly as the in-memory rules do, and no other file spells them out.
/// </summary>
public class CompletionRuleQueriesTests
{
    static readonly DateTime T = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
    static readonly DateOnly Today = new(2026, 11, 15);

    /// <summary>A database with foreign keys off, so each case needs only the rows the rule reads.</summary>
    static async Task<AppDbContext> OpenAsync(TempDatabase temp)
    {
        var db = temp.CreateContext();
        await db.Database.EnsureCreatedAsync();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;");
        return db;
    }

    [Fact]
    public async Task The_database_counts_done_pillars_as_the_in_memory_rule_does()
    {
        using var temp = new TempDatabase();
        await using var db = await OpenAsync(temp);
        var withCheck = new Pillar { EditionId = 1, Key = "with", HasCheck = true };
        var without = new Pillar { EditionId = 1, Key = "without" };
        db.AddRange(withCheck, without);
        var cases = new List<(Assignment Assignment, bool Done)>();
        foreach (var pillar in new[] { withCheck, without })
            foreach (var read in new DateTime?[] { null, T })
                foreach (var reflected in new DateTime?[] { null, T })
                    foreach (var passed in new DateTime?[] { null, T })
                    {
                        var assignment = new Assignment { EmployeeId = cases.Count + 1, EditionId = 1, DueOn = Today.AddDays(cases.Count), AssignedAt = T };
                        assignment.Pillars.Add(new AssignmentPillar { Pillar = pillar, ReadAt = read, ReflectedAt = reflected, CheckPassedAt = passed });
                        db.Add(assignment);
                        cases.Add((assignment, CompletionRules.IsPillarDone(read, reflected, pillar.HasCheck, passed)));
                    }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var counted = await db.Assignments.Select(a => new { a.Id, Done = a.Pillars.AsQueryable().Count(CompletionRules.PillarDone) })
            .ToDictionaryAsync(a => a.Id, a => a.Done);
        var complete = await db.Assignments.Where(CompletionRules.AllPillarsDone).Select(a => a.Id).ToListAsync();
        foreach (var (assignment, done) in cases)
        {
            Assert.Equal(done ? 1 : 0, counted[assignment.Id]);
            Assert.Equal(done, complete.Contains(assignment.Id));
        }
        // Both answers occur, with and without a check: the cases cover the rule.
        Assert.Contains(cases, c => c.Done && c.Assignment.Pillars[0].CheckPassedAt is null);
        Assert.Contains(cases, c => !c.Done && c.Assignment.Pillars[0].ReadAt is not null && c.Assignment.Pillars[0].ReflectedAt is not null);
    }

    [Fact]
    public async Task The_database_filters_each_status_as_the_in_memory_rule_reads_it()
    {
        using var temp = new TempDatabase();
        await using var db = await OpenAsync(temp);
        var states = new List<(DateOnly? Due, DateTime? Started, DateTime? Completed, AssignmentReason? Reason)>();
        foreach (var due in new DateOnly?[] { null, Today.AddDays(-1), Today, Today.AddDays(1) })
            foreach (var started in new DateTime?[] { null, T })
                foreach (var completed in new DateTime?[] { null, T })
                    foreach (var reason in new AssignmentReason?[] { null, AssignmentReason.Onboarding, AssignmentReason.RoleChange })
                        states.Add((due, started, completed, reason));
        db.AddRange(states.Select((_, n) => new Employee { UserId = $"u{n}", EmployeeNumber = $"E{n}", FullName = $"P{n}" }));
        await db.SaveChangesAsync();
        // The carried state is written as EmployeeProgress writes it: set-based, after the rows exist.
        var ids = await db.Employees.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        foreach (var (id, state) in ids.Zip(states))
            await db.Employees.Where(e => e.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(e => e.CurrentDueOn, state.Due).SetProperty(e => e.CurrentStartedAt, state.Started).SetProperty(e => e.CurrentCompletedAt, state.Completed)
                .SetProperty(e => e.CurrentReason, state.Reason));
        var people = await db.Employees.AsNoTracking().ToListAsync();
        Assert.Equal(states.Count, people.Count(p => p.CurrentCompletedAt is not null) * 2);

        foreach (var status in Enum.GetValues<AssignmentStatus>())
        {
            // Re-contextualising people keep their certificate: the completed filter counts them too.
            var expected = people.Where(p => CompletionRules.CurrentStatusOf(p.CurrentCompletedAt, p.CurrentStartedAt, p.CurrentDueOn, Today, p.CurrentReason) is var s
                    && (s == status || (status == AssignmentStatus.Completed && s == AssignmentStatus.Recontextualising)))
                .Select(p => p.Id).Order().ToList();
            var filtered = await db.Employees.Where(CompletionRules.CurrentStatusIs(status, Today)).Select(e => e.Id).OrderBy(id => id).ToListAsync();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, filtered);
        }
    }

    [Fact]
    public void In_memory_the_expression_and_the_rule_are_one()
    {
        var pillar = new AssignmentPillar { ReadAt = T, ReflectedAt = T, Pillar = new Pillar { HasCheck = true } };
        Assert.False(CompletionRules.PillarDone.Compile()(pillar));
        Assert.False(CompletionRules.IsPillarDone(T, T, hasCheck: true));
        pillar.CheckPassedAt = T;
        Assert.True(CompletionRules.PillarDone.Compile()(pillar));
        Assert.Equal(AssignmentStatus.NotStarted, CompletionRules.CurrentStatusOf(null, T, null, Today));
    }

    /// <summary>
    /// The pillar-done condition and the status conditions, spelled out: a caller writing them again (instead of
    /// using <see cref="CompletionRules.PillarDone"/> or <see cref="CompletionRules.CurrentStatusIs"/>) would drift
    /// the day the rule changes.
    /// </summary>
    static readonly Regex[] RuleSpelledOut =
    [
        new(@"ReflectedAt\s*!=\s*null", RegexOptions.Compiled),
        new(@"CheckPassedAt\s*!=\s*null", RegexOptions.Compiled),
        new(@"CurrentCompletedAt\s*==\s*null\s*&&\s*e\.CurrentDueOn\s*<\s*today", RegexOptions.Compiled),
        new(@"CurrentDueOn\s*>=\s*today\s*&&\s*\w+\.CurrentStartedAt", RegexOptions.Compiled),
    ];

    [Fact]
    public void No_caller_writes_the_completion_rules_again()
    {
        var source = Path.Combine(Repo.Root, "src", "ServicePromise.Web");
        var rules = Path.Combine(source, "Learning", "CompletionRules.cs");
        var offenders = Directory.EnumerateFiles(source, "*.cs*", SearchOption.AllDirectories)
            .Where(f => f != rules && !f.Contains(Path.DirectorySeparatorChar + "Migrations" + Path.DirectorySeparatorChar)
                        && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
                        && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => RuleSpelledOut.Any(r => r.IsMatch(x.line)))
            .Select(x => $"{Path.GetRelativePath(source, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.Empty(offenders);
        // The rule file itself matches: the patterns do recognise the rule.
        Assert.Contains(File.ReadLines(rules), line => RuleSpelledOut[0].IsMatch(line));
        Assert.Contains(File.ReadLines(rules), line => RuleSpelledOut[3].IsMatch(line));
    }
}
