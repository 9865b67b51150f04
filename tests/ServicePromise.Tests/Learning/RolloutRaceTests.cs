using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Tests.Learning;

/// <summary>
/// An employee saving progress at the very moment an admin publishes a new edition: the work either lands before
/// the move and is carried across, or is refused afterwards and kept for the person — never silently lost.
/// </summary>
public class RolloutRaceTests
{
    const string Sergio = "sergio.molina@" + ServicePromise.Web.Staff.DemoOrganisation.EmailDomain;
    const string Reflection = "Mis clientes son quienes compran en el mostrador y el equipo de la sección; si algo falla, lo resuelvo yo y aviso.";
    static readonly Dictionary<string, string> Fields = UserStories.Fields("/pillars/own-it", Reflection);
    static readonly ReflectionText Text = new(Fields["Meaning"], Fields["Customers"], Fields["Action"]);

    /// <summary>Edition 2 changes the meaning of pillar 2; Sergio (pillars 1 and 2 done) is working on pillar 3.</summary>
    static void ChangePillarTwo(string content)
    {
        var path = Path.Combine(content, "es/pillars/02-tell-the-truth.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("order: 2", "order: 2\nchange: substantive") + "\nDi siempre cuándo responderás.\n");
    }

    static async Task<int> PublishAsync(AppFactory app, string content)
    {
        ChangePillarTwo(content);
        using var scope = app.Services.CreateScope();
        var (edition, published, _) = await scope.ServiceProvider.GetRequiredService<EditionRollout>()
            .PublishAsync(ContentLoader.Load(content, "es"), "Pilar 2 cambia");
        Assert.True(published);
        return edition.Number;
    }

    static Task<(int AssignmentId, int Edition, DateTime? SupersededAt, Dictionary<string, (bool Read, bool Reflected, string? Text)> Pillars)> SergioAsync(AppFactory app) =>
        app.WithDbAsync(async db =>
        {
            var a = await db.Employees.Where(e => e.EmployeeNumber == "MO-0104").Select(e => e.CurrentAssignment!)
                .Select(a => new
                {
                    a.Id, a.Edition!.Number, a.SupersededAt,
                    Pillars = a.Pillars.Select(p => new { p.Id, p.Pillar!.Key, p.ReadAt, p.ReflectedAt }).ToList(),
                }).SingleAsync();
            var ids = a.Pillars.Select(p => p.Id).ToList();
            var texts = await db.Reflections.Where(r => ids.Contains(r.AssignmentPillarId)).ToDictionaryAsync(r => r.AssignmentPillarId, r => r.Meaning);
            return (a.Id, a.Number, a.SupersededAt,
                a.Pillars.ToDictionary(p => p.Key, p => (p.ReadAt != null, p.ReflectedAt != null, texts.GetValueOrDefault(p.Id))));
        });

    [Fact]
    public async Task A_reflection_sent_from_a_page_opened_before_the_new_edition_lands_on_the_same_pillar_of_the_new_one()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        var client = app.Browser();
        await client.SignedInAsync(Sergio);
        var page = await UserStories.ReadLessonAsync(client, "/pillars/own-it");

        Assert.Equal(2, await PublishAsync(app, content));
        var response = await client.SubmitAsync(page, ReflectionPage.Form, Fields);

        // Pillar 3 did not change, so having read it (and passed its check) carried across: the reflection counts,
        // and Sergio goes on to the pillar whose meaning changed.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/pillars/tell-the-truth", response.Headers.Location!.OriginalString);
        var after = await SergioAsync(app);
        Assert.Equal(2, after.Edition);
        Assert.Equal((true, true, Fields["Meaning"]), after.Pillars["own-it"]);
        Assert.True(after.Pillars["listen"].Reflected);
        Assert.False(after.Pillars["tell-the-truth"].Read);
    }

