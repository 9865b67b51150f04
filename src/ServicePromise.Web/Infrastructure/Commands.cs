using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Infrastructure;

/// <summary>
/// Administrative commands of the web app's own executable, for deployments without a browser session:
/// <c>ServicePromise.Web create-admin --email EMAIL --name "FULL NAME"</c>.
/// </summary>
public static class Commands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        // Whatever a command does is done by whoever runs it on this machine, not by a signed-in person.
        app.Services.GetRequiredService<Audit.AuditProcess>().IsCommandLine = true;
        try
        {
            switch (args[0])
            {
                case "create-admin":
                    return await CreateAdminAsync(app, args[1..]);
                case "publish-content":
                    return await PublishContentAsync(app, args[1..]);
                case "import-staff":
                    return await ImportStaffAsync(app, args[1..]);
                case "import-audit":
                    return await ImportAuditAsync(app, args[1..]);
                case "generate-org":
                    return await GenerateOrgAsync(app, args[1..]);
                case "generate-practice":
                    return await GeneratePracticeAsync(app, args[1..]);
                case "make-weekly-questions":
                    return await MakeWeeklyQuestionsAsync(app, args[1..]);
                case "generate-staff-csv":
                    return GenerateStaffCsv(args[1..]);
                case "backup":
                    return await BackupAsync(app, args[1..]);
                default:
                    Console.Error.WriteLine($"Unknown command '{args[0]}'. Known commands:\n  create-admin --email EMAIL --name \"FULL NAME\"\n  publish-content --note \"WHAT CHANGED\"\n  {ImportUsage}\n  {ImportAuditUsage}\n  generate-org --employees N\n  {GeneratePracticeUsage}\n  {WeeklyUsage}\n  {GenerateCsvUsage}\n  {BackupUsage}");
                    return 2;
            }
        }
        catch (Exception ex) when (ex is Content.ContentInvalidException or ArgumentException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    static async Task<int> CreateAdminAsync(WebApplication app, string[] args)
    {
        var email = Option(args, "--email");
        var name = Option(args, "--name");
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@') || string.IsNullOrWhiteSpace(name))
        {
            Console.Error.WriteLine("Usage: create-admin --email EMAIL --name \"FULL NAME\"");
            return 2;
        }
        if ((SingleLineText.Problem(name) ?? SingleLineText.Problem(email)) is { } problem)
        {
            Console.Error.WriteLine($"--name / --email: {problem}");
            return 2;
        }

        await app.PrepareAsync();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            Console.Error.WriteLine($"An account with the email {email} already exists.");
            return 1;
        }

        // The account, its roles, its employee row and the audit entry: all of them or none.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var added = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(
            new NewPerson(email, name, EmployeeNumber: null, "Administrador/a", DateOnly.FromDateTime(DateTime.UtcNow)) { Roles = [Roles.Admin, Roles.HR] });
        if (added is not { Employee: { } employee, User: var user })
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, added.Result.Errors.Select(e => e.Description)));
            return 1;
        }
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<Audit.AuditLog>().RecordAsync(Audit.AuditActions.AdminCreated, employee.Id,
            Audit.AuditLog.Person(employee.FullName, employee.EmployeeNumber),
            new Dictionary<string, object?> { ["email"] = email, ["roles"] = "Employee,Admin,HR" });
        await transaction.CommitAsync();
        await scope.ServiceProvider.GetRequiredService<Onboarding>().AssignCurrentEditionAsync();

        var link = await scope.ServiceProvider.GetRequiredService<AccountLinks>().InvitationAsync(user, Languages.Default);
        Console.WriteLine($"Created administrator {email}.");
        Console.WriteLine("Open this link within 7 days to choose a password:");
        Console.WriteLine(link);
        return 0;
    }

    /// <summary>
    /// Publishes the content folder as the next edition (for deployments that ship content with the release)
    /// and assigns the refreshers it calls for. Exit 0 also when there is nothing new to publish.
    /// </summary>
    static async Task<int> PublishContentAsync(WebApplication app, string[] args)
    {
        var note = Option(args, "--note");
        if (string.IsNullOrWhiteSpace(note) || note.Length > 500)
        {
            Console.Error.WriteLine("Usage: publish-content --note \"WHAT CHANGED\" (a short change note, at most 500 characters)");
            return 2;
        }
        if (SingleLineText.Problem(note) is { } problem)
        {
            Console.Error.WriteLine($"--note: {problem}");
            return 2;
        }
        await app.PrepareAsync();
        using var scope = app.Services.CreateScope();
        var content = app.Services.LoadContent();
        var (edition, published, assigned) = await scope.ServiceProvider.GetRequiredService<EditionRollout>().PublishAsync(content, note);
        if (!published)
        {
            Console.WriteLine($"Nothing to publish: the content is the same as edition {edition.Number}.");
            return 0;
        }
        Console.WriteLine($"Published edition {edition.Number}. {assigned} people have something to do.");
        return 0;
    }

    const string ImportUsage = "import-staff FILE.csv [--apply] [--full] [--send-later] [--map \"HEADER=FIELD\"]...   (a dry run unless --apply; --full deactivates people missing from the file; --send-later leaves the invitations to the running site instead of sending them before exiting; --map reads the column HEADER as FIELD, e.g. --map \"Fecha de ingreso=hire date\", instead of the saved mapping)";

    /// <summary>
    /// The staff import for scheduled syncs: a dry run by default that prints what would change and every problem
    /// row; <c>--apply</c> applies the valid rows. Exit 0 when the file has no problems, 1 when it has some
    /// (with --apply the valid rows are still applied), 2 on wrong usage or an unreadable file.
    /// </summary>
    static async Task<int> ImportStaffAsync(WebApplication app, string[] args)
    {
        string? path = null;
        var maps = new List<string>();
        var wrong = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--map" && i + 1 < args.Length) maps.Add(args[++i]);
            else if (args[i] is "--apply" or "--full" or "--send-later") continue;
            else if (args[i].StartsWith("--", StringComparison.Ordinal) || path is not null) wrong = true;
            else path = args[i];
        }
        if (path is null || wrong)
        {
            Console.Error.WriteLine("Usage: " + ImportUsage);
            return 2;
        }
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"File not found: {path}");
            return 2;
        }
        var apply = args.Contains("--apply");
        var full = args.Contains("--full");
        var bytes = await File.ReadAllBytesAsync(path);
        IReadOnlyDictionary<string, Staff.Import.StaffField>? mapping = null;
        if (maps.Count > 0)
        {
            var (given, problems) = Staff.Import.MapOptions.Read(maps, Staff.Import.StaffFile.Headers(bytes));
            foreach (var problem in problems) Console.Error.WriteLine(problem);
            if (given is null) return 2;
            mapping = given;
        }
        await app.PrepareAsync();
        using var scope = app.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<Staff.Import.StaffImporter>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = apply ? await importer.ApplyAsync(bytes, full, mapping) : await importer.DryRunAsync(bytes, full, mapping);
        var took = started.Elapsed;

        Console.WriteLine($"{path}: {result.File.Encoding}, '{result.File.Delimiter}'-separated, {result.File.Rows.Count} valid rows.");
        foreach (var note in result.File.Notes ?? [])
            Console.WriteLine(note.Line > 1 ? $"  read, line {note.Line}: {note.Message}" : $"  read: {note.Message}");
        foreach (var problem in result.Problems)
            Console.WriteLine(problem.Line > 0 ? $"  line {problem.Line}: {problem.Message}" : $"  {problem.Message}");
        if (result.Plan is not { } plan)
        {
            // Columns not recognised: the closest headers, written as the options that would read them, for the operator to check.
            if (result.File.Suggested is { Count: > 0 } suggested)
                Console.WriteLine("Suggested mapping (check it, then run again with it): "
                    + string.Join(' ', suggested.Select(s => $"--map \"{s.Value}={Staff.Import.MapOptions.NameOf(s.Key)}\"")));
            Console.Error.WriteLine("Nothing can be imported from this file.");
            return 2;
        }
        foreach (var note in plan.Notes ?? [])
            Console.WriteLine($"  kept: {note.Message}");
        var verb = result.Applied ? "Applied" : "Dry run (nothing changed; add --apply to apply)";
        Console.WriteLine($"{verb}: {plan.Creates} to create, {plan.Updates} to update, {plan.Deactivations} to deactivate, {plan.Unchanged} unchanged, {result.Problems.Count} rows with problems ({took.TotalSeconds:0.0} s).");
        if (result.Applied && result.Notified > 0)
            Console.WriteLine($"{result.Notified} sign-in emails changed: a notice to each old address is queued.");
        var withoutEmail = plan.Changes.Count(c => c.Action == Staff.Import.ChangeAction.Create && c.Row is { Email.Length: 0, Active: true });
        if (withoutEmail > 0)
            Console.WriteLine($"{withoutEmail} new people have no email: they sign in with their employee number; print their welcome letters under Plantilla (/hr/letters).");
        if (result.Applied && args.Contains("--send-later"))
            Console.WriteLine($"{result.Invited} invitations queued for the running site to send.");
        else if (result.Applied)
        {
            // A scheduled sync has no browser waiting: it sends the invitations it queued (and any still due) before it exits.
            started.Restart();
            var sent = await scope.ServiceProvider.GetRequiredService<Staff.Import.InvitationSender>().RunOnceAsync();
            Console.WriteLine($"{sent} invitations sent. Took {started.Elapsed.TotalSeconds:0.0} s.");
        }
        return result.Problems.Count > 0 ? 1 : 0;
    }

    const string ImportAuditUsage = "import-audit FILE.csv [--apply]   (a dry run unless --apply; applies the whole file or, when any row has a problem, nothing)";

    /// <summary>
    /// Audit results from a provider's file: a dry run by default that prints what would be recorded and every problem
    /// row; <c>--apply</c> records them all at once. Exit 0 when the file has no problems, 1 when it has some (and
    /// nothing is applied), 2 on wrong usage or an unreadable file — the codes of import-staff.
    /// </summary>
    static async Task<int> ImportAuditAsync(WebApplication app, string[] args)
    {
        var apply = args.Contains("--apply");
        var rest = args.Where(a => a != "--apply").ToList();
        if (rest.Count != 1 || rest[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("Usage: " + ImportAuditUsage);
            return 2;
        }
        var path = rest[0];
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"File not found: {path}");
            return 2;
        }
        var bytes = await File.ReadAllBytesAsync(path);
        await app.PrepareAsync();
        using var scope = app.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<Measurement.AuditImporter>();
        var result = apply ? await importer.ApplyAsync(bytes, Path.GetFileName(path), userId: null) : await importer.DryRunAsync(bytes);
        if (result.File is { } file) Console.WriteLine($"{path}: {file.Encoding}, '{file.Delimiter}'-separated, {file.Rows.Count} rows.");
        foreach (var problem in result.Problems)
            Console.WriteLine(problem.Line > 1 ? $"  line {problem.Line}: {problem.Message}" : $"  {problem.Message}");
        if (result.Plan is not { } plan)
        {
            if (result.Outcome == Measurement.AuditOutcome.AlreadyImported)
            {
                Console.WriteLine($"Already imported on {result.PreviousBatch!.RecordedAt:yyyy-MM-dd HH:mm} UTC (batch {result.PreviousBatch.Id}): nothing changed.");
                return 0;
            }
            Console.Error.WriteLine("Nothing can be imported from this file.");
            return 2;
        }
        foreach (var c in plan.Corrections)
            Console.WriteLine($"  line {c.Line}: correction of {c.PlaceName}, {c.StandardKey}, {c.Period}: {c.Before!.ScoreHundredths / 100m:0.##} → {c.ScoreHundredths / 100m:0.##} (sample {c.Before.Sample} → {c.Sample})");
        var counts = $"{plan.New.Count} new, {plan.Corrections.Count} corrections, {plan.Unchanged.Count} unchanged, {plan.Problems.Count} rows with problems";
        Console.WriteLine(result.Outcome switch
        {
            Measurement.AuditOutcome.Applied => $"Applied: {counts}.",
            Measurement.AuditOutcome.Unchanged => $"Nothing changed: {counts}.",
            Measurement.AuditOutcome.Refused => $"Nothing applied (fix the rows with problems and run again): {counts}.",
            Measurement.AuditOutcome.Conflict => $"Nothing applied: another import recorded the same results meanwhile; run again. {counts}.",
            Measurement.AuditOutcome.AlreadyImported => $"Already imported on {result.PreviousBatch!.RecordedAt:yyyy-MM-dd HH:mm} UTC (batch {result.PreviousBatch.Id}); applying it again changes nothing: {counts}.",
            _ => $"Dry run (nothing changed; add --apply to apply): {counts}.",
        });
        return plan.Problems.Count > 0 ? 1 : result.Outcome == Measurement.AuditOutcome.Conflict ? 1 : 0;
    }

    /// <summary>A synthetic organisation of N people for measuring at scale (see docs/benchmarks.md).</summary>
    static async Task<int> GenerateOrgAsync(WebApplication app, string[] args)
    {
        if (!int.TryParse(Option(args, "--employees"), out var employees) || employees is < 1 or > 1_000_000)
        {
            Console.Error.WriteLine("Usage: generate-org --employees N   (1 to 1,000,000)");
            return 2;
        }
        await app.PrepareAsync();
        using var scope = app.Services.CreateScope();
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await scope.ServiceProvider.GetRequiredService<SyntheticOrganisation>().GenerateAsync(employees);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
        Console.WriteLine($"Generated {employees} people in {started.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    const string GeneratePracticeUsage = "generate-practice [--weeks W] [--per-week N]   (on a database made by generate-org: W (52) past weeks of N (1) weekly questions for every certified person, most of them answered)";

    /// <summary>A year of weekly questions and answers on a generated organisation, for measuring at scale (see docs/benchmarks.md).</summary>
    static async Task<int> GeneratePracticeAsync(WebApplication app, string[] args)
    {
        var weeksText = Option(args, "--weeks");
        var perWeekText = Option(args, "--per-week");
        var weeks = 52;
        var perWeek = 1;
        if ((weeksText is not null && (!int.TryParse(weeksText, out weeks) || weeks is < 1 or > 260))
            || (perWeekText is not null && (!int.TryParse(perWeekText, out perWeek) || perWeek is < 1 or > 7))
            || args.Length != (weeksText is null ? 0 : 2) + (perWeekText is null ? 0 : 2))
        {
            Console.Error.WriteLine("Usage: " + GeneratePracticeUsage);
            return 2;
        }
        await app.PrepareAsync();
        using var scope = app.Services.CreateScope();
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var (people, questions) = await scope.ServiceProvider.GetRequiredService<Practice.SyntheticPractice>().GenerateAsync(weeks, perWeek);
            Console.WriteLine($"Wrote {questions} weekly questions for {people} certified people in {started.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    const string WeeklyUsage = "make-weekly-questions [--on YYYY-MM-DD]   (the weekly job once, as on that day (today by default), in this process: for timing it)";

    /// <summary>The weekly question job once, in the foreground, so it can be timed as a process (time and memory).</summary>
    static async Task<int> MakeWeeklyQuestionsAsync(WebApplication app, string[] args)
    {
        var on = Option(args, "--on");
        var day = default(DateOnly);
        if (args.Length != (on is null ? 0 : 2) || (on is not null && !DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)))
        {
            Console.Error.WriteLine("Usage: " + WeeklyUsage);
            return 2;
        }
        await app.PrepareAsync();
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var clock = on is null ? services.GetRequiredService<OrganisationClock>()
            : new OrganisationClock(new DayTimeProvider(day), services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AppOptions>>());
        var job = new Practice.WeeklyQuestions(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<PublishedEditions>(), clock,
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Practice.PracticeOptions>>(), services.GetRequiredService<ILogger<Practice.WeeklyQuestions>>());
        var started = System.Diagnostics.Stopwatch.StartNew();
        var made = await job.MakeAsync();
        Console.WriteLine($"Made {made} weekly questions for the week of {Practice.PracticeSchedule.WeekOf(clock.Today):yyyy-MM-dd} in {started.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    /// <summary>Noon UTC of one day: "today" for a command run as on another day.</summary>
    sealed class DayTimeProvider(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }

    const string GenerateCsvUsage = "generate-staff-csv --rows N [--changed M] FILE.csv   (a synthetic HR export of N people; M of them in a new job or site)";

    /// <summary>A synthetic HR export for measuring the import at scale (see docs/benchmarks.md). Touches no database.</summary>
    static int GenerateStaffCsv(string[] args)
    {
        var changedText = Option(args, "--changed");
        var path = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] is not "--rows" and not "--changed")).FirstOrDefault();
        if (!int.TryParse(Option(args, "--rows"), out var rows) || rows is < 1 or > Staff.Import.StaffFile.MaxRows
            || (changedText is not null && (!int.TryParse(changedText, out var c) || c < 0 || c > rows)) || path is null)
        {
            Console.Error.WriteLine("Usage: " + GenerateCsvUsage);
            return 2;
        }
        var changed = changedText is null ? 0 : int.Parse(changedText, CultureInfo.InvariantCulture);
        Staff.Import.StaffCsvGenerator.WriteFile(path, rows, changed);
        Console.WriteLine($"Wrote {rows} people to {path}" + (changed > 0 ? $" ({changed} changed)." : "."));
        return 0;
    }

    const string BackupUsage = "backup FILE.db   (a consistent copy of the SQLite database while the site runs, and the evidence packs beside it in FILE.db.evidence)";

    /// <summary>
    /// A consistent copy of a live SQLite database through SQLite's online backup: a plain copy of a WAL database's
    /// file misses whatever is still in its -wal file, silently. The copy holds the data-protection keys (so sessions
    /// survive a restore); the evidence packs, which live in files, are copied beside it.
    /// </summary>
    static async Task<int> BackupAsync(WebApplication app, string[] args)
    {
        if (args.Length != 1 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("Usage: " + BackupUsage);
            return 2;
        }
        var target = Path.GetFullPath(args[0]);
        var evidence = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Evidence.EvidenceOptions>>().Value.FullPath(app.Environment.ContentRootPath);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsSqlite())
        {
            Console.Error.WriteLine($"""
                The database is PostgreSQL: back it up with pg_dump, which takes a consistent snapshot while the site runs:
                  pg_dump --format=custom --file=servicepromise.dump --dbname="CONNECTION"
                and restore into a new, empty database with:
                  pg_restore --no-owner --dbname="NEW CONNECTION" servicepromise.dump
                Copy the evidence packs folder too: {evidence}
                (README, "Backup and restore".)
                """);
            return 2;
        }
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (!File.Exists(source))
        {
            Console.Error.WriteLine($"No database at {Path.GetFullPath(source)}.");
            return 1;
        }
        if (File.Exists(target) || Directory.Exists(target + ".evidence"))
        {
            Console.Error.WriteLine($"{target} (or {target}.evidence) already exists; choose a new name.");
            return 2;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        var started = System.Diagnostics.Stopwatch.StartNew();
        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await from.OpenAsync();
            await to.OpenAsync();
            // One step: the whole database as of one read transaction; writers carry on meanwhile (WAL).
            from.BackupDatabase(to);
            await using var check = to.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            if (await check.ExecuteScalarAsync() is not "ok")
            {
                Console.Error.WriteLine($"The copy at {target} failed SQLite's integrity check; keep the previous backup.");
                return 1;
            }
        }

        var packs = 0;
        if (Directory.Exists(evidence))
            foreach (var file in Directory.EnumerateFiles(evidence, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(target + ".evidence", Path.GetRelativePath(evidence, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
                packs++;
            }
        Console.WriteLine($"Backed up the database to {target} ({new FileInfo(target).Length / 1024} KB) and {packs} evidence files to {target}.evidence in {started.Elapsed.TotalSeconds:0.0} s.");
        Console.WriteLine("To restore: stop the site, put the copy in place of the database file (and delete any old -wal and -shm files beside it), and the evidence files in Evidence:Path.");
        return 0;
    }

    static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
