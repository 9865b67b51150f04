namespace ServicePromise.Web.Understanding;

public static class UnderstandingExtensions
{
    public static IHostApplicationBuilder AddUnderstanding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<UnderstandingOptions>().BindConfiguration(UnderstandingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
