namespace ServicePromise.Web.RoleChanges;

public static class RoleChangesExtensions
{
    public static IHostApplicationBuilder AddRoleChanges(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RoleChangeOptions>().BindConfiguration(RoleChangeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<RoleChangeRecorder>();
        return builder;
    }
}