    [Fact]
    public async Task A_save_overtaken_by_publishing_is_refused_and_its_text_kept_as_a_draft_on_the_new_edition()
    {
        var content = Repo.CopyContent();
        var publishFirst = new PublishBeforeNextTransaction();
        using var app = new InterceptedAppFactory(publishFirst) { ContentPath = content };
        var client = app.Browser();
        await client.SignedInAsync(Sergio);
        var page = await UserStories.ReadLessonAsync(client, "/pillars/own-it");
        var before = await SergioAsync(app);

        // The request loads Sergio's assignment on edition 1; edition 2 is published just before it saves.
        publishFirst.Arm(() => PublishAsync(app, content));
        var response = await client.SubmitAsync(page, ReflectionPage.Form, Fields);
        Assert.True(publishFirst.Published);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/pillars/own-it", response.Headers.Location!.OriginalString);
        var after = await SergioAsync(app);
        Assert.Equal(2, after.Edition);
        await app.WithDbAsync(async db =>
        {
            var old = await db.Assignments.Include(a => a.Pillars).SingleAsync(a => a.Id == before.AssignmentId);
            Assert.NotNull(old.SupersededAt);
            var ids = old.Pillars.Select(p => p.Id).ToList();
            Assert.False(await db.Reflections.AnyAsync(r => ids.Contains(r.AssignmentPillarId) && r.Meaning == Fields["Meaning"]));
            return 0;
        });
        Assert.Equal((true, false, Fields["Meaning"]), after.Pillars["own-it"]);

        var shown = await client.GetPageAsync("/pillars/own-it");
        Assert.Contains("se ha actualizado a la edición 2", shown.Text());
        Assert.Equal(Fields["Action"], shown.QuerySelector("textarea[name=Action]")!.TextContent.Trim());
    }

