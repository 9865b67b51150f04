namespace ServicePromise.Web.Record;

public static class RecordExtensions
{
    public static IHostApplicationBuilder AddRecord(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<RecordRenderer>();
        return builder;
    }
}
