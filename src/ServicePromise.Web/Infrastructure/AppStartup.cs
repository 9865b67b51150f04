using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Infrastructure;

/// <summary>Everything the site needs before it takes a request: schema, roles, content, and (in Development) the demo organisation.</summary>
public static class AppStartup
{
    public static async Task PrepareAsync(this WebApplication app, CancellationToken ct = default)
    {
        var options = app.Services.GetRequiredService<IOptions<AppOptions>>().Value;
        Certificates.CertificateFonts.Install();

        // Validate content before touching the database, so a broken file fails fast and changes nothing. Meanwhile the EF
        // model, the longest single step of a cold start, is built on the other core (it reads nothing from the database).
        var model = Task.Run(() =>
        {
            using var warm = app.Services.CreateScope();
            _ = warm.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        }, ct);
        ContentSet content;
        try
        {
            content = app.Services.LoadContent();
        }
        finally
        {
            await model;
        }

        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        // Instances started together take turns: each step below checks, then writes (see StartupLock).
        await using (await StartupLock.AcquireAsync(db, app.Logger, ct))
        {
            await db.MigrateAsync(ct);
            await EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>(), db);
            await Audit.SettingsAudit.RecordChangesAsync(services, ct);
            await PublishFirstEditionOrWarnAsync(services, content, ct);

            if (app.Environment.IsDevelopment() && options.SeedDemoData && !await db.Employees.AnyAsync(ct))
                await ActivatorUtilities.CreateInstance<DemoOrganisation>(services).SeedAsync(ct);

            await services.GetRequiredService<Onboarding>().AssignCurrentEditionAsync(ct);
            await Understanding.CheckAnswerRecorder.BackfillAsync(db, ct: ct);
        }
    }

    /// <summary>
    /// The very first start publishes the content as edition 1 so the site works at once. After that,
    /// changed content waits for an admin (the Contenido page) or the publish-content command: a new edition
    /// sends refreshers to people, so it is a decision, not a side effect of a restart.
    /// </summary>
    static async Task PublishFirstEditionOrWarnAsync(IServiceProvider services, ContentSet content, CancellationToken ct)
    {
        var publisher = services.GetRequiredService<EditionPublisher>();
        var pending = await publisher.CompareAsync(content, ct);
        if (pending.Current is null)
        {
            // The first edition and its audit entry together.
            var db = services.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var (edition, published) = await publisher.PublishAsync(content, null, ct);
            if (published)
                await services.GetRequiredService<Audit.AuditLog>().RecordAsync(Audit.AuditActions.ContentPublished,
                    subject: edition.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    details: new Dictionary<string, object?> { ["edition"] = edition.Number, ["note"] = "first start" }, ct: ct);
            await transaction.CommitAsync(ct);
        }
        else if (pending.HasChanges)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AppStartup)).LogWarning(
                "The content folder differs from edition {Number}; an admin can preview and publish it at /admin/content, or run 'publish-content --note \"...\"'.",
                pending.Current.Number);
    }

    /// <summary>Insert-if-absent: a role another process created between the check and the insert is fine too.</summary>
    static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles, AppDbContext db)
    {
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role)) continue;
            try
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (!await roles.RoleExistsAsync(role)) throw;
            }
        }
    }
}
