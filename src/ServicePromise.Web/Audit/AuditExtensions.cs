namespace ServicePromise.Web.Audit;

public static class AuditExtensions
{
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditProcess>();
        builder.Services.AddScoped<AuditLog>();
        return builder;
    }
}
