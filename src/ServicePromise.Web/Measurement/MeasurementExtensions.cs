namespace ServicePromise.Web.Measurement;

public static class MeasurementExtensions
{
    public static IHostApplicationBuilder AddMeasurement(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MeasurementOptions>().BindConfiguration(MeasurementOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<AuditImporter>();
        return builder;
    }
}
