namespace ServicePromise.Web.Staff;

public static class StaffExtensions
{
    public static IHostApplicationBuilder AddStaff(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<StaffAccounts>();
        builder.Services.AddScoped<Import.StaffImporter>();
        builder.Services.AddScoped<Import.StaffMappings>();
        builder.Services.AddScoped<SyntheticOrganisation>();
        return builder;
    }
}
