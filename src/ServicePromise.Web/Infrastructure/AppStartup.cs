using Microsoft.AspNetCore.Identity;
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
        Certificates.CertificateFonts.Install(options.PdfSharpLicenseKey);

        // Validate content before touching the database, so a broken file fails fast and changes nothing.
        var content = app.Services.LoadContent();

        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        await db.MigrateAsync(ct);
        await EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        var (edition, published) = await services.GetRequiredService<EditionPublisher>().EnsurePublishedAsync(content, ct);
        if (published) await services.GetRequiredService<NewEditionAssigner>().AssignAsync(edition, ct);

        if (app.Environment.IsDevelopment() && options.SeedDemoData && !db.Employees.Any())
            await ActivatorUtilities.CreateInstance<DemoOrganisation>(services).SeedAsync(ct);

        await services.GetRequiredService<Onboarding>().AssignCurrentEditionAsync(ct);
    }

    static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