    sealed class InterceptedAppFactory(IInterceptor interceptor) : AppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(interceptor)));
        }
    }

    /// <summary>When armed, runs an action (publishing) just before the next database transaction starts.</summary>
    sealed class PublishBeforeNextTransaction : DbTransactionInterceptor
    {
        Func<Task<int>>? _action;
        public bool Published { get; private set; }

        public void Arm(Func<Task<int>> action) => _action = action;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _action, null) is { } action)
            {
                await action();
                Published = true;
            }
            return result;
        }
    }

    [Fact]
    public async Task On_sqlite_a_reflection_being_saved_during_publishing_is_carried_to_the_new_edition()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        // SQLite has one writer: a write of publishing's in flight while the save holds the lock is a write waiting for it.
        await SaveWhilePublishingAsync(app, content, commands => Task.FromResult(commands.WriteInFlight));
    }

    [Fact]
    public async Task On_postgres_a_reflection_being_saved_during_publishing_is_carried_to_the_new_edition()
    {
        using var database = new TestPostgres();
        var content = Repo.CopyContent();
        using var app = new PostgresAppFactory(database.ConnectionString) { ContentPath = content };
        await SaveWhilePublishingAsync(app, content, _ => WaitingForALockAsync(database.ConnectionString));
    }

    /// <summary>
    /// Sergio's last step on pillar 3 has claimed his assignment and is paused before committing when the admin
    /// publishes. Publishing must wait for it and then carry the finished pillar across.
    /// </summary>
    static async Task SaveWhilePublishingAsync(AppFactory app, string content, Func<PublishingCommands, Task<bool>> publishingWaits)
    {
        var client = app.Browser();
        await client.SignedInAsync(Sergio);
        await UserStories.ReadLessonAsync(client, "/pillars/own-it");

        var pause = new PauseAfterClaim();
        using var employee = app.Services.CreateScope();
        var options = new DbContextOptionsBuilder<AppDbContext>(employee.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>())
            .AddInterceptors(pause).Options;
        await using var db = new AppDbContext(options);
        var issuer = ActivatorUtilities.CreateInstance<CertificateIssuer>(employee.ServiceProvider, db);
        var progress = ActivatorUtilities.CreateInstance<ProgressRecorder>(employee.ServiceProvider, db, issuer);
        // The check-ins start in the same transaction, so they must write through the same context (as the request scope does).
        var checkIns = ActivatorUtilities.CreateInstance<ServicePromise.Web.CheckIns.CheckInPlanner>(employee.ServiceProvider, db);
        var recorder = ActivatorUtilities.CreateInstance<ReflectionRecorder>(employee.ServiceProvider, db, progress, checkIns);
        var pillar = await db.AssignmentPillars.SingleAsync(p =>
            p.Assignment!.Employee!.EmployeeNumber == "MO-0104" && p.Assignment.Employee.CurrentAssignmentId == p.AssignmentId && p.Pillar!.Key == "own-it");

        var saving = recorder.SubmitAsync(pillar, Text, 0, new Sharing(false, false),
            new GuardrailContext(new Dictionary<ReflectionPart, string>(), "", []));
        await pause.Claimed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // On its own thread: SQLite's driver waits for the write lock synchronously.
        using var commands = new PublishingCommands();
        var publishing = Task.Run(() =>
        {
            PublishingCommands.Mark();
            return PublishAsync(app, content);
        });
        // Until publishing is held up by the save (or, wrongly, has finished without waiting for it).
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!publishing.IsCompleted && !await publishingWaits(commands))
        {
            Assert.True(DateTime.UtcNow < deadline, "Publishing neither finished nor waited for the save.");
            await Task.Delay(20);
        }
        Assert.False(publishing.IsCompleted, "Publishing went ahead while a reflection was being saved on an assignment it replaces. " + publishing.Exception);

        pause.Release.SetResult();
        Assert.IsType<ReflectionOutcome.Sent>(await saving);
        Assert.Equal(2, await publishing);

        var after = await SergioAsync(app);
        Assert.Equal(2, after.Edition);
        Assert.Equal((true, true, Fields["Meaning"]), after.Pillars["own-it"]);
        Assert.True(after.Pillars["listen"].Reflected);
        Assert.False(after.Pillars["tell-the-truth"].Reflected);
    }

    /// <summary>Whether a session of this PostgreSQL database is waiting for a lock another one holds.</summary>
    static async Task<bool> WaitingForALockAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()";
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>
    /// The database commands publishing sends (those run where <see cref="Mark"/> was called), seen through EF Core's
    /// diagnostic events: how many of its writes (and transaction starts) have started and not yet come back.
    /// </summary>
    sealed class PublishingCommands : IObserver<System.Diagnostics.DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        static readonly AsyncLocal<bool> Publishing = new();
        readonly List<IDisposable> _subscriptions = [];
        int _writesInFlight;

        public PublishingCommands()
        {
            lock (_subscriptions) _subscriptions.Add(System.Diagnostics.DiagnosticListener.AllListeners.Subscribe(this));
        }

        public static void Mark() => Publishing.Value = true;
        public bool WriteInFlight => Volatile.Read(ref _writesInFlight) > 0;

        public void OnNext(System.Diagnostics.DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (!Publishing.Value) return;
            // Starting a transaction is a write too: on SQLite it takes the write lock (BEGIN IMMEDIATE).
            var write = e.Key.Contains(".Transaction.", StringComparison.Ordinal)
                || e.Value is CommandEventData data && !data.Command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
            if (!write) return;
            if (e.Key == RelationalEventId.CommandExecuting.Name || e.Key == RelationalEventId.TransactionStarting.Name)
                Interlocked.Increment(ref _writesInFlight);
            else if (e.Key == RelationalEventId.CommandExecuted.Name || e.Key == RelationalEventId.CommandError.Name || e.Key == RelationalEventId.TransactionStarted.Name)
                Interlocked.Decrement(ref _writesInFlight);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
        }
    }

    /// <summary>Holds the first assignment claim (the UPDATE that locks the row) open until released.</summary>
    sealed class PauseAfterClaim : DbCommandInterceptor
    {
        public TaskCompletionSource Claimed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (!Claimed.Task.IsCompleted && command.CommandText.Contains("COALESCE", StringComparison.OrdinalIgnoreCase)
                && command.CommandText.Contains("StartedAt", StringComparison.Ordinal))
            {
                Claimed.SetResult();
                await Release.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            }
            return result;
        }
    }
}
